package dev.isochron.render.natives;

import org.lwjgl.system.Library;
import org.lwjgl.system.MemoryStack;
import org.lwjgl.system.SharedLibrary;
import org.lwjgl.system.linux.DynamicLinkLoader;

import java.util.concurrent.atomic.AtomicLong;

/**
 * A child-JVM program that races the two halves of glibc's loader deadlock (LWJGL issue 1148): one thread loads and
 * frees a system library through LWJGL ({@code Library.loadNative} looks its path up with {@code dl_iterate_phdr}
 * and a {@code dlopen} inside the walk), the other opens and closes another library with a plain {@code dlopen}, as
 * {@code glfwInit} does. With {@code unguarded} the two run freely and the process hangs within moments; with
 * {@code guarded} each iteration runs under {@link NativeLoading}'s lock and the program prints
 * {@value #FINISHED} and exits 0 after the given number of iterations per thread.
 * <p>
 * Arguments: {@code guarded|unguarded <iterations>}. Progress goes to stdout once a second, so a hang shows where
 * the counts stopped.
 */
public final class NativeLoaderRace
{
    /** The line printed when every iteration finished. */
    public static final String FINISHED = "race finished";
    /** The library loaded through LWJGL's system-library path (the lookup that walks the loaded objects). */
    static final String LWJGL_LOADED = "libEGL.so.1";
    /** The library opened with a plain dlopen, the way {@code glfwInit} opens the X11 libraries. */
    static final String DLOPENED = "libEGL_mesa.so.0";

    private NativeLoaderRace()
    {
    }

    public static void main(final String[] args) throws InterruptedException
    {
        final boolean guarded = "guarded".equals(args[0]);
        final long iterations = Long.parseLong(args[1]);
        Library.initialize();
        final AtomicLong loads = new AtomicLong();
        final AtomicLong opens = new AtomicLong();
        final Thread loader = new Thread(() ->
        {
            for (long i = 0; i < iterations; i++)
            {
                if (guarded)
                {
                    NativeLoading.run(NativeLoaderRace::loadThroughLwjgl);
                }
                else
                {
                    loadThroughLwjgl();
                }
                loads.incrementAndGet();
            }
        }, "race-lwjgl-load");
        final Thread opener = new Thread(() ->
        {
            for (long i = 0; i < iterations; i++)
            {
                if (guarded)
                {
                    NativeLoading.run(NativeLoaderRace::openAndClose);
                }
                else
                {
                    openAndClose();
                }
                opens.incrementAndGet();
            }
        }, "race-dlopen");
        System.out.println("race started: " + (guarded ? "guarded" : "unguarded") + ", " + iterations + " iterations");
        loader.start();
        opener.start();
        while (loader.isAlive() || opener.isAlive())
        {
            loader.join(1000);
            System.out.println("progress: lwjgl loads " + loads.get() + ", dlopens " + opens.get());
        }
        System.out.println(FINISHED);
    }

    private static void loadThroughLwjgl()
    {
        final SharedLibrary library = Library.loadNative(NativeLoaderRace.class, "org.lwjgl", LWJGL_LOADED);
        library.free();
    }

    private static void openAndClose()
    {
        try (MemoryStack stack = MemoryStack.stackPush())
        {
            final long handle = DynamicLinkLoader.dlopen(stack.UTF8(DLOPENED), DynamicLinkLoader.RTLD_LAZY);
            if (0L == handle)
            {
                throw new IllegalStateException(DLOPENED + " cannot be opened: install libegl-mesa0");
            }
            DynamicLinkLoader.dlclose(handle);
        }
    }
}
