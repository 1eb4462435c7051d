package dev.isochron.render.text;

/**
 * Where each line of a wrapped block sits within the block's width ({@link Font#drawWrapped}): the line's trailing
 * spaces do not count, so a right-aligned line ends on the edge whatever spaces followed its last word.
 */
public enum TextAlign
{
    /** Lines start at the block's left edge. */
    LEFT,
    /** Lines are centred: equal space either side, possibly half a pixel (quads are snapped to whole pixels). */
    CENTRE,
    /** Lines end at the block's right edge. */
    RIGHT;

    /**
     * @param blockWidth the width lines are aligned within.
     * @param lineWidth  the line's width without its trailing spaces.
     * @return how far right of the block's left edge the line starts (negative when the line is wider, as a single
     * character wider than the block can be). Allocation-free.
     */
    public float offset(final float blockWidth, final float lineWidth)
    {
        if (this == LEFT)
        {
            return 0f;
        }
        final float room = blockWidth - lineWidth;
        return this == CENTRE ? room * 0.5f : room;
    }
}
