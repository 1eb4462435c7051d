package dev.isochron.engine.metrics;

import dev.isochron.engine.io.AtomicFileWriter;
import org.HdrHistogram.Histogram;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Locale;

/**
 * The run report of docs/report.md: one JSON object per measured run (every key of docs/report.md with the same
 * names and nesting, plus extras), a CSV of per-frame times, and a short human-readable summary.
 * <p>
 * {@link #collect} reads the engine's meters after the measured window has ended; the fields the engine
 * cannot know (scene, mode, GL strings, input counters, time to first frame ...) are set by the caller.
 * Everything here allocates and is meant for after the run, never for the frame path. Not thread-safe:
 * one thread builds and writes the report.
 */
public final class RunReport
{
    private static final double NS_PER_MS = 1e6;
    private static final double BYTES_PER_MB = 1024.0 * 1024.0;

    private String scene = "";
    private String mode = "engine";
    private String threading = "single";
    private long frames;
    private long warmupFrames;
    private double tickRateHz;
    private double targetFps;
    private int workers;
    private boolean headless;
    private String glRenderer = "";
    private String glVersion = "";
    private String contextApi = "";
    private String java = System.getProperty("java.version");
    private String gcName = "";
    private long heapMaxMb = Runtime.getRuntime().maxMemory() / (1024 * 1024);

    private double frameMean;
    private double frameP50;
    private double frameP90;
    private double frameP99;
    private double frameP999;
    private double frameMax;
    private double tickMean;
    private double tickP50;
    private double tickP99;
    private double tickMax;
    private double fpsMean;
    private double onePercentLowFps;
    private double stallThresholdMs;
    private long stallCount;
    private long stallGc;
    private long stallUpdate;
    private long stallRender;
    private long droppedTicks;

    private long inputEvents;
    private long inputDrops;
    private long inputCoalesced;
    private double inputLatencyP50;
    private double inputLatencyP99;
    private double inputLatencyMax;

    private final double[] allocBytesPerFrame = new double[ThreadRole.values().length];

    private long gcCount;
    private double gcPauseMsTotal;
    private double gcPauseMsMax;
    private double heapUsedAfterMb = -1.0;
    private double rssMb;
    private double timeToFirstFrameMs;

    private long ticks;
    private double windowMs;
    private long clampedSamples;
    private long gcPausesLost;

    private FrameMetrics frameMetrics;
    private GcPauseMonitor gcPauses;
    private final Map<String, Double> extras = new LinkedHashMap<>();

