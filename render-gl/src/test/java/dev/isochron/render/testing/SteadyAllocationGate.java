package dev.isochron.render.testing;

import dev.isochron.engine.testing.AllocationGate;

/**
 * Kept only so that code written against it keeps compiling; it is {@link AllocationGate#assertSteadyZero}.
 *
 * @deprecated use {@link AllocationGate#assertSteadyZero} directly.
 */
@Deprecated
public final class SteadyAllocationGate
{
    private SteadyAllocationGate()
    {
    }

    /** @see AllocationGate#assertSteadyZero */
    public static void assertZeroAllocation(
        final String what, final int warmupIterations, final int measuredIterations, final AllocationGate.Body body)
        throws Exception
    {
        AllocationGate.assertSteadyZero(what, Math.max(10_000, warmupIterations), measuredIterations, body);
    }
}
