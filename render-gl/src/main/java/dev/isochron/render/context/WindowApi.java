package dev.isochron.render.context;

/**
 * Which API a window's GL context is created through ({@link ContextOptions#windowApi}). Headless contexts always use
 * EGL.
 */
public enum WindowApi
{
    /**
     * The platform's native API (GLX, WGL, NSGL), falling back to EGL when the native one fails; on Wayland, EGL.
     * Chosen by measurement: under X11 with Mesa's llvmpipe a GLX window presented 2,000 sprites about 3x faster
     * than the same window through EGL (docs/perf.md, "The windowed path").
     */
    AUTO,
    /** The platform's native API only. */
    NATIVE,
    /** EGL only. */
    EGL
}
