package dev.isochron.demo.chart;

import dev.isochron.render.batch.Rgba;
import dev.isochron.render.batch.ShapeBatch;
import dev.isochron.render.batch.SpriteBatch;
import dev.isochron.render.runtime.Frame;
import dev.isochron.render.text.Font;
import dev.isochron.render.text.TextBuffer;

/**
 * Draws a {@link ChartPicture} in pixel space: plot panel, grid with tick labels on both axes, one
 * min/max bar per pixel column and series, and a legend with each series' newest value. Engine and
 * naive mode share it; only how label text is built differs (a reused {@link TextBuffer}, or a new
 * {@code String.format} per label in naive mode).
 * <p>
 * Thread: the render thread. Allocation: none when {@code naive} is false.
 */
public final class ChartDrawing
{
    /** Plot left margin in pixels (room for y labels). */
    public static final int LEFT = 56;
    /** Plot right margin. */
    public static final int RIGHT = 8;
    /** Plot top margin (room for the HUD line). */
    public static final int TOP = 24;
    /** Plot bottom margin (room for x labels). */
    public static final int BOTTOM = 20;
    /** Series colours. */
    static final int[] COLOURS = {
        Rgba.pack(80, 200, 255, 255), Rgba.pack(255, 170, 60, 255), Rgba.pack(120, 230, 120, 255),
        Rgba.pack(240, 90, 160, 255)};
    private static final int PANEL = Rgba.pack(24, 26, 32, 255);
    private static final int GRID = Rgba.pack(60, 64, 76, 255);
    private static final int LABEL = Rgba.pack(190, 190, 200, 255);

    private final TextBuffer label = new TextBuffer(48);
    private final boolean naive;

    /** @param naive build labels with {@code String.format} (naive mode). */
    public ChartDrawing(final boolean naive)
    {
        this.naive = naive;
    }

    /** @return pixel columns of the plot for a framebuffer {@code width} wide (>= 1). */
    public static int plotColumns(final int width)
    {
        return Math.max(1, width - LEFT - RIGHT);
    }

    /** Draws {@code picture} into the frame's HUD batches, the plot spanning the frame's width. */
    public void draw(final ChartPicture picture, final Frame frame, final Font font)
    {
        draw(picture, frame.hudShapes(), frame.hudSprites(), font, frame.framebufferWidth(), frame.framebufferHeight());
    }

    /**
     * Draws {@code picture} into pixel-space batches for a framebuffer of the given size. The plot spans
     * {@link #plotColumns(int)} pixels; when the picture has fewer columns (the window grew past what the
     * scene decimates for, or the simulation has not yet seen the new width) each column is drawn wider, so a
     * resize never leaves the plot half empty.
     */
    void draw(
        final ChartPicture picture,
        final ShapeBatch shapes,
        final SpriteBatch sprites,
        final Font font,
        final int framebufferWidth,
        final int framebufferHeight)
    {
        final float left = LEFT;
        final float top = TOP;
        final float plotW = plotColumns(framebufferWidth);
        final float columnW = plotW / Math.max(1, picture.columns);
        final float plotH = Math.max(1, framebufferHeight - TOP - BOTTOM);
        final float bottom = top + plotH;
        shapes.rect(left, top, plotW, plotH, PANEL);

        // y grid and labels
        final float yMin = picture.yMin;
        final float yMax = picture.yMax;
        final double yStep = niceStep((yMax - yMin) / 5.0);
        final int yDecimals = decimals(yStep);
        for (double v = Math.ceil(yMin / yStep) * yStep; v <= yMax; v += yStep)
        {
            final float py = bottom - (float)((v - yMin) / (yMax - yMin)) * plotH;
            shapes.rect(left, py, plotW, 1f, GRID);
            drawLabel(sprites, font, v, yDecimals, "", 4f, py - 4f);
        }

        // x grid and labels: seconds relative to the newest sample
        final double rate = Signals.SAMPLE_RATE_HZ;
        final double tStart = (picture.viewStart - picture.total) / rate;
        final double tEnd = (picture.viewStart + picture.span - picture.total) / rate;
        final double tStep = niceStep((tEnd - tStart) / 5.0);
        final int tDecimals = decimals(tStep);
        for (double t = Math.ceil(tStart / tStep) * tStep; t <= tEnd; t += tStep)
        {
            final float px = left + (float)((t - tStart) / (tEnd - tStart)) * plotW;
            shapes.rect(px, top, 1f, plotH, GRID);
            drawLabel(sprites, font, t, tDecimals, " s", px - 12f, bottom + 6f);
        }

        // min/max envelope per column and series
        for (int s = 0; s < Signals.SERIES; s++)
        {
            final int colour = COLOURS[s];
            final float[] mins = picture.min[s];
            final float[] maxs = picture.max[s];
            for (int c = 0, n = picture.columns; c < n; c++)
            {
                final float lo = mins[c];
                if (lo != lo)
                {
                    continue;
                }
                final float yLo = bottom - (lo - yMin) / (yMax - yMin) * plotH;
                final float yHi = bottom - (maxs[c] - yMin) / (yMax - yMin) * plotH;
                shapes.rect(left + c * columnW, yHi, Math.max(1f, columnW), Math.max(1f, yLo - yHi), colour);
            }
        }

        // legend with the newest values
        final float legendX = left + plotW - 96f;
        for (int s = 0; s < Signals.SERIES; s++)
        {
            final float ly = top + 6f + s * 12f;
            shapes.rect(legendX - 2f, ly - 2f, 94f, 12f, PANEL);
            shapes.rect(legendX, ly, 8f, 8f, COLOURS[s]);
            if (naive)
            {
                font.draw(sprites, String.format("s%d %.3f", s + 1, picture.latest[s]), legendX + 12f, ly, 1f, LABEL);
            }
            else
            {
                label.clear().append('s').append(s + 1).append(' ').appendFixed(picture.latest[s], 3);
                font.draw(sprites, label, legendX + 12f, ly, 1f, LABEL);
            }
        }
    }

    private void drawLabel(
        final SpriteBatch sprites, final Font font, final double value, final int decimals, final String unit,
        final float x, final float y)
    {
        final double shown = Math.abs(value) < 1e-9 ? 0.0 : value;
        if (naive)
        {
            font.draw(sprites, String.format("%." + decimals + "f%s", shown, unit), x, y, 1f, LABEL);
        }
        else
        {
            label.clear().appendFixed(shown, decimals).append(unit);
            font.draw(sprites, label, x, y, 1f, LABEL);
        }
    }

    /** @return 1, 2 or 5 times a power of ten, near {@code raw} (> 0). */
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

    /** @return decimals needed to show multiples of {@code step}. */
    static int decimals(final double step)
    {
        return Math.max(0, Math.min(6, (int)Math.ceil(-Math.log10(step) - 1e-9)));
    }
}
