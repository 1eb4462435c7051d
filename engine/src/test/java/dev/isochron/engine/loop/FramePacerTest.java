package dev.isochron.engine.loop;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;

import org.agrona.concurrent.NanoClock;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

class FramePacerTest
{
    private static final long MS = 1_000_000L;
    private static final long PERIOD_NS = 10 * MS;
    private static final long SPIN_MARGIN_NS = 2 * MS;
    private static final Duration HANG_GUARD = Duration.ofSeconds(30);

    private final ManualClock manualClock = new ManualClock(1_000 * MS);
    private final CountingClock clock = new CountingClock(manualClock);

    @Test
    void shouldAdvanceDeadlineByOnePeriodFromPreviousDeadline()
    {
        assertEquals(110 * MS, FramePacer.nextDeadlineNs(100 * MS, 103 * MS, PERIOD_NS));
    }

    @Test
    void shouldKeepCadenceWhenLessThanOnePeriodLate()
    {
        assertEquals(110 * MS, FramePacer.nextDeadlineNs(100 * MS, 119 * MS, PERIOD_NS));
    }

    @Test
    void shouldKeepCadenceWhenExactlyOnePeriodLate()
    {
        assertEquals(110 * MS, FramePacer.nextDeadlineNs(100 * MS, 120 * MS, PERIOD_NS));
    }

    @Test
    void shouldResyncToNowWhenMoreThanOnePeriodLate()
    {
        assertEquals(120 * MS + 1, FramePacer.nextDeadlineNs(100 * MS, 120 * MS + 1, PERIOD_NS));
    }

    @Test
    void shouldParkUntilSpinMarginBeforeDeadline()
    {
        assertEquals(7 * MS, FramePacer.parkNs(101 * MS, 110 * MS, SPIN_MARGIN_NS));
    }

    @Test
    void shouldNotParkWithinSpinMargin()
    {
        assertEquals(0L, FramePacer.parkNs(108 * MS + 1, 110 * MS, SPIN_MARGIN_NS));
    }

    @Test
    void shouldNotParkAfterDeadline()
    {
        assertEquals(0L, FramePacer.parkNs(115 * MS, 110 * MS, SPIN_MARGIN_NS));
    }

    @Test
    void shouldSpinUntilDeadlineIsReached()
    {
        assertFalse(FramePacer.isDeadlineReached(110 * MS - 1, 110 * MS));
        assertTrue(FramePacer.isDeadlineReached(110 * MS, 110 * MS));
    }

    @Test
    void shouldReturnAtOnceWhenUncapped()
    {
        final FramePacer pacer = new FramePacer(new LoopConfig().pacing(PacingMode.UNCAPPED), clock);

        assertEquals(clock.nanoTime(), pacer.pace());
        assertEquals(clock.nanoTime(), pacer.pace());
        assertEquals(0L, pacer.overshootCount());
    }

    @Test
    void shouldReturnAtOnceWithVsync()
    {
        final FramePacer pacer = new FramePacer(new LoopConfig().pacing(PacingMode.VSYNC), clock);

        assertEquals(clock.nanoTime(), pacer.pace());
        assertEquals(clock.nanoTime(), pacer.pace());
        assertEquals(0L, pacer.lateFrames());
    }

    @Test
    void shouldSetFirstDeadlineToFirstCallWithoutWaiting()
    {
        final FramePacer pacer = new FramePacer(PacingMode.TARGET_FPS, PERIOD_NS, SPIN_MARGIN_NS, clock);

        assertEquals(clock.nanoTime(), pacer.pace());
        assertEquals(clock.nanoTime(), pacer.deadlineNs());
        assertEquals(0L, pacer.overshootCount());
    }

    @Test
    void shouldCountLateFrameWithoutOvershootWhenDeadlineAlreadyPassed()
    {
        final FramePacer pacer = new FramePacer(PacingMode.TARGET_FPS, PERIOD_NS, SPIN_MARGIN_NS, clock);
        pacer.pace();
        manualClock.advanceNs(PERIOD_NS + 3 * MS);
        pacer.pace();

        assertEquals(1L, pacer.lateFrames());
        assertEquals(0L, pacer.overshootCount());
        assertEquals(0L, pacer.resyncs());
    }

    @Test
    void shouldCountResyncWhenMoreThanOnePeriodLate()
    {
        final FramePacer pacer = new FramePacer(PacingMode.TARGET_FPS, PERIOD_NS, SPIN_MARGIN_NS, clock);
        pacer.pace();
        final long nowNs = manualClock.advanceNs(3 * PERIOD_NS);
        pacer.pace();

        assertEquals(1L, pacer.resyncs());
        assertEquals(nowNs, pacer.deadlineNs());
    }

