package dev.isochron.input.queue;

import dev.isochron.engine.checked.GuardBand;
import dev.isochron.engine.checked.GuardBandException;
import dev.isochron.engine.loop.ManualClock;
import dev.isochron.engine.testing.AllocationGate;
import dev.isochron.input.event.EventListener;
import dev.isochron.input.event.InputRecordLayout;
import dev.isochron.input.event.KeyEvent;
import dev.isochron.input.event.MouseMoveEvent;
import dev.isochron.input.state.InputState;
import org.agrona.UnsafeApi;
import org.agrona.collections.MutableLong;
import org.agrona.concurrent.ringbuffer.RingBufferDescriptor;
import org.junit.jupiter.api.Test;
import org.lwjgl.glfw.GLFW;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class InputQueueTest
{
    private static final int SMALL_CAPACITY = 1024;
    private static final int KEY_SLOT = 32;
    private static final int MOVE_SLOT = 48;

    private final ManualClock clock = new ManualClock(1_000);
    private final InputState state = new InputState();

    private InputQueue queue(final int capacityBytes, final boolean coalesce)
    {
        return new InputQueue(new InputQueueConfig().capacityBytes(capacityBytes).maxProducers(1)
            .coalesceMouseMoves(coalesce).clock(clock));
    }

    @Test
    void shouldDropAndCountWhenRingIsFull()
    {
        final InputQueue queue = queue(SMALL_CAPACITY, true);
        final InputProducer producer = queue.newProducer();
        int fits = 0;
        while (producer.key(GLFW.GLFW_KEY_A, fits, GLFW.GLFW_PRESS, 0))
        {
            fits++;
        }
        assertTrue(fits >= SMALL_CAPACITY / KEY_SLOT - 1, "the ring holds its capacity less at most one slot, was " + fits);
        assertEquals(1, queue.drops(InputRecordLayout.KEY), "the write that found the ring full");
        for (int i = 0; i < 7; i++)
        {
            assertFalse(producer.key(GLFW.GLFW_KEY_A, i, GLFW.GLFW_PRESS, 0));
        }
        assertFalse(producer.scroll(0, 1));

        assertEquals(8, queue.drops(InputRecordLayout.KEY));
        assertEquals(1, queue.drops(InputRecordLayout.SCROLL));
        assertEquals(0, queue.drops(InputRecordLayout.CHAR));
        assertEquals(9, queue.drops());
        assertEquals(fits, queue.written());
        assertEquals(fits, queue.drainInto(state, clock.nanoTime(), clock.nanoTime(), EventListener.NONE));
        assertEquals(fits, queue.events());
        assertTrue(producer.key(GLFW.GLFW_KEY_A, 0, GLFW.GLFW_PRESS, 0), "space is free again after the drain");
    }

    @Test
    void shouldCoalesceMouseMotionExactlyWhenRingIsFull()
    {
        final InputQueue queue = queue(SMALL_CAPACITY, true);
        final InputProducer producer = queue.newProducer();
        final double[] sum = new double[2];
        final EventListener listener = new EventListener()
        {
            public void onMouseMove(final MouseMoveEvent event)
            {
                sum[0] += event.dx();
                sum[1] += event.dy();
            }
        };
        int x = 0;
        int y = 0;
        producer.mouseMove(x, y);
        for (int round = 0; round < 50; round++)
        {
            for (int i = 0; i < 3 * SMALL_CAPACITY / MOVE_SLOT; i++)
            {
                x += 3;
                y -= 2;
                producer.mouseMove(x, y);
            }
            queue.drainInto(state, clock.nanoTime(), clock.nanoTime(), listener);
        }
        assertTrue(producer.hasPendingMotion());
        assertTrue(producer.flushMotion());
        queue.drainInto(state, clock.nanoTime(), clock.nanoTime(), listener);

        assertTrue(queue.coalesced() > 0, "the ring should have overflowed");
        assertEquals(0, queue.drops());
        assertEquals(x, sum[0]);
        assertEquals(y, sum[1]);
        assertEquals(x, state.mouseX());
        assertEquals(y, state.mouseY());
    }

    @Test
    void shouldDropMouseMovesWhenCoalescingIsOff()
    {
        final InputQueue queue = queue(SMALL_CAPACITY, false);
        final InputProducer producer = queue.newProducer();
        int fits = 0;
        while (producer.mouseMove(fits, fits))
        {
            fits++;
        }
        for (int i = 0; i < 5; i++)
        {
            assertFalse(producer.mouseMove(fits + i, fits + i));
        }
        assertEquals(6, queue.drops(InputRecordLayout.MOUSE_MOVE));
        assertEquals(0, queue.coalesced());
        assertFalse(producer.hasPendingMotion());
    }

    @Test
    void shouldLeaveEventsCapturedAfterTickTimeForNextTick()
    {
        final InputQueue queue = queue(SMALL_CAPACITY, true);
        final InputProducer producer = queue.newProducer();
        producer.key(GLFW.GLFW_KEY_A, 0, GLFW.GLFW_PRESS, 0);
        final long firstTickTime = clock.nanoTime();
        clock.advanceNs(100);
        producer.key(GLFW.GLFW_KEY_B, 0, GLFW.GLFW_PRESS, 0);

        assertEquals(1, queue.drainInto(state, firstTickTime, clock.nanoTime(), EventListener.NONE));
        assertTrue(state.isKeyDown(GLFW.GLFW_KEY_A));
        assertFalse(state.isKeyDown(GLFW.GLFW_KEY_B));

        assertEquals(1, queue.drainInto(state, clock.nanoTime(), clock.nanoTime(), EventListener.NONE));
        assertTrue(state.wasKeyPressed(GLFW.GLFW_KEY_B));
        assertFalse(state.wasKeyPressed(GLFW.GLFW_KEY_A), "pressed is per tick");
        assertTrue(state.isKeyDown(GLFW.GLFW_KEY_A), "down persists across ticks");
    }

    @Test
    void shouldSeePressAndReleaseWithinOneTick()
    {
        final InputQueue queue = queue(SMALL_CAPACITY, true);
        final InputProducer producer = queue.newProducer();
        producer.key(GLFW.GLFW_KEY_SPACE, 57, GLFW.GLFW_PRESS, 0);
        clock.advanceNs(10);
        producer.key(GLFW.GLFW_KEY_SPACE, 57, GLFW.GLFW_RELEASE, 0);

        assertEquals(2, queue.drainInto(state, clock.nanoTime(), clock.nanoTime(), EventListener.NONE));
        assertTrue(state.wasKeyPressed(GLFW.GLFW_KEY_SPACE));
        assertTrue(state.wasKeyReleased(GLFW.GLFW_KEY_SPACE));
        assertFalse(state.isKeyDown(GLFW.GLFW_KEY_SPACE));
    }

    @Test
    void shouldRecordLatencyFromCaptureToTickStart()
    {
        final MutableLong latency = new MutableLong(-1);
        final InputQueue queue = new InputQueue(new InputQueueConfig().capacityBytes(SMALL_CAPACITY).clock(clock)
            .latencySink(latency::set));
        final InputProducer producer = queue.newProducer();
        producer.codePoint('x');
        final long tickTime = clock.nanoTime();
        clock.advanceNs(2_500_000);

        queue.drainInto(state, tickTime, clock.nanoTime(), EventListener.NONE);

        assertEquals(2_500_000, latency.get());
        assertEquals('x', state.textCodePoint(0));
    }

    @Test
    void shouldPassFlyweightWithTheWrittenFields()
    {
        final InputQueue queue = queue(SMALL_CAPACITY, true);
        final InputProducer producer = queue.newProducer();
        producer.keyAt(777, GLFW.GLFW_KEY_Q, 24, GLFW.GLFW_REPEAT, GLFW.GLFW_MOD_SHIFT);
        final long[] seen = new long[5];
        queue.drainInto(state, 1_000, 1_000, new EventListener()
        {
            public void onKey(final KeyEvent event)
            {
                seen[0] = event.captureNs();
                seen[1] = event.key();
                seen[2] = event.scancode();
                seen[3] = event.action();
                seen[4] = event.mods();
            }
        });
        assertEquals(777, seen[0]);
        assertEquals(GLFW.GLFW_KEY_Q, seen[1]);
        assertEquals(24, seen[2]);
        assertEquals(GLFW.GLFW_REPEAT, seen[3]);
        assertEquals(GLFW.GLFW_MOD_SHIFT, seen[4]);
    }

    @Test
    void shouldApplyWindowEventsToState()
    {
        final InputQueue queue = queue(SMALL_CAPACITY, true);
        final InputProducer producer = queue.newProducer();
        producer.windowResize(800, 600);
        producer.framebufferResize(1600, 1200);
        producer.focus(false);
        producer.iconify(true);
        producer.cursorEnter(true);
        producer.closeRequest();

        assertEquals(6, queue.drainInto(state, clock.nanoTime(), clock.nanoTime(), EventListener.NONE));
        assertEquals(800, state.windowWidth());
        assertEquals(1200, state.framebufferHeight());
        assertFalse(state.isFocused());
        assertTrue(state.isIconified());
        assertTrue(state.isCursorInside());
        assertTrue(state.isCloseRequested());
        assertTrue(state.wasResized());
    }

    @Test
    void shouldRejectMoreProducersThanConfigured()
    {
        final InputQueue queue = queue(SMALL_CAPACITY, true);
        queue.newProducer();
        final IllegalStateException ex = assertThrows(IllegalStateException.class, queue::newProducer);
        assertEquals("input queue has its maxProducers=1 producers already; raise InputQueueConfig.maxProducers",
            ex.getMessage());
    }

    @Test
    void shouldRejectCapacityThatIsNotAPowerOfTwo()
    {
        final IllegalArgumentException ex = assertThrows(IllegalArgumentException.class,
            () -> new InputQueueConfig().capacityBytes(3000));
        assertEquals("capacityBytes must be a power of two in [1024, 1073741824], was 3000", ex.getMessage());
    }

    @Test
    void shouldReportAWriteOnePastTheRingAtTheNextDrainInCheckedMode()
    {
        final InputQueue queue = new InputQueue(new InputQueueConfig().capacityBytes(SMALL_CAPACITY).maxProducers(1)
            .clock(clock).checked(true));
        final long end = queue.ringAddress() + SMALL_CAPACITY + RingBufferDescriptor.TRAILER_LENGTH;
        UnsafeApi.putByte(end, (byte)0x2a);

        final GuardBandException ex = assertThrows(GuardBandException.class,
            () -> queue.drainInto(state, clock.nanoTime(), clock.nanoTime(), new EventListener() { }));
        assertEquals("InputQueue ring", ex.memoryName());
        assertEquals(SMALL_CAPACITY + RingBufferDescriptor.TRAILER_LENGTH, ex.offset());
        UnsafeApi.putByte(end, GuardBand.PATTERN_BYTE);
        assertTrue(queue.isChecked());
        assertFalse(queue(SMALL_CAPACITY, true).isChecked(), "off by default");
    }

    @Test
    void shouldFillAndDrainACheckedRingWithoutAllocatingOrTouchingItsBands() throws Exception
    {
        final InputQueue queue = new InputQueue(new InputQueueConfig().capacityBytes(SMALL_CAPACITY).maxProducers(1)
            .clock(clock).checked(true));
        final InputProducer producer = queue.newProducer();
        final EventListener listener = new EventListener() { };
        AllocationGate.assertSteadyZero("checked input ring", 20_000, 5_000, i ->
        {
            while (producer.key(GLFW.GLFW_KEY_A, i, GLFW.GLFW_PRESS, 0))
            {
                // fill the ring to its end, wrapping
            }
            queue.drainInto(state, clock.nanoTime(), clock.nanoTime(), listener);
        });
        queue.verifyGuards();
    }
}
