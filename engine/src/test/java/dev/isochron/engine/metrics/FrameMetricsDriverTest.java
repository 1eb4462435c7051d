package dev.isochron.engine.metrics;

import dev.isochron.engine.testing.AllocationGate;
import dev.isochron.engine.loop.LoopConfig;
import dev.isochron.engine.loop.ManualClock;
import dev.isochron.engine.loop.PacingMode;
import dev.isochron.engine.loop.SingleThreadedDriver;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** FrameMetrics observing the engine's single-threaded driver on a manual clock. */
class FrameMetricsDriverTest
{
    private static final long MS = 1_000_000L;
    private static final int WARMUP = 10;
    private static final int FRAMES = 100;
    private static final long SLOW_TICK = 90;
    private static final int SLOW_FRAME = 60;

    private final ManualClock clock = new ManualClock(1_000 * MS);
    private final FrameMetrics metrics = new FrameMetrics(new FrameMetrics.Context().warmupFrames(WARMUP).tickRateHz(120));
    private long framesRendered;

    private SingleThreadedDriver driver()
    {
        final LoopConfig config = new LoopConfig().tickRateHz(120).pacing(PacingMode.UNCAPPED);
        return new SingleThreadedDriver(
            config,
            (tickIndex, tickTimeNs, tickStartNs, dtSeconds) -> clock.advanceNs(tickIndex == SLOW_TICK ? 30 * MS : MS),
            (alpha, frameStartNs) -> clock.advanceNs(framesRendered++ == SLOW_FRAME ? 40 * MS : 10 * MS),
            clock,
            metrics);
    }

    @Test
    void shouldMeasureEveryFrameAfterWarmupButTheRunningOne()
    {
        driver().run(FRAMES);
        assertEquals(FRAMES - WARMUP - 1, metrics.frames());
    }

    @Test
    void shouldAttributeTheSlowTickToUpdateAndTheSlowRenderToRender()
    {
        driver().run(FRAMES);
        int updateStalls = 0;
        int renderStalls = 0;
        for (int i = 0; i < metrics.frames(); i++)
        {
            final StallCause cause = metrics.stallCause(i, null);
            updateStalls += StallCause.UPDATE == cause ? 1 : 0;
            renderStalls += StallCause.RENDER == cause ? 1 : 0;
            assertEquals(metrics.frameTimeNs(i), metrics.updateNs(i) + metrics.renderNs(i), "frame " + i);
        }
        assertEquals(1, updateStalls);
        assertEquals(1, renderStalls);
    }

    @Test
    void shouldRunDriverAndMetricsWithoutAllocation() throws Exception
    {
        final SingleThreadedDriver driver = driver();
        AllocationGate.assertSteadyZero("single-threaded driver with frame metrics", 20_000, 20_000,
            i -> driver.runFrame());
    }
}
