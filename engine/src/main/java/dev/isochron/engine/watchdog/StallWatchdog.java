package dev.isochron.engine.watchdog;

import dev.isochron.engine.thread.AgentThread;
import dev.isochron.engine.thread.ErrorRecorder;
import org.agrona.concurrent.Agent;
import org.agrona.concurrent.NanoClock;
import org.agrona.concurrent.SleepingIdleStrategy;

import java.util.Arrays;

/**
 * Detects engine threads stuck inside one tick or frame: each monitored thread publishes a {@link Heartbeat}
 * ({@code beginWork}/{@code endWork}, allocation-free), and a monitor thread (an Agrona agent on its own named
 * thread, with a {@link SleepingIdleStrategy}: it never spins) checks every poll period whether a thread has been
 * inside one unit of work longer than the threshold. Such a thread's stack is taken with
 * {@link Thread#getStackTrace()} on the monitor thread and passed to the {@link StallReporter} once; the same
 * stall is not reported again, however long it lasts, and the thread is reported anew only after it ended that
 * unit of work and stalled in a later one. Stalls are counted per heartbeat and in total.
 * <p>
 * What it guarantees: a unit of work that lasts longer than threshold + poll period is reported (while the
 * monitor thread gets CPU); a unit shorter than the threshold never is. It observes; it never interrupts the
 * stalled thread. With a start-up allowance ({@link StallWatchdogConfig#startUp}), each heartbeat's first units of
 * work are judged against the start-up budget instead of the threshold (see {@link #inStartUp(Heartbeat)}).
 * <p>
 * Threading: {@link #register}, {@link #start()} and {@link #close()} on the owner thread; heartbeats on their
 * monitored threads; {@link #poll(long)} on the monitor thread (or a test's thread when not started);
 * counters from any thread. Allocation: none on monitored threads; none on the monitor thread while nothing
 * stalls; reporting a stall allocates (stack, message). Lifetime: the monitor thread runs from {@link #start()}
 * to {@link #close()}, which joins it and rethrows a reporter's error.
 */
public final class StallWatchdog implements Agent, AutoCloseable
{
    private static final int STACK_ATTEMPTS = 3;

    private final long stallThresholdNs;
    private final long pollPeriodNs;
    private final long startUpUnits;
    private final long startUpThresholdNs;
    private final NanoClock clock;
    private final StallReporter reporter;
    private final String threadName;
    private volatile Heartbeat[] heartbeats = new Heartbeat[0];
    private volatile long totalStalls;
    private AgentThread monitor;
    private boolean closed;

    /**
     * @param config read now and not kept.
     */
    public StallWatchdog(final StallWatchdogConfig config)
    {
        if (null == config)
        {
            throw new IllegalArgumentException("config must not be null; use new StallWatchdogConfig()");
        }
        this.stallThresholdNs = config.stallThresholdNs();
        this.pollPeriodNs = config.pollPeriodNs();
        if (pollPeriodNs > stallThresholdNs)
        {
            throw new IllegalArgumentException("pollPeriodNs " + pollPeriodNs + " must not exceed stallThresholdNs " +
                stallThresholdNs + ": a stall would be reported up to a whole poll period late");
        }
        this.startUpUnits = config.startUpUnits();
        this.startUpThresholdNs = config.startUpThresholdNs();
        if (startUpUnits > 0 && startUpThresholdNs < stallThresholdNs)
        {
            throw new IllegalArgumentException("start-up threshold " + startUpThresholdNs + " ns must not be below " +
                "stallThresholdNs " + stallThresholdNs + ": start-up work gets a longer budget, not a shorter one");
        }
        this.clock = config.clock();
        this.reporter = config.reporter();
        this.threadName = config.threadName();
    }

    /**
     * Registers a heartbeat whose thread binds on its first {@code beginWork}. Set-up time (it allocates); may be
     * called before or after {@link #start()}.
     *
     * @param name names the monitored thread in reports, non-empty and unique in this watchdog.
     * @return the heartbeat the monitored thread publishes through.
     */
    public Heartbeat register(final String name)
    {
        return register(name, null);
    }

    /**
     * Registers a heartbeat for {@code thread}. Set-up time (it allocates).
     *
     * @param name   names the monitored thread in reports, non-empty and unique in this watchdog.
     * @param thread the monitored thread, or null to bind the thread that first calls {@code beginWork}.
     * @return the heartbeat the monitored thread publishes through.
     * @throws IllegalArgumentException when the name is empty or already registered.
     */
    public synchronized Heartbeat register(final String name, final Thread thread)
    {
        if (null == name || name.isEmpty())
        {
            throw new IllegalArgumentException("heartbeat name must be a non-empty string, was " +
                (null == name ? "null" : "\"\""));
        }
        final Heartbeat[] current = heartbeats;
        for (final Heartbeat heartbeat : current)
        {
            if (heartbeat.name().equals(name))
            {
                throw new IllegalArgumentException("a heartbeat named '" + name + "' is already registered with " +
                    "watchdog '" + threadName + "'; give each monitored thread its own name");
            }
        }
        final Heartbeat heartbeat = new Heartbeat(name, thread);
        final Heartbeat[] next = Arrays.copyOf(current, current.length + 1);
        next[current.length] = heartbeat;
        heartbeats = next;
        return heartbeat;
    }

