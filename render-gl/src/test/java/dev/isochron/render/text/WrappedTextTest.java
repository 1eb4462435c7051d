package dev.isochron.render.text;

import dev.isochron.render.batch.QuadVertexLayout;
import dev.isochron.render.batch.Rgba;
import dev.isochron.render.batch.SpriteBatch;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.lwjgl.system.MemoryUtil;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/**
 * Wrapping, measuring and aligning a block with the built-in font, whose every character advances
 * {@link BitmapFont#ADVANCE} (6) pixels at scale 1: a width of 60 holds 10 characters.
 */
class WrappedTextTest
{
    private static final int FONT_KEY = 3;
    private final Font font = BitmapFont.create().textureKey(FONT_KEY);
    private final TextLayout layout = new TextLayout(8);

    @AfterEach
    void close()
    {
        font.close();
    }

    @Test
    void shouldWrapAtTheLastSpaceBeforeTheWidthAndDropIt()
    {
        font.measureWrapped("the quick brown fox", 60f, 1f, layout);

        assertArrayEquals(new int[]{0, 9, 10, 19}, ranges(), "\"the quick\" and \"brown fox\"");
    }

    @Test
    void shouldBreakAWordWiderThanTheWidthAfterTheLastCharacterThatFits()
    {
        font.measureWrapped("ab cdefghij", 30f, 1f, layout);

        assertArrayEquals(new int[]{0, 2, 3, 8, 8, 11}, ranges(), "\"ab\", \"cdefg\", \"hij\"");
    }

    @Test
    void shouldStartALineAtEveryNewlineAndKeepEmptyOnes()
    {
        font.measureWrapped("ab\n\ncd\n", 60f, 1f, layout);

        assertArrayEquals(new int[]{0, 2, 3, 3, 4, 6, 7, 7}, ranges());
    }

    @Test
    void shouldLeaveTrailingSpacesOutOfALinesWidth()
    {
        font.measureWrapped("ab    \nabcd  ", 48f, 2f, layout);

        assertEquals(2, layout.lineCount());
        assertEquals(2 * BitmapFont.ADVANCE * 2f, layout.lineWidth(0), 1e-4f);
        assertEquals(4 * BitmapFont.ADVANCE * 2f, layout.lineWidth(1), 1e-4f);
    }

    @Test
    void shouldMeasureTheWidestLineAndTheHeightOfAllLines()
    {
        font.measureWrapped("the quick brown fox jumps", 60f, 2f, layout);

        // at scale 2 a width of 60 holds 5 characters: "the", "quick", "brown", "fox", "jumps"
        assertEquals(5, layout.lineCount());
        assertEquals(5 * BitmapFont.ADVANCE * 2f, layout.width(), 1e-4f);
        assertEquals(5 * BitmapFont.LINE_HEIGHT * 2f, layout.height(), 1e-4f);
    }

    @Test
    void shouldLayOutNoLinesForNoText()
    {
        font.measureWrapped("", 60f, 1f, layout);

        assertEquals(0, layout.lineCount());
        assertEquals(0f, layout.height());
    }

    @Test
    void shouldOffsetEachLineByItsAlignment()
    {
        // lines 12 and 24 pixels wide in a block of 60
        assertEquals(10f, firstQuadX(TextAlign.LEFT, 0), 1e-4f);
        assertEquals(10f, firstQuadX(TextAlign.LEFT, 1), 1e-4f);
        assertEquals(10f + 24f, firstQuadX(TextAlign.CENTRE, 0), 1e-4f);
        assertEquals(10f + 18f, firstQuadX(TextAlign.CENTRE, 1), 1e-4f);
        assertEquals(10f + 48f, firstQuadX(TextAlign.RIGHT, 0), 1e-4f);
        assertEquals(10f + 36f, firstQuadX(TextAlign.RIGHT, 1), 1e-4f);
    }

    @Test
    void shouldReturnTheHeightOfTheLinesDrawn()
    {
        final SpriteBatch batch = new SpriteBatch(64);

        final float height = font.drawWrapped(batch, "the quick brown fox", 0f, 0f, 60f, TextAlign.LEFT, 1f, Rgba.WHITE);

        assertEquals(2 * BitmapFont.LINE_HEIGHT, height, 1e-4f);
        assertEquals(16, batch.size(), "one quad per letter, none for the spaces");
    }

    @Test
    void shouldRefuseAWidthThatIsNotPositive()
    {
        final IllegalArgumentException ex = assertThrows(IllegalArgumentException.class,
            () -> font.measureWrapped("x", 0f, 1f, layout));
        assertEquals("the width to wrap to must be > 0, was 0.0", ex.getMessage());
    }

    /** @return start and end of each line laid out. */
    private int[] ranges()
    {
        final int[] ranges = new int[2 * layout.lineCount()];
        for (int i = 0; i < layout.lineCount(); i++)
        {
            ranges[2 * i] = layout.lineStart(i);
            ranges[2 * i + 1] = layout.lineEnd(i);
        }
        return ranges;
    }

    /** @return the x of the first quad of {@code line} of "ab\nabcd" drawn at x = 10 in a block 60 wide. */
    private float firstQuadX(final TextAlign align, final int line)
    {
        final SpriteBatch batch = new SpriteBatch(8);
        font.drawWrapped(batch, "ab\nabcd", 10f, 20f, 60f, align, 1f, Rgba.WHITE);
        batch.prepare();
        final long at = MemoryUtil.nmemCalloc(batch.size(), QuadVertexLayout.BYTES_PER_QUAD);
        try
        {
            batch.generate(0, 1, at);
            return MemoryUtil.memGetFloat(at + (line == 0 ? 0L : 2L) * QuadVertexLayout.BYTES_PER_QUAD);
        }
        finally
        {
            MemoryUtil.nmemFree(at);
        }
    }
}
