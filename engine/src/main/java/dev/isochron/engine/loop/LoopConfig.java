package dev.isochron.engine.loop;

import java.util.concurrent.TimeUnit;

/**
 * Configuration of the fixed-step loop and its frame pacer: a fluent context whose setters check each value
 * as it is given and whose {@link #conclude()} checks the combination, both throwing
 * {@link IllegalArgumentException} naming the option, its allowed range and the value given.
 * <p>
 * Defaults suit most programs: 120 ticks per second, at most 8 ticks per frame, time scale 1, uncapped
 * pacing, 60 FPS when {@link PacingMode#TARGET_FPS} is chosen and a 1 ms spin margin.
 * <p>
 * Threading: build it on one thread, then hand it to the loop's constructors, which copy what they need;
 * changing it afterwards does not change a loop already made. Not for the frame path.
 */
public final class LoopConfig
{
    /** Default ticks per second. */
    public static final double DEFAULT_TICK_RATE_HZ = 120.0;
    /** Largest tick rate accepted. */
    public static final double MAX_TICK_RATE_HZ = 10_000.0;
    /** Default most ticks run in one frame before the rest are dropped. */
    public static final int DEFAULT_MAX_TICKS_PER_FRAME = 8;
    /** Default ratio of simulated time to real time. */
    public static final double DEFAULT_TIME_SCALE = 1.0;
    /** Default frame rate in {@link PacingMode#TARGET_FPS}. */
    public static final double DEFAULT_TARGET_FPS = 60.0;
    /** Largest target frame rate accepted. */
    public static final double MAX_TARGET_FPS = 1000.0;
    /** Default time before a deadline at which the pacer stops parking and starts spinning. */
    public static final long DEFAULT_SPIN_MARGIN_NS = TimeUnit.MILLISECONDS.toNanos(1);
    /** Largest spin margin accepted. */
    public static final long MAX_SPIN_MARGIN_NS = TimeUnit.SECONDS.toNanos(1);

    private double tickRateHz = DEFAULT_TICK_RATE_HZ;
    private int maxTicksPerFrame = DEFAULT_MAX_TICKS_PER_FRAME;
    private double timeScale = DEFAULT_TIME_SCALE;
    private PacingMode pacing = PacingMode.UNCAPPED;
    private double targetFps = DEFAULT_TARGET_FPS;
    private long spinMarginNs = DEFAULT_SPIN_MARGIN_NS;

    /**
     * Sets how many fixed steps the simulation runs per second of (scaled) time.
     *
     * @param tickRateHz in (0, 10000].
     * @return this.
     * @throws IllegalArgumentException if out of range or NaN.
     */
    public LoopConfig tickRateHz(final double tickRateHz)
    {
        this.tickRateHz = checkTickRateHz(tickRateHz);
        return this;
    }

    /**
     * Sets the most ticks one frame may run; whole ticks beyond it are dropped and counted, so a long stall
     * cannot make the loop spiral.
     *
     * @param maxTicksPerFrame at least 1.
     * @return this.
     * @throws IllegalArgumentException if less than 1.
     */
    public LoopConfig maxTicksPerFrame(final int maxTicksPerFrame)
    {
        this.maxTicksPerFrame = checkMaxTicksPerFrame(maxTicksPerFrame);
        return this;
    }

    /**
     * Sets the initial ratio of simulated to real time (0 freezes the simulation, 2 runs it twice as fast);
     * {@link FixedStepLoop#timeScale(double)} changes it while running.
     *
     * @param timeScale finite and at least 0.
     * @return this.
     * @throws IllegalArgumentException if negative, infinite or NaN.
     */
    public LoopConfig timeScale(final double timeScale)
    {
        this.timeScale = checkTimeScale(timeScale);
        return this;
    }

    /**
     * Sets how the loop waits between frames.
     *
     * @param pacing the mode; not null.
     * @return this.
     * @throws IllegalArgumentException if null.
     */
    public LoopConfig pacing(final PacingMode pacing)
    {
        if (null == pacing)
        {
            throw new IllegalArgumentException("pacing must be one of UNCAPPED, TARGET_FPS, VSYNC, was null");
        }
        this.pacing = pacing;
        return this;
    }

    /**
     * Sets the frame rate the pacer holds in {@link PacingMode#TARGET_FPS} (ignored in the other modes).
     *
     * @param targetFps in (0, 1000].
     * @return this.
     * @throws IllegalArgumentException if out of range or NaN.
     */
    public LoopConfig targetFps(final double targetFps)
    {
        this.targetFps = checkTargetFps(targetFps);
        return this;
    }

