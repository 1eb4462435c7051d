package dev.isochron.peer.gdx;

import org.HdrHistogram.Histogram;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The peer's run report: a JSON object with the keys, nesting and order of Isochron's run report (REPORT.md, as
 * {@code dev.isochron.engine.metrics.RunReport} writes it), every figure defined as docs/metrics.md defines it, plus
 * extras after them ({@code peer}, what libGDX did); and the per-frame CSV with the engine's columns
 * ({@code frame,startNs,frameNs,updateNs,renderNs,stateAgeNs,stall}).
 * <p>
 * Written by hand rather than with the engine's writer, so that this module depends on no Isochron module. Where the
 * peer has no such figure the engine's single-threaded meaning is kept: libGDX updates and draws on one thread, so
 * its bytes are the {@code render} role's, {@code platform}, {@code sim} and {@code workers} read 0 (there is no such
 * thread), and {@code producers} is the storm's input thread or the chart's feed.
 * <p>
 * Thread: the main thread, after the run. Allocates freely.
 */
final class PeerReport
{
    private static final double NS_PER_MS = 1e6;

    private final Map<String, Object> extras = new LinkedHashMap<>();

    String scene = "";
    String threading = "single";
    long warmupFrames;
    double tickRateHz;
    double targetFps;
    String glRenderer = "";
    String glVersion = "";
    String gcName = "";
    double timeToFirstFrameMs;
    double heapUsedAfterMb;
    double rssMb;
    long inputDrops;

    /** Adds a figure or a word after the REPORT.md keys. */
    PeerReport extra(final String key, final Object value)
    {
        extras.put(key, value);
        return this;
    }

    /** @return the stall threshold: 1.5 x the target frame period, 25 ms uncapped (docs/metrics.md). */
    static double stallThresholdMs(final double targetFps)
    {
        return targetFps > 0 ? 1.5 * 1000.0 / targetFps : 25.0;
    }

    /** Runs {@code System.gc()} after the window and reads the heap then, and the peak resident set. */
    void measureHeapAndRss()
    {
        System.gc();
        heapUsedAfterMb = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed() / (1024.0 * 1024.0);
        rssMb = peakRssKb() / 1024.0;
    }

    static long peakRssKb()
    {
        try
        {
            for (final String line : Files.readAllLines(Path.of("/proc/self/status"), StandardCharsets.US_ASCII))
            {
                if (line.startsWith("VmHWM:"))
                {
                    return Long.parseLong(line.substring(6).replace("kB", "").trim());
                }
            }
        }
        catch (final IOException | NumberFormatException ex)
        {
            return 0;
        }
        return 0;
    }

    /** @return the stall cause of measured frame {@code i}: "" for none, else gc, update or render, checked in that order. */
    static String stallCause(final FrameRecorder frames, final GcPauses gc, final int i, final long thresholdNs)
    {
        final long frameNs = frames.frameNs(i);
        if (frameNs <= thresholdNs)
        {
            return "";
        }
        final long start = frames.startNs(i);
        if (null != gc && gc.overlaps(start, start + frameNs, GcPauses.ATTRIBUTION_SLACK_NS))
        {
            return "gc";
        }
        return frames.updateNs(i) > frames.renderNs(i) ? "update" : "render";
    }

