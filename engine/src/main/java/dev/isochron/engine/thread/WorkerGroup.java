package dev.isochron.engine.thread;

import org.agrona.concurrent.Agent;
import org.agrona.concurrent.BackoffIdleStrategy;
import org.agrona.concurrent.IdleStrategy;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

/**
 * Per-frame fork/join between one coordinator thread (the render thread) and K long-lived worker threads,
 * on sequence counters alone: no task objects, no executor, no allocation.
 * <p>
 * {@link #fork(long)} publishes the frame (a volatile sequence write) and unparks the workers; each worker
 * runs its {@link SliceWork} slice once and publishes its own completed sequence; {@link #join()} runs the
 * coordinator's slice when {@code coordinatorRunsSlice} is set, then waits, with an {@link IdleStrategy} that
 * spins briefly and then parks, until every worker has completed the frame (each worker unparks the
 * coordinator when done, so a park never delays the join). A frame cannot begin before the previous one was
 * joined, so frames never overlap, and every slice runs exactly once per frame.
 * <p>
 * A slice that throws does not kill its worker: the worker records the error, completes the frame, and
 * {@link #join()} throws a {@link WorkerFailureException} naming the worker, slice and frame (the failure
 * path may allocate). The group is usable for the next frame.
 * <p>
 * Threading: {@code fork}, {@code join} and {@code close} on the coordinator thread only. Allocation:
 * {@code fork} and {@code join} are allocation-free on every thread involved. Lifetime: threads start in
 * the constructor and end in {@link #close()}, which joins them.
 */
public final class WorkerGroup implements AutoCloseable
{
    /** The most worker threads one group may have. */
    public static final int MAX_WORKERS = 256;

    /** The longest a worker parks between looks at the sequence (it is unparked by {@link #fork}). */
    public static final long WORKER_MAX_PARK_PERIOD_NS = TimeUnit.MILLISECONDS.toNanos(1);

    private final String name;
    private final SliceWork work;
    private final boolean coordinatorRunsSlice;
    private final int sliceCount;
    private final Worker[] workers;
    private final AgentThread[] threads;
    private final IdleStrategy joinIdleStrategy;

    private volatile long forkSequence;
    private volatile Thread coordinator;
    private long frameIndex;
    private long sequence;
    private boolean forked;
    private boolean closed;

    /**
     * Starts {@code workerCount} worker threads named {@code name-0 ... name-(K-1)} with the default idle
     * strategies.
     *
     * @param name                 names the group and prefixes its threads.
     * @param workerCount          worker threads, in [1, {@link #MAX_WORKERS}].
     * @param coordinatorRunsSlice whether {@link #join()} runs slice 0 on the coordinator (K + 1 slices)
     *                             or leaves all slices to the workers (K slices).
     * @param work                 the per-slice work.
     */
    public WorkerGroup(final String name, final int workerCount, final boolean coordinatorRunsSlice, final SliceWork work)
    {
        this(name, workerCount, coordinatorRunsSlice, work, AgentThread.defaultIdleStrategy());
    }

