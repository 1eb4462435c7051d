package dev.isochron.perf.harness;

import dev.isochron.render.batch.BatchRenderer;
import dev.isochron.render.batch.GlDrawBackend;
import dev.isochron.render.batch.Rgba;
import dev.isochron.render.batch.ShapeBatch;
import dev.isochron.render.batch.SpriteBatch;
import dev.isochron.render.camera.Camera2D;
import dev.isochron.render.context.ContextKind;
import dev.isochron.render.context.ContextOptions;
import dev.isochron.render.context.EglHeadlessContext;
import dev.isochron.render.gl.Texture;
import dev.isochron.render.gl.TextureFilter;
import dev.isochron.render.gl.TextureWrap;
import dev.isochron.render.screenshot.Screenshot;
import dev.isochron.render.text.BitmapFont;
import dev.isochron.render.text.Font;
import org.joml.Matrix4f;

import java.nio.file.Path;
import java.util.Locale;

import static org.lwjgl.opengl.GL11C.GL_COLOR_BUFFER_BIT;
import static org.lwjgl.opengl.GL11C.glClear;
import static org.lwjgl.opengl.GL11C.glClearColor;

/**
 * Draws {@link Chart}s into PNG files with the engine's own renderer: a headless EGL context, the batch
 * renderer's shapes for axes, grid and series, the bitmap font for labels, and {@link Screenshot} to write the
 * frame. Plots are drawn after all child runs have ended, so the GL work never competes with a measurement.
 * <p>
 * The context is current on the thread that created the renderer; use and close it on that thread.
 */
public final class PlotRenderer implements AutoCloseable
{
    /** Engine series colour. */
    public static final int ENGINE_RGBA = Rgba.pack(31, 119, 180, 255);
    /** Naive series colour. */
    public static final int NAIVE_RGBA = Rgba.pack(230, 110, 20, 255);
    /** The libGDX peer's series colour. */
    public static final int PEER_RGBA = Rgba.pack(44, 160, 44, 255);
    /** Background colour of every plot. */
    public static final int BACKGROUND_RGBA = Rgba.pack(255, 255, 255, 255);

    private static final int FONT_KEY = 1;
    private static final int MAX_QUADS = 65_536;
    private static final float TEXT_SCALE = 2f;
    private static final int AXIS_RGBA = Rgba.pack(40, 40, 40, 255);
    private static final int GRID_RGBA = Rgba.pack(225, 225, 225, 255);
    private static final int TEXT_RGBA = Rgba.pack(20, 20, 20, 255);

    private final int width;
    private final int height;
    private final EglHeadlessContext context;
    private final GlDrawBackend backend;
    private final BatchRenderer renderer;
    private final Font font;
    private final Texture fontTexture;
    private final ShapeBatch shapes = new ShapeBatch(MAX_QUADS);
    private final SpriteBatch text = new SpriteBatch(8192);
    private final Matrix4f projection = new Matrix4f();

    /**
     * Opens a {@code width x height} headless context, current on the calling thread.
     *
     * @throws dev.isochron.render.context.GlContextException when no headless GL is available (it names what
     *                                                        to install).
     */
    public PlotRenderer(final int width, final int height)
    {
        this.width = width;
        this.height = height;
        context = new EglHeadlessContext(new ContextOptions()
            .title("isochron-perf plots").size(width, height).kind(ContextKind.HEADLESS).depthStencil(false));
        GlDrawBackend createdBackend = null;
        Font createdFont = null;
        try
        {
            context.makeCurrent();
            createdBackend = new GlDrawBackend(MAX_QUADS + 8192);
            createdFont = BitmapFont.create().textureKey(FONT_KEY);
            fontTexture = Texture.fromRgba("plot font atlas", createdFont.atlasWidth(), createdFont.atlasHeight(),
                createdFont.atlasRgba(), TextureFilter.NEAREST, TextureWrap.CLAMP_TO_EDGE);
            createdBackend.bindTexture(FONT_KEY, fontTexture.textureName());
        }
        catch (final RuntimeException ex)
        {
            if (null != createdFont)
            {
                createdFont.close();
            }
            if (null != createdBackend)
            {
                createdBackend.close();
            }
            context.close();
            throw ex;
        }
        backend = createdBackend;
        font = createdFont;
        renderer = new BatchRenderer(backend);
        new Camera2D(width, height).projection(projection);
    }

