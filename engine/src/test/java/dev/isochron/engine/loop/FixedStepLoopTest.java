package dev.isochron.engine.loop;

import java.util.List;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class FixedStepLoopTest
{
    private static final long MS = 1_000_000L;
    private static final long PERIOD_NS = 10 * MS;
    private static final long ORIGIN_NS = 1_000 * MS;

    private final ManualClock clock = new ManualClock(ORIGIN_NS);
    private final RecordingTickHandler handler = new RecordingTickHandler();
    private final RecordingObserver observer = new RecordingObserver();

    private FixedStepLoop newLoop(final LoopConfig config)
    {
        return new FixedStepLoop(config, handler, clock, observer);
    }

    private FixedStepLoop newStartedLoop()
    {
        final FixedStepLoop loop = newLoop(new LoopConfig().tickRateHz(100));
        loop.advance(clock.nanoTime());
        return loop;
    }

    private int advanceBy(final FixedStepLoop loop, final long deltaNs)
    {
        return loop.advance(clock.advanceNs(deltaNs));
    }

    @Test
    void shouldRunNoTickOnFirstFrame()
    {
        final FixedStepLoop loop = newLoop(new LoopConfig().tickRateHz(100));

        assertEquals(0, loop.advance(clock.advanceNs(5_000 * MS)));
        assertEquals(0, handler.ticks());
        assertEquals(0.0, loop.alpha());
    }

    @Test
    void shouldRunOneTickWhenOnePeriodElapsed()
    {
        final FixedStepLoop loop = newStartedLoop();

        assertEquals(1, advanceBy(loop, PERIOD_NS));
        assertEquals(1, handler.ticks());
        assertEquals(0.0, loop.alpha());
    }

    @Test
    void shouldRunOnlyWholeTicksAndExposeRemainderAsAlpha()
    {
        final FixedStepLoop loop = newStartedLoop();

        assertEquals(3, advanceBy(loop, 35 * MS));
        assertEquals(0.5, loop.alpha());
        assertEquals(5 * MS, loop.accumulatorNs());
    }

    @Test
    void shouldCarryRemainderToNextFrame()
    {
        final FixedStepLoop loop = newStartedLoop();

        assertEquals(0, advanceBy(loop, 6 * MS));
        assertEquals(0.6, loop.alpha(), 1e-12);
        assertEquals(1, advanceBy(loop, 6 * MS));
        assertEquals(0.2, loop.alpha(), 1e-12);
    }

    @Test
    void shouldRunExactly120TicksInOneSecondAt120Hz()
    {
        final FixedStepLoop loop = newLoop(new LoopConfig());
        loop.advance(clock.nanoTime());
        int ticks = 0;
        for (int frame = 0; frame < 1_000; frame++)
        {
            ticks += advanceBy(loop, MS);
        }

        assertEquals(120, ticks);
        assertEquals(0L, loop.droppedTicks());
    }

    @Test
    void shouldKeepAlphaBelowOne()
    {
        final FixedStepLoop loop = newStartedLoop();
        advanceBy(loop, PERIOD_NS - 1);

        assertTrue(loop.alpha() < 1.0);
        assertEquals(0, handler.ticks());
    }

    @Test
    void shouldPassFixedStepAsDtSeconds()
    {
        final FixedStepLoop loop = newStartedLoop();
        advanceBy(loop, 2 * PERIOD_NS);

        assertEquals(List.of(0.01, 0.01), handler.dtSeconds);
        assertEquals(0.01, loop.dtSeconds());
    }

    @Test
    void shouldIndexTicksConsecutivelyAcrossFrames()
    {
        final FixedStepLoop loop = newStartedLoop();
        advanceBy(loop, 2 * PERIOD_NS);
        advanceBy(loop, 3 * PERIOD_NS);

        assertEquals(List.of(0L, 1L, 2L, 3L, 4L), handler.tickIndices);
        assertEquals(5L, loop.ticks());
        assertEquals(4L, loop.lastTickIndex());
    }

    @Test
    void shouldClampCatchUpToMaxTicksPerFrame()
    {
        final FixedStepLoop loop = newLoop(new LoopConfig().tickRateHz(100).maxTicksPerFrame(8));
        loop.advance(clock.nanoTime());

        assertEquals(8, advanceBy(loop, 125 * MS));
        assertEquals(8, handler.ticks());
    }

    @Test
    void shouldCountAndReportDroppedTicksWhenCatchUpIsClamped()
    {
        final FixedStepLoop loop = newLoop(new LoopConfig().tickRateHz(100).maxTicksPerFrame(8));
        loop.advance(clock.nanoTime());
        advanceBy(loop, 125 * MS);
        advanceBy(loop, 100 * MS);

        assertEquals(List.of(4L, 2L), observer.droppedTicks);
        assertEquals(6L, loop.droppedTicks());
    }

    @Test
    void shouldKeepFractionOfTickWhenDroppingTicks()
    {
        final FixedStepLoop loop = newLoop(new LoopConfig().tickRateHz(100).maxTicksPerFrame(8));
        loop.advance(clock.nanoTime());
        advanceBy(loop, 125 * MS);

        assertEquals(0.5, loop.alpha());
    }

    @Test
    void shouldNotDropTicksWithinBound()
    {
        final FixedStepLoop loop = newLoop(new LoopConfig().tickRateHz(100).maxTicksPerFrame(8));
        loop.advance(clock.nanoTime());
        advanceBy(loop, 89 * MS);

        assertEquals(8, handler.ticks());
        assertEquals(0L, loop.droppedTicks());
        assertTrue(observer.droppedTicks.isEmpty());
    }

    @Test
    void shouldGiveCatchUpTicksIncreasingTickTimesEndingWithinOnePeriodOfFrame()
    {
        final FixedStepLoop loop = newStartedLoop();
        final long frameNs = clock.advanceNs(35 * MS);
        loop.advance(frameNs);

        assertEquals(List.of(frameNs - 25 * MS, frameNs - 15 * MS, frameNs - 5 * MS), handler.tickTimesNs);
        assertEquals(frameNs - 5 * MS, loop.lastTickTimeNs());
    }

    @Test
    void shouldGiveTickTimesOfNewestTicksWhenDropping()
    {
        final FixedStepLoop loop = newLoop(new LoopConfig().tickRateHz(100).maxTicksPerFrame(2));
        loop.advance(clock.nanoTime());
        final long frameNs = clock.advanceNs(45 * MS);
        loop.advance(frameNs);

        assertEquals(List.of(frameNs - 15 * MS, frameNs - 5 * MS), handler.tickTimesNs);
    }

    @Test
    void shouldStartFirstTickAtFrameTimeAndLaterTicksWhenPreviousEnded()
    {
        final RecordingTickHandler slowHandler = new RecordingTickHandler(clock, 2 * MS);
        final FixedStepLoop loop = new FixedStepLoop(new LoopConfig().tickRateHz(100), slowHandler, clock, observer);
        loop.advance(clock.nanoTime());
        final long frameNs = clock.advanceNs(30 * MS);
        loop.advance(frameNs);

        assertEquals(List.of(frameNs, frameNs + 2 * MS, frameNs + 4 * MS), slowHandler.tickStartsNs);
    }

    @Test
    void shouldReportEachTickToObserverWithStartAndEnd()
    {
        final RecordingTickHandler slowHandler = new RecordingTickHandler(clock, 3 * MS);
        final FixedStepLoop loop = new FixedStepLoop(new LoopConfig().tickRateHz(100), slowHandler, clock, observer);
        loop.advance(clock.nanoTime());
        final long frameNs = clock.advanceNs(20 * MS);
        loop.advance(frameNs);

        assertEquals(2, observer.ticks.size());
        assertEquals(List.of(0L, frameNs, frameNs + 3 * MS), List.of(
            observer.ticks.get(0)[0], observer.ticks.get(0)[1], observer.ticks.get(0)[2]));
        assertEquals(List.of(1L, frameNs + 3 * MS, frameNs + 6 * MS), List.of(
            observer.ticks.get(1)[0], observer.ticks.get(1)[1], observer.ticks.get(1)[2]));
        assertEquals(frameNs + 6 * MS, loop.lastTickEndNs());
    }

    @Test
    void shouldNotTickWhilePaused()
    {
        final FixedStepLoop loop = newStartedLoop();
        loop.pause();

        assertEquals(0, advanceBy(loop, 50 * MS));
        assertEquals(0, handler.ticks());
        assertTrue(loop.isPaused());
    }

    @Test
    void shouldCallPausedOncePerFrameWhilePaused()
    {
        final FixedStepLoop loop = newStartedLoop();
        loop.pause();
        final long first = clock.advanceNs(5 * MS);
        loop.advance(first);
        final long second = clock.advanceNs(5 * MS);
        loop.advance(second);

        assertEquals(List.of(first, second), handler.pausedNs);
    }

    @Test
    void shouldNotGrowAccumulatorWhilePaused()
    {
        final FixedStepLoop loop = newStartedLoop();
        advanceBy(loop, 4 * MS);
        loop.pause();
        advanceBy(loop, 500 * MS);

        assertEquals(0.4, loop.alpha(), 1e-12);
    }

    @Test
    void shouldNotBurstCatchUpTicksAfterResume()
    {
        final FixedStepLoop loop = newStartedLoop();
        loop.pause();
        advanceBy(loop, 5_000 * MS);
        loop.resume();

        assertEquals(1, advanceBy(loop, PERIOD_NS));
        assertEquals(0L, loop.droppedTicks());
        assertFalse(loop.isPaused());
    }

    @Test
    void shouldNotCallPausedWhileRunning()
    {
        final FixedStepLoop loop = newStartedLoop();
        advanceBy(loop, PERIOD_NS);

        assertTrue(handler.pausedNs.isEmpty());
    }

    @Test
    void shouldRunHalfAsManyTicksAtHalfTimeScale()
    {
        final FixedStepLoop loop = newLoop(new LoopConfig().tickRateHz(100).timeScale(0.5));
        loop.advance(clock.nanoTime());

        assertEquals(2, advanceBy(loop, 40 * MS));
    }

    @Test
    void shouldRunTwiceAsManyTicksAtDoubleTimeScale()
    {
        final FixedStepLoop loop = newStartedLoop();
        loop.timeScale(2.0);

        assertEquals(2, advanceBy(loop, PERIOD_NS));
        assertEquals(2.0, loop.timeScale());
    }

    @Test
    void shouldFreezeSimulationAtZeroTimeScale()
    {
        final FixedStepLoop loop = newStartedLoop();
        advanceBy(loop, 3 * MS);
        loop.timeScale(0.0);

        assertEquals(0, advanceBy(loop, 1_000 * MS));
        assertEquals(0.3, loop.alpha(), 1e-12);
    }

    @Test
    void shouldCarryFractionsOfScaledNanoseconds()
    {
        final FixedStepLoop loop = newStartedLoop();
        loop.timeScale(0.5);
        advanceBy(loop, 1);
        advanceBy(loop, 1);
        advanceBy(loop, 1);

        assertEquals(1L, loop.accumulatorNs());
    }

    @Test
    void shouldGiveScaledTicksRealTickTimes()
    {
        final FixedStepLoop loop = newLoop(new LoopConfig().tickRateHz(100).timeScale(0.5));
        loop.advance(clock.nanoTime());
        final long frameNs = clock.advanceNs(45 * MS);
        loop.advance(frameNs);

        assertEquals(List.of(frameNs - 25 * MS, frameNs - 5 * MS), handler.tickTimesNs);
    }

    @Test
    void shouldRejectInvalidTimeScaleWhileRunning()
    {
        final FixedStepLoop loop = newStartedLoop();
        final IllegalArgumentException ex = assertThrows(IllegalArgumentException.class, () -> loop.timeScale(-0.5));

        assertEquals("timeScale must be finite and >= 0, was -0.5", ex.getMessage());
        assertEquals(1.0, loop.timeScale());
    }

    @Test
    void shouldAddNothingWhenClockGoesBackwards()
    {
        final FixedStepLoop loop = newStartedLoop();
        clock.setNs(ORIGIN_NS - 500 * MS);

        assertEquals(0, loop.advance(clock.nanoTime()));
        assertEquals(1, advanceBy(loop, PERIOD_NS));
    }

    @Test
    void shouldRejectInvalidConfigAtConstruction()
    {
        final LoopConfig config = new LoopConfig();
        final IllegalArgumentException ex =
            assertThrows(IllegalArgumentException.class, () -> config.maxTicksPerFrame(-3));

        assertEquals("maxTicksPerFrame must be >= 1, was -3", ex.getMessage());
    }

    @Test
    void shouldRejectNullTickHandler()
    {
        final NullPointerException ex = assertThrows(
            NullPointerException.class, () -> new FixedStepLoop(new LoopConfig(), null, clock, observer));

        assertEquals("tickHandler must not be null", ex.getMessage());
    }
}