    /**
     * @return the report as JSON.
     * @throws IllegalStateException when the window holds no frame.
     */
    String toJson(final FrameRecorder frames, final GcPauses gc)
    {
        final int n = frames.frames();
        if (n == 0)
        {
            throw new IllegalStateException("no measured frame: the run ended before the window opened (warm-up " +
                frames.warmupFrames() + " frames)");
        }
        final Histogram histogram = new Histogram(1, FrameRecorder.HISTOGRAM_MAX_NS, FrameRecorder.SIGNIFICANT_DIGITS);
        final long[] sorted = new long[n];
        long sum = 0;
        long max = 0;
        long clamped = frames.clampedSamples();
        for (int i = 0; i < n; i++)
        {
            final long ns = frames.frameNs(i);
            sorted[i] = ns;
            sum += ns;
            max = Math.max(max, ns);
            if (ns < 1 || ns > FrameRecorder.HISTOGRAM_MAX_NS)
            {
                clamped++;
            }
            histogram.recordValue(Math.max(1, Math.min(FrameRecorder.HISTOGRAM_MAX_NS, ns)));
        }
        Arrays.sort(sorted);
        final int slowest = Math.max(1, (int)Math.ceil(n / 100.0));
        long slowSum = 0;
        for (int i = n - slowest; i < n; i++)
        {
            slowSum += sorted[i];
        }
        final double slowMeanMs = slowSum / NS_PER_MS / slowest;
        final long windowNs = frames.complete() ? frames.windowEndNs() - frames.windowStartNs() : sum;
        final double thresholdMs = stallThresholdMs(targetFps);
        final long thresholdNs = Math.round(thresholdMs * NS_PER_MS);
        long stallGc = 0;
        long stallUpdate = 0;
        long stallRender = 0;
        for (int i = 0; i < n; i++)
        {
            final String cause = stallCause(frames, gc, i, thresholdNs);
            if ("gc".equals(cause))
            {
                stallGc++;
            }
            else if ("update".equals(cause))
            {
                stallUpdate++;
            }
            else if ("render".equals(cause))
            {
                stallRender++;
            }
        }
        final long windowEnd = frames.windowStartNs() + windowNs;
        final long[] pauses = null == gc ? new long[3] : gc.summarise(frames.windowStartNs(), windowEnd);
        final Histogram ticks = frames.tickHistogram();
        final Histogram latency = frames.inputLatencyHistogram();

        final Json json = new Json();
        json.member("scene", scene)
            .member("mode", "peer")
            .member("threading", threading)
            .member("frames", n)
            .member("warmupFrames", warmupFrames)
            .member("tickRateHz", tickRateHz)
            .member("targetFps", targetFps)
            .member("workers", 0)
            .member("headless", false)
            .member("glRenderer", glRenderer)
            .member("glVersion", glVersion)
            .member("contextApi", "glx")
            .member("java", System.getProperty("java.version"))
            .member("gcName", gcName)
            .member("heapMaxMb", Runtime.getRuntime().maxMemory() / (1024 * 1024));
        json.begin("frameMs")
            .member("mean", sum / NS_PER_MS / n)
            .member("p50", percentileMs(histogram, 50.0))
            .member("p90", percentileMs(histogram, 90.0))
            .member("p99", percentileMs(histogram, 99.0))
            .member("p999", percentileMs(histogram, 99.9))
            .member("max", max / NS_PER_MS)
            .end();
        json.begin("tickMs")
            .member("mean", ticks.getTotalCount() == 0 ? 0.0 : ticks.getMean() / NS_PER_MS)
            .member("p50", percentileMs(ticks, 50.0))
            .member("p99", percentileMs(ticks, 99.0))
            .member("max", ticks.getTotalCount() == 0 ? 0.0 : ticks.getMaxValue() / NS_PER_MS)
            .end();
        json.member("fpsMean", windowNs <= 0 ? 0.0 : n * 1e9 / windowNs)
            .member("onePercentLowFps", slowMeanMs <= 0 ? 0.0 : 1000.0 / slowMeanMs)
            .member("stallThresholdMs", thresholdMs);
        json.begin("stalls")
            .member("count", stallGc + stallUpdate + stallRender)
            .member("gc", stallGc)
            .member("update", stallUpdate)
            .member("render", stallRender)
            .end();
        json.member("droppedTicks", frames.droppedTicks())
            .member("inputEvents", frames.inputEvents())
            .member("inputDrops", inputDrops)
            .member("inputCoalesced", 0);
        json.begin("inputLatencyMs")
            .member("p50", percentileMs(latency, 50.0))
            .member("p99", percentileMs(latency, 99.0))
            .member("max", latency.getTotalCount() == 0 ? 0.0 : latency.getMaxValue() / NS_PER_MS)
            .end();
        json.begin("allocBytesPerFrame")
            .member("platform", 0.0)
            .member("sim", 0.0)
            .member("render", frames.renderBytes() / (double)n)
            .member("workers", 0.0)
            .member("producers", frames.producerBytes() / (double)n)
            .end();
        json.begin("gc")
            .member("count", pauses[0])
            .member("pauseMsTotal", pauses[1] / NS_PER_MS)
            .member("pauseMsMax", pauses[2] / NS_PER_MS)
            .end();
        json.member("heapUsedAfterMb", heapUsedAfterMb)
            .member("rssMb", rssMb)
            .member("timeToFirstFrameMs", timeToFirstFrameMs)
            .member("ticks", frames.ticks())
            .member("windowMs", windowNs / NS_PER_MS)
            .member("clampedSamples", clamped)
            .member("gcPausesLost", null == gc ? 0 : gc.overwritten());
        for (final Map.Entry<String, Object> extra : extras.entrySet())
        {
            json.member(extra.getKey(), extra.getValue());
        }
        return json.finish();
    }