    /**
     * Starts the worker threads.
     *
     * @param name                 names the group and prefixes its threads.
     * @param workerCount          worker threads, in [1, {@link #MAX_WORKERS}].
     * @param coordinatorRunsSlice whether {@link #join()} runs slice 0 on the coordinator.
     * @param work                 the per-slice work.
     * @param joinIdleStrategy     how the coordinator waits in {@link #join()} (spin briefly, then park).
     * @throws IllegalArgumentException naming the option and its range.
     */
    public WorkerGroup(
        final String name,
        final int workerCount,
        final boolean coordinatorRunsSlice,
        final SliceWork work,
        final IdleStrategy joinIdleStrategy)
    {
        if (null == name || name.isEmpty())
        {
            throw Messages.badName(name);
        }
        if (workerCount < 1 || workerCount > MAX_WORKERS)
        {
            throw Messages.badWorkerCount(name, workerCount);
        }
        if (null == work)
        {
            throw Messages.nullWork(name);
        }
        if (null == joinIdleStrategy)
        {
            throw Messages.nullJoinIdleStrategy(name);
        }
        this.name = name;
        this.work = work;
        this.coordinatorRunsSlice = coordinatorRunsSlice;
        this.sliceCount = coordinatorRunsSlice ? workerCount + 1 : workerCount;
        this.joinIdleStrategy = joinIdleStrategy;
        this.workers = new Worker[workerCount];
        this.threads = new AgentThread[workerCount];
        for (int i = 0; i < workerCount; i++)
        {
            workers[i] = new Worker(Messages.workerThreadName(name, i), coordinatorRunsSlice ? i + 1 : i);
        }
        try
        {
            for (int i = 0; i < workerCount; i++)
            {
                threads[i] = AgentThread.start(workers[i].threadName, workers[i], new BackoffIdleStrategy(
                    AgentThread.DEFAULT_MAX_SPINS,
                    AgentThread.DEFAULT_MAX_YIELDS,
                    AgentThread.DEFAULT_MIN_PARK_PERIOD_NS,
                    WORKER_MAX_PARK_PERIOD_NS));
                workers[i].thread = threads[i].thread();
            }
        }
        catch (final RuntimeException | Error ex)
        {
            closeThreads();
            throw ex;
        }
    }

    /** @return the group's name. */
    public String name()
    {
        return name;
    }

    /** @return the number of worker threads (K). */
    public int workerCount()
    {
        return workers.length;
    }

    /** @return slices per frame: K + 1 when the coordinator runs a slice, else K. */
    public int sliceCount()
    {
        return sliceCount;
    }

    /**
     * @param workerIndex in [0, K).
     * @return the worker's thread, to register with allocation meters or profilers.
     */
    public Thread workerThread(final int workerIndex)
    {
        return threads[workerIndex].thread();
    }

    /**
     * Publishes frame {@code frameIndex} to the workers and wakes them; allocation-free.
     *
     * @param frameIndex passed to every slice of the frame.
     * @throws IllegalStateException when the previous frame was not joined, or the group is closed.
     */
    public void fork(final long frameIndex)
    {
        if (forked)
        {
            throw Messages.forkBeforeJoin(name, frameIndex, this.frameIndex);
        }
        if (closed)
        {
            throw Messages.closed(name);
        }
        this.frameIndex = frameIndex;
        this.forked = true;
        final Thread current = Thread.currentThread();
        if (coordinator != current)
        {
            coordinator = current;
        }
        forkSequence = ++sequence;
        for (final Worker worker : workers)
        {
            LockSupport.unpark(worker.thread);
        }
    }

    /**
     * Runs the coordinator's slice (when configured), then waits until every worker has completed the frame;
     * allocation-free unless a slice failed.
     *
     * @throws WorkerFailureException naming the worker (or coordinator), slice and frame when a slice threw;
     *                                the first failure is the cause, the group stays usable.
     * @throws IllegalStateException  when there is no forked frame to join.
     */
    public void join()
    {
        if (!forked)
        {
            throw Messages.joinWithoutFork(name);
        }
        Throwable coordinatorFailure = null;
        if (coordinatorRunsSlice)
        {
            try
            {
                work.run(0, sliceCount, frameIndex);
            }
            catch (final Throwable ex)
            {
                coordinatorFailure = ex;
            }
        }

        final long expected = sequence;
        final IdleStrategy idle = joinIdleStrategy;
        idle.reset();
        for (final Worker worker : workers)
        {
            while (worker.completedSequence != expected)
            {
                idle.idle();
            }
        }
        forked = false;

        if (null != coordinatorFailure)
        {
            clearFailures();
            throw new WorkerFailureException(
                Messages.coordinatorName(), 0, sliceCount, frameIndex, coordinatorFailure);
        }
        for (final Worker worker : workers)
        {
            final Throwable failure = worker.failure;
            if (null != failure)
            {
                clearFailures();
                throw new WorkerFailureException(worker.threadName, worker.sliceIndex, sliceCount, frameIndex, failure);
            }
        }
    }

