package dev.isochron.render.natives;

import org.lwjgl.system.Library;
import org.lwjgl.system.MemoryStack;
import org.lwjgl.system.linux.DynamicLinkLoader;

/**
 * A child-JVM program for {@link LoaderWatchTest}: takes the native-loading lock once (which arms the loader watch),
 * then opens and closes a library that nothing else loads, either inside the lock ({@code inside}) or outside it
 * ({@code outside}), and exits 0.
 */
public final class LoaderWatchProbe
{
    /** A library the probe loads and unloads; nothing else in the child loads it. */
    static final String LIBRARY = "libEGL_mesa.so.0";

    private LoaderWatchProbe()
    {
    }

    public static void main(final String[] args)
    {
        NativeLoading.run(Library::initialize);
        if ("inside".equals(args[0]))
        {
            NativeLoading.run(LoaderWatchProbe::openAndClose);
        }
        else
        {
            openAndClose();
        }
        System.out.println("probe done");
    }

    private static void openAndClose()
    {
        try (MemoryStack stack = MemoryStack.stackPush())
        {
            final long handle = DynamicLinkLoader.dlopen(stack.UTF8(LIBRARY), DynamicLinkLoader.RTLD_LAZY);
            if (0L == handle)
            {
                throw new IllegalStateException(LIBRARY + " cannot be opened: install libegl-mesa0");
            }
            DynamicLinkLoader.dlclose(handle);
        }
    }
}
