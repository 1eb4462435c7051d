package dev.isochron.render.testing;

import dev.isochron.engine.testing.AllocationGate;

/**
 * {@link AllocationGate#assertZeroAllocation} preceded by one unasserted gate run of the same body.
 * <p>
 Why: bodies that cross into LWJGL/JNI showed a one-off of a few hundred bytes (never growing with the
 * iteration count) in the first gated run of a Surefire JVM that had already run other gated bodies, and
 * zero in every later run of the same body: the JIT's tier transitions and the (re)compilation of the gate's
 * own measured loop for a new body type land inside the first measured window. The unasserted run, with at
 * least {@link #SETTLE_ITERATIONS} measured iterations, lets that happen outside the asserted window; the
 * asserted run is still exact and still fails on any allocation the body makes per iteration (which would
 * show in both runs).
 */
public final class SteadyAllocationGate
{
    /** Least number of iterations of the unasserted settling run. */
    public static final int SETTLE_ITERATIONS = 10_000;

    private SteadyAllocationGate()
    {
    }

    /** See {@link AllocationGate#assertZeroAllocation(String, int, int, AllocationGate.Body)}. */
    public static void assertZeroAllocation(
        final String what, final int warmupIterations, final int measuredIterations, final AllocationGate.Body body)
        throws Exception
    {
        AllocationGate.bytesAllocated(warmupIterations, Math.max(SETTLE_ITERATIONS, measuredIterations), body);
        AllocationGate.assertZeroAllocation(what, warmupIterations, measuredIterations, body);
    }
}
