package dev.isochron.input.glfw;

import dev.isochron.engine.testing.AllocationGate;
import dev.isochron.engine.loop.ManualClock;
import dev.isochron.input.event.EventListener;
import dev.isochron.input.queue.FileDropInbox;
import dev.isochron.input.queue.InputQueue;
import dev.isochron.input.queue.InputQueueConfig;
import dev.isochron.input.state.InputState;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.lwjgl.glfw.GLFW;
import org.lwjgl.system.MemoryUtil;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The adapter against real GLFW on its null platform (GLFW 3.4: windows without a display), which
 * delivers window callbacks synchronously from the window calls, so installed callbacks can be checked
 * end to end without a display.
 */
class GlfwNullPlatformTest
{
    private static boolean initialised;

    @BeforeAll
    static void initGlfw()
    {
        assumeTrue(GLFW.glfwPlatformSupported(GLFW.GLFW_PLATFORM_NULL), "GLFW null platform not available");
        GLFW.glfwInitHint(GLFW.GLFW_PLATFORM, GLFW.GLFW_PLATFORM_NULL);
        initialised = GLFW.glfwInit();
        assumeTrue(initialised, "glfwInit failed on the null platform");
    }

    @AfterAll
    static void terminateGlfw()
    {
        if (initialised)
        {
            GLFW.glfwTerminate();
        }
    }

    @Test
    void shouldDeliverInstalledWindowCallbacksIntoTheQueue() throws Exception
    {
        final ManualClock clock = new ManualClock(42);
        final InputQueue queue = new InputQueue(new InputQueueConfig().capacityBytes(64 * 1024).clock(clock));
        final InputState state = new InputState();
        GLFW.glfwDefaultWindowHints();
        GLFW.glfwWindowHint(GLFW.GLFW_CLIENT_API, GLFW.GLFW_NO_API);
        GLFW.glfwWindowHint(GLFW.GLFW_VISIBLE, GLFW.GLFW_FALSE);
        final long window = GLFW.glfwCreateWindow(320, 240, "isochron-input-test", MemoryUtil.NULL, MemoryUtil.NULL);
        assertNotEquals(MemoryUtil.NULL, window);
        try (GlfwInputAdapter adapter = new GlfwInputAdapter(queue.newProducer(), new FileDropInbox()))
        {
            adapter.install(window);
            GLFW.glfwSetWindowSize(window, 400, 300);
            GLFW.glfwIconifyWindow(window);
            GLFW.glfwPollEvents();
            adapter.afterPollEvents();

            assertTrue(queue.drainInto(state, clock.nanoTime(), clock.nanoTime(), EventListener.NONE) > 0);
            assertEquals(400, state.windowWidth());
            assertEquals(300, state.windowHeight());
            assertTrue(state.isIconified());

            adapter.uninstall(window);
            GLFW.glfwSetWindowSize(window, 500, 500);
            assertEquals(0, queue.drainInto(state, clock.nanoTime(), clock.nanoTime(), EventListener.NONE),
                "no callbacks after uninstall");
        }
        finally
        {
            GLFW.glfwDestroyWindow(window);
        }
    }

    @Test
    void shouldPollJoysticksWithoutAllocating() throws Exception
    {
        final InputQueue queue = new InputQueue(new InputQueueConfig().clock(new ManualClock(0)));
        try (GlfwInputAdapter adapter = new GlfwInputAdapter(queue.newProducer(), new FileDropInbox()))
        {
            AllocationGate.assertSteadyZero("joystick polling", 10_000, 100_000, i -> adapter.pollJoysticks());
            assertFalse(GLFW.glfwJoystickPresent(GLFW.GLFW_JOYSTICK_1));
            assertEquals(0, queue.written(), "no joystick on the null platform, so nothing changed");
        }
    }
}
