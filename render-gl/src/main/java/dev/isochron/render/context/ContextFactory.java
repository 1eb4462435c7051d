package dev.isochron.render.context;

import java.util.Map;

/**
 * Creates the right {@link GlContext}: a GLFW window when a display exists ({@code DISPLAY} or
 * {@code WAYLAND_DISPLAY} set and GLFW initialises), a headless EGL context otherwise, or the kind forced by
 * {@link ContextOptions#kind(ContextKind)}.
 * <p>
 * When nothing works it throws one {@link GlContextException} listing every attempt with its error and what to
 * install. Main thread (windows must be created there); the context is returned not current.
 */
public final class ContextFactory
{
    /** Opens one kind of context; a seam so the choice and its error report are testable without a display. */
    interface Opener
    {
        GlContext open(ContextOptions options);
    }

    private ContextFactory()
    {
    }

    /**
     * @return a new context of the kind the options and the environment call for; not yet current.
     * @throws GlContextException listing each attempt, its error and what to install.
     */
    public static GlContext create(final ContextOptions options)
    {
        return create(options, System.getenv(), GlfwWindowContext::new, EglHeadlessContext::new);
    }

    static GlContext create(
        final ContextOptions options, final Map<String, String> environment, final Opener window, final Opener headless)
    {
        final StringBuilder attempts = new StringBuilder();
        int attempt = 0;
        final ContextKind kind = options.kind();
        final String display = displayOf(environment);

        if (kind == ContextKind.WINDOW || (kind == ContextKind.AUTO && display != null))
        {
            try
            {
                return window.open(options);
            }
            catch (final RuntimeException | LinkageError ex)
            {
                attempts.append("\n  ").append(++attempt).append(". GLFW window (").append(display == null ?
                    "no DISPLAY or WAYLAND_DISPLAY set" : display).append("): ").append(describe(ex));
                if (kind == ContextKind.WINDOW)
                {
                    throw failure(kind, attempts, ex);
                }
            }
        }
        else if (kind == ContextKind.AUTO)
        {
            attempts.append("\n  ").append(++attempt).append(". GLFW window: skipped, no DISPLAY or WAYLAND_DISPLAY set");
        }

        try
        {
            return headless.open(options);
        }
        catch (final RuntimeException | LinkageError ex)
        {
            attempts.append("\n  ").append(++attempt).append(". EGL headless (Mesa surfaceless, or an EGL device): ").append(describe(ex));
            throw failure(kind, attempts, ex);
        }
    }

    private static GlContextException failure(final ContextKind kind, final StringBuilder attempts, final Throwable cause)
    {
        return new GlContextException("no OpenGL 3.3+ core context could be created (kind " + kind + "); tried:" +
            attempts + "\nto fix: " + GlPlatform.INSTALL_HINT + " for headless rendering; for windows without a " +
            "screen, " + GlPlatform.XVFB_HINT, cause);
    }

    private static String describe(final Throwable ex)
    {
        return ex instanceof GlContextException ? ex.getMessage() : ex.toString();
    }

    private static String displayOf(final Map<String, String> environment)
    {
        final String x11 = environment.get("DISPLAY");
        if (x11 != null && !x11.isEmpty())
        {
            return "DISPLAY=" + x11;
        }
        final String wayland = environment.get("WAYLAND_DISPLAY");
        if (wayland != null && !wayland.isEmpty())
        {
            return "WAYLAND_DISPLAY=" + wayland;
        }
        return null;
    }
}
