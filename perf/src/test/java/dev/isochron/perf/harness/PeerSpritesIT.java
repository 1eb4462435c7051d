package dev.isochron.perf.harness;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.isochron.engine.testing.ChildProcess;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Runs the packaged libGDX peer ({@code perf-peer-gdx/target/isochron-peer-gdx.jar}) on its sprites scene under Xvfb
 * for a few frames, as the harness starts it (a child JVM through {@link ChildProcess}, the harness's flags,
 * {@code LP_NUM_THREADS=1}), and checks that it wrote a report the harness reads: every key of the engine's report,
 * mode {@code peer}, the frames asked for, every {@link Metric} a finite number, and a frame CSV {@link FrameCsv}
 * reads. Skipped only where {@code xvfb-run} is missing (libGDX's lwjgl3 backend needs a display).
 */
class PeerSpritesIT
{
    private static final Duration LIMIT = Duration.ofSeconds(120);
    private static final int FRAMES = 60;

    @TempDir
    Path dir;

    @Test
    void shouldRunThePeerSpritesUnderXvfbAndWriteAReportTheHarnessReads() throws IOException, InterruptedException
    {
        Assumptions.assumeTrue(null != ChildProcess.xvfbRun(), "xvfb-run is not installed (" +
            ChildProcess.XVFB_INSTALL_HINT + "): the libGDX peer needs a display");
        final String property = System.getProperty("isochron.peer.jar");
        assertTrue(null != property && Files.isRegularFile(Path.of(property)),
            "system property isochron.peer.jar must name the packaged peer jar (set by failsafe), was " + property);
        final Path report = dir.resolve("peer.json");
        final Path csv = dir.resolve("peer.csv");

        final ChildProcess.Result child = ChildProcess.javaJar(Path.of(property))
            .jvmFlags("-Xms256m", "-Xmx256m", "-XX:+UseG1GC", "-Djava.awt.headless=true")
            .args("sprites", "--frames", Integer.toString(FRAMES), "--warmup", "20", "--width", "320", "--height", "240",
                "--count", "2000", "--report", report.toString(), "--frame-csv", csv.toString())
            .llvmpipeThreads(1).underXvfb().limit(LIMIT).output(dir.resolve("peer.log"))
            .run().requireFinished();

        assertEquals(0, child.exitCode(), child.describe());
        final JsonNode json = new ObjectMapper().readTree(report.toFile());
        final List<String> missing = new ArrayList<>();
        for (final String key : HarnessQuickIT.REPORT_KEYS)
        {
            if (json.at(key).isMissingNode())
            {
                missing.add(key);
            }
        }
        assertEquals(List.of(), missing, json.toString());
        final List<String> notNumbers = new ArrayList<>();
        for (final Metric metric : Metric.values())
        {
            if (!Double.isFinite(metric.read(json)))
            {
                notNumbers.add(metric.key());
            }
        }
        assertEquals(List.of(), notNumbers, json.toString());
        assertEquals("peer", json.get("mode").asText());
        assertEquals("sprites", json.get("scene").asText());
        assertEquals(FRAMES, json.get("frames").asInt());
        assertTrue(json.get("fpsMean").asDouble() > 0, json.toString());
        assertTrue(json.get("peer").asText().startsWith("libGDX 1.13"), json.toString());
        assertTrue(json.get("glRenderer").asText().length() > 0, json.toString());
        assertEquals(FRAMES, FrameCsv.read(csv).length);
    }
}
