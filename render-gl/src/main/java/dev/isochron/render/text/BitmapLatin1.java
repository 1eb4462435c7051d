package dev.isochron.render.text;

/**
 * The built-in font's glyphs beyond ASCII: the Latin-1 supplement (U+00A0..U+00FF) and the replacement glyph, in
 * the {@link BitmapFont}'s 5x8 style. Symbols are drawn here row by row; accented letters are built from the ASCII
 * letter and a two-row diacritic: a small letter keeps its shape under the diacritic (rows 0..1 of the cell are free
 * above its x-height), a capital is drawn one row shorter (one of its seven rows dropped, the row named per letter)
 * and its diacritic starts one row above the cell, in the line's top gap, so that {@code Ö} stays taller than
 * {@code ö} and every letter stays distinct. Start-up only.
 */
final class BitmapLatin1
{
    /** Rows per glyph in {@link #table}: the row above the 5x8 cell (for capitals' diacritics), then the cell's 8. */
    static final int ROWS = 9;

    // the diacritics, two rows each, bit 7 the leftmost of five columns
    private static final int[] GRAVE = {0x40, 0x20};
    private static final int[] ACUTE = {0x10, 0x20};
    private static final int[] CIRCUMFLEX = {0x20, 0x50};
    private static final int[] TILDE = {0x68, 0xB0};
    private static final int[] DIAERESIS = {0x50, 0x00};
    private static final int[] RING = {0x70, 0x50};
    /** The cedilla, one row below the letter (the descender row). */
    private static final int CEDILLA = 0x60;

    /** The replacement glyph: a hollow box, the usual mark of a character the font lacks. */
    private static final int[] REPLACEMENT = {0xF8, 0x88, 0x88, 0x88, 0x88, 0x88, 0xF8, 0x00};

    private BitmapLatin1()
    {
    }

