package dev.isochron.engine.metrics;

import dev.isochron.engine.testing.AllocationGate;
import dev.isochron.engine.jfr.JfrLoopObserver;
import dev.isochron.engine.loop.LoopObserver;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class FanOutLoopObserverTest
{
    private static final long MS = 1_000_000L;

    @Test
    void shouldPassEveryCallToEveryObserver()
    {
        final FrameMetrics a = new FrameMetrics(new FrameMetrics.Context().warmupFrames(0));
        final FrameMetrics b = new FrameMetrics(new FrameMetrics.Context().warmupFrames(0));
        final LoopObserver fanOut = new FanOutLoopObserver(a, b);
        fanOut.onFrameStart(0, 0);
        fanOut.onTick(0, 0, MS);
        fanOut.onDroppedTicks(2);
        fanOut.onFrameEnd(3 * MS);
        fanOut.onFrameStart(10 * MS, 0);
        for (final FrameMetrics m : new FrameMetrics[]{a, b})
        {
            assertEquals(1, m.frames());
            assertEquals(1L, m.ticks());
            assertEquals(2L, m.droppedTicks());
            assertEquals(2 * MS, m.renderNs(0));
        }
    }

    @Test
    void shouldRejectNullObserver()
    {
        final IllegalArgumentException ex = assertThrows(IllegalArgumentException.class,
            () -> new FanOutLoopObserver(LoopObserver.NONE, null));
        assertEquals("observers[1] must not be null", ex.getMessage());
    }

    @Test
    void shouldFanOutWithoutAllocation() throws Exception
    {
        final int iterations = 50_000;
        final FrameMetrics metrics = new FrameMetrics(
            new FrameMetrics.Context().warmupFrames(0).windowCapacityFrames(7 * iterations));
        final LoopObserver fanOut = new FanOutLoopObserver(metrics, new JfrLoopObserver(), LoopObserver.NONE);
        final long[] now = {0};
        AllocationGate.assertSteadyZero("fan-out observer", 4 * iterations, iterations, i ->
        {
            fanOut.onFrameStart(now[0], 0);
            fanOut.onTick(i, now[0], now[0] + MS);
            fanOut.onFrameEnd(now[0] + 2 * MS);
            now[0] += 16 * MS;
        });
    }
}
