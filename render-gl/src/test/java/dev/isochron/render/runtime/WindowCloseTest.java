package dev.isochron.render.runtime;

import dev.isochron.engine.testing.ChildProcess;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;

import static org.junit.jupiter.api.Assertions.*;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The window closed mid-frame, under Xvfb in a child JVM ({@link WindowCloseMain}): the run ends with
 * {@link ExitCause#WINDOW_CLOSED}, the frame in flight finishes, {@code dispose} runs and no runtime thread is left.
 */
class WindowCloseTest
{
    private static final Duration LIMIT = Duration.ofSeconds(90);

    @TempDir
    Path directory;

    @Test
    void shouldFinishTheFrameInFlightAndEndCleanlyWhenTheWindowClosesMidFrame() throws Exception
    {
        assumeTrue(null != ChildProcess.xvfbRun(),
            "xvfb-run is not installed (" + ChildProcess.XVFB_INSTALL_HINT + "): windowed test skipped");

        final ChildProcess.Result child = ChildProcess.javaMain(WindowCloseMain.class)
            .jvmFlags(ChildProcess.ENGINE_JVM_FLAGS).llvmpipeThreads(1).underXvfb()
            .limit(LIMIT).output(directory.resolve("WindowCloseMain.log")).run().requireFinished();

        assertEquals(0, child.exitCode(), "child JVM exit code, output:\n" + child.output());
        assertTrue(child.output().contains("OK exit=WINDOW_CLOSED closedDuringFrame=true framesBegun=11 framesEnded=11 " +
            "frames=11 disposed=true threads=[]"), child.output());
    }
}
