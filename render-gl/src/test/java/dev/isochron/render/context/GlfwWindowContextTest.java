package dev.isochron.render.context;

import dev.isochron.engine.testing.ChildProcess;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import static org.junit.jupiter.api.Assertions.*;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The windowed path, end to end, in a child JVM under {@code xvfb-run} (so this JVM's GLFW state and the
 * headless tests are untouched), through each window API: window on the main thread, context current on a render
 * thread, clear, read back, screenshot, a headless EGL context drawing beside it, release, close. On X11 the
 * default (AUTO) is GLX. Skipped only where xvfb-run is not installed; CI ({@code .ci/run})
 * installs it.
 */
class GlfwWindowContextTest
{
    private static final Duration LIMIT = Duration.ofSeconds(60);

    @TempDir
    Path directory;

    @ParameterizedTest
    @CsvSource({"AUTO, glx", "NATIVE, glx", "EGL, egl"})
    void shouldOpenWindowClearReadBackAndCloseCleanlyUnderXvfb(final WindowApi api, final String reported)
        throws Exception
    {
        assumeTrue(null != ChildProcess.xvfbRun(),
            "xvfb-run is not installed (" + ChildProcess.XVFB_INSTALL_HINT + "): windowed test skipped");

        final Path screenshot = directory.resolve("window.png");
        final ChildProcess.Result child = ChildProcess.javaMain(WindowSmokeMain.class)
            .jvmFlags(ChildProcess.ENGINE_JVM_FLAGS).llvmpipeThreads(1).underXvfb().args(screenshot.toString(), api.name())
            .limit(LIMIT).output(directory.resolve("WindowSmokeMain.log")).run().requireFinished();
        final String log = child.output();

        assertEquals(0, child.exitCode(), "child JVM exit code, output:\n" + log);
        assertTrue(log.contains("OK pixel=#00FF00FF size=64x48 headless=false api=" + reported +
            " headlessPixel=#0000FFFF"), log);
        assertTrue(Files.size(screenshot) > 0, "screenshot written");
    }

    /** A destroyed window's handle reaches GLFW no more: closed twice, then swapped and polled in the child. */
    @Test
    void shouldRefuseSwapBuffersAfterCloseAndCloseTwiceUnderXvfb() throws Exception
    {
        assumeTrue(null != ChildProcess.xvfbRun(),
            "xvfb-run is not installed (" + ChildProcess.XVFB_INSTALL_HINT + "): windowed test skipped");

        final ChildProcess.Result child = ChildProcess.javaMain(WindowUseAfterCloseMain.class)
            .jvmFlags(ChildProcess.ENGINE_JVM_FLAGS).llvmpipeThreads(1).underXvfb()
            .limit(LIMIT).output(directory.resolve("WindowUseAfterCloseMain.log")).run().requireFinished();
        final String log = child.output();

        assertEquals(0, child.exitCode(), "child JVM exit code, output:\n" + log);
        assertTrue(log.contains("swapBuffers: GLFW window 'closed' used after close(): the context is destroyed"),
            log);
    }
}
