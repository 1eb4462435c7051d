package dev.isochron.render.runtime;

import dev.isochron.engine.loop.LoopConfig;
import dev.isochron.engine.metrics.FrameMetrics;
import dev.isochron.engine.metrics.GcPauseMonitor;
import dev.isochron.engine.metrics.RunReport;
import dev.isochron.engine.metrics.ThreadAllocationMeter;
import dev.isochron.engine.metrics.ThreadRole;
import dev.isochron.engine.thread.WorkerGroup;

/**
 * What one run measures, made together at start-up by its {@link RunContext}: the runtime's counters, the GC pause
 * monitor, the per-thread allocation meter (each engine thread registered with it as a runner starts it), the frame
 * metrics and the report they are collected into when the run ends ({@link RunReportAssembly}).
 * <p>
 * Threading: made on the caller's thread (the platform thread); the objects it holds say which threads feed them.
 * Lifetime: the GC monitor is closed with the run's context; the rest is plain heap.
 */
final class RunMetrics
{
    private final RuntimeStats stats;
    private final ThreadAllocationMeter allocation;
    private final RunReport report;
    private final FrameMetrics frameMetrics;
    private final GcPauseMonitor gcPauses;

    /**
     * @param config the runtime configuration, concluded: the threading model, the measurement's warm-up, window and
     *               labels, the loop's rates and the clock.
     */
    RunMetrics(final RuntimeConfig config)
    {
        final MeasurementConfig measurement = config.measurement();
        final LoopConfig loopConfig = config.loop();
        stats = new RuntimeStats(stallThresholdNs(loopConfig));
        allocation = new ThreadAllocationMeter();
        report = new RunReport().scene(measurement.scene()).mode(measurement.mode());
        frameMetrics = new FrameMetrics(new FrameMetrics.Context()
            .threading(Threading.SINGLE == config.threading() ? FrameMetrics.Threading.SINGLE :
                FrameMetrics.Threading.MULTI)
            .warmupFrames(measurement.warmupFrames())
            .windowCapacityFrames(measurement.reportCapacityFrames())
            .tickRateHz(loopConfig.tickRateHz())
            .targetFps(loopConfig.reportTargetFps())
            .allocationMeter(allocation));
        // last: the one that holds a resource (a GC notification listener), so nothing made before it can fail after
        gcPauses = new GcPauseMonitor(config.clock());
    }

    /** @return the frame time above which the runtime counts a frame a stall: 1.5 frames of the target rate. */
    private static long stallThresholdNs(final LoopConfig loopConfig)
    {
        final double targetFps = loopConfig.reportTargetFps();
        final double ms;
        if (targetFps > 0)
        {
            ms = 1.5 * 1000.0 / targetFps;
        }
        else if (targetFps < 0)
        {
            ms = 1.5 * 1000.0 / FrameMetrics.Context.DEFAULT_DISPLAY_REFRESH_HZ;
        }
        else
        {
            ms = FrameMetrics.Context.UNCAPPED_STALL_THRESHOLD_MS;
        }
        return Math.round(ms * 1e6);
    }

    /** Registers the render workers' threads with the allocation meter; nothing when {@code workers} is null. */
    void registerWorkers(final WorkerGroup workers)
    {
        if (null != workers)
        {
            for (int i = 0; i < workers.workerCount(); i++)
            {
                allocation.register(ThreadRole.WORKERS, workers.workerThread(i));
            }
        }
    }

    RuntimeStats stats()
    {
        return stats;
    }

    GcPauseMonitor gcPauses()
    {
        return gcPauses;
    }

    ThreadAllocationMeter allocation()
    {
        return allocation;
    }

    RunReport report()
    {
        return report;
    }

    FrameMetrics frameMetrics()
    {
        return frameMetrics;
    }
}