    /**
     * Forks and joins one frame: {@code fork(frameIndex); join();}.
     *
     * @param frameIndex the frame.
     */
    public void runFrame(final long frameIndex)
    {
        fork(frameIndex);
        join();
    }

    /** @return whether {@link #close()} has run. */
    public boolean isClosed()
    {
        return closed;
    }

    /** Stops every worker and joins its thread. Idempotent. */
    public void close()
    {
        if (!closed)
        {
            closed = true;
            closeThreads();
        }
    }

    private void closeThreads()
    {
        RuntimeException first = null;
        for (final AgentThread thread : threads)
        {
            if (null != thread)
            {
                try
                {
                    thread.close();
                }
                catch (final RuntimeException ex)
                {
                    if (null == first)
                    {
                        first = ex;
                    }
                    else
                    {
                        first.addSuppressed(ex);
                    }
                }
            }
        }
        if (null != first)
        {
            throw first;
        }
    }

    private void clearFailures()
    {
        for (final Worker worker : workers)
        {
            worker.failure = null;
        }
    }

    private final class Worker implements Agent
    {
        final String threadName;
        final int sliceIndex;
        volatile Thread thread;
        volatile long completedSequence;
        Throwable failure;

        Worker(final String threadName, final int sliceIndex)
        {
            this.threadName = threadName;
            this.sliceIndex = sliceIndex;
        }

        public int doWork()
        {
            final long published = forkSequence;
            if (published == completedSequence)
            {
                return 0;
            }
            try
            {
                work.run(sliceIndex, sliceCount, frameIndex);
            }
            catch (final Throwable ex)
            {
                failure = ex;
            }
            completedSequence = published;
            final Thread waiting = coordinator;
            if (null != waiting)
            {
                LockSupport.unpark(waiting);
            }
            return 1;
        }

        public String roleName()
        {
            return threadName;
        }
    }

    /**
     * The thread names and the messages, in a class of their own so that WorkerGroup holds no String constant:
     * the first C2 compile of {@link #fork(long)} or {@link #join()} would otherwise resolve them on the render
     * thread, allocating there once mid-run (see {@code ClassConstants} in the engine test-jar).
     */
    private static final class Messages
    {
        private Messages()
        {
        }

        static String workerThreadName(final String name, final int workerIndex)
        {
            return name + "-" + workerIndex;
        }

        static String coordinatorName()
        {
            return Thread.currentThread().getName() + " (coordinator)";
        }

        static IllegalArgumentException badName(final String name)
        {
            return new IllegalArgumentException("worker group name must be a non-empty string, was " +
                (null == name ? "null" : "\"\""));
        }

        static IllegalArgumentException badWorkerCount(final String name, final int workerCount)
        {
            return new IllegalArgumentException("worker group '" + name + "': workerCount must be in [1, " +
                MAX_WORKERS + "], was " + workerCount);
        }

        static IllegalArgumentException nullWork(final String name)
        {
            return new IllegalArgumentException("worker group '" + name + "': work must not be null");
        }

        static IllegalArgumentException nullJoinIdleStrategy(final String name)
        {
            return new IllegalArgumentException("worker group '" + name + "': joinIdleStrategy must not be null");
        }

        static IllegalStateException forkBeforeJoin(final String name, final long frameIndex, final long joinFrame)
        {
            return new IllegalStateException("worker group '" + name + "': fork(" + frameIndex +
                ") called before join() of frame " + joinFrame + "; call join() once after each fork()");
        }

        static IllegalStateException closed(final String name)
        {
            return new IllegalStateException("worker group '" + name + "' is closed");
        }

        static IllegalStateException joinWithoutFork(final String name)
        {
            return new IllegalStateException("worker group '" + name + "': join() called without a fork()");
        }
    }
}
