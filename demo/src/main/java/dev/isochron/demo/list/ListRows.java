package dev.isochron.demo.list;

import dev.isochron.demo.scene.ProceduralAtlas;
import dev.isochron.render.text.TextBuffer;

/**
 * The list's content, computed from the row index so that 100,000 rows need no storage: an icon
 * shape and colour, a name and a value per row. Engine mode writes a row's text into a reused
 * {@link TextBuffer}; naive mode formats a new string.
 * <p>
 * Thread: any; allocation-free except {@link #naiveText}.
 */
public final class ListRows
{
    private static final String[] KINDS = {"sensor", "valve", "pump", "relay", "meter", "probe", "drive", "gate"};

    private ListRows()
    {
    }

    /** @return row {@code row}'s icon shape in the procedural atlas. */
    public static int icon(final int row)
    {
        return (int)(hash(row) % ProceduralAtlas.SHAPES);
    }

    /** @return row {@code row}'s kind, an index into the kind names. */
    static int kind(final int row)
    {
        return (int)((hash(row) >>> 8) & 7);
    }

    /** @return row {@code row}'s value in tenths (e.g. 234 = 23.4). */
    static int valueTenths(final int row)
    {
        return (int)((hash(row) >>> 16) % 1000);
    }

    /** Writes {@code "#000042  pump 17  23.4"} for row 42 into {@code dest}. Allocation-free. */
    public static TextBuffer text(final int row, final TextBuffer dest)
    {
        final int tenths = valueTenths(row);
        return dest.clear().append('#').append(row, 6, '0').append("  ").append(KINDS[kind(row)]).append(' ')
            .append(row % 97).append("  ").append(tenths / 10).append('.').append(tenths % 10);
    }

    /** The same text as {@link #text}, built the naive way (a new string per call). */
    public static String naiveText(final int row)
    {
        final int tenths = valueTenths(row);
        return String.format("#%06d  %s %d  %d.%d", row, KINDS[kind(row)], row % 97, tenths / 10, tenths % 10);
    }

    private static long hash(final int row)
    {
        long z = row * 0x9E3779B97F4A7C15L;
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return (z ^ (z >>> 31)) >>> 1;
    }
}
