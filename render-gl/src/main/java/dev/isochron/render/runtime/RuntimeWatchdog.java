package dev.isochron.render.runtime;

import dev.isochron.engine.watchdog.Heartbeat;
import dev.isochron.engine.watchdog.StallReporter;
import dev.isochron.engine.watchdog.StallWatchdog;
import dev.isochron.engine.watchdog.StallWatchdogConfig;
import org.agrona.concurrent.SystemNanoClock;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;

/**
 * The runtime's use of {@link StallWatchdog}: one heartbeat per engine thread (simulation, render, each render
 * worker), marked around each tick, frame and vertex slice with {@link #begin(Heartbeat)} / {@link #end(Heartbeat)}
 * on wall time ({@link System#nanoTime()}, whatever clock drives the loop), and a monitor thread named
 * {@code isochron-watchdog}. Each stall is kept as a {@link WatchdogStall} for the {@link RunResult} (the first
 * {@value #MAX_KEPT_STALLS}; all are counted) and passed on to the configured reporter, or by default printed to
 * System.err as one line ({@link WatchdogStall#summary()}), with the whole stack only when
 * {@link WatchdogConfig#stacks(boolean)} asks for it. Each thread's first units of work get the start-up budget
 * of {@link WatchdogConfig#startUp} (never less than the threshold).
 * <p>
 * Threading: construction, {@link #register}, {@link #start()} and {@link #close()} on the caller's thread at start-up
 * and shutdown; {@code begin}/{@code end} on the monitored threads, allocation-free; {@link #onStall} on the monitor
 * thread (it allocates there, never on a monitored thread).
 */
final class RuntimeWatchdog implements StallReporter, AutoCloseable
{
    /** The most stall descriptions kept for the run result; later stalls are only counted. */
    static final int MAX_KEPT_STALLS = 64;
    /** The monitor thread's name. */
    static final String THREAD_NAME = Names.THREAD_NAME;

    private final StallWatchdog watchdog;
    private final StallReporter forward;
    private final boolean stacks;
    private final PrintStream out;
    private final long thresholdNs;
    private final List<WatchdogStall> stalls = new ArrayList<>();
    private final List<Heartbeat> heartbeats = new ArrayList<>();

    /**
     * @param thresholdNs        how long one unit of work may last, > 0.
     * @param startUpUnits       how many of each thread's first units of work get {@code startUpThresholdNs}, >= 0.
     * @param startUpThresholdNs their budget; a value below {@code thresholdNs} counts as {@code thresholdNs}.
     * @param forward            receives each stall after it was recorded, or null to print it to {@code out}.
     * @param stacks             whether the printed report has the whole stack after its one line.
     * @param out                where the default report goes (System.err).
     */
    RuntimeWatchdog(
        final long thresholdNs,
        final long startUpUnits,
        final long startUpThresholdNs,
        final StallReporter forward,
        final boolean stacks,
        final PrintStream out)
    {
        this.thresholdNs = thresholdNs;
        this.forward = forward;
        this.stacks = stacks;
        this.out = out;
        this.watchdog = new StallWatchdog(new StallWatchdogConfig()
            .stallThresholdNs(thresholdNs)
            .startUp(startUpUnits, Math.max(thresholdNs, startUpThresholdNs))
            .clock(SystemNanoClock.INSTANCE)
            .reporter(this)
            .threadName(THREAD_NAME));
    }

    /** @return the watchdog {@code config} asks for (its threshold, start-up allowance, reporter), not started. */
    static RuntimeWatchdog of(final WatchdogConfig config)
    {
        return new RuntimeWatchdog(config.threshold().toNanos(), config.startUpUnits(),
            config.startUpBudget().toNanos(), config.reporter(), config.stacks(), System.err);
    }

    /** Marks the start of a unit of work on the calling (monitored) thread; nothing when null. Allocation-free. */
    static void begin(final Heartbeat heartbeat)
    {
        if (null != heartbeat)
        {
            heartbeat.beginWork(System.nanoTime());
        }
    }

    /** Marks the end of the unit of work; nothing when null. Allocation-free. */
    static void end(final Heartbeat heartbeat)
    {
        if (null != heartbeat)
        {
            heartbeat.endWork(System.nanoTime());
        }
    }

    Heartbeat register(final String name, final Thread thread)
    {
        final Heartbeat heartbeat = watchdog.register(name, thread);
        synchronized (heartbeats)
        {
            heartbeats.add(heartbeat);
        }
        return heartbeat;
    }

    void start()
    {
        watchdog.start();
    }

    long thresholdNs()
    {
        return thresholdNs;
    }

    /** Monitor thread: keeps the stall, then passes it on or prints it. */
    public void onStall(
        final String threadName, final Thread thread, final long stalledNs, final StackTraceElement[] stack,
        final long stallCount)
    {
        final WatchdogStall stall = new WatchdogStall(threadName, stalledNs, stallCount, stack, inStartUp(threadName));
        synchronized (stalls)
        {
            if (stalls.size() < MAX_KEPT_STALLS)
            {
                stalls.add(stall);
            }
        }
        if (null != forward)
        {
            forward.onStall(threadName, thread, stalledNs, stack, stallCount);
        }
        else if (stacks)
        {
            out.print(stall.summaryWithStack(stack));
            out.flush();
        }
        else
        {
            out.println(stall.summary());
            out.flush();
        }
    }

    /** Monitor thread: whether the named thread is still within its start-up units of work. */
    private boolean inStartUp(final String threadName)
    {
        synchronized (heartbeats)
        {
            for (int i = 0; i < heartbeats.size(); i++)
            {
                final Heartbeat heartbeat = heartbeats.get(i);
                if (heartbeat.name().equals(threadName))
                {
                    return watchdog.inStartUp(heartbeat);
                }
            }
        }
        return false;
    }

    /** @return stalls detected so far; any thread. */
    long stallCount()
    {
        return watchdog.stalls();
    }

    /** @return the stalls kept so far, oldest first (a copy); any thread. */
    List<WatchdogStall> stalls()
    {
        synchronized (stalls)
        {
            return List.copyOf(stalls);
        }
    }

    /** Stops and joins the monitor thread; rethrows a reporter's error. Idempotent. */
    public void close()
    {
        watchdog.close();
    }

    /**
     * The monitor thread's name, in a class of its own so that RuntimeWatchdog holds no String constant: the first
     * C2 compile of {@link #begin}/{@link #end} (per tick, frame and slice) would otherwise resolve it on an engine
     * thread mid-run (see {@code ClassConstants} in the engine test-jar). Assigned in the static initialiser, not the
     * declaration, so that javac does not copy it into RuntimeWatchdog as a constant.
     */
    private static final class Names
    {
        static final String THREAD_NAME;

        static
        {
            THREAD_NAME = "isochron-watchdog";
        }

        private Names()
        {
        }
    }
}
