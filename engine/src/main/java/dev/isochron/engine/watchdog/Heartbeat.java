package dev.isochron.engine.watchdog;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;

/**
 * One monitored thread's heartbeat: the thread calls {@link #beginWork(long)} when a tick or frame starts and
 * {@link #endWork(long)} when it ends; the {@link StallWatchdog}'s monitor thread reads when the current unit
 * of work started.
 * <p>
 * The whole state is one ordered long (the start time, or {@link #IDLE} between units of work), so the
 * monitor can never see a start time paired with the wrong unit. A stall is identified by its start time: the
 * watchdog reports a given start once, and reports again only after the thread ended that unit and started
 * another that stalls in its turn.
 * <p>
 * Threading: {@code beginWork}/{@code endWork} on the one monitored thread only (the first {@code beginWork}
 * binds the heartbeat to its calling thread when none was given at registration); the getters from any thread.
 * Allocation: none on the monitored thread, ever.
 */
public final class Heartbeat
{
    /** The value of {@link #workStartNs()} while the thread is between units of work. */
    public static final long IDLE = Long.MIN_VALUE;

    private static final VarHandle WORK_START_NS = Handles.WORK_START_NS;
    private static final VarHandle THREAD = Handles.THREAD;
    private static final VarHandle STALLS = Handles.STALLS;
    private static final VarHandle UNITS = Handles.UNITS;

    private final String name;
    private long workStartNs = IDLE;
    private Thread thread;
    private long stalls;
    private long unitsCompleted;

    /** Written only by the monitor thread: the start time of the stall it reported last. */
    long reportedStartNs = IDLE;

    Heartbeat(final String name, final Thread thread)
    {
        this.name = name;
        this.thread = thread;
        VarHandle.releaseFence();
    }

    /**
     * Monitored thread: a unit of work (tick, frame) starts now. Allocation-free.
     *
     * @param nowNs the watchdog's clock time (the same clock the watchdog reads).
     */
    public void beginWork(final long nowNs)
    {
        if (null == thread)
        {
            THREAD.setRelease(this, Thread.currentThread());
        }
        WORK_START_NS.setRelease(this, nowNs);
    }

    /**
     * Monitored thread: the unit of work started by {@link #beginWork(long)} has ended. Allocation-free.
     *
     * @param nowNs the watchdog's clock time (kept for symmetry and future use: the end is what matters).
     */
    public void endWork(final long nowNs)
    {
        WORK_START_NS.setRelease(this, IDLE);
        UNITS.setRelease(this, unitsCompleted + 1);
    }

    /** @return the heartbeat's name, as given at registration (shown in reports). */
    public String name()
    {
        return name;
    }

    /** @return the monitored thread, or null before it was bound. */
    public Thread thread()
    {
        return (Thread)THREAD.getAcquire(this);
    }

    /** @return when the current unit of work started, or {@link #IDLE} between units; any thread. */
    public long workStartNs()
    {
        return (long)WORK_START_NS.getAcquire(this);
    }

    /** @return units of work ended so far; any thread. */
    public long unitsCompleted()
    {
        return (long)UNITS.getAcquire(this);
    }

    /** @return stalls reported for this heartbeat so far; any thread. */
    public long stalls()
    {
        return (long)STALLS.getAcquire(this);
    }

    long incrementStalls()
    {
        final long count = stalls + 1;
        STALLS.setRelease(this, count);
        return count;
    }

    /**
     * {@inheritDoc}
     */
    public String toString()
    {
        return Handles.describe(this);
    }

    /**
     * The field names and the description, in a class of their own so that Heartbeat holds no String constant:
     * the first C2 compile of {@link #endWork(long)} would otherwise resolve them on the monitored engine thread,
     * allocating there once mid-run (see {@code ClassConstants} in the engine test-jar).
     */
    private static final class Handles
    {
        static final VarHandle WORK_START_NS;
        static final VarHandle THREAD;
        static final VarHandle STALLS;
        static final VarHandle UNITS;

        static
        {
            try
            {
                final MethodHandles.Lookup lookup = MethodHandles.lookup();
                WORK_START_NS = lookup.findVarHandle(Heartbeat.class, "workStartNs", long.class);
                THREAD = lookup.findVarHandle(Heartbeat.class, "thread", Thread.class);
                STALLS = lookup.findVarHandle(Heartbeat.class, "stalls", long.class);
                UNITS = lookup.findVarHandle(Heartbeat.class, "unitsCompleted", long.class);
            }
            catch (final ReflectiveOperationException ex)
            {
                throw new ExceptionInInitializerError(ex);
            }
        }

        private Handles()
        {
        }

        static String describe(final Heartbeat heartbeat)
        {
            return "Heartbeat{name='" + heartbeat.name() + "', stalls=" + heartbeat.stalls() +
                ", unitsCompleted=" + heartbeat.unitsCompleted() + '}';
        }
    }
}