    /**
     * Draws {@code chart} and writes it as a PNG to {@code png}.
     *
     * @throws java.io.UncheckedIOException naming the path when it cannot be written.
     * @throws IllegalArgumentException when the chart has no series with points.
     */
    public void render(final Chart chart, final Path png)
    {
        final Range range = Range.of(chart);
        shapes.clear();
        text.clear();

        final float left = 90f;
        final float right = width - 30f;
        final float top = 70f;
        final float bottom = height - 70f;

        // title and axis labels
        font.draw(text, chart.title(), left, 15f, TEXT_SCALE, TEXT_RGBA);
        font.draw(text, chart.yLabel(), 10f, top - 30f, TEXT_SCALE, TEXT_RGBA);
        final float xLabelWidth = font.measure(chart.xLabel(), TEXT_SCALE);
        font.draw(text, chart.xLabel(), 0.5f * (left + right - xLabelWidth), bottom + 40f, TEXT_SCALE, TEXT_RGBA);

        // y grid and ticks
        final double yStep = niceStep(range.yMax / 6.0);
        for (double y = 0.0; y <= range.yMax * 1.0001; y += yStep)
        {
            final float py = (float)(bottom - (bottom - top) * y / range.yMax);
            shapes.line(left, py, right, py, 1f, GRID_RGBA);
            final String label = tick(y, yStep);
            font.draw(text, label, left - 8f - font.measure(label, TEXT_SCALE), py - 8f, TEXT_SCALE, TEXT_RGBA);
        }

        // x grid and ticks
        if (chart.xAxis() == Chart.XAxis.PERCENTILE)
        {
            final double[] ticks = {0.0, 90.0, 99.0, 99.9, 99.99};
            final String[] labels = {"0%", "90%", "99%", "99.9%", "99.99%"};
            for (int i = 0; i < ticks.length; i++)
            {
                final double x = Chart.nines(ticks[i]);
                if (x <= range.xMax * 1.0001)
                {
                    xTick(left, right, top, bottom, (float)(left + (right - left) * (x - range.xMin) / range.xSpan()), labels[i]);
                }
            }
        }
        else
        {
            final double xStep = niceStep(range.xSpan() / 8.0);
            for (double x = Math.ceil(range.xMin / xStep) * xStep; x <= range.xMax * 1.0001; x += xStep)
            {
                xTick(left, right, top, bottom, (float)(left + (right - left) * (x - range.xMin) / range.xSpan()), tick(x, xStep));
            }
        }

        // axes
        shapes.line(left, bottom, right, bottom, 2f, AXIS_RGBA);
        shapes.line(left, top, left, bottom, 2f, AXIS_RGBA);

        // series and legend
        float legendY = top + 8f;
        for (final Chart.Series series : chart.series())
        {
            final double[] xs = series.x();
            final double[] ys = series.y();
            final float[] xy = new float[2 * xs.length];
            for (int i = 0; i < xs.length; i++)
            {
                final double x = chart.xAxis() == Chart.XAxis.PERCENTILE ? Chart.nines(xs[i]) : xs[i];
                xy[2 * i] = (float)(left + (right - left) * (x - range.xMin) / range.xSpan());
                xy[2 * i + 1] = (float)(bottom - (bottom - top) * Math.min(ys[i], range.yMax) / range.yMax);
            }
            if (xs.length == 1)
            {
                shapes.circle(xy[0], xy[1], 3f, 12, series.rgba());
            }
            else
            {
                // separate segments, not a mitred polyline: frame-time spikes turn by nearly 180 degrees, where
                // clamped mitres would leave gaps in the line
                for (int i = 1; i < xs.length; i++)
                {
                    shapes.line(xy[2 * i - 2], xy[2 * i - 1], xy[2 * i], xy[2 * i + 1], 2f, series.rgba());
                }
            }
            final float legendWidth = font.measure(series.name(), TEXT_SCALE);
            shapes.rect(right - legendWidth - 40f, legendY + 4f, 24f, 8f, series.rgba());
            font.draw(text, series.name(), right - legendWidth - 8f, legendY, TEXT_SCALE, TEXT_RGBA);
            legendY += 22f;
        }

        context.bindDrawTarget();
        glClearColor(Rgba.red(BACKGROUND_RGBA) / 255f, Rgba.green(BACKGROUND_RGBA) / 255f,
            Rgba.blue(BACKGROUND_RGBA) / 255f, 1f);
        glClear(GL_COLOR_BUFFER_BIT);
        renderer.beginFrame(projection);
        renderer.render(shapes);
        renderer.render(text);
        renderer.endFrame();
        Screenshot.write(context, png);
    }

