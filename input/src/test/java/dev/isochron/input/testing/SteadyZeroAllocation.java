package dev.isochron.input.testing;

import dev.isochron.engine.testing.AllocationGate;

import java.util.Arrays;

/**
 * The zero-allocation gate for long-running bodies on a busy 2-core test JVM: after an unasserted
 * settling run, one whole measured window of {@code measuredIterations} must allocate exactly 0 bytes;
 * up to {@link #WINDOWS} windows are tried, each exact.
 * <p>
 * Why not one window: a one-off JIT tier transition (or deoptimisation) inside the measured window was
 * seen to allocate a few hundred bytes once, and never again in the next window of the same body. A body
 * that allocates per iteration, or every N iterations with N below the window size, allocates in every
 * window and still fails.
 */
public final class SteadyZeroAllocation
{
    /** Measured windows tried before failing. */
    public static final int WINDOWS = 3;

    private SteadyZeroAllocation()
    {
    }

    /**
     * Asserts that {@code body} allocates nothing on the calling thread over one whole window of
     * {@code measuredIterations} after warm-up and settling.
     */
    public static void assertZeroAllocation(
        final String what, final int warmupIterations, final int measuredIterations, final AllocationGate.Body body)
        throws Exception
    {
        AllocationGate.bytesAllocated(warmupIterations, warmupIterations, body);
        final long[] windows = new long[WINDOWS];
        for (int i = 0; i < WINDOWS; i++)
        {
            windows[i] = AllocationGate.bytesAllocated(0, measuredIterations, body);
            if (windows[i] == 0)
            {
                return;
            }
        }
        throw new AssertionError(what + " allocated in every one of " + WINDOWS + " windows of " + measuredIterations +
            " iterations: " + Arrays.toString(windows) + " bytes, expected 0 in a window");
    }

    /**
     * Asserts that each body allocates nothing on its own thread over one whole window (all threads in
     * the same window) after warm-up and settling; {@code beforeWindow} runs before each run of the threads.
     */
    public static void assertZeroAllocationPerThread(
        final String what, final int warmupIterations, final int measuredIterations, final Runnable beforeWindow,
        final AllocationGate.Body... bodies)
        throws Exception
    {
        beforeWindow.run();
        AllocationGate.bytesAllocatedPerThread(what + "-settle", warmupIterations, warmupIterations, bodies);
        final StringBuilder seen = new StringBuilder();
        for (int i = 0; i < WINDOWS; i++)
        {
            beforeWindow.run();
            final long[] bytes = AllocationGate.bytesAllocatedPerThread(what, warmupIterations, measuredIterations, bodies);
            boolean zero = true;
            for (final long b : bytes)
            {
                zero &= b == 0;
            }
            if (zero)
            {
                return;
            }
            seen.append(' ').append(Arrays.toString(bytes));
        }
        throw new AssertionError(what + " allocated in every one of " + WINDOWS + " windows of " + measuredIterations +
            " iterations per thread, bytes per thread:" + seen + ", expected 0 on every thread in a window");
    }
}
