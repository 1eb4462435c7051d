package dev.isochron.demo.chart;

import dev.isochron.demo.scene.HudLine;
import dev.isochron.demo.scene.NaiveInputHandoff;
import dev.isochron.input.state.InputState;
import dev.isochron.render.batch.Rgba;
import dev.isochron.render.runtime.Application;
import dev.isochron.render.runtime.Frame;
import dev.isochron.render.runtime.Init;
import dev.isochron.render.runtime.Tick;
import dev.isochron.render.text.Font;
import org.agrona.concurrent.Agent;
import org.lwjgl.glfw.GLFW;

/**
 * The chart scene: four series fed at 1 kHz each by a producer thread in bursts, with a history of
 * {@code count} points per series (prefilled at start-up), drawn as a min/max envelope per pixel
 * column with axes, tick labels and a legend of the newest values. Drag pans, the wheel zooms
 * about the pointer, F (or End) follows the newest data again.
 * <p>
 * Engine mode: the producer hands rows to the simulation through a lock-free single-writer ring;
 * the simulation keeps primitive histories with a min/max pyramid and decimates the view in time
 * proportional to the width. Naive mode: boxed {@code List<Double>} histories shared by the producer
 * and the renderer under one lock, scanned sample by sample each frame into new arrays.
 * <p>
 * Threads: see {@link Application}; {@link #feed()} runs on a producer thread of its own.
 */
public final class ChartScene implements Application<ChartState>
{
    /** Default visible span in samples (20 s). */
    public static final int DEFAULT_SPAN = 20_000;
    /** Smallest visible span in samples. */
    public static final int MIN_SPAN = 16;
    /** Rows the producer-to-simulation ring holds (about 65 s of data). */
    public static final int FEED_RING_ROWS = 1 << 16;
    /**
     * Widest framebuffer, in pixels, the chart decimates one column per pixel for whatever width it starts at, so
     * that a window resized up to a 4K display needs no new arrays; wider plots draw each column wider.
     */
    public static final int MAX_DECIMATED_WIDTH = 3840;
    /** Name of the thread that prefills the engine mode's history while the runtime starts. */
    public static final String PREFILL_THREAD = "isochron-chart-prefill";

    private final boolean naive;
    private final int maxColumns;
    /** Plot columns for the framebuffer's current width: written by the render thread, read by the simulation. */
    private volatile int viewColumns;
    private final SeriesHistory[] histories;
    /** Fills {@link #histories} off the main thread; {@link #init} waits for it (engine mode; null in naive mode). */
    private final Prefill prefill;
    private final Thread prefillThread;
    private final FeedRing ring;
    private final NaiveChartData naiveData;
    private final NaiveInputHandoff naiveInput;
    private final ChartFeed feed;
    private final ChartDrawing drawing;
    private final HudLine hud = new HudLine();
    private final float[] scratch = new float[2];
    private final long capacity;

    private Font font;
    private long viewEnd;
    private double span;
    private boolean follow = true;
    private double lastMouseX = Double.NaN;

    /**
     * Prefills {@code count} points per series (start-up). In engine mode the prefill runs on its own thread
     * ({@link #PREFILL_THREAD}) while the runtime creates the GL context, and {@link #init} waits for it, so the
     * history is complete before the first tick and the first frame; naive mode prefills here.
     *
     * @param count  points of history per series, >= 1.
     * @param width  framebuffer width: one column per plot pixel.
     * @param naive  true for the naive mode.
     */
    public ChartScene(final int count, final int width, final boolean naive)
    {
        if (count < 1)
        {
            throw new IllegalArgumentException("chart history must be >= 1 point per series, was " + count);
        }
        this.naive = naive;
        maxColumns = maxColumns(width);
        viewColumns = Math.min(maxColumns, ChartDrawing.plotColumns(width));
        drawing = new ChartDrawing(naive);
        if (naive)
        {
            histories = null;
            prefill = null;
            prefillThread = null;
            ring = null;
            naiveData = new NaiveChartData(count);
            naiveInput = new NaiveInputHandoff();
            feed = new ChartFeed(count, null, naiveData);
            capacity = count;
        }
        else
        {
            histories = new SeriesHistory[Signals.SERIES];
            for (int s = 0; s < Signals.SERIES; s++)
            {
                histories[s] = new SeriesHistory(count);
            }
            prefill = new Prefill(histories, count);
            prefillThread = new Thread(prefill, PREFILL_THREAD);
            prefillThread.setDaemon(true);
            prefillThread.start();
            ring = new FeedRing(FEED_RING_ROWS);
            naiveData = null;
            naiveInput = null;
            feed = new ChartFeed(count, ring, null);
            capacity = count;
        }
        span = Math.max(MIN_SPAN, Math.min(count, DEFAULT_SPAN));
        viewEnd = count;
    }

    /** @return the producer agent to run on its own thread (the launcher attaches it to the runtime). */
    public Agent feed()
    {
        return feed;
    }

    // ---- initialisation -------------------------------------------------------------------------------------------

    /** {@inheritDoc} */
    public ChartState newRenderState()
    {
        return new ChartState(maxColumns);
    }

    /** {@inheritDoc} */
    public void init(final Init init)
    {
        if (null != prefillThread)
        {
            awaitPrefill();
        }
        font = init.defaultFont();
    }

