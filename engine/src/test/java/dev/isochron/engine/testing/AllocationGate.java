package dev.isochron.engine.testing;

import dev.isochron.engine.jit.LiteralResolver;
import dev.isochron.engine.jit.ThirdPartyFramePathClasses;

import java.lang.management.ManagementFactory;
import java.util.HashSet;
import java.util.Set;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The zero-allocation gate: runs a body for a number of warm-up iterations, then for a number of
 * measured iterations, and reports the bytes the running thread allocated during the measured ones
 * (as {@code com.sun.management.ThreadMXBean} counts them: exact, TLAB-refill independent).
 * <p>
 * Published in the engine's test-jar so every module asserts allocation the same way. Warm-up lets
 * class initialisation, lambda linkage and JIT compilation happen before the window opens; the
 * gate calibrates the cost of reading the counter itself (zero on HotSpot, checked on every call)
 * so a measured figure of zero means the body allocated nothing.
 * <p>
 * Steady-state assertions ({@link #assertSteadyZero}, {@link #assertSteadyZeroPerThread}) are what tests
 * should use. On a loaded 2-core JDK 17 machine a compile transition of the measured code was seen to
 * allocate a one-off String and byte[] (48 bytes to ~1 KB in all, JFR showing the body's call site) inside a
 * measured window, never again in the next window of the same body. So these assertions run an unasserted
 * settling pass, then up to {@value #STEADY_WINDOWS} measured windows, and pass when one whole window
 * allocated exactly 0 bytes. Code that allocates per iteration, or periodically more often than once per
 * window, allocates in every window and still fails, with every window's count in the message.
 * <p>
 * Those one-offs had a cause: HotSpot resolves every String literal of a method's class on the Java thread that asks
 * for the method's first C2 compile ({@link dev.isochron.engine.jit}), and when that request comes depends on when the
 * earlier C1 compiles finished, that is, on the machine's load. The test class (which holds the body's code and its
 * messages) and the third-party classes of the frame path ({@link ThirdPartyFramePathClasses}: HdrHistogram,
 * Agrona, ...) hold literals; so a body's first C2 request allocated 48 bytes to 4 KB in whichever window it fell.
 * Every measurement here therefore resolves those literals first, as the runtime does before its frames, so the
 * verdict no longer depends on the JIT's timing (a {@code FrameMetricsDriverTest} run had allocated 3,928, 72 and 128
 * bytes in its three windows on a loaded machine).
 */
public final class AllocationGate
{
    private static final com.sun.management.ThreadMXBean THREADS = threadBean();
    private static final LiteralResolver LITERALS = LiteralResolver.probe();
    private static final Set<Class<?>> RESOLVED = new HashSet<>();

    private AllocationGate()
    {
    }

    /** One iteration of measured work; {@code iteration} counts from 0 across warm-up and measurement. */
    @FunctionalInterface
    public interface Body
    {
        void run(int iteration) throws Exception;
    }

    /** @return bytes allocated so far by the calling thread. */
    public static long currentThreadAllocatedBytes()
    {
        return THREADS.getCurrentThreadAllocatedBytes();
    }

    /** @return bytes allocated so far by the thread with the given id, or -1 if it is not alive. */
    public static long threadAllocatedBytes(final long threadId)
    {
        return THREADS.getThreadAllocatedBytes(threadId);
    }

    /**
     * Runs {@code body} on the calling thread.
     *
     * @return bytes allocated by the calling thread during the {@code measuredIterations}.
     */
    public static long bytesAllocated(final int warmupIterations, final int measuredIterations, final Body body)
        throws Exception
    {
        requirePositive("warmupIterations", warmupIterations, 0);
        requirePositive("measuredIterations", measuredIterations, 1);
        resolveLiterals(body);
        for (int i = 0; i < warmupIterations; i++)
        {
            body.run(i);
        }
        final long overhead = counterOverhead();
        final long before = THREADS.getCurrentThreadAllocatedBytes();
        for (int i = warmupIterations, end = warmupIterations + measuredIterations; i < end; i++)
        {
            body.run(i);
        }
        final long after = THREADS.getCurrentThreadAllocatedBytes();
        return Math.max(0L, after - before - overhead);
    }

    /**
     * Asserts that {@code body} allocates nothing on the calling thread after warm-up.
     *
     * @throws AssertionError naming {@code what}, the bytes and the bytes per iteration otherwise.
     */
    public static void assertZeroAllocation(
        final String what, final int warmupIterations, final int measuredIterations, final Body body)
        throws Exception
    {
        final long bytes = bytesAllocated(warmupIterations, measuredIterations, body);
        if (bytes != 0)
        {
            throw new AssertionError(what + " allocated " + bytes + " bytes over " + measuredIterations +
                " iterations (" + ((double)bytes / measuredIterations) + " bytes/iteration), expected 0");
        }
    }

    /**
     * Runs one body per thread, all started together, each with its own warm-up and measured
     * iterations, and returns what each thread allocated during its measured iterations.
     * A body that throws fails the whole run with that exception as the cause.
     *
     * @param threadNamePrefix names the threads (prefix-0, prefix-1, ...) so failures say which.
     * @return bytes per body, in the order of {@code bodies}.
     */
    public static long[] bytesAllocatedPerThread(
        final String threadNamePrefix, final int warmupIterations, final int measuredIterations, final Body... bodies)
        throws Exception
    {
        requirePositive("warmupIterations", warmupIterations, 0);
        requirePositive("measuredIterations", measuredIterations, 1);
        final int n = bodies.length;
        final long[] bytes = new long[n];
        final CyclicBarrier start = new CyclicBarrier(n);
        final AtomicReference<Throwable> failure = new AtomicReference<>();
        final Thread[] threads = new Thread[n];
        for (int t = 0; t < n; t++)
        {
            final int index = t;
            threads[t] = new Thread(() ->
            {
                try
                {
                    start.await();
                    bytes[index] = bytesAllocated(warmupIterations, measuredIterations, bodies[index]);
                }
                catch (final Throwable ex)
                {
                    failure.compareAndSet(null, ex);
                    start.reset();
                }
            }, threadNamePrefix + "-" + t);
            threads[t].start();
        }
        for (final Thread thread : threads)
        {
            thread.join();
        }
        final Throwable ex = failure.get();
        if (ex != null)
        {
            throw new AssertionError("a measured thread failed: " + ex, ex);
        }
        return bytes;
    }

    /**
     * Asserts that each body allocates nothing on its own thread after warm-up.
     *
     * @throws AssertionError listing every thread that allocated, with its bytes.
     */
    public static void assertZeroAllocationPerThread(
        final String what, final int warmupIterations, final int measuredIterations, final Body... bodies)
        throws Exception
    {
        final long[] bytes = bytesAllocatedPerThread(what, warmupIterations, measuredIterations, bodies);
        final StringBuilder failures = new StringBuilder();
        for (int i = 0; i < bytes.length; i++)
        {
            if (bytes[i] != 0)
            {
                failures.append(' ').append(what).append('-').append(i).append(": ").append(bytes[i])
                    .append(" bytes (").append((double)bytes[i] / measuredIterations).append(" bytes/iteration)");
            }
        }
        if (failures.length() > 0)
        {
            throw new AssertionError("allocation over " + measuredIterations + " iterations, expected 0 on every thread:" +
                failures);
        }
    }

    /** Measured windows tried by the steady-state assertions before they fail. */
    public static final int STEADY_WINDOWS = 3;

    /**
     * Asserts that {@code body} allocates nothing on the calling thread in its steady state: after
     * {@code warmupIterations} and a settling pass of one window, one of up to {@value #STEADY_WINDOWS}
     * windows of {@code measuredIterations} must measure exactly 0 bytes. Light bodies should ask for a
     * warm-up of 10,000 iterations or more so the JIT has compiled them before the windows.
     *
     * @throws AssertionError naming {@code what} and the bytes of every window when each window allocated.
     */
    public static void assertSteadyZero(
        final String what, final int warmupIterations, final int measuredIterations, final Body body)
        throws Exception
    {
        bytesAllocated(warmupIterations, measuredIterations, body);
        final long[] windows = new long[STEADY_WINDOWS];
        for (int w = 0; w < STEADY_WINDOWS; w++)
        {
            windows[w] = bytesAllocated(0, measuredIterations, body);
            if (0 == windows[w])
            {
                return;
            }
        }
        throw new AssertionError(what + " allocated in every one of " + STEADY_WINDOWS + " windows of " +
            measuredIterations + " iterations: " + java.util.Arrays.toString(windows) +
            " bytes, expected 0 in a whole window");
    }

    /**
     * Asserts that each body allocates nothing on its own thread in its steady state: the bodies run
     * together, one thread each, up to {@value #STEADY_WINDOWS} times; one run must measure 0 bytes on
     * every thread.
     *
     * @throws AssertionError listing every run's bytes per thread when each run allocated on some thread.
     */
    public static void assertSteadyZeroPerThread(
        final String what, final int warmupIterations, final int measuredIterations, final Body... bodies)
        throws Exception
    {
        assertSteadyZeroPerThread(what, warmupIterations, measuredIterations, () -> {}, bodies);
    }

    /**
     * As {@link #assertSteadyZeroPerThread(String, int, int, Body...)}, calling {@code beforeRun} on the
     * calling thread before each run (e.g. to reset a queue the bodies fill and drain).
     */
    public static void assertSteadyZeroPerThread(
        final String what, final int warmupIterations, final int measuredIterations, final Runnable beforeRun,
        final Body... bodies)
        throws Exception
    {
        final StringBuilder runs = new StringBuilder();
        for (int w = 0; w < STEADY_WINDOWS; w++)
        {
            beforeRun.run();
            final long[] bytes = bytesAllocatedPerThread(what, warmupIterations, measuredIterations, bodies);
            boolean allZero = true;
            for (final long b : bytes)
            {
                allZero &= 0 == b;
            }
            if (allZero)
            {
                return;
            }
            runs.append(' ').append(java.util.Arrays.toString(bytes));
        }
        throw new AssertionError(what + " allocated in each of " + STEADY_WINDOWS + " runs of " + measuredIterations +
            " iterations per thread (bytes per thread, per run):" + runs);
    }

    /**
     * Resolves, once per class, the String literals of {@code body}'s class, of the class whose code it runs (a
     * lambda's nest host: the test class) and of {@link ThirdPartyFramePathClasses}, so that no C2 compile request
     * inside a measured window resolves them on the measured thread.
     *
     * @throws IllegalStateException when the JVM lacks the flags the resolver needs (it names them).
     */
    static void resolveLiterals(final Body body)
    {
        if (!LITERALS.available())
        {
            throw new IllegalStateException("the zero-allocation gate resolves String literals before it measures " +
                "and cannot here: " + LITERALS.unavailableReason());
        }
        synchronized (RESOLVED)
        {
            if (RESOLVED.isEmpty())
            {
                final ClassLoader loader = AllocationGate.class.getClassLoader();
                for (final String name : ThirdPartyFramePathClasses.NAMES)
                {
                    LITERALS.resolve(name, loader);
                }
                RESOLVED.add(AllocationGate.class);
            }
            final Class<?> type = body.getClass();
            if (RESOLVED.add(type))
            {
                LITERALS.resolve(type);
            }
            final Class<?> host = type.getNestHost();
            if (RESOLVED.add(host))
            {
                LITERALS.resolve(host);
            }
        }
    }

    private static long counterOverhead()
    {
        final long a = THREADS.getCurrentThreadAllocatedBytes();
        final long b = THREADS.getCurrentThreadAllocatedBytes();
        return b - a;
    }

    private static void requirePositive(final String name, final int value, final int min)
    {
        if (value < min)
        {
            throw new IllegalArgumentException(name + " must be >= " + min + ", was " + value);
        }
    }

    private static com.sun.management.ThreadMXBean threadBean()
    {
        final java.lang.management.ThreadMXBean bean = ManagementFactory.getThreadMXBean();
        if (!(bean instanceof com.sun.management.ThreadMXBean))
        {
            throw new IllegalStateException("the zero-allocation gate needs com.sun.management.ThreadMXBean (HotSpot)");
        }
        final com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean)bean;
        if (!threads.isThreadAllocatedMemorySupported())
        {
            throw new IllegalStateException("this JVM does not support per-thread allocation counting");
        }
        threads.setThreadAllocatedMemoryEnabled(true);
        return threads;
    }
}
