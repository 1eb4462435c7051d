package dev.isochron.render.runtime;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

class FramePhaseTimesTest
{
    private static final long MS = 1_000_000L;

    @Test
    void shouldAverageEachPhaseOverTheFramesAfterTheWarmup()
    {
        final FramePhaseTimes times = new FramePhaseTimes(1);
        frame(times, 0, 100 * MS);
        frame(times, 1, 2 * MS);
        frame(times, 2, 4 * MS);

        assertEquals(3.0, times.meanMs(FramePhaseTimes.RECORD), 1e-9);
        assertEquals(6.0, times.meanMs(FramePhaseTimes.FILL), 1e-9);
        assertEquals(9.0, times.meanMs(FramePhaseTimes.SUBMIT), 1e-9);
        assertEquals(12.0, times.meanMs(FramePhaseTimes.PRESENT), 1e-9);
    }

    @Test
    void shouldReportZeroWithoutAMeasuredFrame()
    {
        final FramePhaseTimes times = new FramePhaseTimes(5);
        frame(times, 0, MS);

        assertEquals(0.0, times.meanMs(FramePhaseTimes.PRESENT), 0.0);
    }

    /** A frame whose phases take step, 2 step, 3 step and 4 step. */
    private static void frame(final FramePhaseTimes times, final long index, final long step)
    {
        long now = index * 1_000 * MS;
        times.beginFrame(index, now);
        for (int phase = 0; phase < FramePhaseTimes.PHASES; phase++)
        {
            now += (phase + 1) * step;
            times.endPhase(phase, now);
        }
        times.endFrame();
    }
}
