package dev.isochron.perf.harness;

import dev.isochron.engine.metrics.NearestRank;

import java.util.Arrays;

/**
 * Order statistics over frame times, defined as in {@code docs/report.md}: percentiles by nearest rank
 * ({@link NearestRank}, the definition the report and the HUD use too) over the
 * sorted samples (p100 is the maximum, never interpolated past a real sample), medians as the mean of the two
 * middle values for an even count, and 1% low FPS as 1000 / (the mean of the slowest 1% of frame times).
 * <p>
 * Pure functions of their inputs; they never modify an array they are given.
 */
public final class Percentiles
{
    private Percentiles()
    {
    }

    /**
     * @param sortedAscending samples in ascending order, at least one.
     * @param percentile      in [0, 100].
     * @return the nearest-rank percentile: the smallest sample with at least {@code percentile}% of the samples
     * at or below it (the minimum for 0).
     */
    public static double percentile(final double[] sortedAscending, final double percentile)
    {
        if (!(percentile >= 0.0 && percentile <= 100.0))
        {
            throw new IllegalArgumentException("percentile must be in [0, 100], was " + percentile);
        }
        checkNotEmpty(sortedAscending, "percentile");
        return sortedAscending[NearestRank.index(sortedAscending.length, percentile)];
    }

    /** @return a sorted copy of {@code samples}. */
    public static double[] sortedCopy(final double[] samples)
    {
        final double[] copy = samples.clone();
        Arrays.sort(copy);
        return copy;
    }

    /**
     * @return the median of {@code samples} (any order, at least one): the middle value, or the mean of the two
     * middle values for an even count.
     */
    public static double median(final double[] samples)
    {
        checkNotEmpty(samples, "median");
        final double[] sorted = sortedCopy(samples);
        final int n = sorted.length;
        return (n & 1) == 1 ? sorted[n / 2] : 0.5 * (sorted[n / 2 - 1] + sorted[n / 2]);
    }

    /** @return the arithmetic mean of {@code samples}, at least one. */
    public static double mean(final double[] samples)
    {
        checkNotEmpty(samples, "mean");
        double sum = 0.0;
        for (final double sample : samples)
        {
            sum += sample;
        }
        return sum / samples.length;
    }

    /**
     * @param frameMs frame times in milliseconds, any order, at least one.
     * @return 1000 / (the mean of the slowest 1% of frame times), the slowest frame standing for the 1% when
     * there are fewer than 100 frames.
     */
    public static double onePercentLowFps(final double[] frameMs)
    {
        checkNotEmpty(frameMs, "onePercentLowFps");
        final double[] sorted = sortedCopy(frameMs);
        final int slowest = Math.max(1, sorted.length / 100);
        double sum = 0.0;
        for (int i = sorted.length - slowest; i < sorted.length; i++)
        {
            sum += sorted[i];
        }
        final double meanMs = sum / slowest;
        return meanMs > 0.0 ? 1000.0 / meanMs : Double.POSITIVE_INFINITY;
    }

    private static void checkNotEmpty(final double[] samples, final String what)
    {
        if (null == samples || samples.length == 0)
        {
            throw new IllegalArgumentException(what + " needs at least one sample, had " +
                (null == samples ? "null" : "none"));
        }
    }
}
