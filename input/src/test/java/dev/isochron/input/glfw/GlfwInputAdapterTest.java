package dev.isochron.input.glfw;

import dev.isochron.engine.checked.GuardBandException;
import dev.isochron.engine.loop.ManualClock;
import dev.isochron.engine.testing.AllocationGate;
import dev.isochron.input.event.EventListener;
import dev.isochron.input.event.FileDropEvent;
import dev.isochron.input.event.GamepadEvent;
import dev.isochron.input.event.InputRecordLayout;
import dev.isochron.input.event.KeyEvent;
import dev.isochron.input.queue.FileDropInbox;
import dev.isochron.input.queue.InputProducer;
import dev.isochron.input.queue.InputQueue;
import dev.isochron.input.queue.InputQueueConfig;
import dev.isochron.input.state.InputState;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.lwjgl.glfw.GLFW;
import org.lwjgl.system.MemoryStack;
import org.lwjgl.system.MemoryUtil;

import java.nio.ByteBuffer;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The callback objects are invoked directly, as GLFW would from glfwPollEvents (no window needed). */
class GlfwInputAdapterTest
{
    private static final long WINDOW = 0x1234L;

    private final ManualClock clock = new ManualClock(5_000);
    private final InputQueue queue = new InputQueue(new InputQueueConfig().capacityBytes(64 * 1024).clock(clock));
    private final InputProducer producer = queue.newProducer();
    private final FileDropInbox inbox = new FileDropInbox();
    private final GlfwInputAdapter adapter = new GlfwInputAdapter(producer, inbox);
    private final InputState state = new InputState();

    @AfterEach
    void close()
    {
        adapter.close();
    }

