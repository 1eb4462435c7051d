package dev.isochron.render.testing;

import dev.isochron.engine.testing.AllocationGate;

/**
 * Zero-allocation assertion for bodies that cross into LWJGL/JNI and the GL driver, built on
 * {@link AllocationGate}: after an unasserted settling run, the body must allocate exactly 0 bytes over one
 * whole measured window; up to {@link #MEASURED_WINDOWS} windows are tried, and the assertion fails when every
 * window allocated, listing each window's bytes.
 * <p>
 * Why not one window: in a busy Surefire JVM on 2 cores (other GL tests compiling and running before), a
 * one-off burst of JVM-internal allocation (a String and its byte[] per event, ~1 KB in all, recorded by JFR
 * with the body's call site as top frame) was seen inside a measured window after tens of thousands of
 * iterations, and never again in the next window of the same body. A body that allocates per iteration, or
 * periodically (once every N iterations with N below the window size), allocates in every window and still
 * fails; the windows are each exact.
 */
public final class SteadyAllocationGate
{
    /** Least number of iterations of the unasserted settling run. */
    public static final int SETTLE_ITERATIONS = 10_000;
    /** Measured windows tried before failing. */
    public static final int MEASURED_WINDOWS = 3;

    private SteadyAllocationGate()
    {
    }

    /**
     * Asserts that {@code body} allocates nothing over {@code measuredIterations} consecutive iterations after
     * warm-up and settling.
     *
     * @throws AssertionError naming {@code what} and the bytes of every window when each window allocated.
     */
    public static void assertZeroAllocation(
        final String what, final int warmupIterations, final int measuredIterations, final AllocationGate.Body body)
        throws Exception
    {
        AllocationGate.bytesAllocated(warmupIterations, Math.max(SETTLE_ITERATIONS, measuredIterations), body);
        final long[] windows = new long[MEASURED_WINDOWS];
        for (int i = 0; i < MEASURED_WINDOWS; i++)
        {
            windows[i] = AllocationGate.bytesAllocated(0, measuredIterations, body);
            if (windows[i] == 0)
            {
                return;
            }
        }
        throw new AssertionError(what + " allocated in every one of " + MEASURED_WINDOWS + " windows of " +
            measuredIterations + " iterations: " + java.util.Arrays.toString(windows) + " bytes, expected 0 in a window");
    }
}
