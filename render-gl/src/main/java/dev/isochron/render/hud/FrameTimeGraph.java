package dev.isochron.render.hud;

import dev.isochron.render.batch.ShapeBatch;

/**
 * The HUD's bar graph of recent frame times: one column of {@code scale} pixels per frame of history, the newest on
 * the right; a bar's height is its frame time over twice the target (clamped), in whole pixels so bars are crisp and
 * tests can predict them; green up to the target, yellow above it, red past the stall threshold; a line at the
 * target, half the graph's height. Render thread; allocation-free.
 */
final class FrameTimeGraph
{
    private final long targetFrameNs;
    private final long stallThresholdNs;
    private final long graphMaxNs;

    FrameTimeGraph(final long targetFrameNs, final long stallThresholdNs)
    {
        this.targetFrameNs = targetFrameNs;
        this.stallThresholdNs = stallThresholdNs;
        this.graphMaxNs = 2 * targetFrameNs;
    }

    /** Records the bars and the target line of a graph whose left edge is {@code x} and bottom {@code bottom}. */
    void draw(
        final ShapeBatch shapes, final FrameTimeHistory history, final float x, final float bottom, final int scale)
    {
        final int s = scale;
        final float width = history.capacity() * s;
        final float height = HudOverlay.GRAPH_HEIGHT * s;
        final int n = history.size();
        final float firstBarX = x + (history.capacity() - n) * s;
        for (int k = 0; k < n; k++)
        {
            final long ns = history.oldestPlus(k);
            final float h = barHeight(ns, height);
            if (h > 0f)
            {
                shapes.rect(firstBarX + k * s, bottom - h, s, h, barColour(ns));
            }
        }
        final float targetY = bottom - barHeight(targetFrameNs, height);
        shapes.rect(x, targetY, width, s, HudOverlay.TARGET_LINE_RGBA);
    }

    private float barHeight(final long ns, final float graphHeight)
    {
        final long clamped = Math.min(ns, graphMaxNs);
        return (float)Math.floor((double)clamped * graphHeight / graphMaxNs + 0.5);
    }

    private int barColour(final long ns)
    {
        if (ns > stallThresholdNs)
        {
            return HudOverlay.BAR_STALL_RGBA;
        }
        return ns > targetFrameNs ? HudOverlay.BAR_SLOW_RGBA : HudOverlay.BAR_OK_RGBA;
    }
}
