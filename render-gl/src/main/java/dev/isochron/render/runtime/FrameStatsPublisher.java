package dev.isochron.render.runtime;

import dev.isochron.engine.metrics.GcPauseMonitor;
import dev.isochron.engine.metrics.LatencyHistogram;
import dev.isochron.input.queue.InputQueue;
import dev.isochron.render.batch.ShapeBatch;
import dev.isochron.render.batch.SpriteBatch;
import dev.isochron.render.hud.HudOverlay;
import org.agrona.concurrent.NanoClock;

import java.lang.management.ManagementFactory;

/**
 * After each frame, publishes the render thread's figures to {@link RuntimeStats}: its allocated bytes (whole run
 * and last frame), the GC pauses since the first frame, and every {@value #INPUT_STATS_PERIOD_FRAMES} frames the
 * input queue's counts and latency p99; and keeps the GC summary the HUD shows (the run's during the warm-up, the
 * measured window's after it), which {@link #drawHud} hands the HUD each frame with the frame time and allocation.
 * <p>
 * Render thread; {@link #publish} is allocation-free.
 */
final class FrameStatsPublisher
{
    private static final int INPUT_STATS_PERIOD_FRAMES = 32;

    private final RuntimeStats stats;
    private final GcPauseMonitor gcPauses;
    private final InputQueue inputQueue;
    private final LatencyHistogram inputLatency;
    private final NanoClock clock;
    private final int warmupFrames;
    private final com.sun.management.ThreadMXBean threadBean;
    private final GcPauseMonitor.PauseSummary gcSummary = new GcPauseMonitor.PauseSummary();
    /** GC pauses since the first measured frame (the report's window), for the HUD once the warm-up is over. */
    private final GcPauseMonitor.PauseSummary measuredGcSummary = new GcPauseMonitor.PauseSummary();
    /** What the HUD shows: {@link #gcSummary} during the warm-up, {@link #measuredGcSummary} after it. */
    private GcPauseMonitor.PauseSummary hudGcSummary = gcSummary;
    private long hudFramesRecorded;
    private long renderBytesAtStart;
    private long renderBytesAtLastFrame;

    FrameStatsPublisher(
        final RuntimeStats stats, final GcPauseMonitor gcPauses, final InputQueue inputQueue,
        final LatencyHistogram inputLatency, final NanoClock clock, final int warmupFrames)
    {
        this.stats = stats;
        this.gcPauses = gcPauses;
        this.inputQueue = inputQueue;
        this.inputLatency = inputLatency;
        this.clock = clock;
        this.warmupFrames = warmupFrames;
        this.threadBean = (com.sun.management.ThreadMXBean)ManagementFactory.getThreadMXBean();
    }

    /** Counts the render thread's allocation from now on; on the render thread, before the first frame. */
    void start()
    {
        renderBytesAtStart = threadBean.getCurrentThreadAllocatedBytes();
        renderBytesAtLastFrame = renderBytesAtStart;
    }

    /** @return the GC summary the HUD shows. */
    GcPauseMonitor.PauseSummary hudGcSummary()
    {
        return hudGcSummary;
    }

    void publish(final long index, final long firstFrameStartNs, final long measuredStartNs)
    {
        final long bytes = threadBean.getCurrentThreadAllocatedBytes();
        stats.renderBytes(bytes - renderBytesAtStart, bytes - renderBytesAtLastFrame);
        renderBytesAtLastFrame = bytes;
        if (null != gcPauses)
        {
            final long nowNs = clock.nanoTime();
            gcPauses.summarise(firstFrameStartNs, nowNs, gcSummary);
            stats.gc(gcSummary.count(), gcSummary.totalNs());
            if (warmupFrames > 0 && index >= warmupFrames)
            {
                // the HUD's GC line counts the report's window once the warm-up is over, as its stall line does
                hudGcSummary = gcPauses.summarise(measuredStartNs, nowNs, measuredGcSummary);
            }
        }
        if (null != inputQueue && 0 == (index % INPUT_STATS_PERIOD_FRAMES))
        {
            final long p99 = null == inputLatency ? 0L : inputLatency.snapshot().getValueAtPercentile(99.0);
            stats.input(inputQueue.events(), inputQueue.drops(), p99);
        }
    }

    /** Gives the HUD the latest figures and has it record its shapes and text. Allocation-free. */
    void drawHud(final HudOverlay hud, final ShapeBatch shapes, final SpriteBatch sprites)
    {
        final long timed = stats.frames();
        if (timed > hudFramesRecorded)
        {
            hudFramesRecorded = timed;
            hud.recordFrame(stats.lastFrameTimeNs());
        }
        hud.gc(hudGcSummary.count(), hudGcSummary.maxNs());
        hud.allocatedBytesPerFrame(stats.renderBytesLastFrame());
        hud.input(stats.inputLatencyP99Ns(), stats.inputDrops());
        hud.draw(shapes, sprites);
    }

    /** @return the HUD's target frame time: the loop's target FPS, or 60 FPS when uncapped. */
    static long targetFrameNs(final RuntimeConfig config)
    {
        final double targetFps = config.loop().reportTargetFps();
        return targetFps > 0 ? Math.round(1e9 / targetFps) : Math.round(1e9 / 60.0);
    }
}
