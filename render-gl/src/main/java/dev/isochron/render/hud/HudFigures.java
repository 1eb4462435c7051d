package dev.isochron.render.hud;

import dev.isochron.engine.metrics.FrameMetrics;
import org.HdrHistogram.Histogram;

/**
 * The HUD's figures that do not come from its own frame times: GC, bytes allocated per frame and input, produced on
 * other threads and set through volatile fields (a pair set together may be read half old, half new for one frame),
 * and the run p99, read on the render thread from {@link FrameMetrics#frameTimeHistogram()} every
 * {@link HudOverlay#RUN_P99_REFRESH_FRAMES} refreshes (that histogram is written only by the render thread, so it
 * needs no synchronisation there). Allocation-free.
 */
final class HudFigures
{
    private volatile long gcCount;
    private volatile long gcMaxPauseNs;
    private volatile long allocatedBytesPerFrame;
    private volatile long inputP99Ns;
    private volatile long inputDrops;

    // render thread
    private FrameMetrics metrics;
    private int refreshesSinceRunP99 = HudOverlay.RUN_P99_REFRESH_FRAMES;
    private long runP99Ns;
    private long runFrames;

    /** Any thread. */
    void gc(final long collections, final long maxPauseNs)
    {
        gcCount = collections;
        gcMaxPauseNs = maxPauseNs;
    }

    /** Any thread. */
    void allocatedBytesPerFrame(final long bytes)
    {
        allocatedBytesPerFrame = bytes;
    }

    /** Any thread. */
    void input(final long latencyP99Ns, final long drops)
    {
        inputP99Ns = latencyP99Ns;
        inputDrops = drops;
    }

    /** Attaches the run's frame metrics (null detaches); the next refresh reads them. Render thread. */
    void metrics(final FrameMetrics metrics)
    {
        this.metrics = metrics;
        this.refreshesSinceRunP99 = HudOverlay.RUN_P99_REFRESH_FRAMES;
        this.runP99Ns = 0;
        this.runFrames = 0;
    }

    boolean hasMetrics()
    {
        return null != metrics;
    }

    /** Reads the run p99 again when {@link HudOverlay#RUN_P99_REFRESH_FRAMES} refreshes have passed. Render thread. */
    void refreshRunP99()
    {
        final FrameMetrics metrics = this.metrics;
        if (null == metrics)
        {
            return;
        }
        if (++refreshesSinceRunP99 >= HudOverlay.RUN_P99_REFRESH_FRAMES)
        {
            refreshesSinceRunP99 = 0;
            final Histogram histogram = metrics.frameTimeHistogram();
            runFrames = histogram.getTotalCount();
            runP99Ns = runFrames == 0 ? 0 : histogram.getValueAtPercentile(99.0);
        }
    }

    long gcCount()
    {
        return gcCount;
    }

    long gcMaxPauseNs()
    {
        return gcMaxPauseNs;
    }

    long allocatedBytesPerFrame()
    {
        return allocatedBytesPerFrame;
    }

    long inputP99Ns()
    {
        return inputP99Ns;
    }

    long inputDrops()
    {
        return inputDrops;
    }

    long runP99Ns()
    {
        return runP99Ns;
    }

    long runFrames()
    {
        return runFrames;
    }
}
