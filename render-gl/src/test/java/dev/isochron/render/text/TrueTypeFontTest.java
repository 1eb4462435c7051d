package dev.isochron.render.text;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class TrueTypeFontTest
{
    private static final float PIXEL_HEIGHT = 24f;

    @Test
    void shouldBakeDejaVuWithCoverageInsideEachLettersBox()
    {
        try (Font font = TrueTypeFont.bake(TrueTypeFont.DEJAVU_SANS_MONO, PIXEL_HEIGHT))
        {
            final float[] box = new float[4];
            for (char c = 'A'; c <= 'Z'; c++)
            {
                font.glyphBox(c, box);
                assertTrue(box[2] > 0 && box[3] > 0, "glyph box of '" + c + "'");
            }
            assertTrue(font.lineHeight() > PIXEL_HEIGHT - 0.5f, "line height " + font.lineHeight());
            assertTrue(font.ascent() > 0 && font.ascent() < font.lineHeight(), "ascent " + font.ascent());
            final long ink = inkOf(font, 'A');
            assertTrue(ink > 255L * 10, "coverage of 'A' " + ink);
            assertEquals(0, inkOf(font, ' '));
        }
    }

    @Test
    void shouldPutTheBaselineWhereCapitalsEnd()
    {
        try (Font font = TrueTypeFont.bake(TrueTypeFont.DEJAVU_SANS_MONO, PIXEL_HEIGHT))
        {
            final float[] box = new float[4];
            font.glyphBox('H', box);
            assertEquals(font.ascent(), box[1] + box[3], 1.5f);
        }
    }

    @Test
    void shouldLoadDejaVuSansMonoWhenNoPathIsGiven()
    {
        try (Font font = TrueTypeFont.loadOrDefault(null, PIXEL_HEIGHT))
        {
            assertEquals(TrueTypeFont.DEJAVU_SANS_MONO.toString(), font.name());
        }
    }

    @Test
    void shouldGiveEveryGlyphOfAMonospacedFontTheSameAdvance()
    {
        try (Font font = TrueTypeFont.bake(TrueTypeFont.DEJAVU_SANS_MONO, PIXEL_HEIGHT))
        {
            assertEquals(font.advance('i'), font.advance('W'), 1e-4f);
            assertEquals(font.advance(' ') * 3, font.measure("abc", 1f), 1e-3f);
        }
    }

    @Test
    void shouldRejectAPixelHeightOutOfRange()
    {
        final IllegalArgumentException ex = assertThrows(IllegalArgumentException.class,
            () -> TrueTypeFont.bake(TrueTypeFont.DEJAVU_SANS_MONO, 1000f));
        assertEquals("pixelHeight must be in [4.0, 256.0], was 1000.0", ex.getMessage());
    }

    /** Sums atlas alpha over the glyph's texel rectangle, found from its uvs through a one-quad batch. */
    private static long inkOf(final Font font, final char c)
    {
        final dev.isochron.render.batch.SpriteBatch batch = new dev.isochron.render.batch.SpriteBatch(2);
        font.textureKey(1).draw(batch, String.valueOf(c), 0f, 0f, 1f, -1);
        if (batch.size() == 0)
        {
            return 0;
        }
        batch.prepare();
        final long at = org.lwjgl.system.MemoryUtil.nmemCalloc(1, 80);
        try
        {
            batch.generate(0, 1, at);
            final int x0 = Math.round(org.lwjgl.system.MemoryUtil.memGetFloat(at + 8) * font.atlasWidth());
            final int y0 = Math.round(org.lwjgl.system.MemoryUtil.memGetFloat(at + 12) * font.atlasHeight());
            final int x1 = Math.round(org.lwjgl.system.MemoryUtil.memGetFloat(at + 48) * font.atlasWidth());
            final int y1 = Math.round(org.lwjgl.system.MemoryUtil.memGetFloat(at + 52) * font.atlasHeight());
            long ink = 0;
            for (int y = y0; y < y1; y++)
            {
                for (int x = x0; x < x1; x++)
                {
                    ink += font.atlasAlpha(x, y);
                }
            }
            return ink;
        }
        finally
        {
            org.lwjgl.system.MemoryUtil.nmemFree(at);
        }
    }
}
