package dev.isochron.render.context;

import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The window as an application sees it from any thread: requests the platform thread applies, and the sizes it last
 * published. GLFW confines its window calls to the thread that created the window (the platform, or main, thread);
 * {@link #requestFullscreen(boolean)} only sets a flag, which that thread reads at its next event poll and applies,
 * so {@code render} (render thread) or {@code update} (simulation thread) may ask.
 * <p>
 * Sizes, in the units their names say: the window in <em>screen coordinates</em> (the unit of mouse positions and
 * of {@link ContextOptions#size}), the framebuffer in <em>pixels</em> (the unit of drawing and of
 * {@code Frame.framebufferWidth()}); on a high-DPI display with scaling (macOS Retina, scaled Wayland outputs) the
 * framebuffer has more pixels than the window has coordinates. The content scale is the platform's suggested UI
 * scale (1 at 96 dpi, 2 at 192 dpi on Windows and X11), a hint for sizing text and widgets, which can differ from
 * framebuffer / window (it does on Windows and X11, where the two sizes agree).
 * <p>
 * A run without a window ({@link #none}) keeps its framebuffer size, is never fullscreen and ignores requests.
 * <p>
 * Threading: any thread for the public methods; the window publishes on the platform thread (volatile fields, each
 * pair packed in one, so a width never meets another size's height). Allocation-free.
 */
public final class WindowControl
{
    private final boolean window;
    private final AtomicBoolean fullscreenRequested = new AtomicBoolean();
    private volatile boolean fullscreen;
    private volatile long windowSize;
    private volatile long framebufferSize;
    private volatile long contentScale;

    private WindowControl(final boolean window, final int width, final int height)
    {
        this.window = window;
        windowSize = pack(width, height);
        framebufferSize = pack(width, height);
        contentScale = pack(Float.floatToRawIntBits(1f), Float.floatToRawIntBits(1f));
    }

    /** @return the control of a window, which publishes its sizes as they change. */
    static WindowControl ofWindow(final int width, final int height)
    {
        return new WindowControl(true, width, height);
    }

    /**
     * @param framebufferWidth  the draw target's width in pixels.
     * @param framebufferHeight its height.
     * @return the control of a run without a window (headless or the null renderer): fixed sizes, requests ignored.
     */
    public static WindowControl none(final int framebufferWidth, final int framebufferHeight)
    {
        return new WindowControl(false, framebufferWidth, framebufferHeight);
    }

    /** @return whether there is a window to control. */
    public boolean hasWindow()
    {
        return window;
    }

    /**
     * Asks for fullscreen (on the monitor the window is on, in its current video mode) or for the window back at
     * the position and size it had before. Applied by the platform thread at its next event poll; a framebuffer
     * resize follows, as for any resize. Any thread; allocation-free. Ignored without a window.
     */
    public void requestFullscreen(final boolean on)
    {
        fullscreenRequested.set(on);
    }

    /** Asks for the other mode than the one last asked for ({@link #requestFullscreen}). Any thread; allocation-free. */
    public void toggleFullscreen()
    {
        boolean current;
        do
        {
            current = fullscreenRequested.get();
        }
        while (!fullscreenRequested.compareAndSet(current, !current));
    }

    /** @return the mode last asked for (or the one the platform thread settled on when it could not apply it). */
    public boolean isFullscreenRequested()
    {
        return fullscreenRequested.get();
    }

    /** @return whether the window is fullscreen, as the platform thread last applied it. */
    public boolean isFullscreen()
    {
        return fullscreen;
    }

    /** @return the window's width in screen coordinates (the framebuffer's width without a window). */
    public int windowWidth()
    {
        return high(windowSize);
    }

    /** @return the window's height in screen coordinates. */
    public int windowHeight()
    {
        return low(windowSize);
    }

    /** @return the framebuffer's width in pixels, as the window last reported it. */
    public int framebufferWidth()
    {
        return high(framebufferSize);
    }

    /** @return the framebuffer's height in pixels. */
    public int framebufferHeight()
    {
        return low(framebufferSize);
    }

    /** @return the platform's suggested horizontal UI scale (1 without a window). */
    public float contentScaleX()
    {
        return Float.intBitsToFloat(high(contentScale));
    }

    /** @return the platform's suggested vertical UI scale. */
    public float contentScaleY()
    {
        return Float.intBitsToFloat(low(contentScale));
    }

    /** Platform thread: publishes the sizes and content scale read from GLFW. */
    void publish(
        final int windowWidth, final int windowHeight, final int framebufferWidth, final int framebufferHeight,
        final float scaleX, final float scaleY)
    {
        windowSize = pack(windowWidth, windowHeight);
        framebufferSize = pack(framebufferWidth, framebufferHeight);
        contentScale = pack(Float.floatToRawIntBits(scaleX), Float.floatToRawIntBits(scaleY));
    }

    /** Platform thread: whether the request differs from the applied mode. */
    boolean fullscreenPending()
    {
        return window && fullscreenRequested.get() != fullscreen;
    }

    /**
     * Platform thread: records the mode the window is in after applying {@code requested}; when that is not what was
     * asked (no monitor, a refusing platform), the request becomes the outcome, unless another came meanwhile, so the
     * thread does not retry it at every poll.
     */
    void settle(final boolean requested, final boolean outcome)
    {
        fullscreen = outcome;
        if (requested != outcome)
        {
            fullscreenRequested.compareAndSet(requested, outcome);
        }
    }

    private static long pack(final int high, final int low)
    {
        return ((long)high << 32) | (low & 0xFFFF_FFFFL);
    }

    private static int high(final long packed)
    {
        return (int)(packed >>> 32);
    }

    private static int low(final long packed)
    {
        return (int)packed;
    }
}
