package dev.isochron.engine.watchdog;

import org.agrona.concurrent.NanoClock;
import org.agrona.concurrent.SystemNanoClock;

import java.util.concurrent.TimeUnit;

/**
 * Configuration of a {@link StallWatchdog}: fluent setters, validated when set, with defaults for a desktop
 * application (a 250 ms threshold, polled every threshold / 4, no start-up allowance, the system clock, reports to
 * System.err, a monitor thread named {@value #DEFAULT_THREAD_NAME}).
 * <p>
 * Thread: configure on one thread before constructing the watchdog; the watchdog copies what it needs.
 */
public final class StallWatchdogConfig
{
    /** Default stall threshold: a unit of work (tick, frame) longer than this is a stall. */
    public static final long DEFAULT_STALL_THRESHOLD_NS = TimeUnit.MILLISECONDS.toNanos(250);
    /** Shortest poll period accepted: the monitor sleeps at least this long between checks. */
    public static final long MIN_POLL_PERIOD_NS = TimeUnit.MICROSECONDS.toNanos(100);
    /** Default monitor thread name. */
    public static final String DEFAULT_THREAD_NAME = "isochron-watchdog";

    private long stallThresholdNs = DEFAULT_STALL_THRESHOLD_NS;
    private long pollPeriodNs;
    private long startUpUnits;
    private long startUpThresholdNs;
    private NanoClock clock = SystemNanoClock.INSTANCE;
    private StallReporter reporter;
    private String threadName = DEFAULT_THREAD_NAME;

    /**
     * @param stallThresholdNs how long one unit of work may last before it is reported as a stall, > 0.
     * @return this.
     * @throws IllegalArgumentException naming the value when it is not > 0.
     */
    public StallWatchdogConfig stallThresholdNs(final long stallThresholdNs)
    {
        if (stallThresholdNs <= 0)
        {
            throw new IllegalArgumentException("stallThresholdNs must be > 0 (a unit of work longer than this is a " +
                "stall), was " + stallThresholdNs);
        }
        this.stallThresholdNs = stallThresholdNs;
        return this;
    }

    /**
     * @param pollPeriodNs how long the monitor thread sleeps between checks, in [{@value #MIN_POLL_PERIOD_NS},
     *                     stall threshold]; 0 restores the default (threshold / 4, at least the minimum). A stall is
     *                     reported between threshold and threshold + poll period after its unit of work started.
     * @return this.
     * @throws IllegalArgumentException naming the value when it is out of range.
     */
    public StallWatchdogConfig pollPeriodNs(final long pollPeriodNs)
    {
        if (pollPeriodNs != 0 && pollPeriodNs < MIN_POLL_PERIOD_NS)
        {
            throw new IllegalArgumentException("pollPeriodNs must be 0 (default) or >= " + MIN_POLL_PERIOD_NS +
                " ns, was " + pollPeriodNs);
        }
        this.pollPeriodNs = pollPeriodNs;
        return this;
    }

    /**
     * Gives each monitored thread's first units of work a longer budget than the threshold. Why: the first ticks and
     * frames of a run do one-off work (shaders compiled by the driver on first draw, buffers touched for the first
     * time, code run by the interpreter before the JIT compiled it) that is start-up time, not a stall; a software
     * renderer such as llvmpipe takes hundreds of milliseconds for it. A unit of work that outlasts even the start-up
     * budget (a deadlock at start-up) is still reported.
     *
     * @param units       how many of each heartbeat's first units of work are judged against {@code thresholdNs}
     *                    (counted by {@link Heartbeat#unitsCompleted()}), >= 0; 0 turns the allowance off.
     * @param thresholdNs the start-up budget of one unit of work, >= the stall threshold when the watchdog is made.
     * @return this.
     * @throws IllegalArgumentException naming the value when it is out of range.
     */
    public StallWatchdogConfig startUp(final long units, final long thresholdNs)
    {
        if (units < 0)
        {
            throw new IllegalArgumentException("start-up units must be >= 0 (0: no start-up allowance), was " + units);
        }
        if (thresholdNs <= 0)
        {
            throw new IllegalArgumentException("start-up threshold must be > 0 ns, was " + thresholdNs);
        }
        this.startUpUnits = units;
        this.startUpThresholdNs = thresholdNs;
        return this;
    }

    /**
     * @param clock the clock the monitored threads pass to {@code beginWork}/{@code endWork}; the watchdog reads it
     *              too.
     * @return this.
     */
    public StallWatchdogConfig clock(final NanoClock clock)
    {
        if (null == clock)
        {
            throw new IllegalArgumentException("clock must not be null; use SystemNanoClock.INSTANCE or a ManualClock");
        }
        this.clock = clock;
        return this;
    }

    /**
     * @param reporter receives each stall on the monitor thread; the default prints to System.err.
     * @return this.
     */
    public StallWatchdogConfig reporter(final StallReporter reporter)
    {
        if (null == reporter)
        {
            throw new IllegalArgumentException("reporter must not be null; use StallReporter.printingTo(System.err)");
        }
        this.reporter = reporter;
        return this;
    }

    /**
     * @param threadName the monitor thread's name, non-empty.
     * @return this.
     */
    public StallWatchdogConfig threadName(final String threadName)
    {
        if (null == threadName || threadName.isEmpty())
        {
            throw new IllegalArgumentException("threadName must be a non-empty string, was " +
                (null == threadName ? "null" : "\"\""));
        }
        this.threadName = threadName;
        return this;
    }

    /** @return the stall threshold, ns. */
    public long stallThresholdNs()
    {
        return stallThresholdNs;
    }

    /** @return the poll period, ns: as set, or threshold / 4 (at least {@value #MIN_POLL_PERIOD_NS}) by default. */
    public long pollPeriodNs()
    {
        return 0 != pollPeriodNs ? pollPeriodNs : Math.max(MIN_POLL_PERIOD_NS, stallThresholdNs / 4);
    }

    /** @return how many of each heartbeat's first units of work get the start-up budget; 0 when none do. */
    public long startUpUnits()
    {
        return startUpUnits;
    }

    /** @return the start-up budget of one unit of work, ns: as set, or the stall threshold when none was. */
    public long startUpThresholdNs()
    {
        return 0 != startUpThresholdNs ? startUpThresholdNs : stallThresholdNs;
    }

    /** @return the clock. */
    public NanoClock clock()
    {
        return clock;
    }

    /** @return the reporter: as set, or one printing to System.err. */
    public StallReporter reporter()
    {
        return null != reporter ? reporter : StallReporter.printingTo(System.err);
    }

    /** @return the monitor thread's name. */
    public String threadName()
    {
        return threadName;
    }
}
