package dev.isochron.render.hud;

import dev.isochron.engine.metrics.FrameMetrics;
import dev.isochron.render.batch.Rgba;
import dev.isochron.render.batch.ShapeBatch;
import dev.isochron.render.batch.SpriteBatch;
import dev.isochron.render.text.Font;
import dev.isochron.render.text.TextBuffer;

import static org.lwjgl.glfw.GLFW.GLFW_KEY_F3;

/**
 * A performance overlay drawn in pixel space: a semi-transparent panel holding a bar graph of the
 * last {@code historyFrames} frame times with a line at the target frame time, and text lines with
 * FPS, last and p99 frame time, stalls, GC count and longest pause, the render thread's bytes allocated in
 * the last frame, input latency p99 and dropped input events, and (when {@link #metrics(FrameMetrics)
 * FrameMetrics} is attached) the p99 of the run's measured window.
 * <p>
 * <b>Use</b> (render thread, every frame): {@link #recordFrame(long)} with the frame time that just
 * ended, then {@link #draw(ShapeBatch, SpriteBatch)} into batches the caller then renders with a
 * pixel-space projection after the world: the shapes (panel, graph) <em>before</em> the sprites
 * (text), so the text is on top. Give the HUD its own small batches sized with
 * {@link #shapeQuadsNeeded()} and {@link #spriteQuadsNeeded()}: the text goes onto the sprite
 * batch's current layer. Toggle with {@link #handleKey(int)} on a key press (F3 by default),
 * {@link #toggle()} or {@link #visible(boolean)}; hidden, it records nothing but keeps counting.
 * <p>
 * <b>Where the figures come from.</b> Frame times come from {@code recordFrame} into a ring the HUD owns, so the
 * graph, FPS and p99 cover the last {@code historyFrames} frames whatever the state of {@link FrameMetrics}' window
 * (which opens after warm-up and stops when full). FPS is frames over the ring's summed frame time; p99 is the
 * nearest-rank 99th percentile of the ring. A stall is a recorded frame longer than {@code stallThresholdNs}; with
 * {@link #warmupFrames(int)} set, the stall and GC lines count the run report's window (see there). The run p99 is
 * read from {@link FrameMetrics#frameTimeHistogram()}, which only the render thread writes (in {@code onFrameStart}),
 * so the render thread reads it between its own observer calls without synchronisation, every
 * {@link #RUN_P99_REFRESH_FRAMES} draws. GC, bytes/frame and input figures are produced on other threads and set
 * through {@link #gc(long, long)}, {@link #allocatedBytesPerFrame(long)} and {@link #input(long, long)}, which any
 * thread may call (volatile fields; a pair set together may be read half old, half new for one frame).
 * <p>
 * <b>Text</b> is formatted into reused {@link TextBuffer}s with integer and fixed-point
 * arithmetic; milliseconds have one decimal, rounded half up. {@link #line(int)} exposes the
 * lines last built, for tests and tools.
 * <p>
 * Threads: render thread except the setters named above and {@link #handleKey(int)},
 * {@link #toggle()} and {@link #visible(boolean)}, which one other thread at a time may call (the
 * GLFW event thread, say; visibility is volatile and takes effect at the next draw).
 * Configuration ({@link #position}, {@link #scale}, {@link #toggleKey}, {@link #metrics}) is for
 * start-up or the render thread. Allocation: every method called per
 * frame is allocation-free; construction allocates the ring and buffers.
 */
public final class HudOverlay
{
    /** Key that toggles the HUD in {@link #handleKey(int)} unless another is set. */
    public static final int DEFAULT_TOGGLE_KEY = GLFW_KEY_F3;
    /** Default number of frame times in the graph and the FPS / p99 figures. */
    public static final int DEFAULT_HISTORY_FRAMES = 120;
    /** Most frames of history. */
    public static final int MAX_HISTORY_FRAMES = 4096;
    /** Draws between two scans of {@link FrameMetrics}' histogram for the run p99. */
    public static final int RUN_P99_REFRESH_FRAMES = 30;
    /** Most characters in one text line. */
    public static final int LINE_CAPACITY = 64;
    /** Text lines when no {@link FrameMetrics} is attached; one more when one is. */
    public static final int BASE_LINE_COUNT = 6;
    /** Graph height in pixels at scale 1. */
    public static final int GRAPH_HEIGHT = 40;
    /** Gap around and between the panel's parts, in pixels at scale 1. */
    public static final int PADDING = 4;
    /** Panel colour: black at about 70% opacity. */
    public static final int PANEL_RGBA = Rgba.pack(0, 0, 0, 180);
    /** Bars of frames no longer than the target. */
    public static final int BAR_OK_RGBA = Rgba.pack(64, 224, 64, 255);
    /** Bars of frames longer than the target, not stalls. */
    public static final int BAR_SLOW_RGBA = Rgba.pack(240, 200, 40, 255);
    /** Bars of stalls. */
    public static final int BAR_STALL_RGBA = Rgba.pack(240, 48, 48, 255);
    /** The target frame time line. */
    public static final int TARGET_LINE_RGBA = Rgba.pack(255, 255, 255, 255);
    /** Text colour. */
    public static final int TEXT_RGBA = Rgba.WHITE;

