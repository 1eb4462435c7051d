package dev.isochron.render.text;

/**
 * Finds where a block of text wraps to a width, one line at a time, over the characters themselves: no String is
 * made and nothing is allocated, so {@link Font#drawWrapped} and {@link Font#measureWrapped} can run every frame.
 * The rules are {@link TextLayout}'s.
 * <p>
 * One per font, reused: single-threaded, as the font's drawing is.
 */
final class LineBreaker
{
    private final Font font;
    /** End (exclusive) of the line found, trailing spaces excluded. */
    int lineEnd;
    /** Where the line after it starts; {@code end + 1} when the text has no more lines. */
    int nextStart;
    /** The line's width without its trailing spaces, in pixels at the scale given. */
    float lineWidth;

    LineBreaker(final Font font)
    {
        this.font = font;
    }

    /**
     * Finds the line of {@code text} that starts at {@code start}, up to {@code end}; sets {@link #lineEnd},
     * {@link #nextStart} and {@link #lineWidth}.
     *
     * @param start a line's start: 0, or the {@link #nextStart} of the line before, at most {@code end}.
     */
    void next(final CharSequence text, final int start, final int end, final float wrapWidth, final float scale)
    {
        float width = 0f;
        // the line so far without its trailing spaces
        int inkEnd = start;
        float inkWidth = 0f;
        // the last break found: where the line would end there, and its width
        int breakEnd = -1;
        float breakWidth = 0f;
        for (int i = start; i < end; i++)
        {
            final char c = text.charAt(i);
            if (c == '\n')
            {
                line(inkEnd, inkWidth, i + 1);
                return;
            }
            final float advance = font.advance(c) * scale;
            if (c == ' ')
            {
                if (inkEnd == i && i > start)
                {
                    breakEnd = inkEnd;
                    breakWidth = inkWidth;
                }
            }
            else
            {
                if (width + advance > wrapWidth && i > start)
                {
                    if (breakEnd >= 0)
                    {
                        line(breakEnd, breakWidth, skipSpaces(text, breakEnd, end));
                    }
                    else
                    {
                        line(i, width, i);
                    }
                    return;
                }
                inkEnd = i + 1;
                inkWidth = width + advance;
            }
            width += advance;
        }
        line(inkEnd, inkWidth, end + 1);
    }

    private void line(final int end, final float width, final int next)
    {
        lineEnd = end;
        lineWidth = width;
        nextStart = next;
    }

    private static int skipSpaces(final CharSequence text, final int from, final int end)
    {
        int i = from;
        while (i < end && text.charAt(i) == ' ')
        {
            i++;
        }
        return i;
    }
}
