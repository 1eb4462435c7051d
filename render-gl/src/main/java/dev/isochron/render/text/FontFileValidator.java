package dev.isochron.render.text;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/**
 * Checks a TrueType file's structure before stb_truetype sees it: stb_truetype trusts every
 * offset in the file and reads out of bounds on malformed input, so the bounds it relies on are
 * verified here first.
 * <p>
 * Checked: the offset table (sfnt version 0x00010000 or 'true'; 'OTTO' (CFF) and 'ttcf'
 * (collections) are refused), {@code numTables} and the table directory inside the file; every
 * table's offset and length inside the file; the tables stb_truetype needs present (head, hhea,
 * hmtx, maxp, cmap, loca, glyf); their fixed-size headers long enough for the fields read;
 * {@code indexToLocFormat}, {@code numGlyphs} and {@code numberOfHMetrics} consistent;
 * {@code hhea} ascender minus descender at least 16 units (the pixel scale divides by it); every
 * {@code loca} entry non-decreasing and inside {@code glyf}; every cmap subtable inside
 * {@code cmap}, and the counts of formats 0, 4, 6, 12 and 13 inside their subtable; no required
 * table listed twice (stb_truetype would silently take the first). {@link TrueTypeFont} adds:
 * every character it bakes maps to a glyph below {@code numGlyphs}, and the bytes handed to
 * stb_truetype are followed by zeroed padding, so that reads at 16-bit offsets past a table's
 * end stay inside owned memory.
 * {@link #validateGlyph} checks the outline of each glyph that will be baked (bounding box,
 * contour end points, flags and coordinates inside the glyph; composite components and their
 * nesting) and {@code TrueTypeFont} refuses glyphs whose bitmap would be inside out or huge.
 * Fuzzed with random byte corruptions of DejaVu Sans Mono (table directory, cmap, glyf; 1 to 200
 * bytes each): every case was refused or baked, none crashed. Not checked: tables stb_truetype
 * does not read when baking (kern, GPOS, name, hinting); glyphs that are not baked.
 * <p>
 * Start-up only; allocates only for the exception on failure.
 */
public final class FontFileValidator
{
    /** Largest font file accepted, in bytes. */
    public static final int MAX_FILE_BYTES = 32 * 1024 * 1024;
    /** Most tables accepted in the directory. */
    public static final int MAX_TABLES = 256;

    private static final String[] REQUIRED = {"head", "hhea", "hmtx", "maxp", "cmap", "loca", "glyf"};

    private FontFileValidator()
    {
    }

