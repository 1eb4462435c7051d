package dev.isochron.render.context;

import dev.isochron.engine.testing.ChildProcess;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import static org.junit.jupiter.api.Assertions.*;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The windowed path, end to end, in a child JVM under {@code xvfb-run} (so this JVM's GLFW state and the
 * headless tests are untouched): window on the main thread, context current on a render thread, clear, read
 * back, screenshot, release, close. Skipped only where xvfb-run is not installed; CI ({@code .ci/run})
 * installs it.
 */
class GlfwWindowContextTest
{
    private static final Duration LIMIT = Duration.ofSeconds(60);

    @TempDir
    Path directory;

    @Test
    void shouldOpenWindowClearReadBackAndCloseCleanlyUnderXvfb() throws Exception
    {
        assumeTrue(null != ChildProcess.xvfbRun(),
            "xvfb-run is not installed (" + ChildProcess.XVFB_INSTALL_HINT + "): windowed test skipped");

        final Path screenshot = directory.resolve("window.png");
        final ChildProcess.Result child = ChildProcess.javaMain(WindowSmokeMain.class)
            .jvmFlags(ChildProcess.ENGINE_JVM_FLAGS).llvmpipeThreads(1).underXvfb().args(screenshot.toString())
            .limit(LIMIT).output(directory.resolve("WindowSmokeMain.log")).run().requireFinished();
        final String log = child.output();

        assertEquals(0, child.exitCode(), "child JVM exit code, output:\n" + log);
        assertTrue(log.contains("OK pixel=#00FF00FF size=64x48 headless=false"), log);
        assertTrue(Files.size(screenshot) > 0, "screenshot written");
    }
}
