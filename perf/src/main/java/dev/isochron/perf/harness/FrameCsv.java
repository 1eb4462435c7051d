package dev.isochron.perf.harness;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * Reads the per-frame times a demo writes with {@code --frame-csv}. The column is found by its header: the
 * first whose name contains "frame" and ends in "ms" (e.g. {@code frameMs}), else one named {@code ms}, else the
 * first whose name contains "frame" and ends in "ns" (e.g. {@code frameNs}, converted to ms), else one named
 * {@code ns}; a file without a header must have a single column, in ms. Blank lines are skipped.
 */
public final class FrameCsv
{
    private FrameCsv()
    {
    }

    /**
     * @return the frame times in ms, in frame order.
     * @throws UncheckedIOException when the file cannot be read.
     * @throws IllegalArgumentException naming the file, line and value when it is not a frame-time CSV.
     */
    public static double[] read(final Path csv)
    {
        final List<String> lines;
        try
        {
            lines = Files.readAllLines(csv, StandardCharsets.UTF_8);
        }
        catch (final IOException ex)
        {
            throw new UncheckedIOException("cannot read frame CSV " + csv + ": " + ex.getMessage(), ex);
        }
        return parse(csv.toString(), lines);
    }

    /** @return the frame times in {@code lines} (see the class comment); {@code source} names them in errors. */
    public static double[] parse(final String source, final List<String> lines)
    {
        int first = 0;
        while (first < lines.size() && lines.get(first).isBlank())
        {
            first++;
        }
        if (first == lines.size())
        {
            throw new IllegalArgumentException("frame CSV " + source + " is empty");
        }
        int column = 0;
        double toMs = 1.0;
        final String[] head = lines.get(first).split(",", -1);
        if (!isNumber(head[0].trim()))
        {
            column = frameColumn(head, "ms");
            if (column < 0)
            {
                column = frameColumn(head, "ns");
                toMs = 1e-6;
            }
            if (column < 0)
            {
                throw new IllegalArgumentException("frame CSV " + source + " has no frame-time column (frameMs, ms, " +
                    "frameNs or ns); header was '" + String.join(",", head) + "'");
            }
            first++;
        }
        else if (head.length != 1)
        {
            throw new IllegalArgumentException("frame CSV " + source + " has " + head.length +
                " columns and no header: name the frame-time column (e.g. frameMs)");
        }
        final double[] values = new double[lines.size() - first];
        int count = 0;
        for (int i = first; i < lines.size(); i++)
        {
            final String line = lines.get(i);
            if (line.isBlank())
            {
                continue;
            }
            final String[] cells = line.split(",", -1);
            if (column >= cells.length || !isNumber(cells[column].trim()))
            {
                throw new IllegalArgumentException("frame CSV " + source + " line " + (i + 1) + ": expected a number in column " +
                    (column + 1) + ", was '" + line + "'");
            }
            values[count++] = Double.parseDouble(cells[column].trim()) * toMs;
        }
        return java.util.Arrays.copyOf(values, count);
    }

    private static int frameColumn(final String[] header, final String unit)
    {
        for (int i = 0; i < header.length; i++)
        {
            final String name = header[i].trim().toLowerCase(Locale.ROOT);
            if (name.contains("frame") && name.endsWith(unit))
            {
                return i;
            }
        }
        for (int i = 0; i < header.length; i++)
        {
            if (unit.equals(header[i].trim().toLowerCase(Locale.ROOT)))
            {
                return i;
            }
        }
        return -1;
    }

    private static boolean isNumber(final String text)
    {
        if (text.isEmpty())
        {
            return false;
        }
        try
        {
            final double value = Double.parseDouble(text);
            return !Double.isNaN(value);
        }
        catch (final NumberFormatException ex)
        {
            return false;
        }
    }
}
