package dev.isochron.render.runtime;

import dev.isochron.engine.watchdog.StallReporter;

import java.time.Duration;

/**
 * The run's stall watchdog: its threshold, the start-up allowance of each thread's first units of work, and where its
 * reports go. Reached through {@link RuntimeConfig#watchdog()} (whose {@code stallWatchdog...} and {@code stall...}
 * setters are shorthands for these); a fluent context like it, whose setters check each value as it is given,
 * throwing {@link IllegalArgumentException} naming the option, its allowed range and the value given.
 * <p>
 * When on, the simulation thread (each tick and each render-state write), the render thread (each frame, less the
 * time it waits for the render workers) and each render worker (each vertex slice) publish a heartbeat,
 * allocation-free, and a monitor thread ({@code isochron-watchdog}) reports a thread that has been inside one such
 * unit of work longer than the threshold: once per stall, with its stack, to the {@link #reporter(StallReporter)}
 * (by default one line to System.err; see {@link #stacks(boolean)}). The stalls are counted and described in
 * {@link RunResult#watchdogStalls()} and counted in the report's {@code watchdogStalls}. It observes only: the stalled
 * thread is never interrupted.
 * <p>
 * Defaults: on at {@value #DEFAULT_THRESHOLD_MS} ms, each thread's first {@value #DEFAULT_START_UP_UNITS} units of
 * work at {@value #DEFAULT_START_UP_BUDGET_MS} ms, one line per stall to System.err.
 * <p>
 * Threading: build on one thread, then hand to {@code Isochron.run} with its {@link RuntimeConfig}, which reads it
 * once at start-up.
 */
public final class WatchdogConfig
{
    /**
     * Default threshold, ms: fifteen 60 Hz frames, a freeze a user sees, yet far above any frame or tick the runtime
     * is meant to produce (and above a young-generation GC pause), so a report is worth a stack walk.
     */
    public static final long DEFAULT_THRESHOLD_MS = 250;
    /** Shortest threshold accepted (the monitor polls every threshold / 4). */
    public static final Duration MIN_THRESHOLD = Duration.ofMillis(1);
    /** Longest threshold accepted. */
    public static final Duration MAX_THRESHOLD = Duration.ofHours(1);
    /**
     * Default number of each engine thread's first units of work (ticks, render-state writes, frames, vertex slices)
     * judged against the start-up budget: about the first 15 frames of a run with one render worker.
     */
    public static final int DEFAULT_START_UP_UNITS = 30;
    /**
     * Default start-up budget of one unit of work, ms: above what llvmpipe's first frames take on a loaded 2-core
     * machine (shader compiles, first-touch buffers, interpreted code: 0.3-0.7 s seen), far below a deadlock.
     */
    public static final long DEFAULT_START_UP_BUDGET_MS = 2_000;
    /** Most start-up units of work accepted. */
    public static final int MAX_START_UP_UNITS = 1_000_000;

    private Duration threshold = Duration.ofMillis(DEFAULT_THRESHOLD_MS);
    private int startUpUnits = DEFAULT_START_UP_UNITS;
    private Duration startUpBudget = Duration.ofMillis(DEFAULT_START_UP_BUDGET_MS);
    private boolean stacks;
    private StallReporter reporter;

    /**
     * Turns the watchdog on with this threshold, or off with {@link Duration#ZERO}.
     *
     * @param threshold {@link Duration#ZERO} (off) or in [1 ms, 1 h]; default {@value #DEFAULT_THRESHOLD_MS} ms.
     * @return this.
     */
    public WatchdogConfig threshold(final Duration threshold)
    {
        if (null == threshold || (!threshold.isZero() &&
            (threshold.compareTo(MIN_THRESHOLD) < 0 || threshold.compareTo(MAX_THRESHOLD) > 0)))
        {
            throw new IllegalArgumentException("stallWatchdog threshold must be Duration.ZERO (off) or in [" +
                MIN_THRESHOLD + ", " + MAX_THRESHOLD + "], was " + threshold);
        }
        this.threshold = threshold;
        return this;
    }

    /**
     * Gives each engine thread's first units of work a longer budget than the {@link #threshold}: the first ticks and
     * frames of a run compile shaders in the driver, touch buffers for the first time and run code the JIT has not
     * compiled yet, which on a software renderer (llvmpipe) takes hundreds of milliseconds. That is start-up time, not
     * a stall; a unit that outlasts even this budget (a deadlock at start-up) is still reported, as a start-up stall
     * ({@link WatchdogStall#startUp()}).
     *
     * @param units  how many of each thread's first units of work (ticks, render-state writes, frames, vertex slices,
     *               each counted on its own thread) get the budget, in [0, {@value #MAX_START_UP_UNITS}]; 0 judges
     *               every unit against the threshold. Default {@value #DEFAULT_START_UP_UNITS}.
     * @param budget their budget, in [1 ms, 1 h]; a budget below the threshold counts as the threshold. Default
     *               {@value #DEFAULT_START_UP_BUDGET_MS} ms.
     * @return this.
     */
    public WatchdogConfig startUp(final int units, final Duration budget)
    {
        if (units < 0 || units > MAX_START_UP_UNITS)
        {
            throw new IllegalArgumentException("stallWatchdogStartUp units must be in [0, " + MAX_START_UP_UNITS +
                "] (0: no start-up allowance), was " + units);
        }
        if (null == budget || budget.compareTo(MIN_THRESHOLD) < 0 || budget.compareTo(MAX_THRESHOLD) > 0)
        {
            throw new IllegalArgumentException("stallWatchdogStartUp budget must be in [" + MIN_THRESHOLD + ", " +
                MAX_THRESHOLD + "], was " + budget);
        }
        this.startUpUnits = units;
        this.startUpBudget = budget;
        return this;
    }

    /**
     * @param stacks whether the default reporter prints each stalled thread's whole stack after its one line (default
     *               false: one line per stall, {@link WatchdogStall#summary()}: thread, kind of work, duration and the
     *               top Isochron or application frame). The stacks are kept in {@link RunResult#watchdogStalls()}
     *               either way; a {@link #reporter} gets them always.
     * @return this.
     */
    public WatchdogConfig stacks(final boolean stacks)
    {
        this.stacks = stacks;
        return this;
    }

    /**
     * @param reporter receives each stall on the watchdog's monitor thread (off the frame path; it may allocate, and
     *                 should return promptly), or null for the default, which prints one line to System.err (thread,
     *                 kind of work, duration, the top Isochron or application frame), and the stack too with
     *                 {@link #stacks(boolean)}. An exception it throws fails the run at shutdown
     *                 ({@link Phase#RUNTIME}).
     * @return this.
     */
    public WatchdogConfig reporter(final StallReporter reporter)
    {
        this.reporter = reporter;
        return this;
    }

    /** @return the threshold; {@link Duration#ZERO} when the watchdog is off. */
    public Duration threshold()
    {
        return threshold;
    }

    /** @return how many of each engine thread's first units of work get the start-up budget. */
    public int startUpUnits()
    {
        return startUpUnits;
    }

    /** @return the start-up budget of one unit of work (the threshold applies when it is the longer). */
    public Duration startUpBudget()
    {
        return startUpBudget;
    }

    /** @return whether the default reporter prints whole stacks. */
    public boolean stacks()
    {
        return stacks;
    }

    /** @return the reporter, or null for the default (System.err). */
    public StallReporter reporter()
    {
        return reporter;
    }
}
