package dev.isochron.perf.harness;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The harness end to end with a shell script standing in for the java launcher: it prints a help text, passes
 * the collector check, and writes a report and a per-frame CSV where the demo would. No real child JVM, no demo.
 */
class HarnessRunTest
{
    private static final String FAKE_JAVA = String.join("\n",
        "#!/bin/sh",
        "report=''; csv=''; mode=engine; prev=''",
        "for a in \"$@\"; do",
        "  case \"$a\" in --help) echo 'Usage: demo --warmup=N --frame-csv=FILE.csv --report=FILE.json'; exit 0;;",
        "    -version) echo 'fake java'; exit 0;; --naive) mode=naive;; *MinimalFirstFrame) mode=minimal;; esac",
        "  [ \"$prev\" = --report ] && report=\"$a\"",
        "  [ \"$prev\" = --frame-csv ] && csv=\"$a\"",
        "  prev=\"$a\"",
        "done",
        "[ \"$mode\" = naive ] && [ -n \"$FAIL_NAIVE\" ] && { echo 'naive broke'; exit 1; }",
        "if [ \"$mode\" = minimal ]; then echo '{\"mode\": \"minimal\", \"timeToFirstFrameMs\": 400.0}' > \"$report\"; exit 0; fi",
        "if [ \"$mode\" = naive ]; then p99=40; alloc=3000; else p99=4; alloc=0; fi",
        "cat > \"$report\" <<JSON",
        "{\"scene\": \"list\", \"mode\": \"$mode\", \"frames\": 3, \"gcName\": \"G1\",",
        " \"frameMs\": {\"mean\": 2, \"p50\": 2, \"p90\": 3, \"p99\": $p99, \"p999\": $p99, \"max\": $p99},",
        " \"onePercentLowFps\": 25, \"stalls\": {\"count\": 0, \"gc\": 0, \"update\": 0, \"render\": 0},",
        " \"inputLatencyMs\": {\"p50\": 0, \"p99\": 0, \"max\": 0},",
        " \"allocBytesPerFrame\": {\"platform\": 0, \"sim\": 0, \"render\": $alloc, \"workers\": 0, \"producers\": 0},",
        " \"gc\": {\"count\": 0, \"pauseMsTotal\": 0, \"pauseMsMax\": 0}, \"timeToFirstFrameMs\": 500}",
        "JSON",
        "printf 'frame,startNs,frameNs\\n0,0,2000000\\n1,2000000,3000000\\n2,5000000,%s000000\\n' \"$p99\" > \"$csv\"",
        "echo done",
        "");

    @TempDir
    Path dir;

    private HarnessOptions options() throws IOException
    {
        final Path java = dir.resolve("java");
        Files.writeString(java, FAKE_JAVA, StandardCharsets.UTF_8);
        Files.setPosixFilePermissions(java, PosixFilePermissions.fromString("rwxr-xr-x"));
        final Path demo = dir.resolve("demo.jar");
        Files.writeString(demo, "not read by the fake java");
        final HarnessOptions options = new HarnessOptions();
        options.javaBinary = java;
        options.demoJar = demo;
        options.out = dir.resolve("out");
        options.scenes = List.of("list");
        options.repeats = 2;
        return options;
    }

