package dev.isochron.render.context;

import org.lwjgl.system.Configuration;

/**
 * The one place that sets JVM-wide LWJGL configuration for GL: {@code OPENGL_CONTEXT_API = "EGL"}, so GL
 * functions resolve through {@code eglGetProcAddress}. Headless contexts and windows (GLFW with
 * {@code GLFW_EGL_CONTEXT_API}) then use the same function provider, and only libEGL and the Mesa DRI
 * driver are needed, not libGL/GLX.
 * <p>
 * Must run before any {@code org.lwjgl.opengl.GL} class is initialised; every context constructor in this
 * package calls it first. Thread-safe; idempotent.
 */
public final class GlPlatform
{
    /** The value given to {@link Configuration#OPENGL_CONTEXT_API}. */
    public static final String OPENGL_CONTEXT_API = "EGL";

    /** What to install for headless GL on Debian/Ubuntu. */
    public static final String INSTALL_HINT = "apt-get install libegl1 libegl-mesa0 libgl1-mesa-dri";
    /** What to install to open windows without a real display (CI). */
    public static final String XVFB_HINT = "apt-get install xvfb xauth, then run under xvfb-run -a";

    private static boolean configured;

    private GlPlatform()
    {
    }

    /**
     * Sets the JVM-wide LWJGL configuration the first time it is called; later calls do nothing.
     *
     * @throws GlContextException when another value was set for {@code OPENGL_CONTEXT_API} elsewhere.
     */
    public static synchronized void configureOnce()
    {
        if (configured)
        {
            return;
        }
        final Object existing = Configuration.OPENGL_CONTEXT_API.get();
        if (existing != null && !OPENGL_CONTEXT_API.equals(existing))
        {
            throw new GlContextException("LWJGL Configuration.OPENGL_CONTEXT_API was set to '" + existing +
                "' elsewhere; Isochron needs '" + OPENGL_CONTEXT_API + "' (remove the other setting or the " +
                "-Dorg.lwjgl.opengl.contextAPI system property)");
        }
        Configuration.OPENGL_CONTEXT_API.set(OPENGL_CONTEXT_API);
        configured = true;
    }

    /** @return whether {@link #configureOnce()} has run. */
    public static synchronized boolean isConfigured()
    {
        return configured;
    }
}
