package dev.isochron.render.context;

import dev.isochron.render.natives.NativeLibrary;
import dev.isochron.render.natives.NativeLoading;
import org.lwjgl.opengl.GL;
import org.lwjgl.system.Configuration;

/**
 * The one place that sets JVM-wide LWJGL configuration for GL: explicit initialisation
 * ({@code OPENGL_EXPLICIT_INIT}) with one function provider, {@link GlFunctions}, which looks each context's functions
 * up through that context's own API (GLFW for windows, whatever their API; EGL for headless contexts). Windows can then
 * use the platform's native API where it presents faster and headless runs EGL, in one process, with valid
 * pointers for each.
 * <p>
 * Must run before any {@code org.lwjgl.opengl.GL} class is initialised; every context constructor in this package
 * calls it first. Loads LWJGL's OpenGL bindings under {@link NativeLoading}'s lock. Thread-safe; idempotent.
 */
public final class GlPlatform
{
    /** What to install for headless GL on Debian/Ubuntu. */
    public static final String INSTALL_HINT = "apt-get install libegl1 libegl-mesa0 libgl1-mesa-dri";
    /** What to install to open windows without a real display (CI). */
    public static final String XVFB_HINT = "apt-get install xvfb xauth, then run under xvfb-run -a";

    private static boolean configured;

    private GlPlatform()
    {
    }

    /**
     * Sets the JVM-wide LWJGL configuration and creates LWJGL's GL function provider the first time it is called;
     * later calls do nothing.
     *
     * @throws GlContextException when LWJGL's GL was initialised elsewhere first, with another function provider.
     */
    public static void configureOnce()
    {
        NativeLoading.run(GlPlatform::configureLocked);
    }

    private static void configureLocked()
    {
        if (configured)
        {
            return;
        }
        Configuration.OPENGL_EXPLICIT_INIT.set(true);
        NativeLoading.preload(NativeLibrary.OPENGL);
        if (null != GL.getFunctionProvider())
        {
            throw new GlContextException("LWJGL's GL was initialised elsewhere before Isochron's first context " +
                "(GL.create() or a GL class touched with org.lwjgl.opengl.explicitInit off); let Isochron create its " +
                "contexts first, or call GlPlatform.configureOnce() before any other LWJGL GL use");
        }
        GL.create(GlFunctions.PROVIDER);
        configured = true;
    }

    /** @return whether {@link #configureOnce()} has run. */
    public static boolean isConfigured()
    {
        return NativeLoading.call(() -> configured);
    }
}
