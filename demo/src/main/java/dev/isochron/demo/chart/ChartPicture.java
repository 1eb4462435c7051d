package dev.isochron.demo.chart;

/**
 * What the chart draws: per series and pixel column the minimum and maximum of the samples under
 * that column, the newest values, the visible sample range and the value range of the y axis.
 * <p>
 * Thread: written by one thread (the simulation thread in engine mode, the render thread in naive
 * mode), then read by the render thread. Allocation: the constructor allocates the columns.
 */
public final class ChartPicture
{
    final int capacityColumns;
    final float[][] min;
    final float[][] max;
    final float[] latest = new float[Signals.SERIES];
    int columns;
    long total;
    long viewStart;
    double span;
    float yMin;
    float yMax;

    /** @param capacityColumns most pixel columns, >= 1. */
    public ChartPicture(final int capacityColumns)
    {
        this.capacityColumns = capacityColumns;
        columns = capacityColumns;
        min = new float[Signals.SERIES][capacityColumns];
        max = new float[Signals.SERIES][capacityColumns];
    }

    /**
     * @return the first sample under column {@code c} of a view of {@code span} samples from {@code viewStart}
     * over {@code columns} columns.
     */
    static long columnStart(final long viewStart, final double span, final int columns, final int c)
    {
        return viewStart + (long)Math.floor(span * c / columns);
    }

    /** Fills this picture from the histories: min/max per column through their pyramids. Allocation-free. */
    void decimate(final SeriesHistory[] histories, final int columns, final long viewStart, final double span,
        final float[] scratch)
    {
        this.columns = Math.min(columns, capacityColumns);
        this.viewStart = viewStart;
        this.span = span;
        total = histories[0].total();
        for (int s = 0; s < Signals.SERIES; s++)
        {
            final SeriesHistory history = histories[s];
            latest[s] = history.latest();
            final float[] mins = min[s];
            final float[] maxs = max[s];
            for (int c = 0, n = this.columns; c < n; c++)
            {
                // start one sample early so neighbouring columns share a sample and the envelope stays connected
                final long from = columnStart(viewStart, span, n, c) - 1;
                final long to = Math.max(from + 2, columnStart(viewStart, span, n, c + 1));
                history.minMax(from, to, scratch);
                mins[c] = scratch[0];
                maxs[c] = scratch[1];
            }
        }
        autoscale();
    }

    /** Sets the y range to the drawn values plus a margin. Allocation-free. */
    void autoscale()
    {
        float lo = Float.POSITIVE_INFINITY;
        float hi = Float.NEGATIVE_INFINITY;
        for (int s = 0; s < Signals.SERIES; s++)
        {
            for (int c = 0; c < columns; c++)
            {
                final float a = min[s][c];
                final float b = max[s][c];
                if (a == a && a < lo)
                {
                    lo = a;
                }
                if (b == b && b > hi)
                {
                    hi = b;
                }
            }
        }
        if (lo > hi)
        {
            lo = -1f;
            hi = 1f;
        }
        if (hi - lo < 1e-3f)
        {
            lo -= 0.5f;
            hi += 0.5f;
        }
        final float margin = (hi - lo) * 0.05f;
        yMin = lo - margin;
        yMax = hi + margin;
    }

    /** @return columns drawn. */
    public int columns()
    {
        return columns;
    }

    /** @return column {@code c}'s minimum of series {@code s} (NaN when it has no sample). */
    public float min(final int s, final int c)
    {
        return min[s][c];
    }

    /** @return column {@code c}'s maximum of series {@code s} (NaN when it has no sample). */
    public float max(final int s, final int c)
    {
        return max[s][c];
    }
}