    @Test
    void shouldWriteReportsCsvAggregateSummaryAndPlots() throws IOException
    {
        final ByteArrayOutputStream progress = new ByteArrayOutputStream();

        final int status = new Harness(options(), new PrintStream(progress, true, StandardCharsets.UTF_8)).run();

        final String printed = progress.toString(StandardCharsets.UTF_8);
        assertEquals(Harness.EXIT_OK, status, printed);
        assertTrue(printed.contains("[4/4] list single-g1 naive r2 ... "), printed);
        final Path out = dir.resolve("out");
        assertTrue(Files.isRegularFile(out.resolve("runs/01-list-single-g1-engine-r1.json")));
        assertTrue(Files.isRegularFile(out.resolve("runs/04-list-single-g1-naive-r2.csv")));
        final JsonNode aggregate = new ObjectMapper().readTree(out.resolve("aggregate.json").toFile());
        assertEquals(4, aggregate.get("runs").size());
        assertEquals(List.of("engine", "naive", "engine", "naive"), List.of(aggregate.at("/runs/0/mode").asText(),
            aggregate.at("/runs/1/mode").asText(), aggregate.at("/runs/2/mode").asText(), aggregate.at("/runs/3/mode").asText()));
        assertTrue(aggregate.at("/harness/frameCsv").asBoolean());
        assertEquals(10.0, aggregate.at("/groups/0/ratiosNaiveOverEngine/frameP99Ms").asDouble(), 1e-12);
        assertTrue(aggregate.at("/groups/0/modes/engine/zeroAllocation").asBoolean());
        assertFalse(aggregate.at("/groups/0/modes/naive/zeroAllocation").asBoolean());
        final String summary = Files.readString(out.resolve("summary.md"));
        assertTrue(summary.contains("| list | single-g1 | G1 | naive | 2 | 2.00 | 40.00 |"), summary);
        assertTrue(Files.size(out.resolve("plots/list-single-g1-frametime.png")) > 0);
        assertTrue(Files.size(out.resolve("plots/list-single-g1-percentiles.png")) > 0);
    }

    @Test
    void shouldRunTheMinimalFirstFrameProgramAndWriteTheTargetsSection() throws IOException
    {
        final HarnessOptions options = options();
        options.repeats = 1;
        options.plots = false;
        options.ttff = true;
        final ByteArrayOutputStream progress = new ByteArrayOutputStream();

        final int status = new Harness(options, new PrintStream(progress, true, StandardCharsets.UTF_8)).run();

        final String printed = progress.toString(StandardCharsets.UTF_8);
        assertEquals(Harness.EXIT_OK, status, printed);
        assertTrue(printed.contains("plan: 3 runs"), printed);
        assertTrue(printed.contains("[1/3] ttff single-g1 minimal r1 ... "), printed);
        assertTrue(printed.contains("time to first frame 400 ms"), printed);
        final JsonNode aggregate = new ObjectMapper().readTree(dir.resolve("out/aggregate.json").toFile());
        assertEquals(400.0, aggregate.at("/minimalFirstFrame/g1/timeToFirstFrameMsMedian").asDouble(), 1e-9);
        assertEquals(1, aggregate.get("groups").size());
        boolean ttffRow = false;
        for (final JsonNode target : aggregate.get("targets"))
        {
            if ("ttff-list".equals(target.get("id").asText()))
            {
                ttffRow = true;
                // the fake demo reports 500 ms: 1.25x the minimal 400 ms
                assertEquals("NOT_MET", target.get("verdict").asText(), target.toString());
            }
        }
        assertTrue(ttffRow, aggregate.get("targets").toString());
        final String summary = Files.readString(dir.resolve("out/summary.md"));
        assertTrue(summary.contains("## Targets (issue 6)"), summary);
        assertTrue(summary.contains("| 500 ms / 400 ms = 1.25x"), summary);
    }

    @Test
    void shouldListThePlanWithoutRunningOnADryRun() throws IOException
    {
        final HarnessOptions options = options();
        options.dryRun = true;
        final ByteArrayOutputStream progress = new ByteArrayOutputStream();

        final int status = new Harness(options, new PrintStream(progress, true, StandardCharsets.UTF_8)).run();

        final String printed = progress.toString(StandardCharsets.UTF_8);
        assertEquals(Harness.EXIT_OK, status);
        assertTrue(printed.contains("plan: 4 runs"), printed);
        assertTrue(printed.contains("04-list-single-g1-naive-r2"), printed);
        assertFalse(Files.exists(dir.resolve("out")), "a dry run writes nothing");
    }

