package dev.isochron.render.testing;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.*;

class SteadyAllocationGateTest
{
    private static volatile Object sink;

    @Test
    void shouldFailWhenBodyAllocatesEveryIteration()
    {
        final AssertionError failure = assertThrows(AssertionError.class,
            () -> SteadyAllocationGate.assertZeroAllocation("allocating body", 100, 1000, (i) -> sink = new byte[16]));
        assertTrue(failure.getMessage().startsWith("allocating body allocated in every one of 3 windows of 1000 iterations: ["),
            failure.getMessage());
    }

    @Test
    void shouldFailWhenBodyAllocatesPeriodically()
    {
        assertThrows(AssertionError.class, () -> SteadyAllocationGate.assertZeroAllocation("periodic body", 100, 1000,
            (i) ->
            {
                if (i % 500 == 0)
                {
                    sink = new long[4];
                }
            }));
    }

    @Test
    void shouldPassWhenBodyAllocatesNothing() throws Exception
    {
        final long[] total = new long[1];
        SteadyAllocationGate.assertZeroAllocation("summing body", 100, 1000, (i) -> total[0] += i);
        assertTrue(total[0] > 0);
    }
}
