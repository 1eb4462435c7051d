package dev.isochron.engine.metrics;

/**
 * The one definition of a percentile and of the 1% low that the run report's summary, the HUD and the perf harness
 * share (docs/report.md): a percentile is the nearest rank over the sorted samples, the smallest sample with at least
 * p % of the samples at or below it, never interpolated past a real sample; the 1% low is taken over the slowest
 * {@code ceil(n / 100)} frames, at least one. Kept in one place because three copies of it had drifted apart before.
 * <p>
 * Allocation-free and without String constants of its own (the HUD calls it every frame); pure functions.
 */
public final class NearestRank
{
    /** Percentile units per percent: 99.99 is exact, and {@code units * n} fits a long for any int count. */
    private static final long UNITS_PER_PERCENT = 1_000_000L;
    private static final long ALL = 100L * UNITS_PER_PERCENT;

    private NearestRank()
    {
    }

    /**
     * @param n          how many samples, at least one.
     * @param percentile in [0, 100].
     * @return the 0-based index, into the samples sorted ascending, of the nearest-rank {@code percentile}: rank
     * {@code ceil(percentile / 100 * n)}, the first sample for 0, the last for 100.
     * @throws IllegalArgumentException for an empty sample or a percentile outside [0, 100].
     */
    public static int index(final int n, final double percentile)
    {
        if (n < 1 || !(percentile >= 0.0 && percentile <= 100.0))
        {
            throw Messages.outOfRange(n, percentile);
        }
        final long units = Math.round(percentile * UNITS_PER_PERCENT);
        final long rank = (units * n + ALL - 1) / ALL;
        return (int)Math.max(0L, Math.min(n, rank) - 1L);
    }

    /** @return how many of {@code n} frames the 1% low averages: the slowest {@code ceil(n / 100)}, at least one. */
    public static int slowestOnePercent(final int n)
    {
        return Math.max(1, (n + 99) / 100);
    }

    /** The message, in a class of its own so that NearestRank holds no String constant (frame path). */
    private static final class Messages
    {
        static IllegalArgumentException outOfRange(final int n, final double percentile)
        {
            return new IllegalArgumentException("a nearest-rank percentile needs at least one sample and a " +
                "percentile in [0, 100], was " + n + " samples and " + percentile);
        }
    }
}
