package dev.isochron.input.queue;

import dev.isochron.input.event.EventListener;
import dev.isochron.input.event.KeyEvent;
import dev.isochron.input.state.InputState;
import org.agrona.concurrent.CachedNanoClock;
import org.junit.jupiter.api.Test;
import org.lwjgl.glfw.GLFW;

import java.util.concurrent.atomic.AtomicReference;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

/**
 * Exact per-producer order and counts over 10 million events: producers spin-retry (yielding) when
 * the ring is full while the consumer drains continuously, so nothing may be lost or duplicated.
 */
class InputQueueOrderTest
{
    private static final int TOTAL_EVENTS = 10_000_000;
    private static final int CAPACITY = 64 * 1024;

    @Test
    void shouldDeliverEveryEventInOrderWithOneProducer() throws Exception
    {
        deliverInOrder(1);
    }

    @Test
    void shouldDeliverEveryEventInPerProducerOrderWithThreeProducers() throws Exception
    {
        deliverInOrder(3);
    }

    private static void deliverInOrder(final int producerCount) throws Exception
    {
        final CachedNanoClock clock = new CachedNanoClock();
        final InputQueue queue = new InputQueue(new InputQueueConfig().capacityBytes(CAPACITY)
            .maxProducers(producerCount).clock(clock));
        final int perProducer = TOTAL_EVENTS / producerCount;
        final int total = perProducer * producerCount;
        final AtomicReference<Throwable> failure = new AtomicReference<>();
        final Thread[] threads = new Thread[producerCount];
        for (int p = 0; p < producerCount; p++)
        {
            final InputProducer producer = queue.newProducer();
            final int id = p;
            threads[p] = new Thread(() ->
            {
                try
                {
                    for (int seq = 0; seq < perProducer; seq++)
                    {
                        while (!producer.keyAt(0, GLFW.GLFW_KEY_UNKNOWN, seq, GLFW.GLFW_PRESS, id))
                        {
                            Thread.yield();
                        }
                    }
                }
                catch (final Throwable ex)
                {
                    failure.compareAndSet(null, ex);
                }
            }, "producer-" + p);
        }
        final OrderChecker checker = new OrderChecker(producerCount);
        final InputState state = new InputState();
        for (final Thread thread : threads)
        {
            thread.start();
        }
        long consumed = 0;
        while (consumed < total && failure.get() == null)
        {
            final int n = queue.drainInto(state, Long.MAX_VALUE, 0, checker);
            consumed += n;
            if (n == 0)
            {
                Thread.yield();
            }
        }
        for (final Thread thread : threads)
        {
            thread.join();
        }
        assertNull(failure.get());
        assertNull(checker.error, () -> checker.error);
        for (int p = 0; p < producerCount; p++)
        {
            assertEquals(perProducer, checker.next[p], "events from producer " + p);
        }
        assertEquals(total, consumed);
        assertEquals(total, queue.events());
        assertEquals(total, queue.written());
        assertEquals(0, queue.drainInto(state, Long.MAX_VALUE, 0, checker), "nothing duplicated or left over");
    }

    private static final class OrderChecker implements EventListener
    {
        final int[] next;
        String error;

        OrderChecker(final int producers)
        {
            next = new int[producers];
        }

        public void onKey(final KeyEvent event)
        {
            final int producer = event.mods();
            final int seq = event.scancode();
            if (error == null && seq != next[producer])
            {
                error = "producer " + producer + ": expected event " + next[producer] + ", got " + seq;
            }
            next[producer] = seq + 1;
        }
    }
}
