package dev.isochron.render.runtime;

import dev.isochron.engine.watchdog.Heartbeat;
import dev.isochron.engine.watchdog.StallReporter;
import dev.isochron.engine.watchdog.StallWatchdog;
import dev.isochron.engine.watchdog.StallWatchdogConfig;
import org.agrona.concurrent.SystemNanoClock;

import java.util.ArrayList;
import java.util.List;

/**
 * The runtime's use of {@link StallWatchdog}: one heartbeat per engine thread (simulation, render, each render
 * worker), marked around each tick, frame and vertex slice with {@link #begin(Heartbeat)} / {@link #end(Heartbeat)}
 * on wall time ({@link System#nanoTime()}, whatever clock drives the loop), and a monitor thread named
 * {@code isochron-watchdog}. Each stall is kept as a {@link WatchdogStall} for the {@link RunResult} (the first
 * {@value #MAX_KEPT_STALLS}; all are counted) and passed on to the configured reporter (System.err by default).
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
    private final long thresholdNs;
    private final List<WatchdogStall> stalls = new ArrayList<>();

    /**
     * @param thresholdNs how long one unit of work may last, > 0.
     * @param forward     receives each stall after it was recorded (prints to System.err by default).
     */
    RuntimeWatchdog(final long thresholdNs, final StallReporter forward)
    {
        this.thresholdNs = thresholdNs;
        this.forward = forward;
        this.watchdog = new StallWatchdog(new StallWatchdogConfig()
            .stallThresholdNs(thresholdNs)
            .clock(SystemNanoClock.INSTANCE)
            .reporter(this)
            .threadName(THREAD_NAME));
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
        return watchdog.register(name, thread);
    }

    void start()
    {
        watchdog.start();
    }

    long thresholdNs()
    {
        return thresholdNs;
    }

    /** Monitor thread: keeps the stall, then passes it on. */
    public void onStall(
        final String threadName, final Thread thread, final long stalledNs, final StackTraceElement[] stack,
        final long stallCount)
    {
        synchronized (stalls)
        {
            if (stalls.size() < MAX_KEPT_STALLS)
            {
                stalls.add(new WatchdogStall(threadName, stalledNs, stallCount, stack));
            }
        }
        forward.onStall(threadName, thread, stalledNs, stack, stallCount);
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