    /**
     * Validates the font in {@code font} from position 0 to its limit; the buffer's position and
     * byte order are not changed.
     *
     * @param path names the font in errors.
     * @return the font's number of glyphs ({@code maxp.numGlyphs}).
     * @throws FontFormatException naming path, offset and reason when the file is refused.
     */
    public static int validate(final String path, final ByteBuffer font)
    {
        final ByteBuffer data = font.duplicate().order(ByteOrder.BIG_ENDIAN);
        final long length = data.limit();
        if (length > MAX_FILE_BYTES)
        {
            throw new FontFormatException(path, -1, "file is " + length + " bytes, more than the " +
                MAX_FILE_BYTES + " accepted");
        }
        if (length < 12)
        {
            throw new FontFormatException(path, 0, "file is " + length + " bytes, too short for a TrueType offset table");
        }
        final int version = data.getInt(0);
        if (version == 0x4F54544F)
        {
            throw new FontFormatException(path, 0, "OpenType CFF outlines ('OTTO') are not supported, only TrueType glyf outlines");
        }
        if (version == 0x74746366)
        {
            throw new FontFormatException(path, 0, "font collections ('ttcf') are not supported");
        }
        if (version != 0x00010000 && version != 0x74727565)
        {
            throw new FontFormatException(path, 0, "sfnt version 0x" + Integer.toHexString(version) +
                " is not TrueType (0x10000 or 'true')");
        }
        final int numTables = data.getShort(4) & 0xFFFF;
        if (numTables < 1 || numTables > MAX_TABLES)
        {
            throw new FontFormatException(path, 4, "numTables " + numTables + " is not in [1, " + MAX_TABLES + "]");
        }
        final long directoryEnd = 12L + 16L * numTables;
        if (directoryEnd > length)
        {
            throw new FontFormatException(path, 12, "table directory of " + numTables + " tables ends at " +
                directoryEnd + ", beyond the file's " + length + " bytes");
        }
        final long[] tableOffset = new long[REQUIRED.length];
        final long[] tableLength = new long[REQUIRED.length];
        for (int r = 0; r < REQUIRED.length; r++)
        {
            tableOffset[r] = -1;
        }
        for (int t = 0; t < numTables; t++)
        {
            final int record = 12 + 16 * t;
            final int tag = data.getInt(record);
            final long offset = data.getInt(record + 8) & 0xFFFF_FFFFL;
            final long size = data.getInt(record + 12) & 0xFFFF_FFFFL;
            if (offset < directoryEnd || offset + size > length)
            {
                throw new FontFormatException(path, record, "table '" + tagName(tag) + "' [" + offset + ", " +
                    (offset + size) + ") does not lie between the directory's end " + directoryEnd +
                    " and the file's end " + length);
            }
            for (int r = 0; r < REQUIRED.length; r++)
            {
                if (tag == tagValue(REQUIRED[r]))
                {
                    if (tableOffset[r] >= 0)
                    {
                        // stb_truetype takes the first of duplicate tags: refuse rather than guess
                        throw new FontFormatException(path, record, "table '" + REQUIRED[r] + "' appears twice " +
                            "in the table directory");
                    }
                    tableOffset[r] = offset;
                    tableLength[r] = size;
                }
            }
        }
        for (int r = 0; r < REQUIRED.length; r++)
        {
            if (tableOffset[r] < 0)
            {
                throw new FontFormatException(path, 12, "required table '" + REQUIRED[r] + "' is missing");
            }
        }
        final long head = tableOffset[0];
        final long hhea = tableOffset[1];
        final long maxp = tableOffset[3];
        final long cmap = tableOffset[4];
        final long loca = tableOffset[5];
        requireLength(path, "head", head, tableLength[0], 54);
        requireLength(path, "hhea", hhea, tableLength[1], 36);
        requireLength(path, "maxp", maxp, tableLength[3], 6);
        requireLength(path, "cmap", cmap, tableLength[4], 4);

        final int indexToLocFormat = data.getShort((int)head + 50);
        if (indexToLocFormat != 0 && indexToLocFormat != 1)
        {
            throw new FontFormatException(path, head + 50, "head.indexToLocFormat " + indexToLocFormat + " is not 0 or 1");
        }
        final int numGlyphs = data.getShort((int)maxp + 4) & 0xFFFF;
        if (numGlyphs < 1)
        {
            throw new FontFormatException(path, maxp + 4, "maxp.numGlyphs is 0");
        }
        final int ascender = data.getShort((int)hhea + 4);
        final int descender = data.getShort((int)hhea + 6);
        if (ascender - descender < 16)
        {
            throw new FontFormatException(path, hhea + 4, "hhea.ascender " + ascender + " - descender " + descender +
                " is below 16 font units: glyph scaling would explode");
        }
        final int numberOfHMetrics = data.getShort((int)hhea + 34) & 0xFFFF;
        if (numberOfHMetrics < 1 || numberOfHMetrics > numGlyphs)
        {
            throw new FontFormatException(path, hhea + 34, "hhea.numberOfHMetrics " + numberOfHMetrics +
                " is not in [1, numGlyphs " + numGlyphs + "]");
        }
        requireLength(path, "hmtx", tableOffset[2], tableLength[2], 4L * numberOfHMetrics + 2L * (numGlyphs - numberOfHMetrics));

        final int entryBytes = indexToLocFormat == 0 ? 2 : 4;
        requireLength(path, "loca", loca, tableLength[5], (long)entryBytes * (numGlyphs + 1));
        final long glyfLength = tableLength[6];
        long previous = 0;
        for (int g = 0; g <= numGlyphs; g++)
        {
            final int at = (int)loca + g * entryBytes;
            final long value = entryBytes == 2 ? 2L * (data.getShort(at) & 0xFFFF) : data.getInt(at) & 0xFFFF_FFFFL;
            if (value < previous || value > glyfLength)
            {
                throw new FontFormatException(path, at, "loca entry " + g + " = " + value +
                    " is not in [previous entry " + previous + ", glyf length " + glyfLength + "]");
            }
            previous = value;
        }

        final long cmapLength = tableLength[4];
        final int subtables = data.getShort((int)cmap + 2) & 0xFFFF;
        requireLength(path, "cmap", cmap, cmapLength, 4L + 8L * subtables);
        for (int s = 0; s < subtables; s++)
        {
            final int record = (int)cmap + 4 + 8 * s;
            final long subOffset = data.getInt(record + 4) & 0xFFFF_FFFFL;
            if (subOffset + 4 > cmapLength)
            {
                throw new FontFormatException(path, record + 4, "cmap subtable " + s + " at " + subOffset +
                    " lies beyond the cmap table's " + cmapLength + " bytes");
            }
            final int at = (int)(cmap + subOffset);
            final int format = data.getShort(at) & 0xFFFF;
            final long subLength = format >= 8 && format != 14 ?
                (subOffset + 8 <= cmapLength ? data.getInt(at + 4) & 0xFFFF_FFFFL : Long.MAX_VALUE) :
                data.getShort(at + 2) & 0xFFFF;
            if (subOffset + subLength > cmapLength && format != 14)
            {
                throw new FontFormatException(path, at, "cmap subtable " + s + " (format " + format + ") of " +
                    subLength + " bytes runs past the cmap table's " + cmapLength + " bytes");
            }
            final long needed = cmapSubtableBytes(data, at, format, subLength);
            if (needed > subLength)
            {
                throw new FontFormatException(path, at, "cmap subtable " + s + " (format " + format + ") needs " +
                    needed + " bytes for its own counts but is " + subLength + " bytes long");
            }
        }
        return numGlyphs;
    }

