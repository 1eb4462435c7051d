package dev.isochron.peer.gdx;

import com.badlogic.gdx.Gdx;
import com.badlogic.gdx.graphics.Color;
import com.badlogic.gdx.graphics.GL20;
import com.badlogic.gdx.graphics.OrthographicCamera;
import com.badlogic.gdx.graphics.g2d.BitmapFont;
import com.badlogic.gdx.graphics.g2d.SpriteBatch;
import com.badlogic.gdx.graphics.glutils.ShapeRenderer;
import com.badlogic.gdx.utils.StringBuilder;

/**
 * The demo's chart scene in libGDX, with the same data volume: four series of {@code count} points of history each
 * (1,000,000 by default, prefilled at start-up) fed at 1 kHz each by a feed thread in bursts ({@link ChartFeed},
 * handed over with {@code postRunnable}), the newest 20 s (20,000 samples per series) shown as a min/max envelope of
 * one bar per pixel column and series, over a panel with a grid, tick labels on both axes, a legend of the newest
 * values and the HUD line. Drawn the idiomatic way with one {@link ShapeRenderer} in filled mode (panel, grid, the
 * 4 x (width - 64) bars, legend swatches), made with room for a whole frame's vertices (32,000; the default 5,000
 * flushes six times a frame), and libGDX's default {@link BitmapFont} for the text, built in a reused
 * {@link StringBuilder}. Each frame scans the visible samples for the columns' minima and maxima (80,000 reads): the
 * straightforward decimation; the engine's chart reads a min/max pyramid instead, on its simulation thread.
 * <p>
 * Panning and zooming are the demo's input; the harness gives the chart none, so the view follows the newest data.
 * Thread: the render thread, but for the feed's own thread.
 */
final class ChartPeer implements PeerScene
{
    static final int LEFT = 56;
    static final int RIGHT = 8;
    static final int TOP = 24;
    static final int BOTTOM = 20;
    /** Visible span in samples (20 s), as the demo's default. */
    static final int DEFAULT_SPAN = 20_000;
    /** ShapeRenderer vertices: a whole frame of bars without a flush. */
    static final int SHAPE_VERTICES = 32_000;

    private static final Color[] COLOURS = {rgb(80, 200, 255), rgb(255, 170, 60), rgb(120, 230, 120), rgb(240, 90, 160)};
    private static final Color PANEL = rgb(24, 26, 32);
    private static final Color GRID = rgb(60, 64, 76);
    private static final Color LABEL = rgb(190, 190, 200);
    private static final Color HUD_PANEL = new Color(0f, 0f, 0f, 200f / 255f);

    private final int capacity;
    private final float[][] history = new float[ChartSignals.SERIES][];
    private final float[][] columnMin = new float[ChartSignals.SERIES][];
    private final float[][] columnMax = new float[ChartSignals.SERIES][];
    private final float[] latest = new float[ChartSignals.SERIES];
    private final StringBuilder label = new StringBuilder(48);
    private final HudText hudText = new HudText();
    private long total;
    private int columns;
    private int width;
    private int height;
    private float hudScale;
    private ChartFeed feed;
    private OrthographicCamera camera;
    private ShapeRenderer shapes;
    private SpriteBatch batch;
    private BitmapFont font;
    private BitmapFont hudFont;
    private long appendedRows;

    /** Prefills {@code count} points per series (start-up, before the window opens). */
    ChartPeer(final int count)
    {
        capacity = count;
        for (int s = 0; s < ChartSignals.SERIES; s++)
        {
            final float[] samples = new float[count];
            for (int n = 0; n < count; n++)
            {
                samples[n] = ChartSignals.value(s, n);
            }
            history[s] = samples;
            latest[s] = samples[count - 1];
        }
        total = count;
    }

    // ---- initialisation -------------------------------------------------------------------------------------------

    @Override
    public void create(final int width, final int height, final FrameRecorder recorder)
    {
        this.width = width;
        this.height = height;
        columns = Math.max(1, width - LEFT - RIGHT);
        for (int s = 0; s < ChartSignals.SERIES; s++)
        {
            columnMin[s] = new float[columns];
            columnMax[s] = new float[columns];
        }
        camera = new OrthographicCamera();
        camera.setToOrtho(true, width, height);
        shapes = new ShapeRenderer(SHAPE_VERTICES);
        shapes.setProjectionMatrix(camera.combined);
        batch = new SpriteBatch();
        batch.setProjectionMatrix(camera.combined);
        font = new BitmapFont(true);
        font.setColor(LABEL);
        hudFont = new BitmapFont(true);
        hudScale = width >= 800 ? 2f : 1f;
        hudFont.getData().setScale(hudScale);
        feed = new ChartFeed(Gdx.app, this, total);
        recorder.addProducer(feed.start());
    }