    /**
     * @param ascii the ASCII glyphs, U+0020..U+007E, 8 rows each.
     * @return every glyph of {@link GlyphIndex}, {@link #ROWS} rows each, in slot order.
     */
    static byte[] table(final byte[] ascii)
    {
        final byte[] table = new byte[GlyphIndex.COUNT * ROWS];
        for (int slot = 0; slot < GlyphIndex.ASCII_COUNT; slot++)
        {
            System.arraycopy(ascii, slot * 8, table, slot * ROWS + 1, 8);
        }
        final Builder b = new Builder(table, ascii);
        b.symbol(0xA0, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00); // no-break space
        b.symbol(0xA1, 0x20, 0x00, 0x20, 0x20, 0x20, 0x20, 0x20, 0x00); // inverted !
        b.symbol(0xA2, 0x20, 0x70, 0xA8, 0xA0, 0xA8, 0x70, 0x20, 0x00); // cent
        b.symbol(0xA3, 0x30, 0x48, 0x40, 0xE0, 0x40, 0x48, 0xF0, 0x00); // pound
        b.symbol(0xA4, 0x00, 0x88, 0x70, 0x50, 0x70, 0x88, 0x00, 0x00); // currency sign
        b.symbol(0xA5, 0x88, 0x50, 0xF8, 0x20, 0xF8, 0x20, 0x20, 0x00); // yen
        b.symbol(0xA6, 0x20, 0x20, 0x20, 0x00, 0x20, 0x20, 0x20, 0x00); // broken bar
        b.symbol(0xA7, 0x70, 0x80, 0x70, 0x88, 0x70, 0x08, 0x70, 0x00); // section
        b.symbol(0xA8, 0x50, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00); // diaeresis
        b.symbol(0xA9, 0x70, 0x88, 0xB0, 0xA0, 0xB0, 0x88, 0x70, 0x00); // copyright
        b.symbol(0xAA, 0x70, 0x08, 0x78, 0x88, 0x78, 0x00, 0xF8, 0x00); // feminine ordinal
        b.symbol(0xAB, 0x00, 0x28, 0x50, 0xA0, 0x50, 0x28, 0x00, 0x00); // left guillemet
        b.symbol(0xAC, 0x00, 0x00, 0xF8, 0x08, 0x08, 0x00, 0x00, 0x00); // not
        b.symbol(0xAD, 0x00, 0x00, 0x00, 0x70, 0x00, 0x00, 0x00, 0x00); // soft hyphen, shorter than '-'
        b.symbol(0xAE, 0x70, 0x88, 0xB8, 0xB0, 0xA8, 0x88, 0x70, 0x00); // registered
        b.symbol(0xAF, 0xF8, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00); // macron
        b.symbol(0xB0, 0x60, 0x90, 0x90, 0x60, 0x00, 0x00, 0x00, 0x00); // degree
        b.symbol(0xB1, 0x20, 0x20, 0xF8, 0x20, 0x20, 0x00, 0xF8, 0x00); // plus-minus
        b.symbol(0xB2, 0x60, 0x10, 0x20, 0x70, 0x00, 0x00, 0x00, 0x00); // superscript 2
        b.symbol(0xB3, 0x60, 0x10, 0x20, 0x10, 0x60, 0x00, 0x00, 0x00); // superscript 3
        b.symbol(0xB4, 0x10, 0x20, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00); // acute accent
        b.symbol(0xB5, 0x00, 0x00, 0x88, 0x88, 0x88, 0x98, 0xE8, 0x80); // micro
        b.symbol(0xB6, 0x78, 0xE8, 0xE8, 0x68, 0x28, 0x28, 0x28, 0x00); // pilcrow
        b.symbol(0xB7, 0x00, 0x00, 0x00, 0x60, 0x60, 0x00, 0x00, 0x00); // middle dot
        b.symbol(0xB8, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x20, 0x60); // cedilla
        b.symbol(0xB9, 0x20, 0x60, 0x20, 0x20, 0x70, 0x00, 0x00, 0x00); // superscript 1
        b.symbol(0xBA, 0x70, 0x88, 0x88, 0x88, 0x70, 0x00, 0xF8, 0x00); // masculine ordinal
        b.symbol(0xBB, 0x00, 0xA0, 0x50, 0x28, 0x50, 0xA0, 0x00, 0x00); // right guillemet
        b.symbol(0xBC, 0x80, 0x88, 0x90, 0x20, 0x68, 0xB8, 0x08, 0x00); // one quarter
        b.symbol(0xBD, 0x80, 0x88, 0x90, 0x20, 0x70, 0x90, 0x18, 0x00); // one half
        b.symbol(0xBE, 0xC0, 0x48, 0xD0, 0x20, 0x68, 0xB8, 0x08, 0x00); // three quarters
        b.symbol(0xBF, 0x20, 0x00, 0x20, 0x40, 0x80, 0x88, 0x70, 0x00); // inverted ?
        b.capitals(0xC0, 'A', 2, GRAVE, ACUTE, CIRCUMFLEX, TILDE, DIAERESIS, RING);
        b.symbol(0xC6, 0x78, 0xA0, 0xA0, 0xF8, 0xA0, 0xA0, 0xB8, 0x00); // AE
        b.cedilla(0xC7, 'C');
        b.capitals(0xC8, 'E', 1, GRAVE, ACUTE, CIRCUMFLEX, DIAERESIS);
        b.capitals(0xCC, 'I', 3, GRAVE, ACUTE, CIRCUMFLEX, DIAERESIS);
        b.symbol(0xD0, 0xE0, 0x90, 0x88, 0xE8, 0x88, 0x90, 0xE0, 0x00); // Eth
        b.capitals(0xD1, 'N', 1, TILDE);
        b.capitals(0xD2, 'O', 3, GRAVE, ACUTE, CIRCUMFLEX, TILDE, DIAERESIS);
        b.symbol(0xD7, 0x00, 0x88, 0x50, 0x20, 0x50, 0x88, 0x00, 0x00); // multiplication
        b.symbol(0xD8, 0x78, 0x98, 0x98, 0xA8, 0xC8, 0xC8, 0xF0, 0x00); // O with stroke
        b.capitals(0xD9, 'U', 3, GRAVE, ACUTE, CIRCUMFLEX, DIAERESIS);
        b.capitals(0xDD, 'Y', 1, ACUTE);
        b.symbol(0xDE, 0x80, 0xF0, 0x88, 0x88, 0xF0, 0x80, 0x80, 0x00); // Thorn
        b.symbol(0xDF, 0x60, 0x90, 0x90, 0xB0, 0x88, 0x88, 0xB0, 0x00); // sharp s
        b.smalls(0xE0, 'a', GRAVE, ACUTE, CIRCUMFLEX, TILDE, DIAERESIS, RING);
        b.symbol(0xE6, 0x00, 0x00, 0xD0, 0x28, 0x78, 0xA0, 0x58, 0x00); // ae
        b.cedilla(0xE7, 'c');
        b.smalls(0xE8, 'e', GRAVE, ACUTE, CIRCUMFLEX, DIAERESIS);
        b.smalls(0xEC, 'i', GRAVE, ACUTE, CIRCUMFLEX, DIAERESIS);
        b.symbol(0xF0, 0x28, 0x10, 0x78, 0x88, 0x88, 0x88, 0x70, 0x00); // eth
        b.smalls(0xF1, 'n', TILDE);
        b.smalls(0xF2, 'o', GRAVE, ACUTE, CIRCUMFLEX, TILDE, DIAERESIS);
        b.symbol(0xF7, 0x00, 0x20, 0x00, 0xF8, 0x00, 0x20, 0x00, 0x00); // division
        b.symbol(0xF8, 0x00, 0x08, 0x70, 0x98, 0xA8, 0xC8, 0x70, 0x80); // o with stroke
        b.smalls(0xF9, 'u', GRAVE, ACUTE, CIRCUMFLEX, DIAERESIS);
        b.smalls(0xFD, 'y', ACUTE);
        b.symbol(0xFE, 0x80, 0x80, 0xF0, 0x88, 0x88, 0xF0, 0x80, 0x80); // thorn
        b.smalls(0xFF, 'y', DIAERESIS);
        for (int y = 0; y < 8; y++)
        {
            table[GlyphIndex.REPLACEMENT * ROWS + 1 + y] = (byte)REPLACEMENT[y];
        }
        return table;
    }