    /** Deepest nesting of composite glyphs accepted (also what stops reference cycles). */
    public static final int MAX_COMPOSITE_DEPTH = 8;

    /**
     * Checks the outline of glyph {@code glyph} the way stb_truetype will read it: a simple
     * glyph's contour end points (increasing), instructions, flags and coordinates inside the
     * glyph's {@code glyf} range; a composite glyph's components inside the range, each referring
     * to a valid glyph with x/y offsets, nested at most {@link #MAX_COMPOSITE_DEPTH} deep.
     * Call after {@link #validate(String, ByteBuffer)} accepted the font.
     *
     * @throws FontFormatException naming path, offset and reason when the outline is refused.
     */
    public static void validateGlyph(final String path, final ByteBuffer font, final int glyph)
    {
        final ByteBuffer data = font.duplicate().order(ByteOrder.BIG_ENDIAN);
        final int numTables = data.getShort(4) & 0xFFFF;
        long glyf = -1;
        long loca = -1;
        long head = -1;
        long maxp = -1;
        for (int t = 0; t < numTables; t++)
        {
            final int record = 12 + 16 * t;
            final int tag = data.getInt(record);
            final long offset = data.getInt(record + 8) & 0xFFFF_FFFFL;
            if (tag == tagValue("glyf"))
            {
                glyf = offset;
            }
            else if (tag == tagValue("loca"))
            {
                loca = offset;
            }
            else if (tag == tagValue("head"))
            {
                head = offset;
            }
            else if (tag == tagValue("maxp"))
            {
                maxp = offset;
            }
        }
        final int numGlyphs = data.getShort((int)maxp + 4) & 0xFFFF;
        final boolean longOffsets = data.getShort((int)head + 50) == 1;
        checkGlyph(path, data, (int)glyf, (int)loca, longOffsets, numGlyphs, glyph, 0);
    }