    /**
     * Waits for the history prefill; the join makes its writes visible to this thread and, through the runtime's
     * start-up hand-off, to the simulation thread.
     *
     * @throws IllegalStateException when the prefill failed (its exception is the cause) or the wait was interrupted.
     */
    private void awaitPrefill()
    {
        try
        {
            prefillThread.join();
        }
        catch (final InterruptedException ex)
        {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for the chart's history prefill (thread " +
                PREFILL_THREAD + ")", ex);
        }
        if (null != prefill.failure)
        {
            throw new IllegalStateException("chart history prefill failed on thread " + PREFILL_THREAD + ": " +
                prefill.failure, prefill.failure);
        }
    }

    /** Appends {@code count} generated points to each series; runs once, on {@link #PREFILL_THREAD}. */
    private static final class Prefill implements Runnable
    {
        private final SeriesHistory[] histories;
        private final int count;
        /** What the prefill threw, read after the join. */
        private Throwable failure;

        Prefill(final SeriesHistory[] histories, final int count)
        {
            this.histories = histories;
            this.count = count;
        }

        public void run()
        {
            try
            {
                for (int s = 0; s < histories.length; s++)
                {
                    final SeriesHistory history = histories[s];
                    for (int n = 0; n < count; n++)
                    {
                        history.append(Signals.value(s, n));
                    }
                }
            }
            catch (final Throwable ex)
            {
                failure = ex;
            }
        }
    }

    // ---- update ---------------------------------------------------------------------------------------------------

    /** {@inheritDoc} Allocation-free in engine mode. */
    public void update(final Tick tick, final InputState input)
    {
        final long total;
        double mouseX;
        final boolean pressed;
        final double scrollY;
        if (naive)
        {
            naiveInput.submit(input, tick.index());
            naiveInput.applyPosted();
            total = naiveData.total();
            mouseX = naiveInput.mouseX();
            pressed = naiveInput.pressed();
            scrollY = naiveInput.takeScrollY();
        }
        else
        {
            ring.drainInto(histories);
            total = histories[0].total();
            mouseX = input.mouseX();
            pressed = input.isButtonDown(GLFW.GLFW_MOUSE_BUTTON_LEFT);
            scrollY = input.scrollY();
        }
        if (input.wasKeyPressed(GLFW.GLFW_KEY_F) || input.wasKeyPressed(GLFW.GLFW_KEY_END))
        {
            follow = true;
        }
        final int columns = viewColumns;
        final double samplesPerPixel = span / columns;
        if (pressed && lastMouseX == lastMouseX && mouseX == mouseX && mouseX != lastMouseX)
        {
            viewEnd -= Math.round((mouseX - lastMouseX) * samplesPerPixel);
            follow = false;
        }
        lastMouseX = pressed ? mouseX : Double.NaN;
        if (scrollY != 0 && mouseX == mouseX)
        {
            final double anchor = follow ? 1.0 : Math.max(0, Math.min(1, (mouseX - ChartDrawing.LEFT) / columns));
            final double anchorSample = viewEnd - span + anchor * span;
            span = Math.max(MIN_SPAN, Math.min(capacity, span * Math.pow(1.25, -scrollY)));
            viewEnd = Math.round(anchorSample + (1 - anchor) * span);
        }
        if (follow || viewEnd >= total)
        {
            viewEnd = total;
            follow = true;
        }
        final long oldest = Math.max(0, total - capacity);
        if (viewEnd - span < oldest)
        {
            viewEnd = oldest + (long)Math.ceil(span);
        }
    }

    /** {@inheritDoc} Engine mode decimates the view here, in time proportional to the width. Allocation-free. */
    public void writeRenderState(final ChartState dest)
    {
        final int columns = viewColumns;
        dest.viewStart = viewEnd - (long)span;
        dest.span = span;
        dest.columns = columns;
        if (!naive)
        {
            dest.picture.decimate(histories, columns, dest.viewStart, span, scratch);
            dest.feedDrops = ring.dropped();
        }
    }

    // ---- draw -----------------------------------------------------------------------------------------------------

    /** {@inheritDoc} Allocation-free in engine mode. */
    public void render(final ChartState state, final Frame frame)
    {
        final int columns = Math.min(maxColumns, ChartDrawing.plotColumns(frame.framebufferWidth()));
        if (columns != viewColumns)
        {
            viewColumns = columns;
        }
        final ChartPicture picture = naive ? naiveData.decimate(state.viewStart, state.span, state.columns) : state.picture;
        drawing.draw(picture, frame, font);
        final float scale = frame.framebufferWidth() >= 800 ? 2f : 1f;
        if (naive)
        {
            frame.hudText(font, HudLine.naive(String.format("chart 4 x %d points  span %.1f s  [naive]",
                capacity, state.span / Signals.SAMPLE_RATE_HZ), frame.stats()), 8f, 4f, scale, Rgba.WHITE);
        }
        else
        {
            hud.begin().append("chart 4 x ").append(capacity).append(" points  span ")
                .appendFixed(state.span / Signals.SAMPLE_RATE_HZ, 1).append(" s  feed drops ").append(state.feedDrops);
            frame.hudText(font, hud.engine(frame.stats()), 8f, 4f, scale, Rgba.WHITE);
        }
    }

    // ---- de-initialisation ----------------------------------------------------------------------------------------

    /** {@inheritDoc} */
    public void dispose()
    {
        if (null != naiveInput)
        {
            naiveInput.close();
        }
    }

    /** @return quads the HUD shape batch needs for a chart that starts {@code width} wide and may be resized. */
    public static int hudShapeCapacity(final int width)
    {
        return Signals.SERIES * maxColumns(width) + 1024;
    }

    private static int maxColumns(final int width)
    {
        return ChartDrawing.plotColumns(Math.max(width, MAX_DECIMATED_WIDTH));
    }
}
