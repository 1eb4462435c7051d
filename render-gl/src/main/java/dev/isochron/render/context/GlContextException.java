package dev.isochron.render.context;

/**
 * No GL context could be created or used: the message says what was tried, what failed (with the
 * EGL/GLFW error) and what to install or change.
 */
public final class GlContextException extends RuntimeException
{
    private static final long serialVersionUID = 1L;

    /** @param message what was tried, what failed and the fix. */
    public GlContextException(final String message)
    {
        super(message);
    }

    /**
     * @param message what was tried, what failed and the fix.
     * @param cause   the underlying failure.
     */
    public GlContextException(final String message, final Throwable cause)
    {
        super(message, cause);
    }
}