    /** Appends a burst of rows from the feed; runs on the render thread (posted by the feed). */
    void append(final long first, final float[] rows)
    {
        final int n = rows.length / ChartSignals.SERIES;
        for (int r = 0; r < n; r++)
        {
            final long sample = first + r;
            final int slot = (int)(sample % capacity);
            for (int s = 0; s < ChartSignals.SERIES; s++)
            {
                history[s][slot] = rows[r * ChartSignals.SERIES + s];
            }
        }
        if (n > 0)
        {
            for (int s = 0; s < ChartSignals.SERIES; s++)
            {
                latest[s] = rows[(n - 1) * ChartSignals.SERIES + s];
            }
            total = first + n;
            appendedRows += n;
        }
    }

    // ---- update ---------------------------------------------------------------------------------------------------

    @Override
    public void tick(final float dtSeconds, final long tickIndex, final long tickStartNs, final FrameRecorder recorder)
    {
        // no input in the measured runs: the view follows the newest sample, which draw() reads
    }

    // ---- draw -----------------------------------------------------------------------------------------------------

    @Override
    public void draw(final float alpha, final HudFigures figures)
    {
        final double span = Math.max(16, Math.min(capacity, DEFAULT_SPAN));
        final long viewStart = total - (long)span;
        final long oldest = Math.max(0, total - capacity);
        float lo = Float.POSITIVE_INFINITY;
        float hi = Float.NEGATIVE_INFINITY;
        for (int s = 0; s < ChartSignals.SERIES; s++)
        {
            final float[] samples = history[s];
            final float[] mins = columnMin[s];
            final float[] maxs = columnMax[s];
            for (int c = 0; c < columns; c++)
            {
                final long from = Math.max(oldest, viewStart + (long)Math.floor(span * c / columns) - 1);
                final long to = Math.min(total, Math.max(from + 2, viewStart + (long)Math.floor(span * (c + 1) / columns)));
                float min = Float.NaN;
                float max = Float.NaN;
                for (long n = from; n < to; n++)
                {
                    final float v = samples[(int)(n % capacity)];
                    if (!(v >= min))
                    {
                        min = v;
                    }
                    if (!(v <= max))
                    {
                        max = v;
                    }
                }
                mins[c] = min;
                maxs[c] = max;
                if (min < lo)
                {
                    lo = min;
                }
                if (max > hi)
                {
                    hi = max;
                }
            }
        }
        if (lo > hi)
        {
            lo = -1f;
            hi = 1f;
        }
        if (hi - lo < 1e-3f)
        {
            lo -= 0.5f;
            hi += 0.5f;
        }
        final float margin = (hi - lo) * 0.05f;
        final float yMin = lo - margin;
        final float yMax = hi + margin;

        Gdx.gl.glClearColor(0f, 0f, 0f, 1f);
        Gdx.gl.glClear(GL20.GL_COLOR_BUFFER_BIT);
        Gdx.gl.glEnable(GL20.GL_BLEND);
        Gdx.gl.glBlendFunc(GL20.GL_SRC_ALPHA, GL20.GL_ONE_MINUS_SRC_ALPHA);
        final float left = LEFT;
        final float top = TOP;
        final float plotW = columns;
        final float plotH = Math.max(1, height - TOP - BOTTOM);
        final float bottom = top + plotH;
        final double yStep = niceStep((yMax - yMin) / 5.0);
        final double tStart = (viewStart - total) / (double)ChartSignals.SAMPLE_RATE_HZ;
        final double tEnd = (viewStart + span - total) / ChartSignals.SAMPLE_RATE_HZ;
        final double tStep = niceStep((tEnd - tStart) / 5.0);
        final float legendX = left + plotW - 96f;

        shapes.begin(ShapeRenderer.ShapeType.Filled);
        shapes.setColor(PANEL);
        shapes.rect(left, top, plotW, plotH);
        shapes.setColor(GRID);
        for (double v = Math.ceil(yMin / yStep) * yStep; v <= yMax; v += yStep)
        {
            shapes.rect(left, bottom - (float)((v - yMin) / (yMax - yMin)) * plotH, plotW, 1f);
        }
        for (double t = Math.ceil(tStart / tStep) * tStep; t <= tEnd; t += tStep)
        {
            shapes.rect(left + (float)((t - tStart) / (tEnd - tStart)) * plotW, top, 1f, plotH);
        }
        for (int s = 0; s < ChartSignals.SERIES; s++)
        {
            shapes.setColor(COLOURS[s]);
            final float[] mins = columnMin[s];
            final float[] maxs = columnMax[s];
            for (int c = 0; c < columns; c++)
            {
                final float min = mins[c];
                if (min != min)
                {
                    continue;
                }
                final float yLo = bottom - (min - yMin) / (yMax - yMin) * plotH;
                final float yHi = bottom - (maxs[c] - yMin) / (yMax - yMin) * plotH;
                shapes.rect(left + c, yHi, 1f, Math.max(1f, yLo - yHi));
            }
        }
        for (int s = 0; s < ChartSignals.SERIES; s++)
        {
            final float ly = top + 6f + s * 12f;
            shapes.setColor(PANEL);
            shapes.rect(legendX - 2f, ly - 2f, 94f, 12f);
            shapes.setColor(COLOURS[s]);
            shapes.rect(legendX, ly, 8f, 8f);
        }
        shapes.setColor(HUD_PANEL);
        shapes.rect(0f, 0f, width, 8f + 10f * hudScale);
        shapes.end();

        batch.begin();
        final int yDecimals = decimals(yStep);
        for (double v = Math.ceil(yMin / yStep) * yStep; v <= yMax; v += yStep)
        {
            final float py = bottom - (float)((v - yMin) / (yMax - yMin)) * plotH;
            label.setLength(0);
            HudText.appendFixed(label, Math.abs(v) < 1e-9 ? 0.0 : v, yDecimals);
            font.draw(batch, label, 4f, py - 4f);
        }
        final int tDecimals = decimals(tStep);
        for (double t = Math.ceil(tStart / tStep) * tStep; t <= tEnd; t += tStep)
        {
            final float px = left + (float)((t - tStart) / (tEnd - tStart)) * plotW;
            label.setLength(0);
            HudText.appendFixed(label, Math.abs(t) < 1e-9 ? 0.0 : t, tDecimals).append(" s");
            font.draw(batch, label, px - 12f, bottom + 6f);
        }
        for (int s = 0; s < ChartSignals.SERIES; s++)
        {
            label.setLength(0);
            label.append('s').append(s + 1).append(' ');
            HudText.appendFixed(label, latest[s], 3);
            font.draw(batch, label, legendX + 12f, top + 6f + s * 12f);
        }
        HudText.appendFixed(hudText.begin().append("chart 4 x ").append(capacity).append(" points  span "),
            span / ChartSignals.SAMPLE_RATE_HZ, 1).append(" s");
        hudFont.draw(batch, hudText.end(figures), 8f, 4f);
        batch.end();
    }

