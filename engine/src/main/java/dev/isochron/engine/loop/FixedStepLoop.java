package dev.isochron.engine.loop;

import org.agrona.concurrent.NanoClock;

/**
 * The fixed-step accumulator: each frame adds the (scaled) real time since the previous frame, runs as many
 * whole ticks of {@link #tickPeriodNs()} as fit, and leaves the remainder for rendering to interpolate
 * with {@link #alpha()}.
 * <ul>
 *   <li>The first {@link #advance(long)} establishes the time origin and runs no tick.</li>
 *   <li>Catch-up is bounded: at most {@code maxTicksPerFrame} ticks run per frame; the oldest excess whole
 *       ticks are dropped, counted in {@link #droppedTicks()} and reported to
 *       {@link LoopObserver#onDroppedTicks(long)}; the fraction of a tick left over is kept.</li>
 *   <li>Tick time: the k-th tick of a frame corresponds to the clock instant
 *       {@code frameNs - (real-time remainder of the accumulator after that tick)}, so catch-up ticks of one
 *       frame get increasing {@code tickTimeNs}, the last one at most one real tick period before the frame.</li>
 *   <li>Paused: no ticks run and the accumulator does not grow (the time between paused frames is
 *       discarded), {@link TickHandler#paused(long)} is called once per frame; resuming starts counting from
 *       the last paused frame, so it causes no burst of catch-up ticks.</li>
 *   <li>Time scale: real time is multiplied by it before it enters the accumulator (fractions of a
 *       nanosecond are carried, not lost); 0 freezes the simulation. The tick length never changes.</li>
 *   <li>A clock that goes backwards adds nothing.</li>
 * </ul>
 * Threading: {@link #advance(long)} and the getters of tick state run on the one thread that owns the loop (the
 * simulation thread, or the single thread). {@link #pause()}, {@link #resume()}, {@link #timeScale(double)},
 * {@link #isPaused()}, {@link #timeScale()}, {@link #tickPeriodNs()} and {@link #droppedTicks()} may be called
 * from any thread (the flags are volatile; a change takes effect at the next frame).
 * Allocation: none after construction.
 */
public final class FixedStepLoop
{
    private final TickHandler tickHandler;
    private final NanoClock clock;
    private final LoopObserver observer;
    private final long tickPeriodNs;
    private final double dtSeconds;
    private final int maxTicksPerFrame;

    private volatile double timeScale;
    private volatile boolean paused;
    private volatile long droppedTicks;

    private boolean started;
    private long lastFrameNs;
    private long accumulatorNs;
    private double scaleCarryNs;
    private long nextTickIndex;
    private long lastTickTimeNs;
    private long lastTickEndNs;
    private int lastFrameTicks;

    /**
     * Makes a loop.
     *
     * @param config      tick rate, catch-up bound and initial time scale; concluded here and copied.
     * @param tickHandler the simulation step.
     * @param clock       the engine's clock; read after each tick for {@link LoopObserver#onTick}.
     * @param observer    receives {@code onTick} and {@code onDroppedTicks}; {@link LoopObserver#NONE} for none.
     */
    public FixedStepLoop(
        final LoopConfig config, final TickHandler tickHandler, final NanoClock clock, final LoopObserver observer)
    {
        config.conclude();
        Messages.requireArguments(tickHandler, clock, observer);
        this.tickHandler = tickHandler;
        this.clock = clock;
        this.observer = observer;
        this.tickPeriodNs = config.tickPeriodNs();
        this.dtSeconds = tickPeriodNs * 1e-9;
        this.maxTicksPerFrame = config.maxTicksPerFrame();
        this.timeScale = config.timeScale();
    }

    /**
     * Runs one frame of the loop: adds the time since the previous frame and runs the whole ticks it allows.
     * Allocation-free.
     *
     * @param frameNs the frame's time, read once from the engine's clock by the caller.
     * @return the number of ticks run (0 when paused, on the first frame, or when less than a tick accumulated).
     */
    public int advance(final long frameNs)
    {
        lastFrameTicks = 0;
        if (!started)
        {
            started = true;
            lastFrameNs = frameNs;
            if (paused)
            {
                tickHandler.paused(frameNs);
            }
            return 0;
        }

        final long elapsedNs = frameNs - lastFrameNs;
        lastFrameNs = frameNs;
        if (paused)
        {
            tickHandler.paused(frameNs);
            return 0;
        }

        final double scale = timeScale;
        if (elapsedNs > 0)
        {
            accumulate(elapsedNs, scale);
        }

        final long periodNs = tickPeriodNs;
        long ticks = accumulatorNs / periodNs;
        if (ticks > maxTicksPerFrame)
        {
            final long dropped = ticks - maxTicksPerFrame;
            accumulatorNs -= dropped * periodNs;
            ticks = maxTicksPerFrame;
            droppedTicks += dropped;
            observer.onDroppedTicks(dropped);
        }

        final int tickCount = (int)ticks;
        long tickStartNs = frameNs;
        for (int i = 0; i < tickCount; i++)
        {
            accumulatorNs -= periodNs;
            final long tickTimeNs = frameNs - realNs(accumulatorNs, scale);
            final long tickIndex = nextTickIndex++;
            lastTickTimeNs = tickTimeNs;
            tickHandler.tick(tickIndex, tickTimeNs, tickStartNs, dtSeconds);
            final long tickEndNs = clock.nanoTime();
            observer.onTick(tickIndex, tickStartNs, tickEndNs);
            lastTickEndNs = tickEndNs;
            lastFrameTicks = i + 1;
            tickStartNs = tickEndNs;
        }

        return tickCount;
    }

