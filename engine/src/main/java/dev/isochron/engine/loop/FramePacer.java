package dev.isochron.engine.loop;

import java.util.concurrent.locks.LockSupport;

import org.agrona.concurrent.NanoClock;

/**
 * Waits between frames according to a {@link PacingMode}.
 * <ul>
 *   <li>{@link PacingMode#UNCAPPED} and {@link PacingMode#VSYNC}: {@link #pace()} returns at once (with vsync the
 *       buffer swap does the waiting).</li>
 *   <li>{@link PacingMode#TARGET_FPS}: sleep-then-spin. Each call waits until the frame's deadline, parking
 *       ({@link LockSupport#parkNanos(long)}) until {@code deadline - spinMarginNs} and then spinning
 *       ({@link Thread#onSpinWait()}) until the deadline itself, since parking overshoots by the OS timer slack.
 *       Deadlines advance by one period from the previous deadline, not from the wake-up, so overshoot does not
 *       accumulate into drift; a frame that ends more than one period after its deadline resyncs the cadence to
 *       now (counted in {@link #resyncs()}) instead of running a burst of unpaced frames. The first call sets
 *       the first deadline to its own time and so returns at once.</li>
 * </ul>
 * The pacer measures its overshoot (actual wake minus deadline) for every call that had to wait: last, max, count
 * and sum (so a report can give the mean). Calls that found their deadline already passed are counted in
 * {@link #lateFrames()} and are not overshoot.
 * <p>
 * The decisions are pure static methods ({@link #nextDeadlineNs}, {@link #parkNs}, {@link #isDeadlineReached})
 * so they can be tested with values from a {@link ManualClock}.
 * <p>
 * An interrupt does not cut a wait short: the pacer still returns at the deadline (spinning, since a set interrupt
 * flag makes parking return at once) and leaves the flag set for the caller to act on.
 * <p>
 * Threading: one thread (the one that renders). The getters are plain reads meant for that thread; other threads
 * may see stale values. Allocation: none.
 */
public final class FramePacer
{
    private final PacingMode mode;
    private final NanoClock clock;
    private final long periodNs;
    private final long spinMarginNs;

    private boolean started;
    private long deadlineNs;
    private long lastOvershootNs;
    private long maxOvershootNs;
    private long overshootCount;
    private long overshootSumNs;
    private long lateFrames;
    private long resyncs;

    /**
     * Makes a pacer from a loop configuration.
     *
     * @param config pacing mode, target FPS and spin margin; concluded here.
     * @param clock  the engine's clock.
     */
    public FramePacer(final LoopConfig config, final NanoClock clock)
    {
        this(config.conclude().pacing(), config.targetFramePeriodNs(), config.spinMarginNs(), clock);
    }

    /**
     * Makes a pacer.
     *
     * @param mode         how to wait.
     * @param periodNs     the frame period in {@link PacingMode#TARGET_FPS}, >= 1 (ignored otherwise).
     * @param spinMarginNs how long before the deadline to stop parking and spin, >= 0.
     * @param clock        the engine's clock.
     */
    public FramePacer(final PacingMode mode, final long periodNs, final long spinMarginNs, final NanoClock clock)
    {
        if (null == mode)
        {
            throw Messages.nullPacing();
        }
        if (periodNs < 1)
        {
            throw Messages.badPeriodNs(periodNs);
        }
        FrameDriver.requireNonNull(clock, Messages.clockName());
        this.mode = mode;
        this.periodNs = periodNs;
        this.spinMarginNs = LoopConfig.checkSpinMarginNs(spinMarginNs);
        this.clock = clock;
    }

    /**
     * The deadline of the next frame: one period after the previous deadline, or {@code nowNs} (resync) when
     * {@code nowNs} is more than one period past that. Pure.
     *
     * @param previousDeadlineNs the deadline of the previous frame.
     * @param nowNs              the time the frame's work ended.
     * @param periodNs           the frame period.
     * @return the new deadline.
     */
    public static long nextDeadlineNs(final long previousDeadlineNs, final long nowNs, final long periodNs)
    {
        final long deadlineNs = previousDeadlineNs + periodNs;
        return nowNs - deadlineNs > periodNs ? nowNs : deadlineNs;
    }

    /**
     * How long to park before spinning. Pure.
     *
     * @param nowNs        the current time.
     * @param deadlineNs   the deadline.
     * @param spinMarginNs the stretch before the deadline that is spun, not parked.
     * @return nanoseconds to park, or 0 when the remaining time is within the spin margin (spin, or return if
     * the deadline is reached).
     */
    public static long parkNs(final long nowNs, final long deadlineNs, final long spinMarginNs)
    {
        final long parkNs = deadlineNs - spinMarginNs - nowNs;
        return parkNs > 0 ? parkNs : 0L;
    }

