package dev.isochron.input.queue;

import dev.isochron.engine.testing.AllocationGate;
import dev.isochron.input.event.EventListener;
import dev.isochron.input.event.KeyEvent;
import dev.isochron.input.event.MouseMoveEvent;
import dev.isochron.input.state.InputState;
import org.agrona.concurrent.SystemNanoClock;
import org.junit.jupiter.api.Test;
import org.lwjgl.glfw.GLFW;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Zero bytes allocated on the producer (capture) thread and on the consumer (tick drain) thread, each
 * measured on its own thread, over a million events after warm-up.
 */
class InputAllocationTest
{
    private static final int WARMUP_EVENTS = 200_000;
    private static final int MEASURED_EVENTS = 1_000_000;

    @Test
    void shouldAllocateNothingOnProducerAndConsumerThreads() throws Exception
    {
        final InputQueue queue = new InputQueue(new InputQueueConfig().capacityBytes(64 * 1024).maxProducers(2)
            .clock(SystemNanoClock.INSTANCE));
        final InputProducer producer = queue.newProducer();
        final InputState state = new InputState();
        final CountingListener listener = new CountingListener();
        final long[] consumed = new long[1];
        final long[] base = new long[1];

        // Take every path once before measuring, the ring-full ones included (first use links them).
        for (int round = 0; round < 3; round++)
        {
            while (producer.key(GLFW.GLFW_KEY_A, 0, GLFW.GLFW_PRESS, 0))
            {
            }
            producer.mouseMove(round, round);
            producer.scroll(0, 1);
            producer.codePoint('a');
            queue.drainInto(state, Long.MAX_VALUE, 0, listener);
            producer.flushMotion();
            queue.drainInto(state, Long.MAX_VALUE, 0, listener);
        }
        final long preparedEvents = listener.keys + listener.moves + listener.others;

        final AllocationGate.Body produce = i ->
        {
            switch (i & 3)
            {
                case 0:
                    while (!producer.key(GLFW.GLFW_KEY_A + (i & 15), i, (i & 4) == 0 ? GLFW.GLFW_PRESS : GLFW.GLFW_RELEASE, 0))
                    {
                        Thread.yield();
                    }
                    break;
                case 1:
                    while (!producer.mouseMove(i & 1023, i & 511))
                    {
                        Thread.yield();
                    }
                    break;
                case 2:
                    while (!producer.scroll(0, 1))
                    {
                        Thread.yield();
                    }
                    break;
                default:
                    while (!producer.codePoint('a' + (i % 26)))
                    {
                        Thread.yield();
                    }
                    break;
            }
        };
        final AllocationGate.Body consume = i ->
        {
            while (consumed[0] - base[0] <= i)
            {
                final long now = SystemNanoClock.INSTANCE.nanoTime();
                final int n = queue.drainInto(state, Long.MAX_VALUE, now, listener);
                consumed[0] += n;
                if (n == 0)
                {
                    Thread.yield();
                }
            }
        };

        AllocationGate.assertSteadyZeroPerThread("input-zero-alloc", WARMUP_EVENTS, MEASURED_EVENTS,
            () -> base[0] = consumed[0], produce, consume);

        assertEquals(WARMUP_EVENTS + MEASURED_EVENTS, consumed[0] - base[0]);
        assertEquals(consumed[0] + preparedEvents, listener.keys + listener.moves + listener.others);
    }

    private static final class CountingListener implements EventListener
    {
        long keys;
        long moves;
        long others;

        public void onKey(final KeyEvent event)
        {
            keys++;
        }

        public void onMouseMove(final MouseMoveEvent event)
        {
            moves++;
        }

        public void onScroll(final dev.isochron.input.event.ScrollEvent event)
        {
            others++;
        }

        public void onChar(final dev.isochron.input.event.CharEvent event)
        {
            others++;
        }
    }
}
