package dev.isochron.render.gl;

/** A GL call failed: the message names the call and the GL error or debug message. */
public final class GlException extends RuntimeException
{
    private static final long serialVersionUID = 1L;

    /** @param message names the call, the error and, where known, the fix. */
    public GlException(final String message)
    {
        super(message);
    }
}