    /**
     * Sets how long before a deadline the pacer stops parking and spins instead: parking overshoots by
     * the OS timer slack (tens of microseconds to milliseconds), spinning does not but burns a core.
     *
     * @param spinMarginNs in [0, 1000000000].
     * @return this.
     * @throws IllegalArgumentException if out of range.
     */
    public LoopConfig spinMarginNs(final long spinMarginNs)
    {
        this.spinMarginNs = checkSpinMarginNs(spinMarginNs);
        return this;
    }

    /**
     * Checks every option again and their combination; the loop's constructors call it.
     *
     * @return this.
     * @throws IllegalArgumentException naming the first option that is out of range.
     */
    public LoopConfig conclude()
    {
        checkTickRateHz(tickRateHz);
        checkMaxTicksPerFrame(maxTicksPerFrame);
        checkTimeScale(timeScale);
        pacing(pacing);
        if (PacingMode.TARGET_FPS == pacing)
        {
            checkTargetFps(targetFps);
        }
        checkSpinMarginNs(spinMarginNs);
        return this;
    }

    /** @return ticks per second. */
    public double tickRateHz()
    {
        return tickRateHz;
    }

    /** @return the fixed step in nanoseconds of scaled time: {@code 1e9 / tickRateHz} rounded, at least 1. */
    public long tickPeriodNs()
    {
        return Math.max(1L, Math.round(1e9 / tickRateHz));
    }

    /** @return the most ticks one frame may run. */
    public int maxTicksPerFrame()
    {
        return maxTicksPerFrame;
    }

    /** @return the initial ratio of simulated to real time. */
    public double timeScale()
    {
        return timeScale;
    }

    /** @return how the loop waits between frames. */
    public PacingMode pacing()
    {
        return pacing;
    }

    /** @return the frame rate held in {@link PacingMode#TARGET_FPS}. */
    public double targetFps()
    {
        return targetFps;
    }

    /** @return the frame period in {@link PacingMode#TARGET_FPS}: {@code 1e9 / targetFps} rounded. */
    public long targetFramePeriodNs()
    {
        return Math.max(1L, Math.round(1e9 / targetFps));
    }

    /** @return the pacer's spin margin. */
    public long spinMarginNs()
    {
        return spinMarginNs;
    }

    /**
     * @return the target frame rate as the run report writes it (docs/report.md): 0 uncapped, -1 vsync, else the
     * target.
     */
    public double reportTargetFps()
    {
        switch (pacing)
        {
            case TARGET_FPS:
                return targetFps;
            case VSYNC:
                return -1.0;
            default:
                return 0.0;
        }
    }

    /**
     * {@inheritDoc}
     */
    public String toString()
    {
        return "LoopConfig{" +
            "tickRateHz=" + tickRateHz +
            ", maxTicksPerFrame=" + maxTicksPerFrame +
            ", timeScale=" + timeScale +
            ", pacing=" + pacing +
            ", targetFps=" + targetFps +
            ", spinMarginNs=" + spinMarginNs +
            '}';
    }

    static double checkTickRateHz(final double tickRateHz)
    {
        if (!(tickRateHz > 0.0 && tickRateHz <= MAX_TICK_RATE_HZ))
        {
            throw new IllegalArgumentException("tickRateHz must be in (0, 10000], was " + tickRateHz);
        }
        return tickRateHz;
    }

    static int checkMaxTicksPerFrame(final int maxTicksPerFrame)
    {
        if (maxTicksPerFrame < 1)
        {
            throw new IllegalArgumentException("maxTicksPerFrame must be >= 1, was " + maxTicksPerFrame);
        }
        return maxTicksPerFrame;
    }

    static double checkTimeScale(final double timeScale)
    {
        if (!(timeScale >= 0.0 && timeScale < Double.POSITIVE_INFINITY))
        {
            throw new IllegalArgumentException("timeScale must be finite and >= 0, was " + timeScale);
        }
        return timeScale;
    }

    static double checkTargetFps(final double targetFps)
    {
        if (!(targetFps > 0.0 && targetFps <= MAX_TARGET_FPS))
        {
            throw new IllegalArgumentException("targetFps must be in (0, 1000], was " + targetFps);
        }
        return targetFps;
    }

    static long checkSpinMarginNs(final long spinMarginNs)
    {
        if (spinMarginNs < 0 || spinMarginNs > MAX_SPIN_MARGIN_NS)
        {
            throw new IllegalArgumentException("spinMarginNs must be in [0, 1000000000], was " + spinMarginNs);
        }
        return spinMarginNs;
    }
}