    @Test
    void shouldWriteKeyRecordStampedWithTheClock()
    {
        adapter.keyCallback().invoke(WINDOW, GLFW.GLFW_KEY_W, 17, GLFW.GLFW_PRESS, GLFW.GLFW_MOD_CONTROL);
        final long[] seen = new long[5];
        queue.drainInto(state, clock.nanoTime(), clock.nanoTime(), new EventListener()
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
        assertArrayEquals(new long[]{5_000, GLFW.GLFW_KEY_W, 17, GLFW.GLFW_PRESS, GLFW.GLFW_MOD_CONTROL}, seen);
        assertTrue(state.isKeyDown(GLFW.GLFW_KEY_W));
    }

    @Test
    void shouldWriteEveryWindowCallbackIntoState()
    {
        adapter.charCallback().invoke(WINDOW, 'é');
        adapter.cursorPosCallback().invoke(WINDOW, 10, 20);
        adapter.cursorPosCallback().invoke(WINDOW, 13, 16);
        adapter.mouseButtonCallback().invoke(WINDOW, GLFW.GLFW_MOUSE_BUTTON_RIGHT, GLFW.GLFW_PRESS, 0);
        adapter.scrollCallback().invoke(WINDOW, 0.5, -2);
        adapter.cursorEnterCallback().invoke(WINDOW, true);
        adapter.windowSizeCallback().invoke(WINDOW, 640, 480);
        adapter.framebufferSizeCallback().invoke(WINDOW, 1280, 960);
        adapter.windowFocusCallback().invoke(WINDOW, false);
        adapter.windowIconifyCallback().invoke(WINDOW, true);
        adapter.windowCloseCallback().invoke(WINDOW);

        assertEquals(11, queue.drainInto(state, clock.nanoTime(), clock.nanoTime(), EventListener.NONE));
        assertEquals('é', state.textCodePoint(0));
        assertEquals(13, state.mouseX());
        assertEquals(16, state.mouseY());
        assertEquals(3, state.mouseDx());
        assertEquals(-4, state.mouseDy());
        assertTrue(state.wasButtonPressed(GLFW.GLFW_MOUSE_BUTTON_RIGHT));
        assertEquals(0.5, state.scrollX());
        assertEquals(-2, state.scrollY());
        assertTrue(state.isCursorInside());
        assertEquals(480, state.windowHeight());
        assertEquals(1280, state.framebufferWidth());
        assertFalse(state.isFocused());
        assertTrue(state.isIconified());
        assertTrue(state.isCloseRequested());
    }

    @Test
    void shouldCarryDroppedPathsThroughTheInbox()
    {
        try (MemoryStack stack = MemoryStack.stackPush())
        {
            final ByteBuffer a = stack.UTF8("/tmp/a.png");
            final ByteBuffer b = stack.UTF8("/tmp/b.png");
            final var names = stack.mallocPointer(2);
            names.put(0, MemoryUtil.memAddress(a)).put(1, MemoryUtil.memAddress(b));
            adapter.dropCallback().invoke(WINDOW, 2, names.address());
        }
        final String[][] taken = new String[1][];
        queue.drainInto(state, clock.nanoTime(), clock.nanoTime(), new EventListener()
        {
            public void onFileDrop(final FileDropEvent event)
            {
                assertEquals(2, event.pathCount());
                taken[0] = inbox.take(event.sequence());
            }
        });
        assertArrayEquals(new String[]{"/tmp/a.png", "/tmp/b.png"}, taken[0]);
        assertEquals(1, state.fileDropsThisTick());
    }

    @Test
    void shouldPublishJoystickStateOnlyWhenItChanges()
    {
        final float[] axes = {0.25f, -1f, 0, 0, 0, 0, 0, 0};
        final int connected = InputRecordLayout.GAMEPAD_FLAG_CONNECTED | InputRecordLayout.GAMEPAD_FLAG_MAPPED;
        assertTrue(adapter.publishJoystick(2, connected, 0b101, 2, axes));
        assertFalse(adapter.publishJoystick(2, connected, 0b101, 2, axes));
        assertFalse(adapter.publishJoystick(3, 0, 0, 0, axes), "an absent joystick never seen publishes nothing");
        final int[] records = new int[1];
        queue.drainInto(state, clock.nanoTime(), clock.nanoTime(), new EventListener()
        {
            public void onGamepad(final GamepadEvent event)
            {
                records[0]++;
                assertEquals(2, event.joystickId());
                assertTrue(event.mapped());
            }
        });
        assertEquals(1, records[0]);
        assertTrue(state.isGamepad(2));
        assertEquals(0b101, state.joystickButtons(2));
        assertEquals(-1f, state.joystickAxis(2, 1));

        assertTrue(adapter.publishJoystick(2, 0, 0, 0, axes), "a disconnect is published");
        queue.drainInto(state, clock.nanoTime(), clock.nanoTime(), EventListener.NONE);
        assertFalse(state.isJoystickConnected(2));
    }

    @Test
    void shouldAllocateNothingInCallbacks() throws Exception
    {
        final float[] axes = new float[InputRecordLayout.MAX_AXES];
        final AllocationGate.Body body = i ->
        {
            adapter.cursorPosCallback().invoke(WINDOW, i & 1023, i & 511);
            adapter.keyCallback().invoke(WINDOW, GLFW.GLFW_KEY_A + (i & 7), 30, (i & 8) == 0 ? 1 : 0, 0);
            adapter.scrollCallback().invoke(WINDOW, 0, 1);
            adapter.charCallback().invoke(WINDOW, 'a' + (i & 15));
            adapter.mouseButtonCallback().invoke(WINDOW, i & 1, (i & 2) >> 1, 0);
            axes[0] = (i & 63) / 64f;
            adapter.publishJoystick(0, InputRecordLayout.GAMEPAD_FLAG_CONNECTED, i & 3, 1, axes);
            if ((i & 127) == 0)
            {
                producer.flushMotion();
                clock.advanceNs(1_000);
                queue.drainInto(state, clock.nanoTime(), clock.nanoTime(), EventListener.NONE);
            }
        };
        AllocationGate.assertSteadyZero("GLFW callbacks and drain", 100_000, 1_000_000, body);
        assertEquals(0, queue.drops());
    }

    /** The polling writes the joystick count into the scratch memory that close() frees. */
    @Test
    void shouldRefusePollingAfterClose()
    {
        final GlfwInputAdapter closed = new GlfwInputAdapter(producer, inbox);
        closed.close();

        final IllegalStateException failure = assertThrows(IllegalStateException.class, closed::pollJoysticks);
        assertEquals("GlfwInputAdapter used after close(): its callbacks and joystick scratch memory are freed",
            failure.getMessage());
    }

    @Test
    void shouldCloseTwiceWithoutError()
    {
        final GlfwInputAdapter closed = new GlfwInputAdapter(producer, inbox);
        closed.close();

        assertDoesNotThrow(closed::close);
    }

    @Test
    void shouldReportAWriteOnePastTheJoystickCountScratchInCheckedMode()
    {
        final GlfwInputAdapter checked = new GlfwInputAdapter(queue.newProducer(), new FileDropInbox(), true);
        MemoryUtil.memPutByte(checked.countAddress() + Integer.BYTES, (byte)0x2a);

        final GuardBandException ex =
            assertThrows(GuardBandException.class, checked::verifyGuards);
        assertEquals("GlfwInputAdapter joystick count (GLFW writes it)", ex.memoryName());
        assertEquals(Integer.BYTES, ex.offset());
        assertThrows(GuardBandException.class, checked::close, "found again, then freed");
    }
}
