package dev.isochron.render.testing;

import dev.isochron.engine.testing.AllocationGate;

/**
 * {@link AllocationGate#assertZeroAllocation} preceded by one unasserted gate run of the same body.
 * <p>
 * Why: the gate's measured loop is a separate loop from its warm-up loop. In a Surefire JVM that has already
 * run other gated bodies, that loop may be compiled with a previous body's type profile; the first measured
 * iteration of a new body then deoptimises it, and deoptimisation re-materialises scalar-replaced objects on
 * the heap (a few hundred bytes, once, attributed to the measured window). Running the gate once first lets
 * that happen outside the asserted window; the asserted run is still exact and still fails on any
 * allocation the body itself makes.
 */
public final class SteadyAllocationGate
{
    private SteadyAllocationGate()
    {
    }

    /** See {@link AllocationGate#assertZeroAllocation(String, int, int, AllocationGate.Body)}. */
    public static void assertZeroAllocation(
        final String what, final int warmupIterations, final int measuredIterations, final AllocationGate.Body body)
        throws Exception
    {
        AllocationGate.bytesAllocated(warmupIterations, measuredIterations, body);
        AllocationGate.assertZeroAllocation(what, warmupIterations, measuredIterations, body);
    }
}
