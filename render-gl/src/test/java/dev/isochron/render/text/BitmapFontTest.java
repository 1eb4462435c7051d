package dev.isochron.render.text;

import dev.isochron.render.batch.QuadVertexLayout;
import dev.isochron.render.batch.Rgba;
import dev.isochron.render.batch.SpriteBatch;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.lwjgl.system.MemoryUtil;

import java.util.HashMap;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.lwjgl.system.MemoryUtil.memGetFloat;

class BitmapFontTest
{
    private static final int FONT_KEY = 5;
    private final Font font = BitmapFont.create().textureKey(FONT_KEY);

    @AfterEach
    void close()
    {
        font.close();
    }

    @Test
    void shouldHaveAGlyphWithInkForEveryVisibleCharacter()
    {
        for (char c = '!'; c <= '~'; c++)
        {
            int ink = 0;
            for (int y = 0; y < BitmapFont.GLYPH_HEIGHT; y++)
            {
                for (int x = 0; x < BitmapFont.GLYPH_WIDTH; x++)
                {
                    ink += BitmapFont.inked(c, x, y) ? 1 : 0;
                }
            }
            assertTrue(ink > 0, "glyph '" + c + "' has no ink");
        }
    }

    @Test
    void shouldCopyEveryGlyphPixelIntoTheAtlasWhereItsUvsPoint()
    {
        final float[] box = new float[4];
        for (char c = '!'; c <= '\u00ff'; c++)
        {
            if (!Font.hasGlyph(c) || c == '\u00a0')
            {
                continue;
            }
            final int[] at = atlasTexel(font, c);
            font.glyphBox(c, box);
            // the quad starts at the cell's top, or one row above it for the glyphs that ink that row
            final int firstRow = (int)box[1] - BitmapFont.TOP_PADDING;
            for (int y = 0; y < (int)box[3]; y++)
            {
                for (int x = 0; x < (int)box[2]; x++)
                {
                    assertEquals(BitmapFont.inked(c, x, firstRow + y) ? 255 : 0, font.atlasAlpha(at[0] + x, at[1] + y),
                        "'" + c + "' pixel " + x + "," + y);
                }
            }
        }
    }

    /** @return the atlas texel of the top-left of {@code c}'s quad, from the texture coordinates drawing it gives. */
    static int[] atlasTexel(final Font font, final char c)
    {
        final SpriteBatch batch = new SpriteBatch(1);
        font.draw(batch, String.valueOf(c), 0f, 0f, 1f, Rgba.WHITE);
        batch.prepare();
        final long at = MemoryUtil.nmemCalloc(1, QuadVertexLayout.BYTES_PER_QUAD);
        try
        {
            batch.generate(0, 1, at);
            return new int[]{
                Math.round(memGetFloat(at + 8) * font.atlasWidth()), Math.round(memGetFloat(at + 12) * font.atlasHeight())};
        }
        finally
        {
            MemoryUtil.nmemFree(at);
        }
    }

    @Test
    void shouldAdvanceThePenAndBreakLines()
    {
        final SpriteBatch batch = new SpriteBatch(16);
        final float end = font.draw(batch, "ab\ncd e", 10f, 20f, 2f, Rgba.WHITE);
        // 'a','b','c','d','e' draw; the space has no ink and costs no quad
        assertEquals(5, batch.size());
        assertEquals(10f + 4 * BitmapFont.ADVANCE * 2f, end, 1e-4f);
        batch.prepare();
        final long at = MemoryUtil.nmemCalloc(5, QuadVertexLayout.BYTES_PER_QUAD);
        try
        {
            batch.generate(0, 1, at);
            final long c = at + 2L * QuadVertexLayout.BYTES_PER_QUAD;
            assertEquals(10f, memGetFloat(c), 1e-4f);
            assertEquals(20f + (BitmapFont.LINE_HEIGHT + BitmapFont.TOP_PADDING) * 2f, memGetFloat(c + 4), 1e-4f);
        }
        finally
        {
            MemoryUtil.nmemFree(at);
        }
    }

