package dev.isochron.render.text;

import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
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

    @Test
    void shouldBakeEveryLatin1SupplementCharacterAsAGlyphOfItsOwn()
    {
        try (Font font = TrueTypeFont.bake(TrueTypeFont.DEJAVU_SANS_MONO, PIXEL_HEIGHT).textureKey(1))
        {
            final Map<String, Character> seen = new HashMap<>();
            seen.put(coverage(font, '?'), '?');
            seen.put(coverage(font, '\u4e2d'), '\u4e2d');
            for (char c = '\u00a1'; c <= '\u00ff'; c++)
            {
                final char ch = c;
                assertTrue(inkOf(font, ch) > 0, () -> "U+" + Integer.toHexString(ch) + " has no ink");
                final Character same = seen.put(coverage(font, ch), ch);
                assertNull(same, () -> "'" + ch + "' was baked like '" + same + "'");
            }
        }
    }

    @Test
    void shouldDrawCharactersOutsideLatin1AsTheFontsReplacementCharacter()
    {
        try (Font font = TrueTypeFont.bake(TrueTypeFont.DEJAVU_SANS_MONO, PIXEL_HEIGHT).textureKey(1))
        {
            final String replacement = coverage(font, '\u4e2d');
            assertTrue(inkOf(font, '\u4e2d') > 255L * 10, "the replacement glyph is drawn, not left blank");
            // the euro sign is in DejaVu but not in Latin-1; U+0085 is a C1 control
            assertEquals(replacement, coverage(font, '\u20ac'));
            assertEquals(replacement, coverage(font, '\u0085'));
            assertNotEquals(replacement, coverage(font, '?'));
        }
    }

    @Test
    void shouldMeasureLatin1TextOfAMonospacedFontAtOneAdvancePerCharacter()
    {
        try (Font font = TrueTypeFont.bake(TrueTypeFont.DEJAVU_SANS_MONO, PIXEL_HEIGHT))
        {
            assertEquals(font.advance('a') * 5, font.measure("\u00e9\u00b0\u00b5\u00df\u00d7", 1f), 1e-3f);
        }
    }

    /** @return {@code c}'s glyph as baked: its box, then its atlas coverage row by row. */
    private static String coverage(final Font font, final char c)
    {
        final float[] box = new float[4];
        font.glyphBox(c, box);
        final StringBuilder glyph = new StringBuilder(java.util.Arrays.toString(box));
        final int[] texel = BitmapFontTest.atlasTexel(font, c);
        for (int y = 0; y < (int)box[3]; y++)
        {
            glyph.append('\n');
            for (int x = 0; x < (int)box[2]; x++)
            {
                glyph.append((char)('A' + font.atlasAlpha(texel[0] + x, texel[1] + y) / 16));
            }
        }
        return glyph.toString();
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
