package dev.isochron.engine.metrics;

import dev.isochron.engine.loop.ManualClock;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

class RunReportTest
{
    private static final long MS = 1_000_000L;

    /** Every key of docs/report.md, in order, with its nesting ("parent.child"). */
    private static final String[] REPORT_KEYS = {
        "scene", "mode", "threading", "frames", "warmupFrames", "tickRateHz", "targetFps", "workers", "headless",
        "glRenderer", "glVersion", "java", "gcName", "heapMaxMb",
        "frameMs.mean", "frameMs.p50", "frameMs.p90", "frameMs.p99", "frameMs.p999", "frameMs.max",
        "tickMs.mean", "tickMs.p50", "tickMs.p99", "tickMs.max",
        "fpsMean", "onePercentLowFps", "stallThresholdMs",
        "stalls.count", "stalls.gc", "stalls.update", "stalls.render",
        "droppedTicks", "inputEvents", "inputDrops", "inputCoalesced",
        "inputLatencyMs.p50", "inputLatencyMs.p99", "inputLatencyMs.max",
        "allocBytesPerFrame.platform", "allocBytesPerFrame.sim", "allocBytesPerFrame.render",
        "allocBytesPerFrame.workers", "allocBytesPerFrame.producers",
        "gc.count", "gc.pauseMsTotal", "gc.pauseMsMax",
        "heapUsedAfterMb", "rssMb", "timeToFirstFrameMs"};

    private static FrameMetrics runFrames(final GcPauseMonitor pauses, final ManualClock clock)
    {
        final FrameMetrics metrics = new FrameMetrics(new FrameMetrics.Context().warmupFrames(2).tickRateHz(120));
        for (int i = 0; i < 12; i++)
        {
            metrics.onFrameStart(clock.nanoTime(), 0);
            final long tickStart = clock.nanoTime();
            clock.advanceMillis(i == 5 ? 30 : 2);
            metrics.onTick(i, tickStart, clock.nanoTime());
            clock.advanceMillis(i == 8 ? 40 : i == 10 ? 30 : 8);
            metrics.onFrameEnd(clock.nanoTime());
        }
        metrics.onFrameStart(clock.nanoTime(), 0);
        metrics.endWindow();
        pauses.recordPause(metrics.frameStartNs(8) + 5 * MS, metrics.frameStartNs(8) + 35 * MS);
        return metrics;
    }

    /** Reduces the JSON to "parent.key" paths, in order (the report is one level of nesting deep). */
    private static String keyPaths(final String json)
    {
        final StringBuilder paths = new StringBuilder();
        String parent = "";
        for (final String raw : json.split("\n"))
        {
            final String line = raw.trim();
            if (line.startsWith("}"))
            {
                parent = "";
                continue;
            }
            if (!line.startsWith("\""))
            {
                continue;
            }
            final String key = line.substring(1, line.indexOf('"', 1));
            if (line.endsWith("{"))
            {
                parent = key + ".";
                continue;
            }
            paths.append(parent).append(key).append('\n');
        }
        return paths.toString();
    }

    @Test
    void shouldWriteEveryReportKeyWithItsNestingInOrder()
    {
        final ManualClock clock = new ManualClock(1_000 * MS);
        try (GcPauseMonitor pauses = new GcPauseMonitor(clock, 16))
        {
            final String json = new RunReport().collect(runFrames(pauses, clock), pauses, null, null).toJson();
            final String paths = keyPaths(json);
            int from = 0;
            for (final String key : REPORT_KEYS)
            {
                final int at = paths.indexOf(key + "\n", from);
                assertTrue(at >= 0 && (at == 0 || paths.charAt(at - 1) == '\n'), "missing or out of order: " + key);
                from = at + key.length();
            }
        }
    }

    @Test
    void shouldCollectFramesStallsAndGcFromTheMeters()
    {
        final ManualClock clock = new ManualClock(1_000 * MS);
        try (GcPauseMonitor pauses = new GcPauseMonitor(clock, 16))
        {
            final String json = new RunReport().scene("sprites").collect(runFrames(pauses, clock), pauses, null, null)
                .toJson();
            assertTrue(json.contains("\"frames\": 10,"), json);
            assertTrue(json.contains("\"warmupFrames\": 2,"), json);
            assertTrue(json.contains("\"stalls\": {\n    \"count\": 3,\n    \"gc\": 1,\n    \"update\": 1,\n" +
                "    \"render\": 1\n  }"), json);
            assertTrue(json.contains("\"gc\": {\n    \"count\": 1,\n    \"pauseMsTotal\": 30.0,"), json);
            assertTrue(json.contains("\"scene\": \"sprites\""), json);
            assertTrue(json.contains("\"max\": 42.0"), json);
        }
    }

    @Test
    void shouldWriteOneCsvRowPerMeasuredFrameWithItsStallCause(@TempDir final Path dir) throws Exception
    {
        final ManualClock clock = new ManualClock(1_000 * MS);
        try (GcPauseMonitor pauses = new GcPauseMonitor(clock, 16))
        {
            final Path csv = dir.resolve("frames.csv");
            new RunReport().collect(runFrames(pauses, clock), pauses, null, null).writeFrameCsv(csv);
            final List<String> lines = Files.readAllLines(csv, StandardCharsets.UTF_8);
            assertEquals(11, lines.size());
            assertEquals("frame,startNs,frameNs,updateNs,renderNs,stateAgeNs,stall", lines.get(0));
            assertEquals("3,1050000000,38000000,30000000,8000000,0,update", lines.get(4));
            assertEquals("6,1108000000,42000000,2000000,40000000,0,render", lines.get(7));
            assertEquals("7,1150000000,10000000,2000000,8000000,0,", lines.get(8));
            assertEquals("8,1160000000,32000000,2000000,30000000,0,gc", lines.get(9));
        }
    }

