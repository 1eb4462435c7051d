package dev.isochron.render.runtime;

import java.util.concurrent.CountDownLatch;

/**
 * Waits that go on through interrupts and keep the caller's interrupt status: the runtime's start-up and shutdown
 * must not be cut short by an interrupt (a thread left running, a context left current), and must not lose one.
 * Any thread; start-up and shutdown only.
 */
final class Uninterruptible
{
    private Uninterruptible()
    {
    }

    /** Joins {@code thread}, waiting on through interrupts, and keeps the caller's interrupt status. */
    static void join(final Thread thread)
    {
        boolean interrupted = false;
        while (thread.isAlive())
        {
            try
            {
                thread.join();
            }
            catch (final InterruptedException ex)
            {
                interrupted = true;
            }
        }
        if (interrupted)
        {
            Thread.currentThread().interrupt();
        }
    }

    /** Awaits {@code latch}, waiting on through interrupts, and keeps the caller's interrupt status. */
    static void await(final CountDownLatch latch)
    {
        boolean interrupted = false;
        while (true)
        {
            try
            {
                latch.await();
                break;
            }
            catch (final InterruptedException ex)
            {
                interrupted = true;
            }
        }
        if (interrupted)
        {
            Thread.currentThread().interrupt();
        }
    }
}