    /**
     * Starts the monitor thread, named as configured, sleeping the poll period between checks.
     *
     * @return this.
     * @throws IllegalStateException if started before or closed.
     */
    public synchronized StallWatchdog start()
    {
        if (closed)
        {
            throw new IllegalStateException("watchdog '" + threadName + "' is closed");
        }
        if (null != monitor)
        {
            throw new IllegalStateException("watchdog '" + threadName + "' is already started");
        }
        monitor = AgentThread.start(threadName, this, new SleepingIdleStrategy(pollPeriodNs));
        return this;
    }

    /**
     * Checks every heartbeat once at clock time {@code nowNs} and reports each new stall. Runs on the monitor
     * thread; a test may call it directly on a watchdog that was not started.
     *
     * @param nowNs the clock time to judge by.
     * @return the number of stalls reported by this call.
     */
    public int poll(final long nowNs)
    {
        int reported = 0;
        final Heartbeat[] beats = heartbeats;
        for (final Heartbeat heartbeat : beats)
        {
            final long startNs = heartbeat.workStartNs();
            if (Heartbeat.IDLE != startNs && startNs != heartbeat.reportedStartNs)
            {
                final long stalledNs = nowNs - startNs;
                if (stalledNs > (inStartUp(heartbeat) ? startUpThresholdNs : stallThresholdNs))
                {
                    heartbeat.reportedStartNs = startNs;
                    report(heartbeat, stalledNs);
                    reported++;
                }
            }
        }
        return reported;
    }

    /** Agent: one poll at the clock's time; returns 0 so the sleeping idle strategy waits a poll period. */
    public int doWork()
    {
        poll(clock.nanoTime());
        return 0;
    }

    /** @return the monitor thread's name. */
    public String roleName()
    {
        return threadName;
    }

    /** @return stalls reported over all heartbeats; any thread. */
    public long stalls()
    {
        return totalStalls;
    }

    /** @return the threshold, ns. */
    public long stallThresholdNs()
    {
        return stallThresholdNs;
    }

    /**
     * @return whether {@code heartbeat} is still within its first {@link StallWatchdogConfig#startUpUnits()} units of
     * work, judged against the start-up budget; any thread (the count is read as the thread last published it).
     */
    public boolean inStartUp(final Heartbeat heartbeat)
    {
        return heartbeat.unitsCompleted() < startUpUnits;
    }

    /** @return the start-up budget of one unit of work, ns (the threshold when there is no start-up allowance). */
    public long startUpThresholdNs()
    {
        return startUpThresholdNs;
    }

    /** @return the poll period, ns. */
    public long pollPeriodNs()
    {
        return pollPeriodNs;
    }

    /** @return the monitor thread's errors (a reporter that threw), or null when not started. */
    public synchronized ErrorRecorder errors()
    {
        return null == monitor ? null : monitor.errors();
    }

    /**
     * Stops the monitor thread and joins it; idempotent.
     *
     * @throws IllegalStateException naming the watchdog when the reporter threw on the monitor thread.
     */
    public synchronized void close()
    {
        if (!closed)
        {
            closed = true;
            if (null != monitor)
            {
                monitor.close();
            }
        }
    }

    /**
     * The thread's stack, taken again (up to {@value #STACK_ATTEMPTS} times in all) when the VM returned none for a
     * thread still alive: seen once on a loaded 2-core machine, and a stall report without its stack is of no use.
     */
    private static StackTraceElement[] stackOf(final Thread thread)
    {
        if (null == thread)
        {
            return new StackTraceElement[0];
        }
        StackTraceElement[] stack = thread.getStackTrace();
        for (int attempt = 1; attempt < STACK_ATTEMPTS && 0 == stack.length && thread.isAlive(); attempt++)
        {
            stack = thread.getStackTrace();
        }
        return stack;
    }

    private void report(final Heartbeat heartbeat, final long stalledNs)
    {
        final long count = heartbeat.incrementStalls();
        totalStalls = totalStalls + 1;
        final Thread thread = heartbeat.thread();
        final StackTraceElement[] stack = stackOf(thread);
        reporter.onStall(heartbeat.name(), thread, stalledNs, stack, count);
    }
}
