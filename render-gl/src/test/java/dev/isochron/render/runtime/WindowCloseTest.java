package dev.isochron.render.runtime;

import dev.isochron.render.testing.XvfbChildJvm;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.*;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The window closed mid-frame, under Xvfb in a child JVM ({@link WindowCloseMain}): the run ends with
 * {@link ExitCause#WINDOW_CLOSED}, the frame in flight finishes, {@code dispose} runs and no runtime thread is left.
 */
class WindowCloseTest
{
    private static final long TIMEOUT_SECONDS = 90;

    @TempDir
    Path directory;

    @Test
    void shouldFinishTheFrameInFlightAndEndCleanlyWhenTheWindowClosesMidFrame() throws Exception
    {
        assumeTrue(XvfbChildJvm.xvfbRun() != null,
            "xvfb-run is not installed (apt-get install xvfb xauth): windowed test skipped");

        final XvfbChildJvm.Result child = XvfbChildJvm.run(directory, TIMEOUT_SECONDS, WindowCloseMain.class, List.of());

        assertTrue(child.finished(), "child JVM did not finish in " + TIMEOUT_SECONDS + " s:\n" + child.output());
        assertEquals(0, child.exitCode(), "child JVM exit code, output:\n" + child.output());
        assertTrue(child.output().contains("OK exit=WINDOW_CLOSED closedDuringFrame=true framesBegun=11 framesEnded=11 " +
            "frames=11 disposed=true threads=[]"), child.output());
    }
}