    /**
     * Whether waiting is over. Pure.
     *
     * @param nowNs      the current time.
     * @param deadlineNs the deadline.
     * @return true when {@code nowNs} is at or past the deadline; false means spin.
     */
    public static boolean isDeadlineReached(final long nowNs, final long deadlineNs)
    {
        return nowNs - deadlineNs >= 0;
    }

    /**
     * Waits for the end of the current frame as the mode requires. Allocation-free.
     *
     * @return the clock time at which it returned (the start time of the next frame may be taken from it).
     */
    public long pace()
    {
        if (PacingMode.TARGET_FPS != mode)
        {
            return clock.nanoTime();
        }

        long nowNs = clock.nanoTime();
        if (!started)
        {
            started = true;
            deadlineNs = nowNs;
            return nowNs;
        }

        final long scheduledNs = this.deadlineNs + periodNs;
        final long deadlineNs = nextDeadlineNs(this.deadlineNs, nowNs, periodNs);
        this.deadlineNs = deadlineNs;
        if (deadlineNs != scheduledNs)
        {
            resyncs++;
        }

        if (isDeadlineReached(nowNs, deadlineNs))
        {
            lateFrames++;
            return nowNs;
        }

        while (!isDeadlineReached(nowNs, deadlineNs))
        {
            final long parkNs = parkNs(nowNs, deadlineNs, spinMarginNs);
            if (parkNs > 0)
            {
                LockSupport.parkNanos(parkNs);
            }
            else
            {
                Thread.onSpinWait();
            }
            nowNs = clock.nanoTime();
        }

        recordOvershoot(nowNs - deadlineNs);
        return nowNs;
    }

    /** @return the mode. */
    public PacingMode mode()
    {
        return mode;
    }

    /** @return the frame period in {@link PacingMode#TARGET_FPS}. */
    public long periodNs()
    {
        return periodNs;
    }

    /** @return the spin margin. */
    public long spinMarginNs()
    {
        return spinMarginNs;
    }

    /** @return the deadline of the latest paced frame (0 before the first). */
    public long deadlineNs()
    {
        return deadlineNs;
    }

    /** @return the overshoot of the latest wait, in ns (0 before the first). */
    public long lastOvershootNs()
    {
        return lastOvershootNs;
    }

    /** @return the largest overshoot so far, in ns. */
    public long maxOvershootNs()
    {
        return maxOvershootNs;
    }

    /** @return the number of waits measured. */
    public long overshootCount()
    {
        return overshootCount;
    }

    /** @return the sum of all measured overshoots, in ns. */
    public long overshootSumNs()
    {
        return overshootSumNs;
    }

    /** @return the mean overshoot in ns, or 0 when none was measured. */
    public double meanOvershootNs()
    {
        return 0 == overshootCount ? 0.0 : (double)overshootSumNs / overshootCount;
    }

    /** @return frames whose deadline had already passed when {@link #pace()} was called. */
    public long lateFrames()
    {
        return lateFrames;
    }

    /** @return times the cadence was reset because a frame ended more than one period after its deadline. */
    public long resyncs()
    {
        return resyncs;
    }

    /** Clears the overshoot figures (for example at the end of a warm-up); the cadence is kept. */
    public void resetStatistics()
    {
        lastOvershootNs = 0;
        maxOvershootNs = 0;
        overshootCount = 0;
        overshootSumNs = 0;
        lateFrames = 0;
        resyncs = 0;
    }

    private void recordOvershoot(final long overshootNs)
    {
        lastOvershootNs = overshootNs;
        if (overshootNs > maxOvershootNs)
        {
            maxOvershootNs = overshootNs;
        }
        overshootCount++;
        overshootSumNs += overshootNs;
    }

    /**
     * {@inheritDoc}
     */
    public String toString()
    {
        return Messages.describe(this);
    }

    /**
     * The messages and the description, in a class of their own so that FramePacer holds no String constant: the
     * first C2 compile of {@link #pace()} would otherwise resolve them on the render thread, allocating there once
     * mid-run (see {@code ClassConstants} in the engine test-jar).
     */
    private static final class Messages
    {
        private Messages()
        {
        }

        static IllegalArgumentException nullPacing()
        {
            return new IllegalArgumentException("pacing must be one of UNCAPPED, TARGET_FPS, VSYNC, was null");
        }

        static IllegalArgumentException badPeriodNs(final long periodNs)
        {
            return new IllegalArgumentException("periodNs must be >= 1, was " + periodNs);
        }

        static String clockName()
        {
            return "clock";
        }

        static String describe(final FramePacer pacer)
        {
            return "FramePacer{" +
                "mode=" + pacer.mode +
                ", periodNs=" + pacer.periodNs +
                ", spinMarginNs=" + pacer.spinMarginNs +
                ", overshootCount=" + pacer.overshootCount +
                ", meanOvershootNs=" + pacer.meanOvershootNs() +
                ", maxOvershootNs=" + pacer.maxOvershootNs +
                ", lateFrames=" + pacer.lateFrames +
                ", resyncs=" + pacer.resyncs +
                '}';
        }
    }
}