    static final int MAX_SCALE = 8;

    private final Font font;
    private final int historyFrames;
    private final FrameTimeHistory history;
    private final FrameTimeGraph graph;
    private final HudFigures figures = new HudFigures();
    private final HudLines lines = new HudLines(LINE_CAPACITY);

    private int toggleKey = DEFAULT_TOGGLE_KEY;
    // toggled from the key-handling thread (often the GLFW event thread), read by the render thread
    private volatile boolean visible = true;
    private int scale = 1;
    private float x;
    private float y;

    // layout of the last draw, pixels
    private float panelWidth;
    private float panelHeight;

    /**
     * A HUD whose target and stall threshold come from {@code metrics}' configuration: the target
     * frame time is {@code 1 / targetFps} when the loop is paced, else 1/60 s; the stall threshold
     * is the report's. {@code metrics} is attached for the run p99 line.
     *
     * @param font          the font of the text (the built-in bitmap font reads well at scale 1 or 2),
     *                      its atlas uploaded and texture key set.
     * @param metrics       the run's frame metrics.
     * @param historyFrames frames in the graph, in [2, {@link #MAX_HISTORY_FRAMES}].
     * @return the HUD.
     */
    public static HudOverlay forMetrics(final Font font, final FrameMetrics metrics, final int historyFrames)
    {
        if (null == metrics)
        {
            throw HudMessages.nullMetrics();
        }
        final double targetFps = metrics.context().targetFps();
        final long targetFrameNs = targetFps > 0 ? Math.round(1e9 / targetFps) : Math.round(1e9 / 60.0);
        return new HudOverlay(font, historyFrames, targetFrameNs, metrics.stallThresholdNs()).metrics(metrics)
            .warmupFrames(metrics.context().warmupFrames());
    }

    /**
     * @param font             the font of the text, its atlas uploaded and texture key set.
     * @param historyFrames    frames in the graph, FPS and p99, in [2, {@link #MAX_HISTORY_FRAMES}].
     * @param targetFrameNs    the target frame time, drawn as a line at half the graph's height, > 0
     *                         (16,666,667 for 60 FPS).
     * @param stallThresholdNs frames longer than this are stalls (red bars), > 0; frames longer than the
     *                         target but not stalls are yellow.
     * @throws IllegalArgumentException naming the parameter, its range and its value.
     */
    public HudOverlay(final Font font, final int historyFrames, final long targetFrameNs, final long stallThresholdNs)
    {
        if (null == font)
        {
            throw HudMessages.nullFont();
        }
        if (historyFrames < 2 || historyFrames > MAX_HISTORY_FRAMES)
        {
            throw HudMessages.badHistoryFrames(historyFrames);
        }
        if (targetFrameNs <= 0)
        {
            throw HudMessages.badTargetFrameNs(targetFrameNs);
        }
        if (stallThresholdNs <= 0)
        {
            throw HudMessages.badStallThresholdNs(stallThresholdNs);
        }
        this.font = font;
        this.historyFrames = historyFrames;
        this.history = new FrameTimeHistory(historyFrames, stallThresholdNs);
        this.graph = new FrameTimeGraph(targetFrameNs, stallThresholdNs);
        lines.build(history, figures);
    }

    /**
     * Attaches the run's frame metrics for the run p99 line (null detaches). Render thread.
     *
     * @return this.
     */
    public HudOverlay metrics(final FrameMetrics metrics)
    {
        figures.metrics(metrics);
        return this;
    }

