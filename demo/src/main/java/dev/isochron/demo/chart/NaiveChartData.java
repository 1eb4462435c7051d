package dev.isochron.demo.chart;

import java.util.ArrayList;
import java.util.List;

/**
 * Naive mode's chart data, written the way the live-chart report of docs/architecture.md ("The stalls it removes") describes: one history of
 * boxed {@code Double}s per series in {@code java.util} lists, shared by the producer thread and
 * the renderer under one lock. Every sample is a new object; the renderer scans every visible
 * sample under the lock each frame, so its cost follows the history, and the producer waits for it.
 * <p>
 * Threads: the producer appends, the render thread reads; both under {@code this} monitor. This is
 * the counter-example: it allocates per sample by design.
 */
public final class NaiveChartData
{
    private final int capacity;
    private final List<List<Double>> series = new ArrayList<>();
    private long total;

    /**
     * Prefills {@code capacity} samples of each series.
     *
     * @param capacity samples kept per series.
     */
    public NaiveChartData(final int capacity)
    {
        this.capacity = capacity;
        for (int s = 0; s < Signals.SERIES; s++)
        {
            final List<Double> history = new ArrayList<>(capacity);
            for (int n = 0; n < capacity; n++)
            {
                history.add((double)Signals.value(s, n));
            }
            series.add(history);
        }
        total = capacity;
    }

    /** Appends sample {@code n} of every series (producer thread). */
    public synchronized void append(final long n)
    {
        for (int s = 0; s < Signals.SERIES; s++)
        {
            final List<Double> history = series.get(s);
            history.add((double)Signals.value(s, n));
            if (history.size() > capacity + capacity / 64)
            {
                history.subList(0, history.size() - capacity).clear();
            }
        }
        total = n + 1;
    }

    /** @return samples appended since start (prefill included). */
    public synchronized long total()
    {
        return total;
    }

    /**
     * Decimates the view {@code [viewStart, viewStart + span)} into a new picture of {@code columns}
     * columns by scanning every sample (render thread, under the lock).
     */
    public synchronized ChartPicture decimate(final long viewStart, final double span, final int columns)
    {
        final ChartPicture picture = new ChartPicture(columns);
        picture.total = total;
        picture.viewStart = viewStart;
        picture.span = span;
        for (int s = 0; s < Signals.SERIES; s++)
        {
            final List<Double> history = series.get(s);
            final long first = total - history.size();
            picture.latest[s] = history.isEmpty() ? 0f : history.get(history.size() - 1).floatValue();
            for (int c = 0; c < columns; c++)
            {
                final long from = ChartPicture.columnStart(viewStart, span, columns, c);
                final long to = ChartPicture.columnStart(viewStart, span, columns, c + 1);
                double min = Double.POSITIVE_INFINITY;
                double max = Double.NEGATIVE_INFINITY;
                for (long n = Math.max(from, first); n < Math.min(to, total); n++)
                {
                    final Double v = history.get((int)(n - first));
                    min = Math.min(min, v);
                    max = Math.max(max, v);
                }
                picture.min[s][c] = min == Double.POSITIVE_INFINITY ? Float.NaN : (float)min;
                picture.max[s][c] = max == Double.NEGATIVE_INFINITY ? Float.NaN : (float)max;
            }
        }
        picture.autoscale();
        return picture;
    }
}
