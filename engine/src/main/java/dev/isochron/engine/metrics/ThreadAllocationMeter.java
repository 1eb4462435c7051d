package dev.isochron.engine.metrics;

import java.lang.management.ManagementFactory;

/**
 * Bytes allocated by each engine thread during the measured window, by {@link ThreadRole}, read from
 * {@code com.sun.management.ThreadMXBean#getThreadAllocatedBytes(long)} (exact per thread, independent of
 * TLAB refills).
 * <p>
 * Threads are registered at start-up ({@link #register}); {@link #startWindow()} and {@link #endWindow()}
 * snapshot every registered thread's counter and may be called from any thread (one at a time), for
 * example by {@link FrameMetrics} on the render thread when its window opens and fills. Both snapshots are
 * allocation-free after the first call. Every registered thread must still be alive at {@link #endWindow()}
 * (a finished thread's counter can no longer be read): close the window before stopping engine threads.
 * <p>
 * Threading: register before the window starts, from the owner thread; the snapshots are published with a
 * volatile write, so the reader of {@link #bytes(ThreadRole)} sees them once {@link #isWindowEnded()} is true.
 */
public final class ThreadAllocationMeter
{
    /** The most threads one meter can follow. */
    public static final int MAX_THREADS = 256;

    private static final ThreadRole[] ROLES = ThreadRole.values();

    private final com.sun.management.ThreadMXBean threads;
    private final Thread[] registered = new Thread[MAX_THREADS];
    private final long[] threadIds = new long[MAX_THREADS];
    private final ThreadRole[] roles = new ThreadRole[MAX_THREADS];
    private final long[] startBytes = new long[MAX_THREADS];
    private final long[] endBytes = new long[MAX_THREADS];
    private int count;
    private volatile int state;

    private static final int IDLE = 0;
    private static final int STARTED = 1;
    private static final int ENDED = 2;

    /**
     * @throws IllegalStateException when the JVM cannot count per-thread allocation.
     */
    public ThreadAllocationMeter()
    {
        final java.lang.management.ThreadMXBean bean = ManagementFactory.getThreadMXBean();
        if (!(bean instanceof com.sun.management.ThreadMXBean))
        {
            throw new IllegalStateException(
                "per-thread allocation metering needs com.sun.management.ThreadMXBean (a HotSpot-based JVM)");
        }
        threads = (com.sun.management.ThreadMXBean)bean;
        if (!threads.isThreadAllocatedMemorySupported())
        {
            throw new IllegalStateException("this JVM does not support per-thread allocation counting");
        }
        if (!threads.isThreadAllocatedMemoryEnabled())
        {
            threads.setThreadAllocatedMemoryEnabled(true);
        }
    }

    /**
     * Follows {@code thread} under {@code role}; several threads may share a role (their bytes are summed).
     *
     * @param role   the thread's role.
     * @param thread a live engine thread.
     * @return this.
     * @throws IllegalStateException when the window has started, or {@value #MAX_THREADS} threads are registered.
     */
    public ThreadAllocationMeter register(final ThreadRole role, final Thread thread)
    {
        if (null == role || null == thread)
        {
            throw new IllegalArgumentException("role and thread must not be null, were " + role + ", " + thread);
        }
        if (IDLE != state)
        {
            throw new IllegalStateException("cannot register thread '" + thread.getName() +
                "' after the measured window has started");
        }
        if (count == MAX_THREADS)
        {
            throw new IllegalStateException("cannot register thread '" + thread.getName() + "': at most " +
                MAX_THREADS + " threads can be metered");
        }
        registered[count] = thread;
        threadIds[count] = thread.getId();
        roles[count] = role;
        count++;
        return this;
    }

    /** @return the number of registered threads. */
    public int threadCount()
    {
        return count;
    }

    /**
     * Snapshots every registered thread's allocation counter as the window's start; allocation-free.
     *
     * @throws IllegalStateException when a registered thread is not alive.
     */
    public void startWindow()
    {
        for (int i = 0; i < count; i++)
        {
            startBytes[i] = read(i);
            endBytes[i] = startBytes[i];
        }
        state = STARTED;
    }

    /**
     * Snapshots every registered thread's allocation counter as the window's end; allocation-free.
     * Ignored unless the window is started and not ended.
     *
     * @throws IllegalStateException when a registered thread is no longer alive, naming it.
     */
    public void endWindow()
    {
        if (STARTED == state)
        {
            for (int i = 0; i < count; i++)
            {
                endBytes[i] = read(i);
            }
            state = ENDED;
        }
    }

    /** @return whether {@link #startWindow()} ran. */
    public boolean isWindowStarted()
    {
        return IDLE != state;
    }

    /** @return whether {@link #endWindow()} ran after {@link #startWindow()}. */
    public boolean isWindowEnded()
    {
        return ENDED == state;
    }

    /**
     * @param role a role.
     * @return bytes the threads of {@code role} allocated inside the window (0 when none is registered).
     */
    public long bytes(final ThreadRole role)
    {
        long sum = 0;
        for (int i = 0; i < count; i++)
        {
            if (roles[i] == role)
            {
                sum += endBytes[i] - startBytes[i];
            }
        }
        return sum;
    }

    /**
     * @param role   a role.
     * @param frames frames in the window; 0 gives 0.
     * @return {@link #bytes(ThreadRole)} divided by {@code frames}.
     */
    public double bytesPerFrame(final ThreadRole role, final long frames)
    {
        return frames <= 0 ? 0.0 : (double)bytes(role) / frames;
    }

    /**
     * @param role a role.
     * @return whether any thread is registered under it.
     */
    public boolean hasRole(final ThreadRole role)
    {
        for (int i = 0; i < count; i++)
        {
            if (roles[i] == role)
            {
                return true;
            }
        }
        return false;
    }

    /** For humans, not for the frame path: bytes by role in the window so far. */
    public String toString()
    {
        final StringBuilder sb = new StringBuilder("ThreadAllocationMeter{");
        for (final ThreadRole role : ROLES)
        {
            sb.append(role.reportKey()).append('=').append(bytes(role)).append(' ');
        }
        return sb.append("threads=").append(count).append('}').toString();
    }

    private long read(final int i)
    {
        final long bytes = threads.getThreadAllocatedBytes(threadIds[i]);
        if (bytes < 0)
        {
            throw new IllegalStateException("cannot read the allocation counter of thread '" + registered[i].getName() +
                "' (role " + roles[i].reportKey() + "): it is not alive; snapshot the window before stopping it");
        }
        return bytes;
    }
}
