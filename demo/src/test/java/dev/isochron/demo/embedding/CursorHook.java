package dev.isochron.demo.embedding;

import dev.isochron.render.runtime.PlatformHook;

import static org.lwjgl.glfw.GLFW.GLFW_CURSOR;
import static org.lwjgl.glfw.GLFW.GLFW_CURSOR_HIDDEN;
import static org.lwjgl.glfw.GLFW.glfwSetInputMode;

/**
 * GLFW calls that must run on the main thread, after the runtime's event poll: {@code new RuntimeConfig()
 * .platformHook(new CursorHook())} hides the cursor over the window once. Windowed runs only (a headless run has no
 * events to poll); keep it short and allocation-free, since it delays event handling.
 */
public final class CursorHook implements PlatformHook {
    public void afterPoll(long windowHandle, long polls) {
        if (polls == 1) {
            glfwSetInputMode(windowHandle, GLFW_CURSOR, GLFW_CURSOR_HIDDEN);
        }
    }
}