    /**
     * @return the fraction of a tick accumulated but not yet simulated, in [0, 1): how far rendering should
     * interpolate from the previous tick's state towards the latest one.
     */
    public double alpha()
    {
        return (double)accumulatorNs / tickPeriodNs;
    }

    /** Stops ticking from the next frame on; {@link TickHandler#paused(long)} is called each frame instead. */
    public void pause()
    {
        paused = true;
    }

    /** Resumes ticking from the next frame on, without catching up the paused time. */
    public void resume()
    {
        paused = false;
    }

    /** @return whether the loop is paused. */
    public boolean isPaused()
    {
        return paused;
    }

    /**
     * Changes the ratio of simulated to real time from the next frame on.
     *
     * @param timeScale finite and at least 0.
     * @throws IllegalArgumentException if negative, infinite or NaN.
     */
    public void timeScale(final double timeScale)
    {
        this.timeScale = LoopConfig.checkTimeScale(timeScale);
    }

    /** @return the ratio of simulated to real time. */
    public double timeScale()
    {
        return timeScale;
    }

    /** @return the fixed step in nanoseconds of scaled time. */
    public long tickPeriodNs()
    {
        return tickPeriodNs;
    }

    /** @return the fixed step in seconds, as passed to {@link TickHandler#tick}: {@code tickPeriodNs * 1e-9}. */
    public double dtSeconds()
    {
        return dtSeconds;
    }

    /** @return the most ticks one frame runs. */
    public int maxTicksPerFrame()
    {
        return maxTicksPerFrame;
    }

    /** @return the number of ticks run so far, which is also the index the next tick gets. */
    public long ticks()
    {
        return nextTickIndex;
    }

    /** @return the total number of ticks dropped because catch-up was clamped. */
    public long droppedTicks()
    {
        return droppedTicks;
    }

    /** @return the ticks run by the latest {@link #advance(long)}. */
    public int lastFrameTicks()
    {
        return lastFrameTicks;
    }

    /** @return the index of the latest tick run, or -1 before the first. */
    public long lastTickIndex()
    {
        return nextTickIndex - 1;
    }

    /** @return the {@code tickTimeNs} of the latest tick run (0 before the first). */
    public long lastTickTimeNs()
    {
        return lastTickTimeNs;
    }

    /** @return the clock time at which the latest tick returned (0 before the first). */
    public long lastTickEndNs()
    {
        return lastTickEndNs;
    }

    /** @return the scaled nanoseconds accumulated but not yet simulated, in [0, tickPeriodNs). */
    public long accumulatorNs()
    {
        return accumulatorNs;
    }

    private void accumulate(final long elapsedNs, final double scale)
    {
        final long addNs;
        if (1.0 == scale)
        {
            addNs = elapsedNs;
        }
        else
        {
            final double scaledNs = elapsedNs * scale + scaleCarryNs;
            final double wholeNs = Math.floor(scaledNs);
            scaleCarryNs = scaledNs - wholeNs;
            addNs = wholeNs >= Long.MAX_VALUE ? Long.MAX_VALUE : (long)wholeNs;
        }

        final long sum = accumulatorNs + addNs;
        accumulatorNs = sum < 0 ? Long.MAX_VALUE : sum;
    }

    private static long realNs(final long scaledNs, final double scale)
    {
        if (1.0 == scale || 0 == scaledNs)
        {
            return scaledNs;
        }

        return scale > 0.0 ? Math.round(scaledNs / scale) : 0L;
    }

    /**
     * {@inheritDoc}
     */
    public String toString()
    {
        return Messages.describe(this);
    }

    /**
     * The argument names and the description, in a class of their own so that FixedStepLoop holds no String
     * constant: the first C2 compile of {@link #advance} would otherwise resolve them on the simulation thread,
     * allocating there once mid-run (see {@code ClassConstants} in the engine test-jar).
     */
    private static final class Messages
    {
        private Messages()
        {
        }

        static void requireArguments(final TickHandler tickHandler, final NanoClock clock, final LoopObserver observer)
        {
            FrameDriver.requireNonNull(tickHandler, "tickHandler");
            FrameDriver.requireNonNull(clock, "clock");
            FrameDriver.requireNonNull(observer, "observer");
        }

        static String describe(final FixedStepLoop loop)
        {
            return "FixedStepLoop{" +
                "tickPeriodNs=" + loop.tickPeriodNs +
                ", maxTicksPerFrame=" + loop.maxTicksPerFrame +
                ", timeScale=" + loop.timeScale +
                ", paused=" + loop.paused +
                ", ticks=" + loop.nextTickIndex +
                ", droppedTicks=" + loop.droppedTicks +
                ", accumulatorNs=" + loop.accumulatorNs +
                '}';
        }
    }
}