    /**
     * Sets the warm-up: the first {@code warmupFrames} recorded frames, which the run report does not measure. Their
     * stalls are counted apart and the stall and GC lines say {@code in warm-up}; from the next frame on they count
     * from 0 and say {@code after warm-up}, as the report's window does. 0 (the default): no warm-up, no qualifier.
     * Start-up or the render thread.
     *
     * @param warmupFrames in [0, {@link FrameMetrics.Context#MAX_WARMUP_FRAMES}].
     * @return this.
     */
    public HudOverlay warmupFrames(final int warmupFrames)
    {
        if (warmupFrames < 0 || warmupFrames > FrameMetrics.Context.MAX_WARMUP_FRAMES)
        {
            throw HudMessages.badWarmupFrames(warmupFrames);
        }
        history.warmupFrames(warmupFrames);
        return this;
    }

    /**
     * @return whether the frames recorded so far are all warm-up ({@link #warmupFrames(int)} set and not yet past):
     * the stall and GC lines then count the warm-up. Render thread.
     */
    public boolean inWarmup()
    {
        return history.inWarmup();
    }

    /**
     * Places the panel's top-left corner, in pixels from the top-left of the screen.
     *
     * @return this.
     */
    public HudOverlay position(final float x, final float y)
    {
        this.x = x;
        this.y = y;
        return this;
    }

    /** @return the font of the text, as given at construction (the runtime's default font for the runtime's HUD). */
    public Font font()
    {
        return font;
    }

    /**
     * Sets the integer scale of the whole layout (text, graph, padding).
     *
     * @param scale in [1, 8].
     * @return this.
     */
    public HudOverlay scale(final int scale)
    {
        if (scale < 1 || scale > MAX_SCALE)
        {
            throw HudMessages.badScale(scale);
        }
        if (scale != this.scale)
        {
            this.scale = scale;
            panelWidth = 0f;
        }
        return this;
    }

    /**
     * Sets the key {@link #handleKey(int)} toggles on (a GLFW key code).
     *
     * @return this.
     */
    public HudOverlay toggleKey(final int glfwKey)
    {
        this.toggleKey = glfwKey;
        return this;
    }

    /** @return whether the HUD draws. */
    public boolean isVisible()
    {
        return visible;
    }

    /**
     * Shows or hides the HUD. Allocation-free.
     *
     * @return this.
     */
    public HudOverlay visible(final boolean visible)
    {
        this.visible = visible;
        return this;
    }

    /** Flips visibility. Allocation-free. @return whether it is now visible. */
    public boolean toggle()
    {
        visible = !visible;
        return visible;
    }

    /**
     * Toggles the HUD when {@code glfwKey} is the toggle key; call it for key presses (not releases
     * or repeats). Allocation-free.
     *
     * @return whether the key was the toggle key (consumed).
     */
    public boolean handleKey(final int glfwKey)
    {
        if (glfwKey == toggleKey)
        {
            toggle();
            return true;
        }
        return false;
    }

    /**
     * Records the time of the frame that just ended (start to next start). Negative values count
     * as 0. Render thread; allocation-free.
     */
    public void recordFrame(final long frameTimeNs)
    {
        history.record(frameTimeNs);
    }

    /**
     * Sets the GC figures (from a GC monitor's thread, or any thread). Allocation-free.
     *
     * @param collections the collections (pauses) in the window the stall line counts: since the first frame while
     *                    {@link #inWarmup()} or without a warm-up, since the first measured frame after it.
     * @param maxPauseNs  the longest of their pauses, as the report's {@code gc.pauseMsMax}.
     */
    public void gc(final long collections, final long maxPauseNs)
    {
        figures.gc(collections, maxPauseNs);
    }

    /**
     * Sets the bytes allocated in the last frame, shown as {@code render alloc N B last frame}: the runtime passes the
     * render thread's (the report's {@code allocBytesPerFrame} is the mean per thread role over the measured window).
     * Any thread. Allocation-free.
     */
    public void allocatedBytesPerFrame(final long bytes)
    {
        figures.allocatedBytesPerFrame(bytes);
    }

    /**
     * Sets the input figures (from the input thread, or any thread). Allocation-free.
     *
     * @param latencyP99Ns p99 of input event latency (event to the tick that consumed it).
     * @param drops        input events dropped since start.
     */
    public void input(final long latencyP99Ns, final long drops)
    {
        figures.input(latencyP99Ns, drops);
    }

