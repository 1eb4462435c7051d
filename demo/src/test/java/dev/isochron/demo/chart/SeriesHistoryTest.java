package dev.isochron.demo.chart;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SeriesHistoryTest
{
    private static final int CAPACITY = 1 << 16;

    @Test
    void shouldAgreeWithAScanOverEveryRangeShape()
    {
        final SeriesHistory history = new SeriesHistory(CAPACITY);
        final int samples = CAPACITY + 12_345;
        for (int n = 0; n < samples; n++)
        {
            history.append(Signals.value(3, n));
        }
        final float[] out = new float[2];
        final long[][] ranges = {
            {history.oldest(), history.total()}, {history.oldest() + 1, history.oldest() + 2},
            {70_001, 70_009}, {70_000, 70_064}, {70_003, 75_001}, {65_536, 77_881}, {77_880, 77_881}};
        for (final long[] range : ranges)
        {
            assertTrue(history.minMax(range[0], range[1], out));
            float min = Float.POSITIVE_INFINITY;
            float max = Float.NEGATIVE_INFINITY;
            for (long n = range[0]; n < range[1]; n++)
            {
                min = Math.min(min, Signals.value(3, n));
                max = Math.max(max, Signals.value(3, n));
            }
            assertEquals(min, out[0], "min of [" + range[0] + ", " + range[1] + ")");
            assertEquals(max, out[1], "max of [" + range[0] + ", " + range[1] + ")");
        }
    }

    @Test
    void shouldClampRangesToTheKeptSamples()
    {
        final SeriesHistory history = new SeriesHistory(CAPACITY);
        for (int n = 0; n < CAPACITY * 2; n++)
        {
            history.append(n);
        }
        final float[] out = new float[2];

        assertTrue(history.minMax(0, CAPACITY + 10, out));

        assertEquals(CAPACITY, out[0]);
        assertEquals(CAPACITY + 9, out[1]);
    }

    @Test
    void shouldReportNoSamplesForAnEmptyRange()
    {
        final SeriesHistory history = new SeriesHistory(CAPACITY);
        history.append(1f);
        final float[] out = new float[2];

        assertFalse(history.minMax(5, 9, out));

        assertTrue(Float.isNaN(out[0]) && Float.isNaN(out[1]));
    }

    @Test
    void shouldRoundTheCapacityUpToAPowerOfTwoOfAtLeastTheLargestBlock()
    {
        assertEquals(1 << 15, new SeriesHistory(10).capacity());
        assertEquals(1 << 20, new SeriesHistory(1_000_000).capacity());
    }
}
