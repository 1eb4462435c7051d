package dev.isochron.render.text;

/**
 * Where a block of text wraps, filled by {@link Font#measureWrapped}: its lines (the character range and width of
 * each), the widest line and the height, to place a block before drawing it (a panel behind it, a scroll bar) or to
 * check where it breaks. Made once with room for the most lines a caller wants to look at and refilled as often as
 * needed: every count and size covers the whole text, the per-line ranges only the first {@link #lineCapacity()}
 * lines.
 * <p>
 * Where lines break: {@code '\n'} always ends a line; a line wraps at the last run of spaces (U+0020) before the
 * character that would overflow the width, and that run is dropped; a word wider than the width is broken hard,
 * after the last character that fits (at least one character per line). Spaces at a line's end hang past the width
 * and do not count in its width; spaces at a paragraph's start (indentation) are kept; a no-break space (U+00A0)
 * never breaks. Text of no characters has no lines; otherwise each {@code '\n'} starts one more ({@code "a\n"} has
 * two). Widths are sums of advances: the fonts have no kerning.
 * <p>
 * Allocation-free after construction. Not thread-safe.
 */
public final class TextLayout
{
    private final int[] starts;
    private final int[] ends;
    private final float[] widths;
    private int lineCount;
    private float width;
    private float height;
    private float wrapWidth;

    /**
     * @param lineCapacity lines whose range and width are kept, >= 0 (0 keeps only the counts and sizes).
     */
    public TextLayout(final int lineCapacity)
    {
        if (lineCapacity < 0)
        {
            throw Messages.badCapacity(lineCapacity);
        }
        starts = new int[lineCapacity];
        ends = new int[lineCapacity];
        widths = new float[lineCapacity];
    }

    /** @return lines whose range and width are kept. */
    public int lineCapacity()
    {
        return starts.length;
    }

    /** Empties the layout. Allocation-free. @return this. */
    public TextLayout reset()
    {
        lineCount = 0;
        width = 0f;
        height = 0f;
        wrapWidth = 0f;
        return this;
    }

    /** @return the lines of the text laid out, all of them (also beyond {@link #lineCapacity()}). */
    public int lineCount()
    {
        return lineCount;
    }

    /** @return the widest line's width without trailing spaces, in pixels. */
    public float width()
    {
        return width;
    }

    /** @return the lines' height together: line count times the font's line height, in pixels. */
    public float height()
    {
        return height;
    }

    /** @return the width the text was wrapped to, in pixels. */
    public float wrapWidth()
    {
        return wrapWidth;
    }

    /** @return the index of the first character of {@code line}, in [0, min({@link #lineCount()}, capacity)). */
    public int lineStart(final int line)
    {
        return starts[check(line)];
    }

    /** @return the index after the last character drawn on {@code line} (its trailing spaces and newline excluded). */
    public int lineEnd(final int line)
    {
        return ends[check(line)];
    }

    /** @return the width of {@code line} without its trailing spaces, in pixels. */
    public float lineWidth(final int line)
    {
        return widths[check(line)];
    }

    /** @return how far right of the block's left edge {@code line} starts when drawn with {@code align}. */
    public float lineOffset(final int line, final TextAlign align)
    {
        return align.offset(wrapWidth, widths[check(line)]);
    }

    void begin(final float wrapWidth)
    {
        reset();
        this.wrapWidth = wrapWidth;
    }

    void add(final int start, final int end, final float lineWidth)
    {
        if (lineCount < starts.length)
        {
            starts[lineCount] = start;
            ends[lineCount] = end;
            widths[lineCount] = lineWidth;
        }
        lineCount++;
        width = Math.max(width, lineWidth);
    }

    void end(final float lineHeight)
    {
        height = lineCount * lineHeight;
    }

    private int check(final int line)
    {
        if (line < 0 || line >= lineCount || line >= starts.length)
        {
            throw Messages.badLine(line, Math.min(lineCount, starts.length));
        }
        return line;
    }

    /** The error messages, in a class of their own so that TextLayout holds no String constant (see {@link Font}). */
    private static final class Messages
    {
        private Messages()
        {
        }

        static IllegalArgumentException badCapacity(final int capacity)
        {
            return new IllegalArgumentException("lineCapacity must be >= 0, was " + capacity);
        }

        static IndexOutOfBoundsException badLine(final int line, final int kept)
        {
            return new IndexOutOfBoundsException("line must be in [0, " + kept + ") (the lines laid out and kept), " +
                "was " + line);
        }
    }
}