    @Test
    void shouldDrawACharArrayRangeLikeTheSameCharSequence()
    {
        final SpriteBatch fromArray = new SpriteBatch(16);
        final SpriteBatch fromSequence = new SpriteBatch(16);
        final char[] chars = "xxHi!\nyo".toCharArray();
        final float endArray = font.draw(fromArray, chars, 2, chars.length - 2, 3f, 4f, 1f, Rgba.WHITE);
        final float endSequence = font.draw(fromSequence, "Hi!\nyo", 3f, 4f, 1f, Rgba.WHITE);

        assertEquals(endSequence, endArray, 1e-6f);
        assertEquals(fromSequence.size(), fromArray.size());
        fromArray.prepare();
        fromSequence.prepare();
        final long a = MemoryUtil.nmemCalloc(fromArray.size(), QuadVertexLayout.BYTES_PER_QUAD);
        final long b = MemoryUtil.nmemCalloc(fromArray.size(), QuadVertexLayout.BYTES_PER_QUAD);
        try
        {
            fromArray.generate(0, 1, a);
            fromSequence.generate(0, 1, b);
            for (long i = 0; i < (long)fromArray.size() * QuadVertexLayout.BYTES_PER_QUAD; i += 4)
            {
                assertEquals(MemoryUtil.memGetInt(b + i), MemoryUtil.memGetInt(a + i), "byte " + i);
            }
        }
        finally
        {
            MemoryUtil.nmemFree(a);
            MemoryUtil.nmemFree(b);
        }
    }

    @Test
    void shouldDrawCharactersOutsideLatin1AsAHollowBox()
    {
        final String box = "....." + "#####" + "#...#" + "#...#" + "#...#" + "#...#" + "#...#" + "#####" + ".....";
        for (final char c : new char[]{'\u20ac', '\u4e2d', '\u0080', '\t'})
        {
            assertEquals(box, pixels(c), "U+" + Integer.toHexString(c));
            assertEquals(atlasTexel(font, '\u20ac')[0], atlasTexel(font, c)[0], "the one replacement glyph's quad");
            assertEquals(atlasTexel(font, '\u20ac')[1], atlasTexel(font, c)[1], "the one replacement glyph's quad");
        }
        assertNotEquals(pixels('?'), box);
    }

    @Test
    void shouldGiveEveryLatin1SupplementCharacterItsOwnGlyph()
    {
        final Map<String, Character> seen = new HashMap<>();
        seen.put(pixels('?'), '?');
        seen.put(pixels('\u20ac'), '\u20ac');
        for (char c = '\u00a1'; c <= '\u00ff'; c++)
        {
            final char ch = c;
            final String glyph = pixels(ch);
            assertTrue(glyph.contains("#"), "U+" + Integer.toHexString(ch) + " has no ink");
            final Character same = seen.put(glyph, ch);
            assertNull(same, () -> "'" + ch + "' looks like '" + same + "':\n" + glyph.replaceAll("(.{5})", "$1\n"));
        }
    }

    @Test
    void shouldMeasureLatin1TextAtOneAdvancePerCharacter()
    {
        assertEquals(11 * BitmapFont.ADVANCE * 2f, font.measure("Gr\u00fc\u00dfe, 5 \u00b0C", 2f), 1e-4f);
    }

    /** @return the glyph {@code c} draws as, one character per pixel, rows -1..7 of the 5x8 cell. */
    private static String pixels(final char c)
    {
        final StringBuilder pixels = new StringBuilder();
        for (int y = -1; y < BitmapFont.GLYPH_HEIGHT; y++)
        {
            for (int x = 0; x < BitmapFont.GLYPH_WIDTH; x++)
            {
                pixels.append(BitmapFont.inked(c, x, y) ? '#' : '.');
            }
        }
        return pixels.toString();
    }

    @Test
    void shouldMeasureTheWidestLine()
    {
        assertEquals(3 * BitmapFont.ADVANCE, font.measure("ab\ncde\nf", 1f), 1e-4f);
    }

    @Test
    void shouldRefuseToDrawBeforeATextureKeyIsSet()
    {
        final Font fresh = BitmapFont.create();
        try
        {
            final IllegalStateException ex = assertThrows(IllegalStateException.class,
                () -> fresh.draw(new SpriteBatch(4), "x", 0f, 0f, 1f, Rgba.WHITE));
            assertEquals("font built-in 5x8 has no texture key: upload its atlas and call textureKey(key) before drawing",
                ex.getMessage());
        }
        finally
        {
            fresh.close();
        }
    }

    @Test
    void shouldRefuseTheAtlasAfterClose()
    {
        final Font closed = BitmapFont.create();
        closed.close();

        final IllegalStateException ex = assertThrows(IllegalStateException.class, closed::atlasRgba);
        assertEquals("Font 'built-in 5x8' used after close(): its atlas pixels were freed (drawing and measuring " +
            "stay usable)", ex.getMessage());
    }

    /** Drawing reads only the glyph metrics, which close() keeps. */
    @Test
    void shouldCloseTwiceAndStillDraw()
    {
        final Font closed = BitmapFont.create().textureKey(FONT_KEY);
        closed.close();
        closed.close();

        final SpriteBatch batch = new SpriteBatch(4);
        closed.draw(batch, "ab", 0f, 0f, 1f, Rgba.WHITE);
        assertEquals(2, batch.size());
    }
}
