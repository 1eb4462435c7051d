package dev.isochron.render.runtime;

import dev.isochron.engine.testing.ChildProcess;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;

import static org.junit.jupiter.api.Assertions.*;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * {@code Isochron.run} with a real window under Xvfb, in a child JVM ({@link WindowedRunMain}): input injected
 * through GLFW reaches the simulation's InputState, a window resize reaches both the simulation and the render
 * thread's frame size, closing the window ends the run cleanly with exit code 0.
 */
class WindowedRunTest
{
    private static final Duration LIMIT = Duration.ofSeconds(90);

    @TempDir
    Path directory;

    @Test
    void shouldDeliverGlfwInputAndResizesAndEndWhenTheWindowCloses() throws Exception
    {
        assumeTrue(null != ChildProcess.xvfbRun(),
            "xvfb-run is not installed (" + ChildProcess.XVFB_INSTALL_HINT + "): windowed test skipped");

        final ChildProcess.Result child = ChildProcess.javaMain(WindowedRunMain.class)
            .jvmFlags(ChildProcess.ENGINE_JVM_FLAGS).llvmpipeThreads(1).underXvfb()
            .args(directory.resolve("window.png").toString())
            .limit(LIMIT).output(directory.resolve("WindowedRunMain.log")).run().requireFinished();

        assertEquals(0, child.exitCode(), "child JVM exit code, output:\n" + child.output());
        assertTrue(child.output().contains("OK exit=WINDOW_CLOSED sawCursor=true sawKey=true sawResize=true"), child.output());
    }
}
