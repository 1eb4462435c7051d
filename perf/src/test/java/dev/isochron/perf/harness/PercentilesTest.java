package dev.isochron.perf.harness;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class PercentilesTest
{
    private static double[] oneToHundred()
    {
        final double[] values = new double[100];
        for (int i = 0; i < values.length; i++)
        {
            values[i] = i + 1;
        }
        return values;
    }

    @Test
    void shouldTakeNearestRankPercentiles()
    {
        final double[] sorted = oneToHundred();
        assertEquals(1.0, Percentiles.percentile(sorted, 0.0));
        assertEquals(50.0, Percentiles.percentile(sorted, 50.0));
        assertEquals(99.0, Percentiles.percentile(sorted, 99.0));
        assertEquals(100.0, Percentiles.percentile(sorted, 99.9));
        assertEquals(100.0, Percentiles.percentile(sorted, 100.0));
        assertEquals(91.0, Percentiles.percentile(sorted, 90.5));
    }

    @Test
    void shouldGiveTheOnlySampleForEveryPercentile()
    {
        assertEquals(7.0, Percentiles.percentile(new double[]{7.0}, 0.0));
        assertEquals(7.0, Percentiles.percentile(new double[]{7.0}, 99.9));
    }

    @Test
    void shouldRefusePercentilesOutsideZeroToHundred()
    {
        final IllegalArgumentException ex = assertThrows(IllegalArgumentException.class,
            () -> Percentiles.percentile(new double[]{1.0}, 100.5));
        assertEquals("percentile must be in [0, 100], was 100.5", ex.getMessage());
        assertThrows(IllegalArgumentException.class, () -> Percentiles.percentile(new double[]{1.0}, Double.NaN));
    }

    @Test
    void shouldRefuseAnEmptySample()
    {
        final IllegalArgumentException ex = assertThrows(IllegalArgumentException.class,
            () -> Percentiles.median(new double[0]));
        assertEquals("median needs at least one sample, had none", ex.getMessage());
    }

    @Test
    void shouldTakeTheMiddleValueAsMedianOfAnOddCount()
    {
        assertEquals(3.0, Percentiles.median(new double[]{5.0, 1.0, 3.0}));
    }

    @Test
    void shouldAverageTheTwoMiddleValuesAsMedianOfAnEvenCount()
    {
        assertEquals(2.5, Percentiles.median(new double[]{4.0, 1.0, 3.0, 2.0}));
    }

    @Test
    void shouldNotReorderTheCallersArray()
    {
        final double[] samples = {3.0, 1.0, 2.0};
        Percentiles.median(samples);
        Percentiles.onePercentLowFps(samples);
        assertArrayEquals(new double[]{3.0, 1.0, 2.0}, samples);
    }

    @Test
    void shouldTakeOnePercentLowFromTheSlowestOnePercentOfFrames()
    {
        final double[] frames = new double[200];
        java.util.Arrays.fill(frames, 10.0);
        frames[17] = 40.0;
        frames[150] = 60.0;
        // slowest 1% of 200 frames: 60 and 40 ms, mean 50 ms -> 20 fps
        assertEquals(20.0, Percentiles.onePercentLowFps(frames), 1e-9);
    }

    @Test
    void shouldUseTheSlowestFrameForOnePercentLowUnderHundredFrames()
    {
        assertEquals(1000.0 / 25.0, Percentiles.onePercentLowFps(new double[]{5.0, 25.0, 10.0}), 1e-9);
    }
}
