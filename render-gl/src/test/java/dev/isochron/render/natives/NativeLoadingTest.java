package dev.isochron.render.natives;

import org.junit.jupiter.api.Test;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class NativeLoadingTest
{
    private static final long WAIT_SECONDS = 10;

    @Test
    void shouldHoldTheLockOnlyWhileRunning()
    {
        final AtomicBoolean heldInside = new AtomicBoolean();
        NativeLoading.run(() -> heldInside.set(NativeLoading.isHeldByCurrentThread()));
        assertTrue(heldInside.get());
        assertFalse(NativeLoading.isHeldByCurrentThread());
    }

    @Test
    void shouldBeReentrant()
    {
        final String result = NativeLoading.call(() -> NativeLoading.call(() -> "nested"));
        assertEquals("nested", result);
        assertFalse(NativeLoading.isHeldByCurrentThread());
    }

    @Test
    void shouldReleaseTheLockWhenTheActionThrows()
    {
        final IllegalStateException thrown = new IllegalStateException("load failed");
        final IllegalStateException caught = assertThrows(IllegalStateException.class,
            () -> NativeLoading.run(() ->
            {
                throw thrown;
            }));
        assertSame(thrown, caught);
        assertFalse(NativeLoading.isHeldByCurrentThread());
    }

    @Test
    void shouldKeepASecondThreadOutUntilTheFirstLeaves() throws InterruptedException
    {
        final CountDownLatch firstInside = new CountDownLatch(1);
        final CountDownLatch letFirstLeave = new CountDownLatch(1);
        final CountDownLatch secondInside = new CountDownLatch(1);
        final Thread first = new Thread(() -> NativeLoading.run(() ->
        {
            firstInside.countDown();
            awaitQuietly(letFirstLeave);
        }), "first-loader");
        final Thread second = new Thread(() -> NativeLoading.run(secondInside::countDown), "second-loader");
        first.start();
        assertTrue(firstInside.await(WAIT_SECONDS, TimeUnit.SECONDS));
        second.start();
        assertFalse(secondInside.await(200, TimeUnit.MILLISECONDS), "second thread entered while the first held it");
        letFirstLeave.countDown();
        assertTrue(secondInside.await(WAIT_SECONDS, TimeUnit.SECONDS));
        first.join();
        second.join();
    }

    @Test
    void shouldMarkAPreloadedLibraryLoaded()
    {
        NativeLoading.preload(NativeLibrary.JDK, NativeLibrary.LWJGL);
        assertTrue(NativeLoading.isLoaded(NativeLibrary.JDK));
        assertTrue(NativeLoading.isLoaded(NativeLibrary.LWJGL));
    }

    private static void awaitQuietly(final CountDownLatch latch)
    {
        try
        {
            latch.await(WAIT_SECONDS, TimeUnit.SECONDS);
        }
        catch (final InterruptedException ex)
        {
            Thread.currentThread().interrupt();
        }
    }
}