    @Test
    void shouldAggregateTheOtherRunsAndExitNonZeroWhenARunFails() throws IOException
    {
        final HarnessOptions options = options();
        options.repeats = 1;
        options.plots = false;
        final Path java = options.javaBinary;
        Files.writeString(java, FAKE_JAVA.replace("#!/bin/sh\n", "#!/bin/sh\nFAIL_NAIVE=1\n"), StandardCharsets.UTF_8);
        final ByteArrayOutputStream progress = new ByteArrayOutputStream();

        final int status = new Harness(options, new PrintStream(progress, true, StandardCharsets.UTF_8)).run();

        assertEquals(Harness.EXIT_RUN_FAILED, status);
        final String printed = progress.toString(StandardCharsets.UTF_8);
        assertTrue(printed.contains("[2/2] list single-g1 naive r1 ... FAILED after "), printed);
        assertTrue(printed.contains("demo exited 1: naive broke"), printed);
        final String summary = Files.readString(dir.resolve("out/summary.md"));
        assertTrue(summary.contains("- 02-list-single-g1-naive-r1: demo exited 1: naive broke (log: "), summary);
        assertTrue(summary.contains("- list single-g1: 0 bytes per frame on every thread in every run"), summary);
    }

    @Test
    void shouldSkipThePeerInOneLineAndRunTheRestWhenItsJarIsMissing() throws IOException
    {
        final HarnessOptions options = options();
        options.repeats = 1;
        options.plots = false;
        options.scenes = List.of("storm");
        options.peer = true;
        options.peerJar = dir.resolve("no-such-peer.jar");
        final ByteArrayOutputStream progress = new ByteArrayOutputStream();

        final int status = new Harness(options, new PrintStream(progress, true, StandardCharsets.UTF_8)).run();

        final String printed = progress.toString(StandardCharsets.UTF_8);
        assertEquals(Harness.EXIT_OK, status, printed);
        assertTrue(printed.contains("note: the libGDX peer's jar " + dir.resolve("no-such-peer.jar") + " is not there " +
            "(build it with 'mvn -B -q -pl perf-peer-gdx -am package -DskipTests' or pass --peer-jar PATH): its 1 runs " +
            "are skipped, the rest run"), printed);
        assertTrue(printed.contains("plan: 2 runs"), printed);
        assertTrue(printed.contains("[2/2] storm single-g1 naive r1 ... "), printed);
    }

    @Test
    void shouldRunThePeerAfterEngineAndNaiveUnderXvfb() throws IOException
    {
        org.junit.jupiter.api.Assumptions.assumeTrue(null != dev.isochron.engine.testing.ChildProcess.xvfbRun(),
            "xvfb-run is not installed");
        final HarnessOptions options = options();
        options.repeats = 1;
        options.plots = false;
        options.scenes = List.of("storm");
        options.peer = true;
        options.peerJar = dir.resolve("peer.jar");
        Files.writeString(options.peerJar, "not read by the fake java");
        final ByteArrayOutputStream progress = new ByteArrayOutputStream();

        final int status = new Harness(options, new PrintStream(progress, true, StandardCharsets.UTF_8)).run();

        final String printed = progress.toString(StandardCharsets.UTF_8);
        assertEquals(Harness.EXIT_OK, status, printed);
        assertTrue(printed.contains("[3/3] storm single-g1 peer r1 ... "), printed);
        final JsonNode aggregate = new ObjectMapper().readTree(dir.resolve("out/aggregate.json").toFile());
        assertEquals("peer", aggregate.at("/runs/2/mode").asText());
        assertTrue(aggregate.at("/runs/2/ok").asBoolean(), aggregate.at("/runs/2").toString());
        assertEquals(1.0, aggregate.at("/groups/0/ratiosEngineOverPeer/frameP99Ms").asDouble(), 1e-12);
        final String log = Files.readString(dir.resolve("out/runs/03-storm-single-g1-peer-r1.log"));
        assertTrue(log.contains("done"), log);
        final String summary = Files.readString(dir.resolve("out/summary.md"));
        assertTrue(summary.contains("## Beside libGDX (engine / peer)"), summary);
    }
}
