package dev.isochron.perf.harness;

import java.util.ArrayList;
import java.util.List;

/**
 * What a plot shows: a title, axis labels, how x is scaled, and one or more series drawn over each other.
 * Built by the harness from run results and drawn by {@link PlotRenderer}.
 */
public final class Chart
{
    /** Highest percentile the percentile axis reaches, as nines: 4 = 99.99%. */
    public static final double MAX_NINES = 4.0;

    /** How the x axis maps values. */
    public enum XAxis
    {
        /** x as given (e.g. frame index). */
        LINEAR,
        /** x is a percentile in [0, 100]; drawn as nines, -log10(1 - p/100), so the tail gets the room. */
        PERCENTILE
    }

    private final String title;
    private final String xLabel;
    private final String yLabel;
    private final XAxis xAxis;
    private final List<Series> series = new ArrayList<>();

    /**
     * @param title  printed at the top.
     * @param xLabel under the x axis.
     * @param yLabel above the y axis.
     * @param xAxis  how x is scaled.
     */
    public Chart(final String title, final String xLabel, final String yLabel, final XAxis xAxis)
    {
        this.title = title;
        this.xLabel = xLabel;
        this.yLabel = yLabel;
        this.xAxis = xAxis;
    }

    /**
     * Adds a series; x and y must have the same length.
     *
     * @return this.
     */
    public Chart add(final String name, final int rgba, final double[] x, final double[] y)
    {
        if (x.length != y.length)
        {
            throw new IllegalArgumentException("series '" + name + "' has " + x.length + " x values and " + y.length +
                " y values; they must pair up");
        }
        series.add(new Series(name, rgba, x, y));
        return this;
    }

    /** @return the title. */
    public String title()
    {
        return title;
    }

    /** @return the x axis label. */
    public String xLabel()
    {
        return xLabel;
    }

    /** @return the y axis label. */
    public String yLabel()
    {
        return yLabel;
    }

    /** @return the x scaling. */
    public XAxis xAxis()
    {
        return xAxis;
    }

    /** @return the series in drawing order. */
    public List<Series> series()
    {
        return series;
    }

    /** @return the nines of percentile {@code p} in [0, 100]: -log10(1 - p/100), capped at {@link #MAX_NINES}. */
    public static double nines(final double percentile)
    {
        final double rest = 1.0 - percentile / 100.0;
        return rest <= Math.pow(10.0, -MAX_NINES) ? MAX_NINES : -Math.log10(rest);
    }

    /**
     * @param frameMs frame times in frame order.
     * @return a frame-index series (x = 0, 1, 2 ...) of at most {@code maxPoints} points: longer runs are cut into
     * buckets, each shown by its slowest frame so that stalls stay visible.
     */
    public static double[][] frameSeries(final double[] frameMs, final int maxPoints)
    {
        final int n = frameMs.length;
        final int points = Math.min(n, Math.max(2, maxPoints));
        final double[] x = new double[points];
        final double[] y = new double[points];
        for (int i = 0; i < points; i++)
        {
            final int from = (int)((long)i * n / points);
            final int to = Math.max(from + 1, (int)((long)(i + 1) * n / points));
            double slowest = frameMs[from];
            for (int j = from + 1; j < to; j++)
            {
                slowest = Math.max(slowest, frameMs[j]);
            }
            x[i] = from;
            y[i] = slowest;
        }
        return new double[][]{x, y};
    }

    /**
     * @param frameMs frame times, any order, at least one.
     * @param points  how many points along the nines axis, at least 2.
     * @return a percentile curve: x = percentile in [0, 100] spaced evenly in nines up to what the sample count
     * supports (and at most {@link #MAX_NINES}), y = the nearest-rank percentile; the last point is the maximum.
     */
    public static double[][] percentileSeries(final double[] frameMs, final int points)
    {
        if (points < 2)
        {
            throw new IllegalArgumentException("a percentile curve needs at least 2 points, was " + points);
        }
        final double[] sorted = Percentiles.sortedCopy(frameMs);
        final double reach = Math.min(MAX_NINES, Math.log10(Math.max(10, sorted.length)));
        final double[] x = new double[points];
        final double[] y = new double[points];
        for (int i = 0; i < points; i++)
        {
            final double nines = reach * i / (points - 1);
            final double percentile = 100.0 * (1.0 - Math.pow(10.0, -nines));
            x[i] = percentile;
            y[i] = Percentiles.percentile(sorted, percentile);
        }
        // the far end of the curve is the slowest frame
        y[points - 1] = sorted[sorted.length - 1];
        return new double[][]{x, y};
    }

    /** One line on the chart. */
    public static final class Series
    {
        private final String name;
        private final int rgba;
        private final double[] x;
        private final double[] y;

        Series(final String name, final int rgba, final double[] x, final double[] y)
        {
            this.name = name;
            this.rgba = rgba;
            this.x = x;
            this.y = y;
        }

        /** @return the legend text. */
        public String name()
        {
            return name;
        }

        /** @return the colour, packed as {@link dev.isochron.render.batch.Rgba} does. */
        public int rgba()
        {
            return rgba;
        }

        /** @return x values. */
        public double[] x()
        {
            return x;
        }

        /** @return y values. */
        public double[] y()
        {
            return y;
        }
    }
}
