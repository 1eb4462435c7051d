package dev.isochron.engine.testing;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class AllocationGateTest
{
    private static final int WARMUP = 20_000;
    private static final int MEASURED = 10_000;

    private long sink;
    private Object retained;

    @Test
    void shouldMeasureAllocationOfArrays() throws Exception
    {
        final long bytes = AllocationGate.bytesAllocated(WARMUP, MEASURED, i -> retained = new long[16]);
        assertTrue(bytes >= 16L * 8 * MEASURED, "measured " + bytes);
    }

    @Test
    void shouldFailAssertionNamingWhatAllocated()
    {
        final AssertionError error = assertThrows(AssertionError.class,
            () -> AllocationGate.assertZeroAllocation("array maker", 100, 100, i -> retained = new byte[64]));
        assertTrue(error.getMessage().startsWith("array maker allocated "), error.getMessage());
    }

    @Test
    void shouldMeasureEachThreadSeparately() throws Exception
    {
        final long[] bytes = AllocationGate.bytesAllocatedPerThread("gate", WARMUP, MEASURED,
            i -> retained = new long[4],
            i -> retained = new int[8]);
        assertTrue(bytes[0] >= 4L * 8 * MEASURED && bytes[0] < 2L * 48 * MEASURED, "measured " + bytes[0]);
        assertTrue(bytes[1] >= 8L * 4 * MEASURED && bytes[1] < 2L * 48 * MEASURED, "measured " + bytes[1]);
    }

    @Test
    void shouldFailSteadyAssertionWhenBodyAllocatesEveryIteration()
    {
        final AssertionError failure = assertThrows(AssertionError.class,
            () -> AllocationGate.assertSteadyZero("allocating body", 100, 1000, i -> retained = new byte[16]));
        assertTrue(failure.getMessage().startsWith("allocating body allocated in every one of 3 windows of 1000 iterations: ["),
            failure.getMessage());
    }

    @Test
    void shouldFailSteadyAssertionWhenBodyAllocatesOncePerWindow()
    {
        assertThrows(AssertionError.class, () -> AllocationGate.assertSteadyZero("periodic body", 100, 1000,
            i ->
            {
                if (i % 500 == 0)
                {
                    retained = new long[4];
                }
            }));
    }

    @Test
    void shouldPassSteadyAssertionWhenBodyAllocatesNothing() throws Exception
    {
        AllocationGate.assertSteadyZero("summing body", 100, 1000, i -> sink += i);
    }

    @Test
    void shouldFailSteadyPerThreadAssertionNamingEveryRun()
    {
        final AssertionError failure = assertThrows(AssertionError.class,
            () -> AllocationGate.assertSteadyZeroPerThread("pair", 100, 1000, i -> sink += i, i -> retained = new int[4]));
        assertTrue(failure.getMessage().startsWith("pair allocated in each of 3 runs of 1000 iterations per thread"),
            failure.getMessage());
    }

    @Test
    void shouldResolveTheBodysStringLiteralsBeforeMeasuring() throws Exception
    {
        // the first ldc of an unresolved literal allocates the String on the running thread; resolved, it allocates 0
        assertEquals(0L, AllocationGate.bytesAllocated(0, 1, new LiteralBody()));
    }

    /** Holds a literal no other class holds, so that nothing but the gate resolves it before the body runs. */
    private static final class LiteralBody implements AllocationGate.Body
    {
        static Object last;

        public void run(final int iteration)
        {
            last = "a literal only AllocationGateTest.LiteralBody holds";
        }
    }
}