    /** @return frames recorded since construction. */
    public long framesRecorded()
    {
        return history.framesRecorded();
    }

    /**
     * @return recorded frames longer than the stall threshold: in the warm-up while {@link #inWarmup()}, after it
     * once past it, since construction without a warm-up.
     */
    public long stalls()
    {
        return history.stalls();
    }

    /** @return frame times in the ring (up to {@code historyFrames}). */
    public int historySize()
    {
        return history.size();
    }

    /** @return the most shape quads one {@link #draw} records: panel, one bar per frame, target line. */
    public int shapeQuadsNeeded()
    {
        return historyFrames + 2;
    }

    /** @return the most sprite quads one {@link #draw} records (one per character). */
    public int spriteQuadsNeeded()
    {
        return HudLines.MAX_COUNT * LINE_CAPACITY;
    }

    /**
     * Rebuilds the text lines from the current figures (done by {@link #draw} when visible; call it
     * directly to read {@link #line(int)} without drawing). Render thread; allocation-free.
     */
    public void update()
    {
        figures.refreshRunP99();
        lines.build(history, figures);
    }

    /** @return text lines built by the last {@link #update()} or {@link #draw}. */
    public int lineCount()
    {
        return lines.count();
    }

    /**
     * @param index in [0, {@link #lineCount()}).
     * @return the line's characters, valid until the next update (a reused buffer: copy to keep).
     */
    public CharSequence line(final int index)
    {
        if (index < 0 || index >= lines.count())
        {
            throw HudMessages.badLine(lines.count(), index);
        }
        return lines.line(index);
    }

    /**
     * When visible, builds the text and records the panel and graph into {@code shapes} and the
     * text into {@code text}; render {@code shapes} first. When hidden, records nothing.
     * Render thread; allocation-free.
     *
     * @return whether anything was recorded.
     * @throws IllegalStateException when a batch is full (size them with {@link #shapeQuadsNeeded()}
     *                               and {@link #spriteQuadsNeeded()}).
     */
    public boolean draw(final ShapeBatch shapes, final SpriteBatch text)
    {
        if (!visible)
        {
            return false;
        }
        update();

        final int s = scale;
        final float pad = PADDING * s;
        final float graphHeight = GRAPH_HEIGHT * s;
        final float lineHeight = (float)Math.ceil(font.lineHeight()) * s;
        final int lineCount = lines.count();
        float widest = historyFrames * s;
        for (int i = 0; i < lineCount; i++)
        {
            widest = Math.max(widest, font.measure(lines.line(i), s));
        }
        // grows only, so the panel does not flicker as digits come and go
        panelWidth = Math.max(panelWidth, (float)Math.ceil(widest) + 2 * pad);
        panelHeight = pad + graphHeight + pad + lineCount * lineHeight + pad;

        shapes.rect(x, y, panelWidth, panelHeight, PANEL_RGBA);
        final float graphX = x + pad;
        final float graphBottom = y + pad + graphHeight;
        graph.draw(shapes, history, graphX, graphBottom, s);

        float lineY = graphBottom + pad;
        for (int i = 0; i < lineCount; i++)
        {
            font.draw(text, lines.line(i), graphX, lineY, s, TEXT_RGBA);
            lineY += lineHeight;
        }
        return true;
    }

    /** @return the panel's left edge, pixels. */
    public float panelX()
    {
        return x;
    }

    /** @return the panel's top edge, pixels. */
    public float panelY()
    {
        return y;
    }

    /** @return the panel's width at the last draw, pixels (0 before the first). */
    public float panelWidth()
    {
        return panelWidth;
    }

    /** @return the panel's height at the last draw, pixels (0 before the first). */
    public float panelHeight()
    {
        return panelHeight;
    }

    /** @return the graph's left edge, pixels. */
    public float graphX()
    {
        return x + PADDING * scale;
    }

    /** @return the graph's top edge, pixels. */
    public float graphY()
    {
        return y + PADDING * scale;
    }

    /** @return the graph's width, pixels: one column of {@code scale} pixels per frame of history. */
    public float graphWidth()
    {
        return historyFrames * scale;
    }

    /** @return the graph's height, pixels; the target line is at half of it. */
    public float graphHeight()
    {
        return GRAPH_HEIGHT * scale;
    }

    /** @return the top of the first text line, pixels. */
    public float textY()
    {
        return y + 2 * PADDING * scale + GRAPH_HEIGHT * scale;
    }
}
