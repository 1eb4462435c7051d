package dev.isochron.render.text;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class FontFileValidatorTest
{
    private static final String[] TAGS = {"cmap", "glyf", "head", "hhea", "hmtx", "loca", "maxp"};
    private static final String NAME = "test.ttf";
    private static final long SEED = 20261123L;
    private static final int CORRUPTIONS = 2000;

    @TempDir
    Path dir;

    /** A minimal structurally valid TrueType file: one empty glyph, short loca, a format-4 cmap with one segment. */
    static ByteBuffer minimalFont()
    {
        return minimalFont(0);
    }

    /** As {@link #minimalFont()} with glyph 0 spanning {@code glyfBytes} zeroed bytes (even) of glyf. */
    static ByteBuffer minimalFont(final int glyfBytes)
    {
        final int[] sizes = {4 + 8 + 24, glyfBytes, 54, 36, 4, 4, 6};
        int offset = 12 + 16 * TAGS.length;
        final int[] offsets = new int[TAGS.length];
        for (int t = 0; t < TAGS.length; t++)
        {
            offsets[t] = offset;
            offset += (sizes[t] + 3) & ~3;
        }
        final ByteBuffer b = ByteBuffer.allocate(offset).order(ByteOrder.BIG_ENDIAN);
        b.putInt(0, 0x00010000).putShort(4, (short)TAGS.length);
        for (int t = 0; t < TAGS.length; t++)
        {
            final int record = 12 + 16 * t;
            b.putInt(record, tag(TAGS[t])).putInt(record + 8, offsets[t]).putInt(record + 12, sizes[t]);
        }
        final int cmap = offsets[0];
        b.putShort(cmap + 2, (short)1).putShort(cmap + 4, (short)3).putShort(cmap + 6, (short)1).putInt(cmap + 8, 12);
        b.putShort(cmap + 12, (short)4).putShort(cmap + 14, (short)24).putShort(cmap + 18, (short)2);
        b.putShort(cmap + 12 + 14, (short)0xFFFF).putShort(cmap + 12 + 18, (short)0xFFFF).putShort(cmap + 12 + 20, (short)1);
        b.putShort(offsets[2] + 50, (short)0);
        b.putShort(offsets[3] + 4, (short)800).putShort(offsets[3] + 6, (short)-200).putShort(offsets[3] + 34, (short)1);
        b.putShort(offsets[6] + 4, (short)1);
        b.putShort(offsets[5] + 2, (short)(glyfBytes / 2));
        return b;
    }

    private static int tag(final String tag)
    {
        return tag.charAt(0) << 24 | tag.charAt(1) << 16 | tag.charAt(2) << 8 | tag.charAt(3);
    }

    private static int tableRecord(final String tag)
    {
        for (int t = 0; t < TAGS.length; t++)
        {
            if (TAGS[t].equals(tag))
            {
                return 12 + 16 * t;
            }
        }
        throw new IllegalArgumentException(tag);
    }

    @Test
    void shouldAcceptAStructurallyValidFont()
    {
        FontFileValidator.validate(NAME, minimalFont());
    }

    @Test
    void shouldAcceptDejaVuSansMono() throws IOException
    {
        final byte[] bytes = Files.readAllBytes(TrueTypeFont.DEJAVU_SANS_MONO);
        FontFileValidator.validate(TrueTypeFont.DEJAVU_SANS_MONO.toString(), ByteBuffer.wrap(bytes));
    }

    @Test
    void shouldRefuseATruncatedFile()
    {
        final ByteBuffer font = minimalFont().limit(8);
        final FontFormatException ex = assertThrows(FontFormatException.class, () -> FontFileValidator.validate(NAME, font));
        assertEquals("font test.ttf at byte offset 0: file is 8 bytes, too short for a TrueType offset table " +
            "(use a valid TrueType .ttf file, or no font path for the built-in bitmap font)", ex.getMessage());
    }

    @Test
    void shouldRefuseATableBeyondTheEndOfTheFile()
    {
        final ByteBuffer font = minimalFont();
        final int record = tableRecord("glyf");
        font.putInt(record + 12, 1_000_000);
        final FontFormatException ex = assertThrows(FontFormatException.class, () -> FontFileValidator.validate(NAME, font));
        assertEquals(record, ex.offset());
        assertEquals("table 'glyf' [" + font.getInt(record + 8) + ", " + (font.getInt(record + 8) + 1_000_000) +
            ") does not lie between the directory's end 124 and the file's end " + font.limit(), ex.reason());
    }

    @Test
    void shouldRefuseAFontWithoutARequiredTable()
    {
        final ByteBuffer font = minimalFont();
        font.putInt(tableRecord("hmtx"), tag("xxxx"));
        final FontFormatException ex = assertThrows(FontFormatException.class, () -> FontFileValidator.validate(NAME, font));
        assertEquals("required table 'hmtx' is missing", ex.reason());
    }

    @Test
    void shouldRefuseALocaEntryBeyondGlyf()
    {
        final ByteBuffer font = minimalFont();
        final int loca = font.getInt(tableRecord("loca") + 8);
        font.putShort(loca + 2, (short)50);
        final FontFormatException ex = assertThrows(FontFormatException.class, () -> FontFileValidator.validate(NAME, font));
        assertEquals(loca + 2, ex.offset());
        assertEquals("loca entry 1 = 100 is not in [previous entry 0, glyf length 0]", ex.reason());
    }

    @Test
    void shouldRefuseACmapSubtableWhoseSegmentsOverrunIt()
    {
        final ByteBuffer font = minimalFont();
        final int cmap = font.getInt(tableRecord("cmap") + 8);
        font.putShort(cmap + 12 + 6, (short)200);
        final FontFormatException ex = assertThrows(FontFormatException.class, () -> FontFileValidator.validate(NAME, font));
        assertEquals("cmap subtable 0 (format 4) needs 816 bytes for its own counts but is 24 bytes long", ex.reason());
    }

    @Test
    void shouldRefuseATableListedTwice()
    {
        final ByteBuffer font = minimalFont();
        font.putInt(tableRecord("hmtx"), tag("head"));
        final FontFormatException ex = assertThrows(FontFormatException.class, () -> FontFileValidator.validate(NAME, font));
        assertEquals(tableRecord("hmtx"), ex.offset());
        assertEquals("table 'head' appears twice in the table directory", ex.reason());
    }

    @Test
    void shouldRefuseACompositeGlyphThatRefersToItself()
    {
        final ByteBuffer font = minimalFont(16);
        final int glyf = font.getInt(tableRecord("glyf") + 8);
        font.putShort(glyf, (short)-1).putShort(glyf + 10, (short)2).putShort(glyf + 12, (short)0);
        FontFileValidator.validate(NAME, font);
        final FontFormatException ex = assertThrows(FontFormatException.class,
            () -> FontFileValidator.validateGlyph(NAME, font, 0));
        assertEquals("composite glyphs nest deeper than 8 (or refer to themselves) at glyph 0", ex.reason());
    }

    @Test
    void shouldRefuseASimpleGlyphWhosePointsRunPastIt()
    {
        final ByteBuffer font = minimalFont(16);
        final int glyf = font.getInt(tableRecord("glyf") + 8);
        // one contour ending at point 200, no instructions, one flag repeated for all 201 points (2-byte x and y),
        // and no bytes left for their coordinates
        font.putShort(glyf, (short)1).putShort(glyf + 10, (short)200).putShort(glyf + 12, (short)0)
            .put(glyf + 14, (byte)0x08).put(glyf + 15, (byte)200);
        FontFileValidator.validate(NAME, font);
        final FontFormatException ex = assertThrows(FontFormatException.class,
            () -> FontFileValidator.validateGlyph(NAME, font, 0));
        assertEquals(glyf, ex.offset());
        assertEquals("glyph 0: coordinates of 201 points run past its 16 bytes", ex.reason());
    }

    @Test
    void shouldRefuseAnInsideOutGlyphBox()
    {
        final ByteBuffer font = minimalFont(16);
        final int glyf = font.getInt(tableRecord("glyf") + 8);
        font.putShort(glyf + 2, (short)10).putShort(glyf + 6, (short)-10);
        FontFileValidator.validate(NAME, font);
        final FontFormatException ex = assertThrows(FontFormatException.class,
            () -> FontFileValidator.validateGlyph(NAME, font, 0));
        assertEquals("glyph 0: bounding box (10, 0)-(-10, 0) is inside out", ex.reason());
    }

    @Test
    void shouldRefuseOrBakeEveryCorruptedTableDirectoryOfDejaVu() throws IOException
    {
        corruptAndBake(false);
    }

    @Test
    void shouldRefuseOrBakeEveryCorruptionOfDejaVusCmapAndGlyphs() throws IOException
    {
        corruptAndBake(true);
    }

    /**
     * Bakes DejaVu Sans Mono after random byte corruptions: of the table directory, or of up to
     * 200 bytes of cmap, the first glyphs of glyf and anywhere else. A crash inside stb_truetype
     * would end the test JVM.
     */
    private static void corruptAndBake(final boolean contents) throws IOException
    {
        final byte[] original = Files.readAllBytes(TrueTypeFont.DEJAVU_SANS_MONO);
        final ByteBuffer header = ByteBuffer.wrap(original);
        final int numTables = header.getShort(4) & 0xFFFF;
        final int directoryEnd = 12 + 16 * numTables;
        int cmap = 0;
        int cmapLength = 0;
        int glyf = 0;
        for (int t = 0; t < numTables; t++)
        {
            final int record = 12 + 16 * t;
            if (header.getInt(record) == tag("cmap"))
            {
                cmap = header.getInt(record + 8);
                cmapLength = header.getInt(record + 12);
            }
            else if (header.getInt(record) == tag("glyf"))
            {
                glyf = header.getInt(record + 8);
            }
        }
        final java.util.Random random = new java.util.Random(SEED);
        final ByteBuffer font = org.lwjgl.system.MemoryUtil.memAlloc(original.length);
        int baked = 0;
        int refused = 0;
        try
        {
            for (int i = 0; i < CORRUPTIONS; i++)
            {
                font.clear();
                font.put(original).flip();
                for (int k = 0, n = 1 + random.nextInt(contents ? 200 : 4); k < n; k++)
                {
                    final int choice = random.nextInt(3);
                    final int at = !contents ? random.nextInt(directoryEnd) :
                        choice == 0 ? cmap + random.nextInt(cmapLength) :
                        choice == 1 ? glyf + random.nextInt(40_000) : random.nextInt(original.length);
                    font.put(at, (byte)random.nextInt(256));
                }
                try
                {
                    TrueTypeFont.bake("corrupted", font, 12f).close();
                    baked++;
                }
                catch (final FontFormatException ex)
                {
                    refused++;
                }
            }
        }
        finally
        {
            org.lwjgl.system.MemoryUtil.memFree(font);
        }
        // a crash inside stb_truetype would have ended the JVM; both outcomes occur
        assertEquals(CORRUPTIONS, baked + refused);
        org.junit.jupiter.api.Assertions.assertTrue(baked > 0 && refused > 0, "baked " + baked + ", refused " + refused);
    }

    @Test
    void shouldRefuseAFlatAscenderAndDescender()
    {
        final ByteBuffer font = minimalFont();
        final int hhea = font.getInt(tableRecord("hhea") + 8);
        font.putShort(hhea + 4, (short)0).putShort(hhea + 6, (short)0);
        final FontFormatException ex = assertThrows(FontFormatException.class, () -> FontFileValidator.validate(NAME, font));
        assertEquals(hhea + 4, ex.offset());
        assertEquals("hhea.ascender 0 - descender 0 is below 16 font units: glyph scaling would explode", ex.reason());
    }

    @Test
    void shouldRefuseCffOutlines()
    {
        final ByteBuffer font = minimalFont();
        font.putInt(0, tag("OTTO"));
        final FontFormatException ex = assertThrows(FontFormatException.class, () -> FontFileValidator.validate(NAME, font));
        assertEquals("OpenType CFF outlines ('OTTO') are not supported, only TrueType glyf outlines", ex.reason());
    }

    @Test
    void shouldNameThePathOfABadFontFileWhenBaking() throws IOException
    {
        final Path file = dir.resolve("broken.ttf");
        Files.write(file, new byte[]{0, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0});
        final FontFormatException ex = assertThrows(FontFormatException.class, () -> TrueTypeFont.bake(file, 16f));
        assertEquals("font " + file + " at byte offset 4: numTables 0 is not in [1, 256] " +
            "(use a valid TrueType .ttf file, or no font path for the built-in bitmap font)", ex.getMessage());
    }

    @Test
    void shouldNameThePathOfAMissingFontFile()
    {
        final Path file = dir.resolve("missing.ttf");
        final FontFormatException ex = assertThrows(FontFormatException.class, () -> TrueTypeFont.bake(file, 16f));
        assertEquals(file.toString(), ex.path());
        assertEquals(-1, ex.offset());
    }
}