    /**
     * Fills every figure the engine measured. Call once the window has ended ({@link FrameMetrics#endWindow()}
     * or full) and the loop has stopped. Sources other than {@code frameMetrics} may be null: their figures
     * keep whatever was set (0 by default).
     *
     * @param frameMetrics   frame and tick timing; required.
     * @param gcPauses       GC pauses, or null.
     * @param allocation     per-thread allocation, or null.
     * @param inputLatency   input latency, or null.
     * @return this.
     */
    public RunReport collect(
        final FrameMetrics frameMetrics,
        final GcPauseMonitor gcPauses,
        final ThreadAllocationMeter allocation,
        final LatencyHistogram inputLatency)
    {
        if (null == frameMetrics)
        {
            throw new IllegalArgumentException("frameMetrics must not be null");
        }
        this.frameMetrics = frameMetrics;
        this.gcPauses = gcPauses;
        final FrameMetrics.Context ctx = frameMetrics.context();
        threading = FrameMetrics.Threading.SINGLE == ctx.threading() ? "single" : "multi";
        frames = frameMetrics.frames();
        warmupFrames = ctx.warmupFrames();
        tickRateHz = ctx.tickRateHz();
        targetFps = ctx.targetFps();
        stallThresholdMs = ctx.stallThresholdMs();

        final Histogram frameHistogram = frameMetrics.frameTimeHistogram();
        frameMean = frameMetrics.meanFrameTimeNs() / NS_PER_MS;
        frameP50 = percentileMs(frameHistogram, 50.0);
        frameP90 = percentileMs(frameHistogram, 90.0);
        frameP99 = percentileMs(frameHistogram, 99.0);
        frameP999 = percentileMs(frameHistogram, 99.9);
        frameMax = frameMetrics.maxFrameTimeNs() / NS_PER_MS;

        final Histogram tickHistogram = frameMetrics.tickTimeHistogram();
        ticks = frameMetrics.ticks();
        tickMean = tickHistogram.getTotalCount() == 0 ? 0.0 : tickHistogram.getMean() / NS_PER_MS;
        tickP50 = percentileMs(tickHistogram, 50.0);
        tickP99 = percentileMs(tickHistogram, 99.0);
        tickMax = tickHistogram.getTotalCount() == 0 ? 0.0 : tickHistogram.getMaxValue() / NS_PER_MS;

        fpsMean = frameMetrics.fpsMean();
        onePercentLowFps = frameMetrics.onePercentLowFps();
        windowMs = (frameMetrics.windowEndNs() - frameMetrics.windowStartNs()) / NS_PER_MS;
        clampedSamples = frameMetrics.clampedSamples();

        final long[] stalls = frameMetrics.attributeStalls(gcPauses);
        stallGc = stalls[StallCause.GC.ordinal()];
        stallUpdate = stalls[StallCause.UPDATE.ordinal()];
        stallRender = stalls[StallCause.RENDER.ordinal()];
        stallCount = stallGc + stallUpdate + stallRender;
        droppedTicks = frameMetrics.droppedTicks();

        if (null != gcPauses)
        {
            gcName = gcPauses.gcName();
            final GcPauseMonitor.PauseSummary summary = gcPauses.summarise(
                frameMetrics.windowStartNs(), frameMetrics.windowEndNs(), new GcPauseMonitor.PauseSummary());
            gcCount = summary.count();
            gcPauseMsTotal = summary.totalNs() / NS_PER_MS;
            gcPauseMsMax = summary.maxNs() / NS_PER_MS;
            gcPausesLost = gcPauses.overwrittenPauses();
        }
        if (null != allocation)
        {
            final ThreadRole[] roles = ThreadRole.values();
            for (int i = 0; i < roles.length; i++)
            {
                allocBytesPerFrame[i] = allocation.bytesPerFrame(roles[i], frames);
            }
        }
        if (null != inputLatency)
        {
            final Histogram latency = inputLatency.snapshot();
            inputLatencyP50 = percentileMs(latency, 50.0);
            inputLatencyP99 = percentileMs(latency, 99.0);
            inputLatencyMax = latency.getTotalCount() == 0 ? 0.0 : latency.getMaxValue() / NS_PER_MS;
        }
        return this;
    }

    /**
     * Reads the process's peak resident set ({@code rssMb}, {@code VmHWM} from {@code /proc/self/status}; 0 where
     * there is no such file). Runs no collection.
     *
     * @return this.
     */
    public RunReport measureRss()
    {
        rssMb = peakRssKb() / 1024.0;
        return this;
    }

    /**
     * Runs {@code System.gc()} and records the heap used afterwards ({@code heapUsedAfterMb}; -1 until this runs). A
     * full collection in the host application: call it only when the heap figure is wanted, after the measured window
     * (the runtime does so only with {@code MeasurementConfig.measureHeapAfterRun(true)}).
     *
     * @return this.
     */
    public RunReport measureHeapAfterGc()
    {
        System.gc();
        heapUsedAfterMb = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed() / BYTES_PER_MB;
        return this;
    }

    /**
     * {@link #measureHeapAfterGc()} then {@link #measureRss()}.
     *
     * @return this.
     */
    public RunReport measureHeapAndRss()
    {
        return measureHeapAfterGc().measureRss();
    }

    /**
     * Records the time to first frame as now minus the JVM's start ({@code RuntimeMXBean#getStartTime}); call it
     * when the first frame has ended (swapped or read back).
     *
     * @return this.
     */
    public RunReport markFirstFrameEnded()
    {
        timeToFirstFrameMs = System.currentTimeMillis() - ManagementFactory.getRuntimeMXBean().getStartTime();
        return this;
    }

    /**
     * The peak resident set of this process in kB ({@code VmHWM}), or 0 when {@code /proc/self/status} cannot be read.
     *
     * @return kB.
     */
    public static long peakRssKb()
    {
        try
        {
            final List<String> lines = Files.readAllLines(Path.of("/proc/self/status"), StandardCharsets.US_ASCII);
            for (int i = 0; i < lines.size(); i++)
            {
                final String line = lines.get(i);
                if (line.startsWith("VmHWM:"))
                {
                    return Long.parseLong(line.substring(6).replace("kB", "").trim());
                }
            }
            return 0;
        }
        catch (final IOException ex)
        {
            return 0;
        }
    }

