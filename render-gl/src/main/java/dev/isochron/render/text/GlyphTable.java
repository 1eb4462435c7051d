package dev.isochron.render.text;

import java.nio.ByteBuffer;

/**
 * The per-glyph metrics and atlas coordinates a font factory fills in, one glyph at a time, before it makes the
 * {@link Font}: shared by {@link BitmapFont} and {@link TrueTypeFont} so both turn atlas texel rectangles into
 * texture coordinates the same way. Start-up only: allocates its arrays; single-threaded.
 */
final class GlyphTable
{
    private final int atlasWidth;
    private final int atlasHeight;
    private final float[] advance = new float[GlyphIndex.COUNT];
    private final float[] offsetX = new float[GlyphIndex.COUNT];
    private final float[] offsetY = new float[GlyphIndex.COUNT];
    private final float[] width = new float[GlyphIndex.COUNT];
    private final float[] height = new float[GlyphIndex.COUNT];
    private final float[] u0 = new float[GlyphIndex.COUNT];
    private final float[] v0 = new float[GlyphIndex.COUNT];
    private final float[] u1 = new float[GlyphIndex.COUNT];
    private final float[] v1 = new float[GlyphIndex.COUNT];

    GlyphTable(final int atlasWidth, final int atlasHeight)
    {
        this.atlasWidth = atlasWidth;
        this.atlasHeight = atlasHeight;
    }

    /**
     * Sets the glyph in slot {@code g} (see {@link GlyphIndex}): its pen advance, its quad's offset from the pen
     * at the line's top and its size (0 for a glyph with no ink), all in pixels at scale 1, and the atlas texel
     * rectangle {@code [x0, x1) x [y0, y1)} it is drawn from.
     */
    void glyph(
        final int g,
        final float advance,
        final float offsetX,
        final float offsetY,
        final float width,
        final float height,
        final int x0,
        final int y0,
        final int x1,
        final int y1)
    {
        this.advance[g] = advance;
        this.offsetX[g] = offsetX;
        this.offsetY[g] = offsetY;
        this.width[g] = width;
        this.height[g] = height;
        u0[g] = (float)x0 / atlasWidth;
        v0[g] = (float)y0 / atlasHeight;
        u1[g] = (float)x1 / atlasWidth;
        v1[g] = (float)y1 / atlasHeight;
    }

    /**
     * Makes the font over these arrays (taken over, not copied: use a table for one font only) and
     * {@code atlasRgba}, whose ownership passes to the font.
     */
    Font toFont(final String name, final float lineHeight, final float ascent, final ByteBuffer atlasRgba)
    {
        return new Font(name, lineHeight, ascent, advance, offsetX, offsetY, width, height,
            u0, v0, u1, v1, atlasRgba, atlasWidth, atlasHeight);
    }
}
