package dev.isochron.demo;

import dev.isochron.render.runtime.SpritePath;
import dev.isochron.render.runtime.VertexStreaming;
import dev.isochron.render.context.WindowApi;

import java.nio.file.Path;

/**
 * The launcher's validated choices for one run: every option resolved to a value (defaults filled
 * in), so the run itself needs no further checks.
 * <p>
 * Thread: made on the main thread before the run; read-only afterwards.
 */
public final class DemoSettings
{
    /** Seconds a headless run lasts when neither --frames nor --seconds is given. */
    public static final double DEFAULT_HEADLESS_SECONDS = 3.0;

    SceneName scene = SceneName.SPRITES;
    SceneName innerScene = SceneName.LIST;
    boolean headless = true;
    long frames;
    double seconds;
    int warmupFrames = -1;
    int width = 1280;
    int height = 720;
    int count = -1;
    double tickRateHz = 120.0;
    double targetFps = 60.0;
    boolean vsync;
    boolean multiThreaded = true;
    WindowApi windowApi = WindowApi.AUTO;
    int workers = 1;
    boolean nullRenderer;
    double inputRate;
    boolean naive;
    boolean stallStacks;
    boolean trimNativeHeap;
    SpritePath spritePath = SpritePath.AUTO;
    VertexStreaming vertexStreaming = VertexStreaming.AUTO;
    boolean checked;
    Path screenshot;
    boolean screenshotDefaulted;
    Path report;
    Path frameCsv;
    Path record;
    Path replay;

    /** @return the scene to run. */
    public SceneName scene()
    {
        return scene;
    }

    /** @return for {@code storm}, the scene the storm drives; otherwise the scene itself. */
    public SceneName drawnScene()
    {
        return scene == SceneName.STORM ? innerScene : scene;
    }

    /** @return true when no window is opened. */
    public boolean headless()
    {
        return headless;
    }

    /** @return frames to run, or 0 for no frame limit. */
    public long frames()
    {
        return frames;
    }

    /** @return seconds to run, or 0 for no time limit. */
    public double seconds()
    {
        return seconds;
    }

    /** @return warm-up frames before the measured window, or -1 for the runtime's default. */
    public int warmupFrames()
    {
        return warmupFrames;
    }

    /** @return framebuffer width in pixels. */
    public int width()
    {
        return width;
    }

    /** @return framebuffer height in pixels. */
    public int height()
    {
        return height;
    }

    /** @return whether --count was given (else the scene's default, which a software renderer may lighten). */
    public boolean countGiven()
    {
        return count >= 0;
    }

    /** @return the scene's size: sprites, points of history per series, or rows. */
    public int count()
    {
        return count >= 0 ? count : drawnScene().defaultCount();
    }

    /** @return the fixed tick rate in Hz. */
    public double tickRateHz()
    {
        return tickRateHz;
    }

    /** @return the frame-rate cap; 0 = uncapped; ignored when {@link #vsync()}. */
    public double targetFps()
    {
        return targetFps;
    }

    /** @return true to pace by the display's vertical sync. */
    public boolean vsync()
    {
        return vsync;
    }

    /** @return true for separate simulation and render threads. */
    /** @return the API a window's GL context is created through. */
    public WindowApi windowApi()
    {
        return windowApi;
    }

    public boolean multiThreaded()
    {
        return multiThreaded;
    }

    /** @return render workers. */
    public int workers()
    {
        return workers;
    }

    /** @return true to run the pipeline without GL draws. */
    public boolean nullRenderer()
    {
        return nullRenderer;
    }

    /** @return synthetic input events per second, 0 for none. */
    public double inputRate()
    {
        return inputRate;
    }

    /** @return true for the naive mode (the stalls reproduced: docs/architecture.md, "The stalls it removes"). */
    public boolean naive()
    {
        return naive;
    }

    /** @return how the world's sprites are drawn (--sprite-path). */
    public SpritePath spritePath()
    {
        return spritePath;
    }

    /** @return whether memory the C heap frees goes back to the kernel at once (glibc's default). */
    public boolean trimNativeHeap()
    {
        return trimNativeHeap;
    }

    /** @return true to print each watchdog stall's whole stack, not only its one line. */
    public boolean stallStacks()
    {
        return stallStacks;
    }

    /** @return true for checking mode (--checked or -Disochron.checked=true). */
    public boolean checked()
    {
        return checked;
    }

    /** @return how the GL renderer streams its vertices (--vertex-streaming). */
    public VertexStreaming vertexStreaming()
    {
        return vertexStreaming;
    }

    /** @return where the last frame is written as PNG, or null. */
    public Path screenshot()
    {
        return screenshot;
    }

    /** @return true when {@link #screenshot()} is the default file chosen for a headless run. */
    public boolean screenshotDefaulted()
    {
        return screenshotDefaulted;
    }

    /** @return where the docs/report.md JSON is written, or null. */
    public Path report()
    {
        return report;
    }

    /** @return where the per-frame CSV is written, or null. */
    public Path frameCsv()
    {
        return frameCsv;
    }

    /** @return where consumed input is recorded, or null. */
    public Path record()
    {
        return record;
    }

    /** @return the input replay to run instead of live input, or null. */
    public Path replay()
    {
        return replay;
    }

    /** @return "engine" or "naive", the report's mode. */
    public String modeName()
    {
        return naive ? "naive" : "engine";
    }
}