    // ---------------------------------------------------------------------------------- settable fields

    /** @param scene the scene's name. @return this. */
    public RunReport scene(final String scene)
    {
        this.scene = scene;
        return this;
    }

    /** @param mode "engine" or "naive". @return this. */
    public RunReport mode(final String mode)
    {
        this.mode = mode;
        return this;
    }

    /** @param threading "single" or "multi" (set by {@link #collect} from the metrics). @return this. */
    public RunReport threading(final String threading)
    {
        this.threading = threading;
        return this;
    }

    /** @param targetFps 0 uncapped, -1 vsync, else the pacer's target (set by {@link #collect}). @return this. */
    public RunReport targetFps(final double targetFps)
    {
        this.targetFps = targetFps;
        return this;
    }

    /** @param workers render workers. @return this. */
    public RunReport workers(final int workers)
    {
        this.workers = workers;
        return this;
    }

    /** @param headless whether the run had no window. @return this. */
    public RunReport headless(final boolean headless)
    {
        this.headless = headless;
        return this;
    }

    /** @param glRenderer {@code GL_RENDERER}. @return this. */
    public RunReport glRenderer(final String glRenderer)
    {
        this.glRenderer = glRenderer;
        return this;
    }

    /** @param glVersion {@code GL_VERSION}. @return this. */
    public RunReport glVersion(final String glVersion)
    {
        this.glVersion = glVersion;
        return this;
    }

    /**
     * @param contextApi the API the GL context was created through ({@code egl}, {@code glx}, {@code wgl},
     *                   {@code nsgl}), empty without GL.
     * @return this.
     */
    public RunReport contextApi(final String contextApi)
    {
        this.contextApi = contextApi;
        return this;
    }

    /** @param gcName the collector's family (set by {@link #collect} from the GC monitor). @return this. */
    public RunReport gcName(final String gcName)
    {
        this.gcName = gcName;
        return this;
    }

    /** @param inputEvents input events consumed. @return this. */
    public RunReport inputEvents(final long inputEvents)
    {
        this.inputEvents = inputEvents;
        return this;
    }

    /** @param inputDrops input events dropped because a ring was full. @return this. */
    public RunReport inputDrops(final long inputDrops)
    {
        this.inputDrops = inputDrops;
        return this;
    }

    /** @param inputCoalesced input events merged into an earlier one. @return this. */
    public RunReport inputCoalesced(final long inputCoalesced)
    {
        this.inputCoalesced = inputCoalesced;
        return this;
    }

    /**
     * @param role  a thread role.
     * @param bytes bytes per frame (set by {@link #collect} from the allocation meter).
     * @return this.
     */
    public RunReport allocBytesPerFrame(final ThreadRole role, final double bytes)
    {
        allocBytesPerFrame[role.ordinal()] = bytes;
        return this;
    }

    /** @param timeToFirstFrameMs from JVM start to the end of the first frame. @return this. */
    public RunReport timeToFirstFrameMs(final double timeToFirstFrameMs)
    {
        this.timeToFirstFrameMs = timeToFirstFrameMs;
        return this;
    }

    /**
     * Adds a figure of the caller's to the JSON, after the docs/report.md keys: for example an object pool's growth
     * count ({@code ObjectPool#growthCount()}) or a frame arena's high-water mark, so the report shows them.
     *
     * @param key   a key not used by docs/report.md or by another extra.
     * @param value the figure.
     * @return this.
     * @throws IllegalArgumentException when the key is empty or already taken.
     */
    public RunReport extra(final String key, final double value)
    {
        if (null == key || key.isEmpty())
        {
            throw new IllegalArgumentException("extra key must be a non-empty string, was " +
                (null == key ? "null" : "\"\""));
        }
        if (toJson().contains("\n  \"" + key + "\": "))
        {
            throw new IllegalArgumentException("extra key '" + key + "' is already in the report; choose another name");
        }
        extras.put(key, value);
        return this;
    }

