package dev.isochron.engine.metrics;

import dev.isochron.engine.testing.AllocationGate;
import dev.isochron.engine.loop.ManualClock;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class FrameMetricsTest
{
    private static final long MS = 1_000_000L;

    private static FrameMetrics single(final int warmup, final int capacity)
    {
        return new FrameMetrics(new FrameMetrics.Context().warmupFrames(warmup).windowCapacityFrames(capacity));
    }

    /** One single-threaded frame: start, ticks of {@code tickMs} each, render for {@code renderMs}, end. */
    private static void frame(
        final FrameMetrics metrics, final ManualClock clock, final int ticks, final long tickMs, final long renderMs)
    {
        metrics.onFrameStart(clock.nanoTime(), 0);
        for (int t = 0; t < ticks; t++)
        {
            final long start = clock.nanoTime();
            clock.advanceNs(tickMs * MS);
            metrics.onTick(t, start, clock.nanoTime());
        }
        clock.advanceNs(renderMs * MS);
        metrics.onFrameEnd(clock.nanoTime());
    }

    /**
     * The cause given to an update stall (three 10 ms ticks, then a 2 ms frame) when a GC pause was recorded from
     * {@code pauseStartAfterEndNs} to {@code pauseEndAfterEndNs} after the stalled frame's end.
     */
    private static StallCause stallCauseOfUpdateStallWithGcPause(
        final long pauseStartAfterEndNs, final long pauseEndAfterEndNs)
    {
        final ManualClock clock = new ManualClock(5_000 * MS);
        final GcPauseMonitor pauses = new GcPauseMonitor(clock, 16);
        try
        {
            final FrameMetrics metrics = single(0, 10);
            frame(metrics, clock, 3, 10, 2);
            frame(metrics, clock, 0, 0, 2);
            final long frameEnd = metrics.frameStartNs(0) + metrics.frameTimeNs(0);
            pauses.recordPause(frameEnd + pauseStartAfterEndNs, frameEnd + pauseEndAfterEndNs);
            return metrics.stallCause(0, pauses);
        }
        finally
        {
            pauses.close();
        }
    }

    private static void assertRejected(final FrameMetrics.Context context, final String message)
    {
        final IllegalArgumentException ex =
            assertThrows(IllegalArgumentException.class, () -> new FrameMetrics(context));
        assertEquals(message, ex.getMessage());
    }

    @Test
    void shouldMeasureFrameTimeFromStartToNextStart()
    {
        final FrameMetrics metrics = single(0, 10);
        final ManualClock clock = new ManualClock(1_000 * MS);
        metrics.onFrameStart(clock.nanoTime(), 0);
        clock.advanceMillis(4);
        metrics.onFrameEnd(clock.nanoTime());
        clock.advanceMillis(12);
        metrics.onFrameStart(clock.nanoTime(), 0);
        assertEquals(1, metrics.frames());
        assertEquals(16 * MS, metrics.frameTimeNs(0));
        assertEquals(4 * MS, metrics.renderNs(0));
        assertEquals(1_000 * MS, metrics.frameStartNs(0));
    }

    @Test
    void shouldExcludeWarmupFrames()
    {
        final FrameMetrics metrics = single(3, 10);
        final ManualClock clock = new ManualClock();
        for (int i = 0; i < 6; i++)
        {
            frame(metrics, clock, 0, 0, 10 + i);
        }
        assertEquals(2, metrics.frames());
        assertEquals(13 * MS, metrics.frameTimeNs(0));
        assertEquals(14 * MS, metrics.frameTimeNs(1));
    }

    @Test
    void shouldCompleteWindowAtCapacityAndStopRecording()
    {
        final FrameMetrics metrics = single(0, 3);
        final ManualClock clock = new ManualClock();
        for (int i = 0; i < 10; i++)
        {
            frame(metrics, clock, 1, 1, 5);
        }
        assertTrue(metrics.isWindowComplete());
        assertEquals(3, metrics.frames());
        assertEquals(3L, metrics.frameTimeHistogram().getTotalCount());
        assertEquals(3L, metrics.ticks());
    }

    @Test
    void shouldSumTicksOfTheFrameAsUpdateTimeInSingleThreadedMode()
    {
        final FrameMetrics metrics = single(0, 10);
        final ManualClock clock = new ManualClock();
        frame(metrics, clock, 3, 2, 5);
        frame(metrics, clock, 0, 0, 5);
        assertEquals(6 * MS, metrics.updateNs(0));
        assertEquals(5 * MS, metrics.renderNs(0));
        assertEquals(11 * MS, metrics.frameTimeNs(0));
    }

    @Test
    void shouldRecordTickTimesInTheTickHistogram()
    {
        final FrameMetrics metrics = single(0, 10);
        final ManualClock clock = new ManualClock();
        frame(metrics, clock, 2, 3, 1);
        assertEquals(2L, metrics.tickTimeHistogram().getTotalCount());
        assertEquals(3 * MS, metrics.tickTimeHistogram().getValueAtPercentile(50), 3 * MS / 1000.0);
    }

    @Test
    void shouldSumDroppedTicksInsideTheWindowOnly()
    {
        final FrameMetrics metrics = single(1, 10);
        metrics.onDroppedTicks(5);
        metrics.onFrameStart(0, 0);
        metrics.onFrameStart(10 * MS, 0);
        metrics.onDroppedTicks(2);
        metrics.onDroppedTicks(3);
        assertEquals(5L, metrics.droppedTicks());
    }

    @Test
    void shouldAttributeStallToUpdateWhenTicksOutlastRenderingInSingleThreadedMode()
    {
        final FrameMetrics metrics = single(0, 10);
        final ManualClock clock = new ManualClock();
        frame(metrics, clock, 3, 10, 2);
        frame(metrics, clock, 0, 0, 2);
        assertEquals(StallCause.UPDATE, metrics.stallCause(0, null));
    }

    @Test
    void shouldAttributeStallToRenderWhenRenderingOutlastsTicks()
    {
        final FrameMetrics metrics = single(0, 10);
        final ManualClock clock = new ManualClock();
        frame(metrics, clock, 1, 8, 30);
        frame(metrics, clock, 0, 0, 2);
        assertEquals(StallCause.RENDER, metrics.stallCause(0, null));
    }

    @Test
    void shouldNotCallAFrameAtTheThresholdAStall()
    {
        final FrameMetrics metrics = single(0, 10);
        metrics.onFrameStart(0, 0);
        metrics.onFrameStart(25 * MS, 0);
        assertEquals(StallCause.NONE, metrics.stallCause(0, null));
    }

    @Test
    void shouldAttributeStallToGcWhenAPauseOverlapsWithinSlack()
    {
        assertEquals(StallCause.GC, stallCauseOfUpdateStallWithGcPause(MS / 2, 3 * MS));
    }

    @Test
    void shouldNotAttributeStallToGcWhenThePauseIsOutsideTheSlack()
    {
        assertEquals(StallCause.UPDATE, stallCauseOfUpdateStallWithGcPause(2 * MS, 3 * MS));
    }

    @Test
    void shouldAttributeStallToUpdateWhenStateIsOlderThanTwoTicksInMultiThreadedMode()
    {
        final FrameMetrics metrics = new FrameMetrics(new FrameMetrics.Context()
            .threading(FrameMetrics.Threading.MULTI).warmupFrames(0).tickRateHz(100));
        metrics.onFrameStart(0, 20 * MS + 1);
        metrics.onFrameEnd(2 * MS);
        metrics.onFrameStart(40 * MS, 0);
        metrics.onFrameEnd(60 * MS);
        metrics.onFrameStart(100 * MS, 20 * MS);
        assertEquals(StallCause.UPDATE, metrics.stallCause(0, null));
        assertEquals(StallCause.RENDER, metrics.stallCause(1, null));
        assertEquals(0L, metrics.updateNs(0));
    }

    @Test
    void shouldCountStallsByCause()
    {
        final FrameMetrics metrics = single(0, 10);
        final ManualClock clock = new ManualClock();
        frame(metrics, clock, 3, 10, 2);
        frame(metrics, clock, 0, 0, 40);
        frame(metrics, clock, 0, 0, 5);
        frame(metrics, clock, 0, 0, 5);
        final long[] counts = metrics.attributeStalls(null);
        assertEquals(1L, counts[StallCause.UPDATE.ordinal()]);
        assertEquals(1L, counts[StallCause.RENDER.ordinal()]);
        assertEquals(1L, counts[StallCause.NONE.ordinal()]);
    }

    @Test
    void shouldDefaultStallThresholdToOneAndAHalfTargetPeriods()
    {
        assertEquals(25.0, new FrameMetrics.Context().conclude().stallThresholdMs());
        assertEquals(25.0, new FrameMetrics.Context().targetFps(60).conclude().stallThresholdMs(), 1e-9);
        assertEquals(10.0, new FrameMetrics.Context().targetFps(-1).displayRefreshHz(150).conclude().stallThresholdMs(),
            1e-9);
    }

    @Test
    void shouldComputeOnePercentLowFromSlowestFrames()
    {
        final FrameMetrics metrics = single(0, 300);
        long t = 0;
        for (int i = 0; i < 200; i++)
        {
            metrics.onFrameStart(t, 0);
            t += (i == 50 || i == 150) ? 50 * MS : 10 * MS;
        }
        metrics.onFrameStart(t, 0);
        assertEquals(200, metrics.frames());
        assertEquals(20.0, metrics.onePercentLowFps(), 1e-9);
        assertEquals(200 * 1e9 / (198 * 10 * MS + 100 * MS), metrics.fpsMean(), 1e-9);
    }

    @Test
    void shouldClampFrameTimesAboveHistogramRange()
    {
        final FrameMetrics metrics = new FrameMetrics(new FrameMetrics.Context().warmupFrames(0).histogramMaxNs(MS));
        metrics.onFrameStart(0, 0);
        metrics.onFrameStart(5 * MS, 0);
        assertEquals(1L, metrics.clampedSamples());
        assertEquals(5 * MS, metrics.frameTimeNs(0));
    }

    @Test
    void shouldSnapshotAllocationMeterWhenWindowOpensAndFills()
    {
        final ThreadAllocationMeter meter = new ThreadAllocationMeter().register(ThreadRole.RENDER, Thread.currentThread());
        final FrameMetrics metrics = new FrameMetrics(
            new FrameMetrics.Context().warmupFrames(2).windowCapacityFrames(2).allocationMeter(meter));
        metrics.onFrameStart(0, 0);
        metrics.onFrameStart(MS, 0);
        assertFalse(meter.isWindowStarted());
        metrics.onFrameStart(2 * MS, 0);
        assertTrue(meter.isWindowStarted());
        metrics.onFrameStart(3 * MS, 0);
        assertFalse(meter.isWindowEnded());
        metrics.onFrameStart(4 * MS, 0);
        assertTrue(meter.isWindowEnded());
    }

    @Test
    void shouldRejectWindowCapacityBelowOne()
    {
        assertRejected(
            new FrameMetrics.Context().windowCapacityFrames(0),
            "windowCapacityFrames must be in [1, 50000000], was 0");
    }

    @Test
    void shouldRejectHistogramRangeBelowOneMillisecond()
    {
        assertRejected(
            new FrameMetrics.Context().histogramMaxNs(999_999),
            "histogramMaxNs must be in [1000000, 3600000000000], was 999999");
    }

    @Test
    void shouldRejectNaNTickRate()
    {
        assertRejected(new FrameMetrics.Context().tickRateHz(Double.NaN), "tickRateHz must be in (0, 10000], was NaN");
    }

    @Test
    void shouldRejectNegativeWarmup()
    {
        assertRejected(new FrameMetrics.Context().warmupFrames(-1), "warmupFrames must be in [0, 100000000], was -1");
    }

    @Test
    void shouldRejectTargetFpsOutsideItsValues()
    {
        assertRejected(
            new FrameMetrics.Context().targetFps(-2),
            "targetFps must be 0 (uncapped), -1 (vsync) or in (0, 10000], was -2.0");
    }

    @Test
    void shouldRecordFramesAndTicksWithoutAllocation() throws Exception
    {
        final int iterations = 50_000;
        final FrameMetrics metrics = single(100, 7 * iterations);
        final long[] now = {0};
        AllocationGate.assertSteadyZero("frame metrics recording", iterations, iterations, i ->
        {
            metrics.onFrameStart(now[0], 0);
            metrics.onTick(i, now[0], now[0] + 2 * MS);
            metrics.onDroppedTicks(0);
            metrics.onFrameEnd(now[0] + 5 * MS);
            now[0] += 16 * MS;
        });
        assertTrue(metrics.frames() >= 2 * iterations - 100 - 1);
    }

    @Test
    void shouldRecordTicksFromAnotherThreadWithoutAllocation() throws Exception
    {
        final int iterations = 50_000;
        final FrameMetrics metrics = new FrameMetrics(new FrameMetrics.Context()
            .threading(FrameMetrics.Threading.MULTI).warmupFrames(0).windowCapacityFrames(7 * iterations));
        metrics.onFrameStart(0, 0);
        final long[] renderNow = {0};
        final long[] simNow = {0};
        AllocationGate.assertSteadyZeroPerThread("frame-metrics", iterations, iterations,
            i ->
            {
                renderNow[0] += 16 * MS;
                metrics.onFrameStart(renderNow[0], 3 * MS);
                metrics.onFrameEnd(renderNow[0] + 4 * MS);
            },
            i ->
            {
                metrics.onTick(i, simNow[0], simNow[0] + MS);
                simNow[0] += 8 * MS;
            });
    }
}
