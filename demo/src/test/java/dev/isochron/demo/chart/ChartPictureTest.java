package dev.isochron.demo.chart;

import dev.isochron.engine.testing.AllocationGate;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ChartPictureTest
{
    private static final int HISTORY = 200_000;
    private static final int COLUMNS = 256;

    @Test
    void shouldMatchTheNaiveScanColumnForColumnUpToTheSharedSample()
    {
        final SeriesHistory[] histories = prefilled();
        final NaiveChartData naive = new NaiveChartData(HISTORY);
        final ChartPicture engine = new ChartPicture(COLUMNS);
        final long viewStart = 150_000;
        final double span = 40_000;

        engine.decimate(histories, COLUMNS, viewStart, span, new float[2]);
        final ChartPicture scanned = naive.decimate(viewStart, span, COLUMNS);

        for (int s = 0; s < Signals.SERIES; s++)
        {
            for (int c = 0; c < COLUMNS; c++)
            {
                // the engine's column also covers the previous column's last sample, so it can only be wider
                assertTrue(engine.min(s, c) <= scanned.min(s, c) && engine.max(s, c) >= scanned.max(s, c),
                    "series " + s + " column " + c);
            }
        }
        assertEquals(scanned.latest[0], engine.latest[0]);
    }

    @Test
    void shouldDecimateWithoutAllocating() throws Exception
    {
        final SeriesHistory[] histories = prefilled();
        final ChartPicture picture = new ChartPicture(COLUMNS);
        final float[] scratch = new float[2];

        AllocationGate.assertSteadyZero("chart decimation", 2_000, 500, iteration ->
            picture.decimate(histories, COLUMNS, iteration % 1000, 150_000, scratch));
    }

    @Test
    void shouldHandOffRowsWithoutAllocating() throws Exception
    {
        final SeriesHistory[] histories = prefilled();
        final FeedRing ring = new FeedRing(1024);

        AllocationGate.assertSteadyZero("chart feed handoff", 20_000, 5_000, iteration ->
        {
            ring.offer(iteration, 1f, 2f, 3f);
            ring.drainInto(histories);
        });
    }

    private static SeriesHistory[] prefilled()
    {
        final SeriesHistory[] histories = new SeriesHistory[Signals.SERIES];
        for (int s = 0; s < Signals.SERIES; s++)
        {
            histories[s] = new SeriesHistory(HISTORY);
            for (int n = 0; n < HISTORY; n++)
            {
                histories[s].append(Signals.value(s, n));
            }
        }
        return histories;
    }
}
