package dev.isochron.engine.metrics;

import org.junit.jupiter.api.Test;

import java.util.concurrent.CountDownLatch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ThreadAllocationMeterTest
{
    private static volatile Object sink;

    @Test
    void shouldMeasureBytesAllocatedInsideTheWindowByRole()
    {
        final ThreadAllocationMeter meter = new ThreadAllocationMeter().register(ThreadRole.SIM, Thread.currentThread());
        meter.startWindow();
        for (int i = 0; i < 100; i++)
        {
            sink = new byte[1024];
        }
        meter.endWindow();
        assertTrue(meter.bytes(ThreadRole.SIM) >= 100 * 1024, "bytes " + meter.bytes(ThreadRole.SIM));
        assertEquals(0L, meter.bytes(ThreadRole.RENDER));
        assertEquals(meter.bytes(ThreadRole.SIM) / 10.0, meter.bytesPerFrame(ThreadRole.SIM, 10));
    }

    @Test
    void shouldSumThreadsSharingARole() throws Exception
    {
        final CountDownLatch windowStarted = new CountDownLatch(1);
        final CountDownLatch allocated = new CountDownLatch(1);
        final CountDownLatch windowEnded = new CountDownLatch(1);
        final Thread worker = new Thread(() ->
        {
            try
            {
                windowStarted.await();
                sink = new byte[64 * 1024];
                allocated.countDown();
                windowEnded.await();
            }
            catch (final InterruptedException ex)
            {
                Thread.currentThread().interrupt();
            }
        }, "worker-under-test");
        worker.start();
        final ThreadAllocationMeter meter = new ThreadAllocationMeter()
            .register(ThreadRole.WORKERS, worker)
            .register(ThreadRole.WORKERS, Thread.currentThread());
        meter.startWindow();
        windowStarted.countDown();
        allocated.await();
        meter.endWindow();
        windowEnded.countDown();
        worker.join();
        assertTrue(meter.bytes(ThreadRole.WORKERS) >= 64 * 1024, "bytes " + meter.bytes(ThreadRole.WORKERS));
    }

    @Test
    void shouldNameAThreadThatEndedBeforeTheWindowClosed() throws Exception
    {
        final Thread shortLived = new Thread(() -> {}, "short-lived");
        final ThreadAllocationMeter meter = new ThreadAllocationMeter();
        shortLived.start();
        meter.register(ThreadRole.PRODUCERS, shortLived);
        shortLived.join();
        final IllegalStateException ex = assertThrows(IllegalStateException.class, meter::startWindow);
        assertEquals("cannot read the allocation counter of thread 'short-lived' (role producers): it is not alive; " +
            "snapshot the window before stopping it", ex.getMessage());
    }

    @Test
    void shouldRejectRegistrationAfterWindowStarted()
    {
        final ThreadAllocationMeter meter = new ThreadAllocationMeter();
        meter.startWindow();
        final IllegalStateException ex = assertThrows(IllegalStateException.class,
            () -> meter.register(ThreadRole.SIM, Thread.currentThread()));
        assertEquals("cannot register thread '" + Thread.currentThread().getName() +
            "' after the measured window has started", ex.getMessage());
    }
}