    // ---------------------------------------------------------------------------------- read back

    /**
     * @return the value of the extra {@code key}.
     * @throws IllegalArgumentException naming the key and the extras there are, when it was never added.
     */
    public double extraValue(final String key)
    {
        final Double value = extras.get(key);
        if (null == value)
        {
            throw new IllegalArgumentException("the report has no extra '" + key + "'; it has " + extras.keySet());
        }
        return value;
    }

    /** @return frames in the window. */
    public long frames()
    {
        return frames;
    }

    /** @return stalls in the window. */
    public long stallCount()
    {
        return stallCount;
    }

    /** @return 1% low FPS. */
    public double onePercentLowFps()
    {
        return onePercentLowFps;
    }

    /** @return frames per second over the window. */
    public double fpsMean()
    {
        return fpsMean;
    }

    /**
     * @param role a thread role.
     * @return bytes allocated per frame by that role.
     */
    public double allocBytesPerFrame(final ThreadRole role)
    {
        return allocBytesPerFrame[role.ordinal()];
    }

    // ---------------------------------------------------------------------------------- output

    /** @return the report as a JSON object: every docs/report.md key, same names and nesting, plus extras. */
    public String toJson()
    {
        final JsonWriter w = new JsonWriter().beginObject()
            .member("scene", scene)
            .member("mode", mode)
            .member("threading", threading)
            .member("frames", frames)
            .member("warmupFrames", warmupFrames)
            .member("tickRateHz", tickRateHz)
            .member("targetFps", targetFps)
            .member("workers", workers)
            .member("headless", headless)
            .member("glRenderer", glRenderer)
            .member("glVersion", glVersion)
            .member("contextApi", contextApi)
            .member("java", java)
            .member("gcName", gcName)
            .member("heapMaxMb", heapMaxMb);
        w.beginObject("frameMs")
            .member("mean", frameMean).member("p50", frameP50).member("p90", frameP90)
            .member("p99", frameP99).member("p999", frameP999).member("max", frameMax)
            .endObject();
        w.beginObject("tickMs")
            .member("mean", tickMean).member("p50", tickP50).member("p99", tickP99).member("max", tickMax)
            .endObject();
        w.member("fpsMean", fpsMean)
            .member("onePercentLowFps", onePercentLowFps)
            .member("stallThresholdMs", stallThresholdMs);
        w.beginObject("stalls")
            .member("count", stallCount).member("gc", stallGc).member("update", stallUpdate)
            .member("render", stallRender)
            .endObject();
        w.member("droppedTicks", droppedTicks)
            .member("inputEvents", inputEvents)
            .member("inputDrops", inputDrops)
            .member("inputCoalesced", inputCoalesced);
        w.beginObject("inputLatencyMs")
            .member("p50", inputLatencyP50).member("p99", inputLatencyP99).member("max", inputLatencyMax)
            .endObject();
        w.beginObject("allocBytesPerFrame");
        final ThreadRole[] roles = ThreadRole.values();
        for (int i = 0; i < roles.length; i++)
        {
            w.member(roles[i].reportKey(), allocBytesPerFrame[i]);
        }
        w.endObject();
        w.beginObject("gc")
            .member("count", gcCount).member("pauseMsTotal", gcPauseMsTotal).member("pauseMsMax", gcPauseMsMax)
            .endObject();
        w.member("heapUsedAfterMb", heapUsedAfterMb)
            .member("rssMb", rssMb)
            .member("timeToFirstFrameMs", timeToFirstFrameMs)
            .member("ticks", ticks)
            .member("windowMs", windowMs)
            .member("clampedSamples", clampedSamples)
            .member("gcPausesLost", gcPausesLost);
        for (final Map.Entry<String, Double> extra : extras.entrySet())
        {
            w.member(extra.getKey(), extra.getValue().doubleValue());
        }
        return w.endObject().toJson();
    }

    /**
     * Writes {@link #toJson()} to {@code path}, whole or not at all ({@link AtomicFileWriter}).
     *
     * @param path the file, replaced if it exists; a directory, device or FIFO is refused.
     * @throws IOException naming the report, the path and the reason when it cannot be written (the path is then
     *                     left as it was).
     */
    public void writeJson(final Path path) throws IOException
    {
        AtomicFileWriter.writeString("run report", path, toJson());
    }