    @Test
    void shouldRefuseToWriteTheFrameCsvToDevFullNamingThePath() throws Exception
    {
        assumeTrue(Files.exists(Path.of("/dev/full")), "/dev/full is absent here");
        final ManualClock clock = new ManualClock(1_000 * MS);
        try (GcPauseMonitor pauses = new GcPauseMonitor(clock, 16))
        {
            final RunReport report = new RunReport().collect(runFrames(pauses, clock), pauses, null, null);

            final IOException ex = assertThrows(IOException.class, () -> report.writeFrameCsv(Path.of("/dev/full")));

            assertEquals("cannot write frame CSV /dev/full: it is a character device, not a regular file; " +
                "give the path of a regular file", ex.getMessage());
        }
    }

    @Test
    void shouldRefuseToWriteTheJsonToDevFullNamingThePath()
    {
        assumeTrue(Files.exists(Path.of("/dev/full")), "/dev/full is absent here");

        final IOException ex = assertThrows(IOException.class, () -> new RunReport().writeJson(Path.of("/dev/full")));

        assertEquals("cannot write run report /dev/full: it is a character device, not a regular file; " +
            "give the path of a regular file", ex.getMessage());
    }

    @Test
    void shouldLeaveExactlyTheCompleteJsonAndNoTemporaryFile(@TempDir final Path dir) throws Exception
    {
        final RunReport report = new RunReport().scene("sprites");
        final Path json = dir.resolve("report.json");

        report.writeJson(json);

        assertEquals(report.toJson(), Files.readString(json, StandardCharsets.UTF_8));
        try (java.util.stream.Stream<Path> files = Files.list(dir))
        {
            assertEquals(1, files.count(), "only the report, no temporary file");
        }
    }

    @Test
    void shouldSummariseForPeople()
    {
        final ManualClock clock = new ManualClock(1_000 * MS);
        try (GcPauseMonitor pauses = new GcPauseMonitor(clock, 16))
        {
            final String summary = new RunReport().scene("sprites")
                .collect(runFrames(pauses, clock), pauses, null, null).toSummary();
            assertTrue(summary.startsWith("sprites/engine/single: 10 frames after 2 warm-up"), summary);
            assertTrue(summary.contains("stalls > 25.0 ms: 3 (gc 1, update 1, render 1)"), summary);
        }
    }

    @Test
    void shouldSayLoudlyThatNoFrameWasMeasured()
    {
        final ManualClock clock = new ManualClock(1_000 * MS);
        final FrameMetrics metrics = new FrameMetrics(new FrameMetrics.Context().warmupFrames(300).tickRateHz(120));
        for (int i = 0; i < 20; i++)
        {
            metrics.onFrameStart(clock.nanoTime(), 0);
            clock.advanceMillis(16);
            metrics.onFrameEnd(clock.nanoTime());
        }
        metrics.endWindow();

        final String summary = new RunReport().scene("app").collect(metrics, null, null, null).toSummary();

        assertTrue(summary.startsWith("NO MEASURED FRAMES: the run ended before the measured window (warmupFrames " +
            "300, and the last frame is never measured), so every figure below is empty, not a pass; run longer or " +
            "lower warmupFrames" + System.lineSeparator() + "app/engine/single: 0 frames after 300 warm-up"), summary);
    }

    @Test
    void shouldNotWarnWhenFramesWereMeasured()
    {
        final ManualClock clock = new ManualClock(1_000 * MS);
        try (GcPauseMonitor pauses = new GcPauseMonitor(clock, 16))
        {
            final String summary = new RunReport().collect(runFrames(pauses, clock), pauses, null, null).toSummary();

            assertTrue(!summary.contains("NO MEASURED FRAMES"), summary);
        }
    }

    @Test
    void shouldReportAllocationPerFrameByRole()
    {
        final ManualClock clock = new ManualClock(1_000 * MS);
        final ThreadAllocationMeter meter = new ThreadAllocationMeter().register(ThreadRole.RENDER, Thread.currentThread());
        try (GcPauseMonitor pauses = new GcPauseMonitor(clock, 16))
        {
            final FrameMetrics metrics = runFrames(pauses, clock);
            meter.startWindow();
            meter.endWindow();
            final RunReport report = new RunReport().collect(metrics, pauses, meter, new LatencyHistogram());
            assertEquals(0.0, report.allocBytesPerFrame(ThreadRole.PLATFORM));
            assertTrue(report.toJson().contains("\"allocBytesPerFrame\": {\n    \"platform\": 0.0,"));
        }
    }

    @Test
    void shouldAppendExtrasAfterTheReportKeys()
    {
        final String json = new RunReport().extra("eventPoolGrowths", 3).toJson();
        assertTrue(json.endsWith("  \"eventPoolGrowths\": 3.0\n}\n"), json);
    }

    @Test
    void shouldRejectAnExtraThatWouldShadowAReportKey()
    {
        final IllegalArgumentException ex =
            assertThrows(IllegalArgumentException.class, () -> new RunReport().extra("frames", 1));
        assertEquals("extra key 'frames' is already in the report; choose another name", ex.getMessage());
    }

    @Test
    void shouldReadBackAnExtra()
    {
        assertEquals(3.0, new RunReport().extra("eventPoolGrowths", 3).extraValue("eventPoolGrowths"));
    }

    @Test
    void shouldNameAnExtraThatWasNeverAdded()
    {
        final IllegalArgumentException ex = assertThrows(IllegalArgumentException.class,
            () -> new RunReport().extra("eventPoolGrowths", 3).extraValue("workerFrames"));
        assertEquals("the report has no extra 'workerFrames'; it has [eventPoolGrowths]", ex.getMessage());
    }
}