    private static void checkGlyph(
        final String path,
        final ByteBuffer data,
        final int glyf,
        final int loca,
        final boolean longOffsets,
        final int numGlyphs,
        final int glyph,
        final int depth)
    {
        if (glyph < 0 || glyph >= numGlyphs)
        {
            throw new FontFormatException(path, -1, "glyph " + glyph + " is not below maxp.numGlyphs " + numGlyphs);
        }
        if (depth > MAX_COMPOSITE_DEPTH)
        {
            throw new FontFormatException(path, -1, "composite glyphs nest deeper than " + MAX_COMPOSITE_DEPTH +
                " (or refer to themselves) at glyph " + glyph);
        }
        final long start = longOffsets ? data.getInt(loca + 4 * glyph) & 0xFFFF_FFFFL :
            2L * (data.getShort(loca + 2 * glyph) & 0xFFFF);
        final long end = longOffsets ? data.getInt(loca + 4 * glyph + 4) & 0xFFFF_FFFFL :
            2L * (data.getShort(loca + 2 * glyph + 2) & 0xFFFF);
        if (start == end)
        {
            return;
        }
        final int g = (int)(glyf + start);
        final int length = (int)(end - start);
        if (length < 10)
        {
            throw new FontFormatException(path, g, "glyph " + glyph + " is " + length + " bytes, shorter than its header");
        }
        final int contours = data.getShort(g);
        final int xMin = data.getShort(g + 2);
        final int yMin = data.getShort(g + 4);
        final int xMax = data.getShort(g + 6);
        final int yMax = data.getShort(g + 8);
        if (xMin > xMax || yMin > yMax)
        {
            throw new FontFormatException(path, g + 2, "glyph " + glyph + ": bounding box (" + xMin + ", " + yMin +
                ")-(" + xMax + ", " + yMax + ") is inside out");
        }
        if (contours > 0)
        {
            int at = 10 + 2 * contours;
            if (at + 2 > length)
            {
                throw new FontFormatException(path, g, "glyph " + glyph + ": " + contours + " contour end points " +
                    "run past its " + length + " bytes");
            }
            int previous = -1;
            for (int c = 0; c < contours; c++)
            {
                final int endPoint = data.getShort(g + 10 + 2 * c) & 0xFFFF;
                if (endPoint <= previous)
                {
                    throw new FontFormatException(path, g + 10 + 2 * c, "glyph " + glyph + ": contour end points " +
                        "do not increase (" + previous + " then " + endPoint + ")");
                }
                previous = endPoint;
            }
            final int points = previous + 1;
            at += 2 + (data.getShort(g + at) & 0xFFFF);
            long coordinateBytes = 0;
            int repeat = 0;
            int flags = 0;
            for (int p = 0; p < points; p++)
            {
                if (repeat == 0)
                {
                    if (at >= length)
                    {
                        throw new FontFormatException(path, g, "glyph " + glyph + ": flags of " + points +
                            " points run past its " + length + " bytes");
                    }
                    flags = data.get(g + at++) & 0xFF;
                    if ((flags & 8) != 0)
                    {
                        if (at >= length)
                        {
                            throw new FontFormatException(path, g, "glyph " + glyph + ": flags of " + points +
                                " points run past its " + length + " bytes");
                        }
                        repeat = data.get(g + at++) & 0xFF;
                    }
                }
                else
                {
                    repeat--;
                }
                coordinateBytes += (flags & 2) != 0 ? 1 : (flags & 16) != 0 ? 0 : 2;
                coordinateBytes += (flags & 4) != 0 ? 1 : (flags & 32) != 0 ? 0 : 2;
            }
            if (at + coordinateBytes > length)
            {
                throw new FontFormatException(path, g, "glyph " + glyph + ": coordinates of " + points +
                    " points run past its " + length + " bytes");
            }
        }
        else if (contours < 0)
        {
            int at = 10;
            boolean more = true;
            while (more)
            {
                if (at + 4 > length)
                {
                    throw new FontFormatException(path, g, "composite glyph " + glyph + ": a component runs past its " +
                        length + " bytes");
                }
                final int flags = data.getShort(g + at) & 0xFFFF;
                final int component = data.getShort(g + at + 2) & 0xFFFF;
                if ((flags & 2) == 0)
                {
                    throw new FontFormatException(path, g + at, "composite glyph " + glyph + ": component placed by " +
                        "matching points, which stb_truetype does not support");
                }
                at += 4 + ((flags & 1) != 0 ? 4 : 2);
                at += (flags & 8) != 0 ? 2 : (flags & 64) != 0 ? 4 : (flags & 128) != 0 ? 8 : 0;
                if (at > length)
                {
                    throw new FontFormatException(path, g, "composite glyph " + glyph + ": a component runs past its " +
                        length + " bytes");
                }
                checkGlyph(path, data, glyf, loca, longOffsets, numGlyphs, component, depth + 1);
                more = (flags & 32) != 0;
            }
        }
    }

    /** Bytes a cmap subtable's own counts say it spans (what stb_truetype reads), 0 when not checked. */
    private static long cmapSubtableBytes(final ByteBuffer data, final int at, final int format, final long length)
    {
        switch (format)
        {
            case 0:
                return 262;
            case 4:
                return length < 8 ? 8 : 16L + 4L * (data.getShort(at + 6) & 0xFFFF);
            case 6:
                return length < 10 ? 10 : 10L + 2L * (data.getShort(at + 8) & 0xFFFF);
            case 12:
            case 13:
                return length < 16 ? 16 : 16L + 12L * (data.getInt(at + 12) & 0xFFFF_FFFFL);
            default:
                return 0;
        }
    }

    private static void requireLength(
        final String path, final String table, final long offset, final long length, final long needed)
    {
        if (length < needed)
        {
            throw new FontFormatException(path, offset, "table '" + table + "' is " + length +
                " bytes, needs at least " + needed);
        }
    }

    private static int tagValue(final String tag)
    {
        return tag.charAt(0) << 24 | tag.charAt(1) << 16 | tag.charAt(2) << 8 | tag.charAt(3);
    }

    private static String tagName(final int tag)
    {
        final char[] chars = new char[4];
        for (int i = 0; i < 4; i++)
        {
            final int c = (tag >>> (24 - 8 * i)) & 0xFF;
            chars[i] = c >= 32 && c < 127 ? (char)c : '?';
        }
        return new String(chars);
    }
}