    /** Writes {@code text} to {@code path} through a temporary file beside it, so the path holds all of it or nothing. */
    static void writeWhole(final String what, final Path path, final String text) throws IOException
    {
        final Path absolute = path.toAbsolutePath();
        final Path parent = absolute.getParent();
        if (null != parent)
        {
            Files.createDirectories(parent);
        }
        final Path temporary = Files.createTempFile(null == parent ? Path.of(".") : parent, absolute.getFileName() + ".", ".tmp");
        try
        {
            Files.writeString(temporary, text, StandardCharsets.UTF_8);
            Files.move(temporary, absolute, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        }
        catch (final IOException ex)
        {
            Files.deleteIfExists(temporary);
            throw new IOException("cannot write the " + what + " " + absolute + ": " + ex, ex);
        }
    }

    /** Writes one row per measured frame with the engine's CSV columns (stateAgeNs is 0: one thread, no hand-off). */
    static String frameCsv(final FrameRecorder frames, final GcPauses gc, final double targetFps)
    {
        final int n = frames.frames();
        final long thresholdNs = Math.round(stallThresholdMs(targetFps) * NS_PER_MS);
        final StringBuilder csv = new StringBuilder(64 + n * 48);
        csv.append("frame,startNs,frameNs,updateNs,renderNs,stateAgeNs,stall\n");
        for (int i = 0; i < n; i++)
        {
            csv.append(i).append(',').append(frames.startNs(i)).append(',').append(frames.frameNs(i)).append(',')
                .append(frames.updateNs(i)).append(',').append(frames.renderNs(i)).append(",0,")
                .append(stallCause(frames, gc, i, thresholdNs)).append('\n');
        }
        return csv.toString();
    }

    private static double percentileMs(final Histogram histogram, final double percentile)
    {
        return histogram.getTotalCount() == 0 ? 0.0 : histogram.getValueAtPercentile(percentile) / NS_PER_MS;
    }

    /** A JSON object writer of the engine's shape: two-space indent, doubles rounded to 4 decimals, NaN as null. */
    static final class Json
    {
        private final StringBuilder sb = new StringBuilder(2048).append('{');
        private int depth = 1;
        private boolean first = true;

        Json member(final String name, final Object value)
        {
            key(name);
            value(value);
            return this;
        }

        Json begin(final String name)
        {
            key(name);
            sb.append('{');
            depth++;
            first = true;
            return this;
        }

        Json end()
        {
            depth--;
            sb.append('\n');
            indent();
            sb.append('}');
            first = false;
            return this;
        }

        String finish()
        {
            return sb.append("\n}\n").toString();
        }

        private void key(final String name)
        {
            if (!first)
            {
                sb.append(',');
            }
            sb.append('\n');
            indent();
            string(name);
            sb.append(": ");
            first = false;
        }

        private void indent()
        {
            for (int i = 0; i < depth; i++)
            {
                sb.append("  ");
            }
        }

        private void value(final Object value)
        {
            if (value instanceof Double || value instanceof Float)
            {
                final double d = ((Number)value).doubleValue();
                if (!Double.isFinite(d))
                {
                    sb.append("null");
                    return;
                }
                final double rounded = Math.round(d * 10_000.0) / 10_000.0;
                if (rounded == Math.rint(rounded) && Math.abs(rounded) < 1e15)
                {
                    sb.append((long)rounded).append(".0");
                }
                else
                {
                    sb.append(String.format(Locale.ROOT, "%.4f", rounded).replaceAll("0+$", ""));
                }
            }
            else if (value instanceof Number || value instanceof Boolean)
            {
                sb.append(value);
            }
            else if (null == value)
            {
                sb.append("null");
            }
            else
            {
                string(value.toString());
            }
        }

        private void string(final String text)
        {
            sb.append('"');
            for (int i = 0; i < text.length(); i++)
            {
                final char c = text.charAt(i);
                switch (c)
                {
                    case '"':
                        sb.append("\\\"");
                        break;
                    case '\\':
                        sb.append("\\\\");
                        break;
                    case '\n':
                        sb.append("\\n");
                        break;
                    case '\r':
                        sb.append("\\r");
                        break;
                    case '\t':
                        sb.append("\\t");
                        break;
                    default:
                        if (c < 0x20)
                        {
                            sb.append(String.format(Locale.ROOT, "\\u%04x", (int)c));
                        }
                        else
                        {
                            sb.append(c);
                        }
                        break;
                }
            }
            sb.append('"');
        }
    }

    /** @return the keys of the report's top level, in order, for tests. */
    static List<String> reportKeys()
    {
        return List.of("scene", "mode", "threading", "frames", "warmupFrames", "tickRateHz", "targetFps", "workers",
            "headless", "glRenderer", "glVersion", "contextApi", "java", "gcName", "heapMaxMb", "frameMs", "tickMs",
            "fpsMean", "onePercentLowFps", "stallThresholdMs", "stalls", "droppedTicks", "inputEvents", "inputDrops",
            "inputCoalesced", "inputLatencyMs", "allocBytesPerFrame", "gc", "heapUsedAfterMb", "rssMb",
            "timeToFirstFrameMs", "ticks", "windowMs", "clampedSamples", "gcPausesLost");
    }
}
