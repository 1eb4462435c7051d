package dev.isochron.perf.harness;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * A figure read from a run report ({@code docs/report.md} keys, addressed by JSON pointer) that the harness takes the
 * median of across repeats and compares between modes.
 */
public enum Metric
{
    /** Mean frame time, ms. */
    FRAME_MEAN_MS("frameMeanMs", "/frameMs/mean"),
    /** Median frame time, ms. */
    FRAME_P50_MS("frameP50Ms", "/frameMs/p50"),
    /** 90th percentile frame time, ms. */
    FRAME_P90_MS("frameP90Ms", "/frameMs/p90"),
    /** 99th percentile frame time, ms. */
    FRAME_P99_MS("frameP99Ms", "/frameMs/p99"),
    /** 99.9th percentile frame time, ms. */
    FRAME_P999_MS("frameP999Ms", "/frameMs/p999"),
    /** Slowest frame, ms. */
    FRAME_MAX_MS("frameMaxMs", "/frameMs/max"),
    /** 99th percentile tick time, ms. */
    TICK_P99_MS("tickP99Ms", "/tickMs/p99"),
    /** Mean frames per second. */
    FPS_MEAN("fpsMean", "/fpsMean"),
    /** 1000 / mean of the slowest 1% of frame times. */
    ONE_PERCENT_LOW_FPS("onePercentLowFps", "/onePercentLowFps"),
    /** Frames over the stall threshold. */
    STALLS("stalls", "/stalls/count"),
    /** Stalls a GC pause overlapped. */
    STALLS_GC("stallsGc", "/stalls/gc"),
    /** Stalls the simulation caused. */
    STALLS_UPDATE("stallsUpdate", "/stalls/update"),
    /** Stalls left to rendering. */
    STALLS_RENDER("stallsRender", "/stalls/render"),
    /** Ticks skipped by clamped catch-up. */
    DROPPED_TICKS("droppedTicks", "/droppedTicks"),
    /** 99th percentile input latency, ms. */
    INPUT_LATENCY_P99_MS("inputLatencyP99Ms", "/inputLatencyMs/p99"),
    /** Bytes per frame allocated by the platform thread. */
    ALLOC_PLATFORM("allocPlatform", "/allocBytesPerFrame/platform"),
    /** Bytes per frame allocated by the simulation thread. */
    ALLOC_SIM("allocSim", "/allocBytesPerFrame/sim"),
    /** Bytes per frame allocated by the render thread. */
    ALLOC_RENDER("allocRender", "/allocBytesPerFrame/render"),
    /** Bytes per frame allocated by the render workers together. */
    ALLOC_WORKERS("allocWorkers", "/allocBytesPerFrame/workers"),
    /** Bytes per frame allocated by the engine's producer threads together. */
    ALLOC_PRODUCERS("allocProducers", "/allocBytesPerFrame/producers"),
    /** GC pauses inside the window. */
    GC_COUNT("gcCount", "/gc/count"),
    /** Total GC pause time inside the window, ms. */
    GC_PAUSE_TOTAL_MS("gcPauseTotalMs", "/gc/pauseMsTotal"),
    /** Longest GC pause inside the window, ms. */
    GC_PAUSE_MAX_MS("gcPauseMaxMs", "/gc/pauseMsMax"),
    /** Heap used after a full GC once the window ended, MB. */
    HEAP_USED_AFTER_MB("heapUsedAfterMb", "/heapUsedAfterMb"),
    /** Peak resident set, MB. */
    RSS_MB("rssMb", "/rssMb"),
    /** JVM start to the end of the first frame, ms. */
    TIME_TO_FIRST_FRAME_MS("timeToFirstFrameMs", "/timeToFirstFrameMs"),
    /** The fixed simulation rate the run used, Hz (its tick period is the input latency target's base). */
    TICK_RATE_HZ("tickRateHz", "/tickRateHz");

    /** The per-thread allocation figures, all of which must read 0 in engine mode. */
    public static final Metric[] ALLOCATION = {ALLOC_PLATFORM, ALLOC_SIM, ALLOC_RENDER, ALLOC_WORKERS, ALLOC_PRODUCERS};

    private final String key;
    private final String pointer;

    Metric(final String key, final String pointer)
    {
        this.key = key;
        this.pointer = pointer;
    }

    /** @return the key this figure has in the aggregate JSON. */
    public String key()
    {
        return key;
    }

    /** @return the JSON pointer of this figure in a run report. */
    public String pointer()
    {
        return pointer;
    }

    /** @return the figure in {@code report}, or NaN when the report lacks it or it is not a number. */
    public double read(final JsonNode report)
    {
        if (null == report)
        {
            return Double.NaN;
        }
        final JsonNode node = report.at(pointer);
        return node.isNumber() ? node.doubleValue() : Double.NaN;
    }
}
