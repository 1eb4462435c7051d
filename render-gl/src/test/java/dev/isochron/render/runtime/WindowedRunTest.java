package dev.isochron.render.runtime;

import dev.isochron.render.testing.XvfbChildJvm;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.*;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * {@code Isochron.run} with a real window under Xvfb, in a child JVM ({@link WindowedRunMain}): input injected
 * through GLFW reaches the simulation's InputState, a window resize reaches both the simulation and the render
 * thread's frame size, closing the window ends the run cleanly with exit code 0.
 */
class WindowedRunTest
{
    private static final long TIMEOUT_SECONDS = 90;

    @TempDir
    Path directory;

    @Test
    void shouldDeliverGlfwInputAndResizesAndEndWhenTheWindowCloses() throws Exception
    {
        assumeTrue(XvfbChildJvm.xvfbRun() != null,
            "xvfb-run is not installed (apt-get install xvfb xauth): windowed test skipped");

        final XvfbChildJvm.Result child = XvfbChildJvm.run(directory, TIMEOUT_SECONDS, WindowedRunMain.class,
            List.of(directory.resolve("window.png").toString()));

        assertTrue(child.finished(), "child JVM did not finish in " + TIMEOUT_SECONDS + " s:\n" + child.output());
        assertEquals(0, child.exitCode(), "child JVM exit code, output:\n" + child.output());
        assertTrue(child.output().contains("OK exit=WINDOW_CLOSED sawCursor=true sawKey=true sawResize=true"), child.output());
    }
}
