package dev.isochron.render.batch;

import java.util.Arrays;

import dev.isochron.engine.testing.AllocationGate;

/**
 * The zero-allocation gate applied to windows: after an unasserted settling run, measured windows
 * of {@code windowIterations} are taken until one allocates exactly zero bytes, at most
 * {@code maxWindows}.
 * <p>
 * Why windows: on a loaded 2-core machine the JIT compiles late, and a late C2 compilation or
 * deoptimisation leaves a one-off of a few dozen to a few hundred bytes on the measured thread
 * (string constants resolved for the compile request, rematerialised objects) in whichever window
 * it happens to land. Such one-offs shrink and stop; an allocation the body makes in steady state
 * cannot hide, because it would show in every window. Each window's figure is still exact.
 */
public final class ZeroAllocationWindows
{
    private ZeroAllocationWindows()
    {
    }

    /**
     * @throws AssertionError naming {@code what} and every window's bytes when no window allocated zero.
     */
    public static void assertOneWindowAllocatesNothing(
        final String what,
        final int settleIterations,
        final int windowIterations,
        final int maxWindows,
        final AllocationGate.Body body)
        throws Exception
    {
        AllocationGate.bytesAllocated(settleIterations, windowIterations, body);
        final long[] windows = new long[maxWindows];
        for (int w = 0; w < maxWindows; w++)
        {
            windows[w] = AllocationGate.bytesAllocated(0, windowIterations, body);
            if (windows[w] == 0)
            {
                return;
            }
        }
        throw new AssertionError(what + " allocated in every window of " + windowIterations + " iterations, " +
            "expected one window of exactly 0 bytes; bytes per window: " + Arrays.toString(windows));
    }
}