    private void xTick(final float left, final float right, final float top, final float bottom, final float px, final String label)
    {
        if (px < left - 0.5f || px > right + 0.5f)
        {
            return;
        }
        shapes.line(px, top, px, bottom, 1f, GRID_RGBA);
        shapes.line(px, bottom, px, bottom + 6f, 2f, AXIS_RGBA);
        font.draw(text, label, px - 0.5f * font.measure(label, TEXT_SCALE), bottom + 12f, TEXT_SCALE, TEXT_RGBA);
    }

    /** @return 1, 2 or 5 times a power of ten, at least {@code rough} (and positive). */
    static double niceStep(final double rough)
    {
        if (!(rough > 0.0) || !Double.isFinite(rough))
        {
            return 1.0;
        }
        final double magnitude = Math.pow(10.0, Math.floor(Math.log10(rough)));
        final double fraction = rough / magnitude;
        final double nice = fraction <= 1.0 ? 1.0 : fraction <= 2.0 ? 2.0 : fraction <= 5.0 ? 5.0 : 10.0;
        return nice * magnitude;
    }

    private static String tick(final double value, final double step)
    {
        final int decimals = step >= 1.0 ? 0 : (int)Math.ceil(-Math.log10(step));
        return String.format(Locale.ROOT, "%." + decimals + "f", value);
    }

    /** Releases the GL objects and the context. */
    @Override
    public void close()
    {
        fontTexture.close();
        backend.close();
        font.close();
        context.close();
    }

    private static final class Range
    {
        private final double xMin;
        private final double xMax;
        private final double yMax;

        private Range(final double xMin, final double xMax, final double yMax)
        {
            this.xMin = xMin;
            this.xMax = xMax;
            this.yMax = yMax;
        }

        double xSpan()
        {
            return xMax > xMin ? xMax - xMin : 1.0;
        }

        static Range of(final Chart chart)
        {
            final boolean percentile = chart.xAxis() == Chart.XAxis.PERCENTILE;
            double xMin = percentile ? 0.0 : Double.POSITIVE_INFINITY;
            double xMax = Double.NEGATIVE_INFINITY;
            double yMax = 0.0;
            int points = 0;
            for (final Chart.Series series : chart.series())
            {
                for (int i = 0; i < series.x().length; i++)
                {
                    final double x = percentile ? Chart.nines(series.x()[i]) : series.x()[i];
                    final double y = series.y()[i];
                    if (Double.isFinite(x) && Double.isFinite(y))
                    {
                        xMin = Math.min(xMin, x);
                        xMax = Math.max(xMax, x);
                        yMax = Math.max(yMax, y);
                        points++;
                    }
                }
            }
            if (points == 0)
            {
                throw new IllegalArgumentException("chart '" + chart.title() + "' has no points to draw");
            }
            final double step = niceStep(Math.max(yMax, 1e-3) * 1.05 / 6.0);
            return new Range(xMin, Math.max(xMax, xMin + 1e-9), Math.ceil(Math.max(yMax, 1e-3) * 1.05 / step) * step);
        }
    }
}