    @Test
    void shouldWaitUntilDeadlineAndMeasureOvershoot()
    {
        final FramePacer pacer = new FramePacer(PacingMode.TARGET_FPS, PERIOD_NS, PERIOD_NS, clock);
        final long firstNs = pacer.pace();
        final long deadlineNs = firstNs + PERIOD_NS;

        final long wokeNs = paceWhileAnotherThreadSetsClock(pacer, deadlineNs + 7);

        assertEquals(deadlineNs + 7, wokeNs);
        assertEquals(deadlineNs, pacer.deadlineNs());
        assertEquals(7L, pacer.lastOvershootNs());
        assertEquals(1L, pacer.overshootCount());
        assertEquals(0L, pacer.lateFrames());
    }

    @Test
    void shouldAccumulateOvershootStatistics()
    {
        final FramePacer pacer = new FramePacer(PacingMode.TARGET_FPS, PERIOD_NS, PERIOD_NS, clock);
        final long firstNs = pacer.pace();
        paceWhileAnotherThreadSetsClock(pacer, firstNs + PERIOD_NS + 7);
        paceWhileAnotherThreadSetsClock(pacer, firstNs + 2 * PERIOD_NS + 3);

        assertEquals(3L, pacer.lastOvershootNs());
        assertEquals(7L, pacer.maxOvershootNs());
        assertEquals(2L, pacer.overshootCount());
        assertEquals(10L, pacer.overshootSumNs());
        assertEquals(5.0, pacer.meanOvershootNs());
    }

    @Test
    void shouldClearStatisticsButKeepCadenceOnReset()
    {
        final FramePacer pacer = new FramePacer(PacingMode.TARGET_FPS, PERIOD_NS, PERIOD_NS, clock);
        final long firstNs = pacer.pace();
        paceWhileAnotherThreadSetsClock(pacer, firstNs + PERIOD_NS + 7);
        pacer.resetStatistics();

        assertEquals(0L, pacer.overshootCount());
        assertEquals(0L, pacer.maxOvershootNs());
        assertEquals(0.0, pacer.meanOvershootNs());
        assertEquals(firstNs + PERIOD_NS, pacer.deadlineNs());
    }

    @Test
    void shouldWaitUntilDeadlineAndKeepInterruptFlagWhenInterrupted()
    {
        final FramePacer pacer = new FramePacer(PacingMode.TARGET_FPS, PERIOD_NS, 0L, clock);
        final long firstNs = pacer.pace();
        final boolean[] interruptedAfter = new boolean[1];

        final long readsBefore = clock.reads();
        final Thread mover = new Thread(() ->
        {
            while (clock.reads() < readsBefore + 2)
            {
                Thread.onSpinWait();
            }
            manualClock.setNs(firstNs + PERIOD_NS + 1);
        }, "clock-mover");

        final long wokeNs = assertTimeoutPreemptively(HANG_GUARD, () ->
        {
            mover.start();
            Thread.currentThread().interrupt();
            final long woke = pacer.pace();
            interruptedAfter[0] = Thread.interrupted();
            mover.join();
            return woke;
        });

        assertEquals(firstNs + PERIOD_NS + 1, wokeNs);
        assertEquals(1L, pacer.lastOvershootNs());
        assertTrue(interruptedAfter[0]);
    }

    @Test
    void shouldTakePeriodFromTargetFps()
    {
        final FramePacer pacer = new FramePacer(
            new LoopConfig().pacing(PacingMode.TARGET_FPS).targetFps(200).spinMarginNs(500_000), clock);

        assertEquals(5 * MS, pacer.periodNs());
        assertEquals(500_000L, pacer.spinMarginNs());
        assertEquals(PacingMode.TARGET_FPS, pacer.mode());
    }

    @Test
    void shouldRejectNonPositivePeriod()
    {
        final IllegalArgumentException ex = assertThrows(
            IllegalArgumentException.class, () -> new FramePacer(PacingMode.TARGET_FPS, 0, 0, clock));

        assertEquals("periodNs must be >= 1, was 0", ex.getMessage());
    }

    /**
     * Paces on this thread while another thread moves the manual clock to {@code wakeNs} once the pacer has read
     * the clock at least twice (so it is waiting); the spin margin of the pacers above is a whole period so the
     * pacer only spins on the clock and never parks.
     */
    private long paceWhileAnotherThreadSetsClock(final FramePacer pacer, final long wakeNs)
    {
        final long readsBefore = clock.reads();
        final Thread mover = new Thread(() ->
        {
            while (clock.reads() < readsBefore + 2)
            {
                Thread.onSpinWait();
            }
            manualClock.setNs(wakeNs);
        }, "clock-mover");
        return assertTimeoutPreemptively(HANG_GUARD, () ->
        {
            mover.start();
            final long wokeNs = pacer.pace();
            mover.join();
            return wokeNs;
        });
    }

    /** Counts the pacer's clock reads so the test knows when it is waiting. */
    private static final class CountingClock implements NanoClock
    {
        private final ManualClock clock;
        private final AtomicLong reads = new AtomicLong();

        CountingClock(final ManualClock clock)
        {
            this.clock = clock;
        }

        public long nanoTime()
        {
            reads.incrementAndGet();
            return clock.nanoTime();
        }

        long reads()
        {
            return reads.get();
        }
    }
}
