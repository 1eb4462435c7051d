package dev.isochron.render.context;

/** Which kind of context {@link ContextFactory} creates. */
public enum ContextKind
{
    /** A window when a display exists ({@code DISPLAY} or {@code WAYLAND_DISPLAY} set and GLFW initialises), headless otherwise. */
    AUTO,
    /** A GLFW window; fail when none can be opened. */
    WINDOW,
    /** Headless EGL rendering into an FBO; never opens a window. */
    HEADLESS
}
