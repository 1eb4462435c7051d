package dev.isochron.render.runtime;

import dev.isochron.input.state.InputState;
import dev.isochron.render.Isochron;
import dev.isochron.render.batch.Rgba;
import dev.isochron.render.context.ContextKind;
import dev.isochron.render.text.BitmapFont;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Latin-1 text drawn through {@link Frame#hudText(CharSequence, float, float, int)} in the runtime's default font,
 * rendered by GL on HeadlessGl (Mesa llvmpipe) and read back from the run's screenshot: every pixel of each glyph's
 * cell, the row above it that accented capitals reach included, is lit exactly where the built-in font inks it.
 */
class DefaultFontTextTest
{
    private static final String TEXT = "\u00e9\u00b0\u00b5\u00c9";
    private static final int X = 4;
    private static final int Y = 6;

    @TempDir
    Path dir;

    /** Draws {@link #TEXT} in white at ({@link #X}, {@link #Y}) every frame. */
    static final class Latin1Text implements Application<long[]>
    {
        public long[] newRenderState()
        {
            return new long[1];
        }

        public void update(final Tick tick, final InputState input)
        {
        }

        public void writeRenderState(final long[] dest)
        {
        }

        public void render(final long[] state, final Frame frame)
        {
            frame.hudText(TEXT, X, Y, Rgba.WHITE);
        }
    }

    @Test
    void shouldDrawEachLatin1GlyphOfTheDefaultFontPixelForPixel() throws Exception
    {
        final Path png = dir.resolve("text.png");

        final RunResult result = Isochron.run(new Latin1Text(), new RuntimeConfig().context(ContextKind.HEADLESS)
            .size(64, 32).hudVisible(false)
            .measurement(new MeasurementConfig().warmupFrames(0).frames(2).screenshotPath(png)));

        assertEquals(ExitCause.FRAME_LIMIT, result.exitCause());
        final BufferedImage image = ImageIO.read(png.toFile());
        for (int i = 0; i < TEXT.length(); i++)
        {
            final char c = TEXT.charAt(i);
            for (int row = -1; row < BitmapFont.GLYPH_HEIGHT; row++)
            {
                for (int column = 0; column < BitmapFont.ADVANCE; column++)
                {
                    final int x = X + i * BitmapFont.ADVANCE + column;
                    final int y = Y + BitmapFont.TOP_PADDING + row;
                    final boolean lit = (image.getRGB(x, y) & 0xFF) > 128;
                    assertEquals(BitmapFont.inked(c, column, row), lit,
                        "'" + c + "' column " + column + " row " + row + " at (" + x + ", " + y + ")");
                }
            }
        }
    }
}
