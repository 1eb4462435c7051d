package dev.isochron.perf.ttff;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.isochron.engine.testing.ChildProcess;
import dev.isochron.perf.harness.ChildJvm;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Runs the minimal first-frame program in a child JVM on the test class path, as the harness does, on the
 * machine's headless EGL (llvmpipe here), and checks its report: the measured interval ends after the JVM started
 * and before the child was reaped, and the glFinish time is no earlier than the flush time.
 */
class MinimalFirstFrameIT
{
    private static final Duration LIMIT = Duration.ofSeconds(120);

    @TempDir
    Path dir;

    @Test
    void shouldDrawOneFrameAndReportTheTimeFromJvmStart() throws Exception
    {
        final Path report = dir.resolve("ttff.json");
        final Path log = dir.resolve("ttff.log");
        final long before = System.currentTimeMillis();
        final ChildProcess.Result child = ChildProcess.javaMain(MinimalFirstFrame.class.getName(),
                System.getProperty("java.class.path"))
            .java(ChildJvm.currentJava()).args("--width", "320", "--height", "240", "--report", report.toString())
            .limit(LIMIT).output(log).run().requireFinished();
        final long elapsed = System.currentTimeMillis() - before;

        assertEquals(0, child.exitCode(), child.output());
        final JsonNode node = new ObjectMapper().readTree(report.toFile());
        final double ttff = node.get("timeToFirstFrameMs").asDouble();
        assertTrue(ttff > 0 && ttff <= elapsed, "timeToFirstFrameMs " + ttff + " outside (0, " + elapsed + "]");
        assertTrue(node.get("timeToFinishedFrameMs").asDouble() >= ttff, node.toString());
        assertEquals(320, node.get("width").asInt());
        assertFalse(node.get("glRenderer").asText().isEmpty(), node.toString());
    }
}
