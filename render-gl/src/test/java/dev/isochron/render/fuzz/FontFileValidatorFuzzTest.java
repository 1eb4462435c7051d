package dev.isochron.render.fuzz;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.isochron.render.text.FontFileValidator;
import dev.isochron.render.text.FontFormatException;
import dev.isochron.render.text.TrueTypeFont;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Fuzzes the font loader's front-end, {@link FontFileValidator}: whatever the bytes, {@code validate} and
 * {@code validateGlyph} either accept them or throw {@link FontFormatException}; any other exception (an index out
 * of bounds, an overflow) is a finding, since it means a bound stb_truetype relies on was not checked.
 * <p>
 * Two targets: raw bytes (seeded with a minimal valid font), and DejaVu Sans Mono with fuzzed byte corruptions
 * anywhere in the file (reaching deep tables the raw target rarely builds). stb_truetype itself is native and not
 * called here: what is fuzzed is the Java guard in front of it.
 */
class FontFileValidatorFuzzTest
{
    private static final String NAME = "fuzzed.ttf";
    private static final int GLYPHS_CHECKED = 8;
    private static byte[] dejaVu;

    @FuzzTest(maxDuration = "20s")
    void fuzzValidateRawBytes(final byte[] file)
    {
        validateAndCheckGlyphs(ByteBuffer.wrap(file), null);
    }

    @FuzzTest(maxDuration = "20s")
    void fuzzValidateCorruptedDejaVu(final FuzzedDataProvider data)
    {
        final byte[] original = dejaVu();
        assumeTrue(null != original, "DejaVu Sans Mono is not installed (fonts-dejavu-core)");
        final byte[] font = original.clone();
        for (int k = 0, n = data.consumeInt(1, 16); k < n; k++)
        {
            // corrupt mostly the first 64 KiB (directory, cmap, head, loca start), sometimes anywhere
            final int limit = data.consumeBoolean() ? Math.min(font.length, 65536) : font.length;
            font[data.consumeInt(0, limit - 1)] = data.consumeByte();
        }
        validateAndCheckGlyphs(ByteBuffer.wrap(font), data);
    }

    private static void validateAndCheckGlyphs(final ByteBuffer font, final FuzzedDataProvider data)
    {
        final int position = font.position();
        final int limit = font.limit();
        final int numGlyphs;
        try
        {
            numGlyphs = FontFileValidator.validate(NAME, font);
        }
        catch (final FontFormatException ex)
        {
            assertTrue(ex.getMessage().contains(NAME), "the message names the font: " + ex.getMessage());
            return;
        }
        assertTrue(numGlyphs >= 1, "numGlyphs " + numGlyphs);
        for (int i = 0; i < GLYPHS_CHECKED; i++)
        {
            final int glyph = null == data ? i % numGlyphs : data.consumeInt(0, numGlyphs - 1);
            try
            {
                FontFileValidator.validateGlyph(NAME, font, glyph);
            }
            catch (final FontFormatException ex)
            {
                assertTrue(ex.getMessage().contains(NAME), "the message names the font: " + ex.getMessage());
            }
        }
        assertEquals(position, font.position(), "position unchanged");
        assertEquals(limit, font.limit(), "limit unchanged");
    }

    private static synchronized byte[] dejaVu()
    {
        if (null == dejaVu && Files.isRegularFile(TrueTypeFont.DEJAVU_SANS_MONO))
        {
            try
            {
                dejaVu = Files.readAllBytes(TrueTypeFont.DEJAVU_SANS_MONO);
            }
            catch (final IOException ex)
            {
                throw new UncheckedIOException(ex);
            }
        }
        return dejaVu;
    }
}
