package dev.isochron.engine.metrics;

import dev.isochron.engine.testing.AllocationGate;

import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.util.Arrays;

/**
 * Zero-allocation assertions over the {@link AllocationGate} that tolerate the JVM's own one-off allocations.
 * <p>
 * Measured on OpenJDK 17 (G1): a loop whose body is empty ({@code LoopObserver.NONE}) still shows one 48-56 byte
 * allocation on the measuring thread at a random point in the first few hundred thousand iterations, so a
 * single measured window can fail without the code under test allocating. Code that allocates in its steady
 * state allocates in every window; so the gate runs up to {@value #WINDOWS} consecutive windows and passes when
 * one of them measures exactly 0 bytes, failing with every window's count otherwise.
 */
public final class SteadyStateAllocation
{
    /** Measured windows tried before failing. */
    public static final int WINDOWS = 3;

    private SteadyStateAllocation()
    {
    }

    /**
     * Asserts the body allocates nothing on the calling thread in its steady state.
     *
     * @param what               names the code in the failure.
     * @param warmupIterations   run once before the first window.
     * @param measuredIterations per window.
     * @param body               the code; {@code iteration} restarts at 0 in each later window.
     * @throws Exception      what the body throws.
     * @throws AssertionError when every window allocated.
     */
    public static void assertZeroAllocation(
        final String what, final int warmupIterations, final int measuredIterations, final AllocationGate.Body body)
        throws Exception
    {
        final long[] windows = new long[WINDOWS];
        final long[] gcs = new long[WINDOWS];
        for (int w = 0; w < WINDOWS; w++)
        {
            final long gcBefore = collections();
            windows[w] = AllocationGate.bytesAllocated(w == 0 ? warmupIterations : 0, measuredIterations, body);
            gcs[w] = collections() - gcBefore;
            if (0 == windows[w])
            {
                return;
            }
        }
        throw new AssertionError(what + " allocated in each of " + WINDOWS + " windows of " + measuredIterations +
            " iterations: " + Arrays.toString(windows) + " bytes, expected 0 in at least one (GCs during each window: " +
            Arrays.toString(gcs) + ")");
    }

    /**
     * Asserts each body allocates nothing on its own thread in its steady state: the bodies run together, one
     * thread each, and pass when one run of all of them measures 0 bytes on every thread.
     *
     * @param what               names the threads and the code in the failure.
     * @param warmupIterations   warm-up per run.
     * @param measuredIterations per run.
     * @param bodies             one per thread.
     * @throws Exception      what a body throws.
     * @throws AssertionError when every run allocated on some thread.
     */
    public static void assertZeroAllocationPerThread(
        final String what, final int warmupIterations, final int measuredIterations, final AllocationGate.Body... bodies)
        throws Exception
    {
        final StringBuilder runs = new StringBuilder();
        for (int w = 0; w < WINDOWS; w++)
        {
            final long[] bytes = AllocationGate.bytesAllocatedPerThread(what, warmupIterations, measuredIterations, bodies);
            boolean allZero = true;
            for (final long b : bytes)
            {
                allZero &= 0 == b;
            }
            if (allZero)
            {
                return;
            }
            runs.append(' ').append(Arrays.toString(bytes));
        }
        throw new AssertionError(what + " allocated in each of " + WINDOWS + " runs of " + measuredIterations +
            " iterations per thread (bytes per thread, per run):" + runs);
    }

    private static long collections()
    {
        long count = 0;
        for (final GarbageCollectorMXBean bean : ManagementFactory.getGarbageCollectorMXBeans())
        {
            count += Math.max(0, bean.getCollectionCount());
        }
        return count;
    }
}