    /** Writes glyphs into the table; each method takes the first character and writes consecutive ones. */
    private static final class Builder
    {
        private final byte[] table;
        private final byte[] ascii;

        Builder(final byte[] table, final byte[] ascii)
        {
            this.table = table;
            this.ascii = ascii;
        }

        /** A glyph drawn in the 5x8 cell. */
        void symbol(final int c, final int... rows)
        {
            final int at = start(c);
            for (int y = 0; y < 8; y++)
            {
                table[at + 1 + y] = (byte)rows[y];
            }
        }

        /**
         * Capitals from {@code base} with each diacritic in turn: the letter's 7 rows less row {@code dropRow} in
         * cell rows 1..6, the diacritic in the row above the cell and cell row 0.
         */
        void capitals(final int first, final char base, final int dropRow, final int[]... diacritics)
        {
            for (int k = 0; k < diacritics.length; k++)
            {
                final int at = start(first + k);
                table[at] = (byte)diacritics[k][0];
                table[at + 1] = (byte)diacritics[k][1];
                for (int y = 0, to = 2; y < 7; y++)
                {
                    if (y != dropRow)
                    {
                        table[at + to++] = ascii[(base - 0x20) * 8 + y];
                    }
                }
            }
        }

        /** Small letters from {@code base} with each diacritic in turn in cell rows 0..1, the letter's rows 2..7 kept. */
        void smalls(final int first, final char base, final int[]... diacritics)
        {
            for (int k = 0; k < diacritics.length; k++)
            {
                final int at = start(first + k);
                table[at + 1] = (byte)diacritics[k][0];
                table[at + 2] = (byte)diacritics[k][1];
                for (int y = 2; y < 8; y++)
                {
                    table[at + 1 + y] = ascii[(base - 0x20) * 8 + y];
                }
            }
        }

        /** {@code base} whole with a cedilla in the descender row below it. */
        void cedilla(final int c, final char base)
        {
            final int at = start(c);
            for (int y = 0; y < 7; y++)
            {
                table[at + 1 + y] = ascii[(base - 0x20) * 8 + y];
            }
            table[at + 8] = (byte)CEDILLA;
        }

        private static int start(final int c)
        {
            return GlyphIndex.of((char)c) * ROWS;
        }
    }
}
