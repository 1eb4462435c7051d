package dev.isochron.render.text;

/**
 * Which characters a {@link Font} has glyphs for, and where each glyph sits in the font's tables: Latin-1's printable
 * characters, U+0020..U+007E (ASCII) then U+00A0..U+00FF (the Latin-1 supplement: accented letters, {@code ° µ ß × £}
 * and the rest), 191 glyphs, then one more, the replacement glyph, drawn for every other character. The control
 * characters U+007F..U+009F between the two ranges have no slot, so the tables hold no unused glyphs.
 * <p>
 * The lookup is a comparison or two and a subtraction: allocation-free and O(1), so drawing a character costs the
 * same whatever the character.
 */
final class GlyphIndex
{
    /** Glyphs of ASCII, U+0020..U+007E. */
    static final int ASCII_COUNT = 0x7F - 0x20;
    /** Glyphs of the Latin-1 supplement, U+00A0..U+00FF. */
    static final int SUPPLEMENT_COUNT = 0x100 - 0xA0;
    /** The replacement glyph's slot, after the characters'. */
    static final int REPLACEMENT = ASCII_COUNT + SUPPLEMENT_COUNT;
    /** Slots in a font's tables: the characters' and the replacement glyph's. */
    static final int COUNT = REPLACEMENT + 1;

    private GlyphIndex()
    {
    }

    /** @return the slot of {@code c}'s glyph, or {@link #REPLACEMENT} when the font has none for it. */
    static int of(final char c)
    {
        if (c < 0x7F)
        {
            return c >= 0x20 ? c - 0x20 : REPLACEMENT;
        }
        return c >= 0xA0 && c <= 0xFF ? c - 0xA0 + ASCII_COUNT : REPLACEMENT;
    }

    /** @return the character whose glyph is in {@code slot}, for slots below {@link #REPLACEMENT}. */
    static char character(final int slot)
    {
        return (char)(slot < ASCII_COUNT ? slot + 0x20 : slot - ASCII_COUNT + 0xA0);
    }
}
