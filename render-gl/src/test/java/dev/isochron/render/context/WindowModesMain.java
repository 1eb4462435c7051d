package dev.isochron.render.context;

import org.lwjgl.glfw.GLFW;

import java.nio.file.Path;
import java.util.List;
import java.util.function.BooleanSupplier;

/**
 * Child-JVM program for {@link WindowModesTest}, run under xvfb-run (a 1280x720 screen, no window manager): opens a
 * 64x48 window with the icon files given as arguments, moves it, asks its {@link WindowControl} for fullscreen from
 * another thread, polls until the window covers the screen, asks for the window back (a toggle, from another thread
 * again), polls until it has its windowed size and position back, and reads the icon back from the X server with
 * {@code xprop} when it is installed; then opens a second window fullscreen ({@link ContextOptions#fullscreen}) and
 * asks for it windowed. Prints one result line; exits 0 when every step did what it should, 1 otherwise.
 */
public final class WindowModesMain
{
    static final int WIDTH = 64;
    static final int HEIGHT = 48;
    static final int X = 100;
    static final int Y = 80;
    private static final long GIVE_UP_NS = 20_000_000_000L;

    private WindowModesMain()
    {
    }

    public static void main(final String[] args) throws Exception
    {
        final List<Path> icons = List.of(Path.of(args[0]), Path.of(args[1]));
        final GlfwWindowContext window = new GlfwWindowContext(new ContextOptions().title("modes").size(WIDTH, HEIGHT)
            .icons(icons));
        final WindowControl control = window.control();
        final StringBuilder line = new StringBuilder();
        boolean ok = window.iconApplied() && control.hasWindow() && !control.isFullscreen() &&
            WIDTH == control.windowWidth() && WIDTH == control.framebufferWidth();
        line.append(" icon=").append(window.iconApplied()).append(" xpropIcon=")
            .append(XpropIcon.read(window.windowHandle()));

        GLFW.glfwSetWindowPos(window.windowHandle(), X, Y);
        ok &= pollUntil(window, () -> X == position(window)[0]);

        onAnotherThread(() -> control.requestFullscreen(true));
        final boolean full = pollUntil(window, () -> control.isFullscreen() && 1280 == window.framebufferWidth() &&
            720 == window.framebufferHeight() && 1280 == control.windowWidth() && 720 == control.framebufferHeight());
        line.append(" fullscreen=").append(full).append(' ').append(window.framebufferWidth()).append('x')
            .append(window.framebufferHeight()).append(" monitor=").append(0L != GLFW.glfwGetWindowMonitor(window.windowHandle()));

        onAnotherThread(control::toggleFullscreen);
        final boolean back = pollUntil(window, () -> !control.isFullscreen() && WIDTH == window.framebufferWidth() &&
            HEIGHT == window.framebufferHeight() && WIDTH == control.windowWidth() && X == position(window)[0] &&
            Y == position(window)[1]);
        final int[] at = position(window);
        line.append(" windowed=").append(back).append(' ').append(window.framebufferWidth()).append('x')
            .append(window.framebufferHeight()).append(" at ").append(at[0]).append(',').append(at[1])
            .append(" scale=").append(control.contentScaleX());
        ok &= full && back;
        final long bytes = measuredRoundTrip(window, control);
        line.append(" roundTripBytes=").append(bytes);
        ok &= 0L == bytes;

        window.close();

        final GlfwWindowContext opened = new GlfwWindowContext(new ContextOptions().title("opened fullscreen")
            .size(WIDTH, HEIGHT).fullscreen(true));
        final WindowControl openedControl = opened.control();
        final boolean startedFull = pollUntil(opened, () -> openedControl.isFullscreen() &&
            1280 == opened.framebufferWidth() && 720 == opened.framebufferHeight());
        openedControl.requestFullscreen(false);
        final boolean openedBack = pollUntil(opened, () -> !openedControl.isFullscreen() &&
            WIDTH == opened.framebufferWidth() && HEIGHT == opened.framebufferHeight());
        opened.close();
        line.append(" openedFullscreen=").append(startedFull).append(" thenWindowed=").append(openedBack);
        ok &= startedFull && openedBack;

        System.out.println((ok ? "OK" : "FAIL") + line);
        System.exit(ok ? 0 : 1);
    }

    /**
     * @return the bytes the main thread allocated over a second fullscreen round trip, requests and polls included:
     * -1 when the round trip did not finish.
     */
    private static long measuredRoundTrip(final GlfwWindowContext window, final WindowControl control)
    {
        final com.sun.management.ThreadMXBean threads =
            (com.sun.management.ThreadMXBean)java.lang.management.ManagementFactory.getThreadMXBean();
        final long end = System.nanoTime() + GIVE_UP_NS;
        final long before = threads.getCurrentThreadAllocatedBytes();
        control.toggleFullscreen();
        while (1280 != window.framebufferWidth() && System.nanoTime() < end)
        {
            window.waitEvents(0.01);
        }
        control.toggleFullscreen();
        while (WIDTH != window.framebufferWidth() && System.nanoTime() < end)
        {
            window.waitEvents(0.01);
        }
        final long after = threads.getCurrentThreadAllocatedBytes();
        return System.nanoTime() < end ? after - before : -1L;
    }

    private static void onAnotherThread(final Runnable request) throws InterruptedException
    {
        final Thread thread = new Thread(request, "requester");
        thread.start();
        thread.join();
    }

    private static boolean pollUntil(final GlfwWindowContext window, final BooleanSupplier done)
    {
        final long end = System.nanoTime() + GIVE_UP_NS;
        while (System.nanoTime() < end)
        {
            window.waitEvents(0.01);
            if (done.getAsBoolean())
            {
                return true;
            }
        }
        return false;
    }

    private static int[] position(final GlfwWindowContext window)
    {
        final int[] x = new int[1];
        final int[] y = new int[1];
        GLFW.glfwGetWindowPos(window.windowHandle(), x, y);
        return new int[] {x[0], y[0]};
    }
}
