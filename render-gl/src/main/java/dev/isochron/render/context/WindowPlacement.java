package dev.isochron.render.context;

import org.lwjgl.glfw.GLFWVidMode;
import org.lwjgl.system.MemoryUtil;
import org.lwjgl.system.Pointer;

import static org.lwjgl.glfw.GLFW.GLFW_DONT_CARE;
import static org.lwjgl.glfw.GLFW.glfwGetPrimaryMonitor;
import static org.lwjgl.glfw.GLFW.glfwGetWindowMonitor;
import static org.lwjgl.glfw.GLFW.glfwSetWindowMonitor;
import static org.lwjgl.glfw.GLFW.nglfwGetFramebufferSize;
import static org.lwjgl.glfw.GLFW.nglfwGetMonitorPos;
import static org.lwjgl.glfw.GLFW.nglfwGetMonitors;
import static org.lwjgl.glfw.GLFW.nglfwGetVideoMode;
import static org.lwjgl.glfw.GLFW.nglfwGetWindowContentScale;
import static org.lwjgl.glfw.GLFW.nglfwGetWindowPos;
import static org.lwjgl.glfw.GLFW.nglfwGetWindowSize;

/**
 * Where a {@link GlfwWindowContext}'s window sits on the display, for its {@link WindowControl}: the sizes and content
 * scale it publishes, and the switch between windowed and fullscreen, remembering the windowed position and size to
 * return to.
 * <p>
 * Threading: the platform (main) thread, where GLFW allows window calls: the window's constructor, its event polls and
 * its framebuffer-size callback. Allocation-free: GLFW's values are read through the address variants into scratch
 * memory made once, freed by {@link #close()}.
 */
final class WindowPlacement implements AutoCloseable
{
    private static final int SCRATCH_INTS = 4;

    private final long window;
    private final WindowControl control;
    private final long scratch;
    private int windowedX;
    private int windowedY;
    private int windowedWidth;
    private int windowedHeight;

    WindowPlacement(final long window, final WindowControl control)
    {
        this.window = window;
        this.control = control;
        this.scratch = MemoryUtil.nmemCallocChecked(SCRATCH_INTS, Integer.BYTES);
    }

    /** Reads the framebuffer's size from GLFW and {@link #publish(int, int)}es it with the rest. */
    void publish()
    {
        nglfwGetFramebufferSize(window, scratch, scratch + Integer.BYTES);
        publish(MemoryUtil.memGetInt(scratch), MemoryUtil.memGetInt(scratch + Integer.BYTES));
    }

    /** Publishes the window's size, the framebuffer's (as GLFW's callback gave it) and the content scale. */
    void publish(final int framebufferWidth, final int framebufferHeight)
    {
        nglfwGetWindowSize(window, scratch, scratch + Integer.BYTES);
        nglfwGetWindowContentScale(window, scratch + 2 * Integer.BYTES, scratch + 3 * Integer.BYTES);
        control.publish(MemoryUtil.memGetInt(scratch), MemoryUtil.memGetInt(scratch + Integer.BYTES),
            framebufferWidth, framebufferHeight,
            MemoryUtil.memGetFloat(scratch + 2 * Integer.BYTES), MemoryUtil.memGetFloat(scratch + 3 * Integer.BYTES));
    }

    /** Applies a pending fullscreen request (one volatile read when there is none). */
    void applyRequests()
    {
        if (control.fullscreenPending())
        {
            final boolean requested = control.isFullscreenRequested();
            control.settle(requested, requested ? enterFullscreen() : leaveFullscreen());
            publish();
        }
    }

    /** @return whether the window is fullscreen after trying: false where no monitor or video mode is known. */
    private boolean enterFullscreen()
    {
        if (0L != glfwGetWindowMonitor(window))
        {
            return true;
        }
        nglfwGetWindowPos(window, scratch, scratch + Integer.BYTES);
        nglfwGetWindowSize(window, scratch + 2 * Integer.BYTES, scratch + 3 * Integer.BYTES);
        windowedX = MemoryUtil.memGetInt(scratch);
        windowedY = MemoryUtil.memGetInt(scratch + Integer.BYTES);
        windowedWidth = MemoryUtil.memGetInt(scratch + 2 * Integer.BYTES);
        windowedHeight = MemoryUtil.memGetInt(scratch + 3 * Integer.BYTES);
        final long monitor = monitorUnderWindow();
        final long mode = 0L == monitor ? 0L : nglfwGetVideoMode(monitor);
        if (0L == mode)
        {
            return false;
        }
        glfwSetWindowMonitor(window, monitor, 0, 0, GLFWVidMode.nwidth(mode), GLFWVidMode.nheight(mode),
            GLFWVidMode.nrefreshRate(mode));
        return 0L != glfwGetWindowMonitor(window);
    }

    /** @return whether the window is still fullscreen after going back to its windowed position and size. */
    private boolean leaveFullscreen()
    {
        if (0L == glfwGetWindowMonitor(window))
        {
            return false;
        }
        glfwSetWindowMonitor(window, 0L, windowedX, windowedY, windowedWidth, windowedHeight, GLFW_DONT_CARE);
        return 0L != glfwGetWindowMonitor(window);
    }

    /** @return the monitor whose area holds the windowed window's centre, else the primary monitor (0 for none). */
    private long monitorUnderWindow()
    {
        final int centreX = windowedX + windowedWidth / 2;
        final int centreY = windowedY + windowedHeight / 2;
        final long monitors = nglfwGetMonitors(scratch);
        final int count = 0L == monitors ? 0 : MemoryUtil.memGetInt(scratch);
        for (int i = 0; i < count; i++)
        {
            final long monitor = MemoryUtil.memGetAddress(monitors + (long)i * Pointer.POINTER_SIZE);
            final long mode = nglfwGetVideoMode(monitor);
            if (0L == mode)
            {
                continue;
            }
            nglfwGetMonitorPos(monitor, scratch, scratch + Integer.BYTES);
            final int x = MemoryUtil.memGetInt(scratch);
            final int y = MemoryUtil.memGetInt(scratch + Integer.BYTES);
            if (centreX >= x && centreX < x + GLFWVidMode.nwidth(mode) &&
                centreY >= y && centreY < y + GLFWVidMode.nheight(mode))
            {
                return monitor;
            }
        }
        return glfwGetPrimaryMonitor();
    }

    /** Frees the scratch memory; the window is the context's to destroy. */
    public void close()
    {
        MemoryUtil.nmemFree(scratch);
    }
}
