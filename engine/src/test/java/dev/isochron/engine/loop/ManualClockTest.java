package dev.isochron.engine.loop;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class ManualClockTest
{
    @Test
    void shouldStartAtGivenTime()
    {
        assertEquals(42L, new ManualClock(42L).nanoTime());
    }

    @Test
    void shouldAdvanceByNanosMillisAndSeconds()
    {
        final ManualClock clock = new ManualClock();

        assertEquals(5L, clock.advanceNs(5L));
        assertEquals(2_000_005L, clock.advanceMillis(2L));
        assertEquals(1_502_000_005L, clock.advanceSeconds(1.5));
        assertEquals(1_502_000_005L, clock.nanoTime());
    }

    @Test
    void shouldSetTimeEvenBackwards()
    {
        final ManualClock clock = new ManualClock(100L);
        clock.setNs(10L);

        assertEquals(10L, clock.nanoTime());
    }

    @Test
    void shouldRejectNegativeAdvance()
    {
        final IllegalArgumentException ex =
            assertThrows(IllegalArgumentException.class, () -> new ManualClock().advanceNs(-1L));

        assertEquals("deltaNs must be >= 0, was -1; use setNs to go back", ex.getMessage());
    }

    @Test
    void shouldNotLoseConcurrentAdvances() throws InterruptedException
    {
        final ManualClock clock = new ManualClock();
        final int perThread = 100_000;
        final Thread a = new Thread(() -> advanceMany(clock, perThread));
        final Thread b = new Thread(() -> advanceMany(clock, perThread));
        a.start();
        b.start();
        a.join();
        b.join();

        assertEquals(2L * perThread, clock.nanoTime());
    }

    private static void advanceMany(final ManualClock clock, final int count)
    {
        for (int i = 0; i < count; i++)
        {
            clock.advanceNs(1L);
        }
    }
}