    static double niceStep(final double raw)
    {
        if (!(raw > 0) || Double.isInfinite(raw))
        {
            return 1.0;
        }
        final double power = Math.pow(10, Math.floor(Math.log10(raw)));
        final double mantissa = raw / power;
        return (mantissa < 1.5 ? 1 : mantissa < 3.5 ? 2 : mantissa < 7.5 ? 5 : 10) * power;
    }

    static int decimals(final double step)
    {
        return Math.max(0, Math.min(6, (int)Math.ceil(-Math.log10(step) - 1e-9)));
    }

    private static Color rgb(final int r, final int g, final int b)
    {
        return new Color(r / 255f, g / 255f, b / 255f, 1f);
    }

    @Override
    public void report(final PeerReport report)
    {
        report.extra("feedBursts", null == feed ? 0 : feed.bursts());
        report.extra("feedRowsAppended", appendedRows);
        report.extra("shapeRendererVertices", SHAPE_VERTICES);
    }

    // ---- de-initialisation ----------------------------------------------------------------------------------------

    @Override
    public void dispose()
    {
        if (null != feed)
        {
            feed.stop();
        }
        if (null != shapes)
        {
            shapes.dispose();
            batch.dispose();
            font.dispose();
            hudFont.dispose();
        }
    }
}
