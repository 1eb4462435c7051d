package dev.isochron.perf.harness;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class ChartTest
{
    @Test
    void shouldMapPercentilesToNines()
    {
        assertEquals(0.0, Chart.nines(0.0), 1e-12);
        assertEquals(1.0, Chart.nines(90.0), 1e-12);
        assertEquals(3.0, Chart.nines(99.9), 1e-9);
        assertEquals(Chart.MAX_NINES, Chart.nines(100.0));
    }

    @Test
    void shouldKeepTheSlowestFrameOfEachBucket()
    {
        final double[][] series = Chart.frameSeries(new double[]{1, 9, 2, 3, 4, 8}, 3);

        assertArrayEquals(new double[]{0, 2, 4}, series[0]);
        assertArrayEquals(new double[]{9, 3, 8}, series[1]);
    }

    @Test
    void shouldKeepEveryFrameOfAShortRun()
    {
        final double[][] series = Chart.frameSeries(new double[]{5, 6, 7}, 100);

        assertArrayEquals(new double[]{0, 1, 2}, series[0]);
        assertArrayEquals(new double[]{5, 6, 7}, series[1]);
    }

    @Test
    void shouldEndThePercentileCurveAtTheSlowestFrame()
    {
        final double[] frames = new double[1000];
        for (int i = 0; i < frames.length; i++)
        {
            frames[i] = i + 1;
        }
        final double[][] curve = Chart.percentileSeries(frames, 4);

        assertEquals(0.0, curve[0][0], 1e-12);
        assertEquals(1.0, curve[1][0]);
        assertEquals(90.0, curve[0][1], 1e-9);
        assertEquals(900.0, curve[1][1]);
        assertEquals(1000.0, curve[1][3]);
    }

    @Test
    void shouldRefuseSeriesWhoseCoordinatesDoNotPairUp()
    {
        final Chart chart = new Chart("t", "x", "y", Chart.XAxis.LINEAR);
        final IllegalArgumentException ex = assertThrows(IllegalArgumentException.class,
            () -> chart.add("engine", 0, new double[2], new double[3]));
        assertEquals("series 'engine' has 2 x values and 3 y values; they must pair up", ex.getMessage());
    }
}
