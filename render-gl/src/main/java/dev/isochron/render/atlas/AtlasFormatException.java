package dev.isochron.render.atlas;

/**
 * An atlas file that is not a valid libGDX text atlas, or breaks the bounds Isochron keeps to: the message names the
 * file and the line ({@code atlas <file>:<line>: <what is wrong>; <what would be right>}).
 */
public final class AtlasFormatException extends IllegalArgumentException
{
    private static final long serialVersionUID = 1L;

    private final String file;
    private final int line;

    /**
     * @param file names the atlas (its path, or the label given to the parser).
     * @param line the 1-based line, or 0 when the problem is the whole file.
     */
    public AtlasFormatException(final String file, final int line, final String problem)
    {
        super("atlas " + file + (line > 0 ? ":" + line : "") + ": " + problem);
        this.file = file;
        this.line = line;
    }

    /** @return the atlas, as the message names it. */
    public String file()
    {
        return file;
    }

    /** @return the 1-based line, or 0 when the problem is the whole file. */
    public int line()
    {
        return line;
    }
}