    /**
     * Writes one row per measured frame: {@code frame,startNs,frameNs,updateNs,renderNs,stateAgeNs,stall}, where
     * {@code stall} is the cause key (gc, update, render) or empty. The file is written whole or not at all
     * ({@link AtomicFileWriter}).
     *
     * @param path the file, replaced if it exists; a directory, device or FIFO is refused.
     * @throws IOException           naming the CSV, the path and the reason when it cannot be written (the path is
     *                               then left as it was).
     * @throws IllegalStateException when {@link #collect} has not run.
     */
    public void writeFrameCsv(final Path path) throws IOException
    {
        if (null == frameMetrics)
        {
            throw new IllegalStateException("no frame metrics: call collect(...) before writeFrameCsv(" + path + ")");
        }
        AtomicFileWriter.write("frame CSV", path, stream ->
        {
            final BufferedWriter out = new BufferedWriter(new OutputStreamWriter(stream, StandardCharsets.UTF_8));
            out.write("frame,startNs,frameNs,updateNs,renderNs,stateAgeNs,stall\n");
            final int n = frameMetrics.frames();
            for (int i = 0; i < n; i++)
            {
                out.write(Integer.toString(i));
                out.write(',');
                out.write(Long.toString(frameMetrics.frameStartNs(i)));
                out.write(',');
                out.write(Long.toString(frameMetrics.frameTimeNs(i)));
                out.write(',');
                out.write(Long.toString(frameMetrics.updateNs(i)));
                out.write(',');
                out.write(Long.toString(frameMetrics.renderNs(i)));
                out.write(',');
                out.write(Long.toString(frameMetrics.stateAgeNs(i)));
                out.write(',');
                out.write(frameMetrics.stallCause(i, gcPauses).reportKey());
                out.write('\n');
            }
            out.flush();
        });
    }

    /**
     * @return a few lines for a person: frames, FPS, frame-time percentiles, stalls, GC, allocation. A report with no
     * measured frame (a run that ended inside its warm-up, e.g. by a time limit) starts with a line that says so, since
     * its zeros are no figures, let alone a pass.
     */
    public String toSummary()
    {
        final StringBuilder sb = new StringBuilder(512);
        if (0 == frames)
        {
            sb.append(String.format(Locale.ROOT, "NO MEASURED FRAMES: the run ended before the measured window " +
                "(warmupFrames %d, and the last frame is never measured), so every figure below is empty, not a " +
                "pass; run longer or lower warmupFrames%n", warmupFrames));
        }
        sb.append(String.format(Locale.ROOT, "%s/%s/%s: %d frames after %d warm-up, %.1f FPS mean, %.1f FPS 1%% low%n",
            scene, mode, threading, frames, warmupFrames, fpsMean, onePercentLowFps));
        sb.append(String.format(Locale.ROOT, "frame ms: p50 %.3f  p90 %.3f  p99 %.3f  p99.9 %.3f  max %.3f%n",
            frameP50, frameP90, frameP99, frameP999, frameMax));
        sb.append(String.format(Locale.ROOT, "tick ms:  p50 %.3f  p99 %.3f  max %.3f  (%d ticks, %d dropped)%n",
            tickP50, tickP99, tickMax, ticks, droppedTicks));
        sb.append(String.format(Locale.ROOT, "stalls > %.1f ms: %d (gc %d, update %d, render %d)%n",
            stallThresholdMs, stallCount, stallGc, stallUpdate, stallRender));
        sb.append(String.format(Locale.ROOT, "gc %s: %d pauses, %.1f ms total, %.1f ms max%n",
            gcName, gcCount, gcPauseMsTotal, gcPauseMsMax));
        sb.append("alloc bytes/frame:");
        final ThreadRole[] roles = ThreadRole.values();
        for (int i = 0; i < roles.length; i++)
        {
            sb.append(String.format(Locale.ROOT, " %s %.1f", roles[i].reportKey(), allocBytesPerFrame[i]));
        }
        sb.append(System.lineSeparator());
        return sb.toString();
    }

    private static double percentileMs(final Histogram histogram, final double percentile)
    {
        return histogram.getTotalCount() == 0 ? 0.0 : histogram.getValueAtPercentile(percentile) / NS_PER_MS;
    }
}
