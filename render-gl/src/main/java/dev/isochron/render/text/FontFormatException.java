package dev.isochron.render.text;

/**
 * A font file that Isochron refuses to hand to stb_truetype (which is not safe on malformed
 * input), or cannot read. The message names the file, the byte offset and the reason.
 */
public final class FontFormatException extends RuntimeException
{
    private static final long serialVersionUID = 1L;

    private final String path;
    private final long offset;
    private final String reason;

    /**
     * @param path   the font's path (or a description of where its bytes came from).
     * @param offset the byte offset where the problem is, or -1 when it concerns the whole file.
     * @param reason what is wrong.
     */
    public FontFormatException(final String path, final long offset, final String reason)
    {
        this(path, offset, reason, null);
    }

    /** As {@link #FontFormatException(String, long, String)}, with the I/O cause. */
    public FontFormatException(final String path, final long offset, final String reason, final Throwable cause)
    {
        super("font " + path + (offset >= 0 ? " at byte offset " + offset : "") + ": " + reason +
            " (use a valid TrueType .ttf file, or no font path for the built-in bitmap font)", cause);
        this.path = path;
        this.offset = offset;
        this.reason = reason;
    }

    /** @return the font's path. */
    public String path()
    {
        return path;
    }

    /** @return the byte offset of the problem, or -1 for the whole file. */
    public long offset()
    {
        return offset;
    }

    /** @return what is wrong, without the path and offset. */
    public String reason()
    {
        return reason;
    }
}
