package dev.isochron.render.hud;

import dev.isochron.engine.metrics.FrameMetrics;
import dev.isochron.engine.metrics.NearestRank;
import dev.isochron.render.batch.Rgba;
import dev.isochron.render.batch.ShapeBatch;
import dev.isochron.render.batch.SpriteBatch;
import dev.isochron.render.text.Font;
import dev.isochron.render.text.TextBuffer;
import org.HdrHistogram.Histogram;

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
 * <b>Where the figures come from.</b> Frame times come from {@code recordFrame} into a ring the
 * HUD owns, so the graph, FPS and p99 cover the last {@code historyFrames} frames whatever the
 * state of {@link FrameMetrics}' window (which opens after warm-up and stops when full). FPS is
 * frames over the ring's summed frame time; p99 is the nearest-rank 99th percentile of the ring.
 * A stall is a recorded frame longer than {@code stallThresholdNs}.
 * <p>
 * <b>Warm-up and the run report.</b> With {@link #warmupFrames(int)} set (the runtime sets the run's
 * {@code warmupFrames}), the stall and GC lines count the same window as the run report: the first
 * {@code warmupFrames} recorded frames are the warm-up, whose stalls and collections the report leaves out, and the
 * lines say so ({@code stalls 1 in warm-up (>25.0 ms)}); from the next frame on they start again from 0 and count
 * the measured window ({@code stalls 0 after warm-up (>25.0 ms)}, {@code GC 0 after warm-up  max pause 0.0 ms}),
 * as the report's {@code stalls.count} and {@code gc.count} do. Without a warm-up (the default, 0) they count
 * every frame since construction and carry no qualifier. The caller feeds {@link #gc(long, long)} the figures of
 * the same window: the collections since the first frame while {@link #inWarmup()}, since the first measured frame
 * after.
 * The run p99 is read from {@link FrameMetrics#frameTimeHistogram()}: that histogram and the
 * per-frame records are written only by the render thread (in {@code onFrameStart}), so the render
 * thread may read them between its own observer calls without synchronisation, in either threading
 * mode; other threads may not. The histogram scan is refreshed every {@link #RUN_P99_REFRESH_FRAMES}
 * draws, not every frame. GC, bytes/frame and input figures are produced on other threads and
 * set through {@link #gc(long, long)}, {@link #allocatedBytesPerFrame(long)} and
 * {@link #input(long, long)}, which any thread may call (volatile fields; a pair set together may
 * be read half old, half new for one frame).
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

    private static final int MAX_LINES = BASE_LINE_COUNT + 1;
    private static final int MAX_SCALE = 8;

    private final Font font;
    private final int historyFrames;
    private final long targetFrameNs;
    private final long stallThresholdNs;
    private final long graphMaxNs;
    private final long[] frameNs;
    private final long[] scratch;
    private final TextBuffer[] lines = new TextBuffer[MAX_LINES];

    private FrameMetrics metrics;
    private int warmupFrames;
    private int toggleKey = DEFAULT_TOGGLE_KEY;
    // toggled from the key-handling thread (often the GLFW event thread), read by the render thread
    private volatile boolean visible = true;
    private int scale = 1;
    private float x;
    private float y;

    // ring of recent frame times, render thread
    private int head;
    private int count;
    private long sumNs;
    private long lastFrameNs;
    private long stalls;
    private long framesRecorded;

    // run p99 from FrameMetrics, refreshed every RUN_P99_REFRESH_FRAMES draws
    private int drawsSinceRunP99 = RUN_P99_REFRESH_FRAMES;
    private long runP99Ns;
    private long runFrames;

    // set from other threads
    private volatile long gcCount;
    private volatile long gcMaxPauseNs;
    private volatile long allocatedBytesPerFrame;
    private volatile long inputP99Ns;
    private volatile long inputDrops;

    // layout of the last draw, pixels
    private float panelWidth;
    private float panelHeight;
    private int lineCount;

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
            throw Messages.nullMetrics();
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
            throw Messages.nullFont();
        }
        if (historyFrames < 2 || historyFrames > MAX_HISTORY_FRAMES)
        {
            throw Messages.badHistoryFrames(historyFrames);
        }
        if (targetFrameNs <= 0)
        {
            throw Messages.badTargetFrameNs(targetFrameNs);
        }
        if (stallThresholdNs <= 0)
        {
            throw Messages.badStallThresholdNs(stallThresholdNs);
        }
        this.font = font;
        this.historyFrames = historyFrames;
        this.targetFrameNs = targetFrameNs;
        this.stallThresholdNs = stallThresholdNs;
        this.graphMaxNs = 2 * targetFrameNs;
        this.frameNs = new long[historyFrames];
        this.scratch = new long[historyFrames];
        for (int i = 0; i < MAX_LINES; i++)
        {
            lines[i] = new TextBuffer(LINE_CAPACITY);
        }
        buildLines();
    }

    /**
     * Attaches the run's frame metrics for the run p99 line (null detaches). Render thread.
     *
     * @return this.
     */
    public HudOverlay metrics(final FrameMetrics metrics)
    {
        this.metrics = metrics;
        this.drawsSinceRunP99 = RUN_P99_REFRESH_FRAMES;
        this.runP99Ns = 0;
        this.runFrames = 0;
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
            throw Messages.badWarmupFrames(warmupFrames);
        }
        this.warmupFrames = warmupFrames;
        return this;
    }

    /**
     * @return whether the frames recorded so far are all warm-up ({@link #warmupFrames(int)} set and not yet past):
     * the stall and GC lines then count the warm-up. Render thread.
     */
    public boolean inWarmup()
    {
        return warmupFrames > 0 && framesRecorded <= warmupFrames;
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
            throw Messages.badScale(scale);
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
        final long ns = Math.max(0, frameTimeNs);
        if (warmupFrames > 0 && framesRecorded == warmupFrames)
        {
            // the report's measured window opens with this frame: its stalls start from 0
            stalls = 0;
        }
        if (count == historyFrames)
        {
            sumNs -= frameNs[head];
        }
        else
        {
            count++;
        }
        frameNs[head] = ns;
        sumNs += ns;
        head = head + 1 == historyFrames ? 0 : head + 1;
        lastFrameNs = ns;
        framesRecorded++;
        if (ns > stallThresholdNs)
        {
            stalls++;
        }
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
        gcCount = collections;
        gcMaxPauseNs = maxPauseNs;
    }

    /**
     * Sets the bytes allocated in the last frame, shown as {@code render alloc N B last frame}: the runtime passes the
     * render thread's (the report's {@code allocBytesPerFrame} is the mean per thread role over the measured window).
     * Any thread. Allocation-free.
     */
    public void allocatedBytesPerFrame(final long bytes)
    {
        allocatedBytesPerFrame = bytes;
    }

    /**
     * Sets the input figures (from the input thread, or any thread). Allocation-free.
     *
     * @param latencyP99Ns p99 of input event latency (event to the tick that consumed it).
     * @param drops        input events dropped since start.
     */
    public void input(final long latencyP99Ns, final long drops)
    {
        inputP99Ns = latencyP99Ns;
        inputDrops = drops;
    }

    /** @return frames recorded since construction. */
    public long framesRecorded()
    {
        return framesRecorded;
    }

    /**
     * @return recorded frames longer than the stall threshold: in the warm-up while {@link #inWarmup()}, after it
     * once past it, since construction without a warm-up.
     */
    public long stalls()
    {
        return stalls;
    }

    /** @return frame times in the ring (up to {@code historyFrames}). */
    public int historySize()
    {
        return count;
    }

    /** @return the most shape quads one {@link #draw} records: panel, one bar per frame, target line. */
    public int shapeQuadsNeeded()
    {
        return historyFrames + 2;
    }

    /** @return the most sprite quads one {@link #draw} records (one per character). */
    public int spriteQuadsNeeded()
    {
        return MAX_LINES * LINE_CAPACITY;
    }

    /**
     * Rebuilds the text lines from the current figures (done by {@link #draw} when visible; call it
     * directly to read {@link #line(int)} without drawing). Render thread; allocation-free.
     */
    public void update()
    {
        refreshRunP99();
        buildLines();
    }

    /** @return text lines built by the last {@link #update()} or {@link #draw}. */
    public int lineCount()
    {
        return lineCount;
    }

    /**
     * @param index in [0, {@link #lineCount()}).
     * @return the line's characters, valid until the next update (a reused buffer: copy to keep).
     */
    public CharSequence line(final int index)
    {
        if (index < 0 || index >= lineCount)
        {
            throw Messages.badLine(lineCount, index);
        }
        return lines[index];
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
        final float graphWidth = historyFrames * s;
        final float graphHeight = GRAPH_HEIGHT * s;
        final float lineHeight = (float)Math.ceil(font.lineHeight()) * s;
        float widest = graphWidth;
        for (int i = 0; i < lineCount; i++)
        {
            widest = Math.max(widest, font.measure(lines[i], s));
        }
        // grows only, so the panel does not flicker as digits come and go
        panelWidth = Math.max(panelWidth, (float)Math.ceil(widest) + 2 * pad);
        panelHeight = pad + graphHeight + pad + lineCount * lineHeight + pad;

        shapes.rect(x, y, panelWidth, panelHeight, PANEL_RGBA);

        final float graphX = x + pad;
        final float graphBottom = y + pad + graphHeight;
        final int n = count;
        int at = head - n;
        if (at < 0)
        {
            at += historyFrames;
        }
        final float firstBarX = graphX + (historyFrames - n) * s;
        for (int k = 0; k < n; k++)
        {
            final long ns = frameNs[at];
            at = at + 1 == historyFrames ? 0 : at + 1;
            final float h = barHeight(ns, graphHeight);
            if (h > 0f)
            {
                shapes.rect(firstBarX + k * s, graphBottom - h, s, h, barColour(ns));
            }
        }
        final float targetY = graphBottom - barHeight(targetFrameNs, graphHeight);
        shapes.rect(graphX, targetY, graphWidth, s, TARGET_LINE_RGBA);

        float lineY = graphBottom + pad;
        for (int i = 0; i < lineCount; i++)
        {
            font.draw(text, lines[i], graphX, lineY, s, TEXT_RGBA);
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

    private float barHeight(final long ns, final float graphHeight)
    {
        final long clamped = Math.min(ns, graphMaxNs);
        // whole pixels, so bars are crisp and tests can predict them
        return (float)Math.floor((double)clamped * graphHeight / graphMaxNs + 0.5);
    }

    private int barColour(final long ns)
    {
        if (ns > stallThresholdNs)
        {
            return BAR_STALL_RGBA;
        }
        return ns > targetFrameNs ? BAR_SLOW_RGBA : BAR_OK_RGBA;
    }

    private void refreshRunP99()
    {
        final FrameMetrics metrics = this.metrics;
        if (null == metrics)
        {
            return;
        }
        if (++drawsSinceRunP99 >= RUN_P99_REFRESH_FRAMES)
        {
            drawsSinceRunP99 = 0;
            final Histogram histogram = metrics.frameTimeHistogram();
            runFrames = histogram.getTotalCount();
            runP99Ns = runFrames == 0 ? 0 : histogram.getValueAtPercentile(99.0);
        }
    }

    private void buildLines()
    {
        final long lastNs = lastFrameNs;
        final int n = count;

        // FPS 60  frame 16.7 ms
        final TextBuffer fps = lines[0].clear();
        fps.append(Labels.FPS).append(n == 0 || sumNs == 0 ? 0 : (n * 1_000_000_000L + sumNs / 2) / sumNs);
        appendMs(fps.append(Labels.FRAME), lastNs);

        // p99 16.7 ms  max 18.2 ms
        final long[] sorted = scratch;
        long max = 0;
        for (int i = 0; i < n; i++)
        {
            final long v = frameNs[i];
            sorted[i] = v;
            max = Math.max(max, v);
        }
        final long p99 = n == 0 ? 0 : select(sorted, n, NearestRank.index(n, 99.0));
        appendMs(lines[1].clear().append(Labels.P99), p99);
        appendMs(lines[1].append(Labels.MAX), max);

        // stalls 2 in warm-up (>25.0 ms) / stalls 0 after warm-up (>25.0 ms) / stalls 2 (>25.0 ms)
        final String window = warmupFrames == 0 ? Labels.NONE : inWarmup() ? Labels.IN_WARMUP : Labels.AFTER_WARMUP;
        final TextBuffer stallLine = lines[2].clear().append(Labels.STALLS).append(stalls).append(window);
        appendMs(stallLine.append(Labels.STALL_THRESHOLD), stallThresholdNs).append(')');

        // GC 3 after warm-up  max pause 1.2 ms
        final TextBuffer gcLine = lines[3].clear().append(Labels.GC).append(gcCount).append(window);
        appendMs(gcLine.append(Labels.MAX_PAUSE), gcMaxPauseNs);

        // render alloc 0 B last frame
        lines[4].clear().append(Labels.ALLOC).append(allocatedBytesPerFrame).append(Labels.BYTES_LAST_FRAME);

        // input p99 0.4 ms  drops 0
        appendMs(lines[5].clear().append(Labels.INPUT_P99), inputP99Ns).append(Labels.DROPS).append(inputDrops);

        lineCount = BASE_LINE_COUNT;
        if (null != metrics)
        {
            // run p99 16.7 ms  1200 frames
            appendMs(lines[6].clear().append(Labels.RUN_P99), runP99Ns)
                .append(Labels.SEPARATOR).append(runFrames).append(Labels.FRAMES);
            lineCount = BASE_LINE_COUNT + 1;
        }
    }

    /** Appends {@code ns} as milliseconds with one decimal, rounded half up, and " ms". */
    static TextBuffer appendMs(final TextBuffer text, final long ns)
    {
        if (ns < 0)
        {
            text.append('-');
        }
        final long tenths = (Math.abs(ns) + 50_000) / 100_000;
        return text.append(tenths / 10).append('.').append((char)('0' + tenths % 10)).append(Labels.MS);
    }

    /** Quickselect: the {@code k}-th smallest of {@code a[0, n)}, reordering {@code a}. Allocation-free. */
    static long select(final long[] a, final int n, final int k)
    {
        int lo = 0;
        int hi = n - 1;
        while (lo < hi)
        {
            final int mid = (lo + hi) >>> 1;
            // median of three as the pivot, so sorted input (a steady frame rate) is not quadratic
            if (a[mid] < a[lo])
            {
                swap(a, mid, lo);
            }
            if (a[hi] < a[lo])
            {
                swap(a, hi, lo);
            }
            if (a[hi] < a[mid])
            {
                swap(a, hi, mid);
            }
            final long pivot = a[mid];
            int i = lo;
            int j = hi;
            while (i <= j)
            {
                while (a[i] < pivot)
                {
                    i++;
                }
                while (a[j] > pivot)
                {
                    j--;
                }
                if (i <= j)
                {
                    swap(a, i, j);
                    i++;
                    j--;
                }
            }
            if (k <= j)
            {
                hi = j;
            }
            else if (k >= i)
            {
                lo = i;
            }
            else
            {
                return a[k];
            }
        }
        return a[k];
    }

    private static void swap(final long[] a, final int i, final int j)
    {
        final long t = a[i];
        a[i] = a[j];
        a[j] = t;
    }

    /**
     * The panel's label text, read per frame from fields that are not compile-time constants, so that HudOverlay
     * holds no String constant: the first C2 compile of a per-frame method would otherwise resolve every literal of
     * the class (the error messages too) on the render thread mid-run (see {@code ClassConstants} in the engine
     * test-jar). Initialised by the first {@code buildLines}, in the constructor.
     */
    private static final class Labels
    {
        static final String FPS;
        static final String FRAME;
        static final String P99;
        static final String MAX;
        static final String STALLS;
        static final String STALL_THRESHOLD;
        static final String GC;
        static final String MAX_PAUSE;
        static final String ALLOC;
        static final String BYTES_LAST_FRAME;
        static final String NONE;
        static final String IN_WARMUP;
        static final String AFTER_WARMUP;
        static final String INPUT_P99;
        static final String DROPS;
        static final String RUN_P99;
        static final String SEPARATOR;
        static final String FRAMES;
        static final String MS;

        static
        {
            // assigned here, not in the declarations, so that javac does not copy them into HudOverlay
            FPS = "FPS ";
            FRAME = "  frame ";
            P99 = "p99 ";
            MAX = "  max ";
            STALLS = "stalls ";
            STALL_THRESHOLD = " (>";
            GC = "GC ";
            MAX_PAUSE = "  max pause ";
            ALLOC = "render alloc ";
            BYTES_LAST_FRAME = " B last frame";
            NONE = "";
            IN_WARMUP = " in warm-up";
            AFTER_WARMUP = " after warm-up";
            INPUT_P99 = "input p99 ";
            DROPS = "  drops ";
            RUN_P99 = "run p99 ";
            SEPARATOR = "  ";
            FRAMES = " frames";
            MS = " ms";
        }

        private Labels()
        {
        }
    }

    /**
     * The error messages, in a class of their own so that HudOverlay holds no String constant (see {@link Labels}).
     */
    private static final class Messages
    {
        private Messages()
        {
        }

        static IllegalArgumentException nullMetrics()
        {
            return new IllegalArgumentException("metrics must not be null");
        }

        static IllegalArgumentException nullFont()
        {
            return new IllegalArgumentException("font must not be null");
        }

        static IllegalArgumentException badHistoryFrames(final int historyFrames)
        {
            return new IllegalArgumentException("historyFrames must be in [2, " + MAX_HISTORY_FRAMES + "], was " +
                historyFrames);
        }

        static IllegalArgumentException badTargetFrameNs(final long targetFrameNs)
        {
            return new IllegalArgumentException("targetFrameNs must be > 0, was " + targetFrameNs);
        }

        static IllegalArgumentException badStallThresholdNs(final long stallThresholdNs)
        {
            return new IllegalArgumentException("stallThresholdNs must be > 0, was " + stallThresholdNs);
        }

        static IllegalArgumentException badWarmupFrames(final int warmupFrames)
        {
            return new IllegalArgumentException("warmupFrames must be in [0, " + FrameMetrics.Context.MAX_WARMUP_FRAMES +
                "], was " + warmupFrames);
        }

        static IllegalArgumentException badScale(final int scale)
        {
            return new IllegalArgumentException("scale must be in [1, " + MAX_SCALE + "], was " + scale);
        }

        static IndexOutOfBoundsException badLine(final int lineCount, final int index)
        {
            return new IndexOutOfBoundsException("line must be in [0, " + lineCount + "), was " + index);
        }
    }
}
