package dev.isochron.render.runtime;

import dev.isochron.render.context.GlPlatform;
import dev.isochron.engine.testing.ChildProcess;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;

import static org.junit.jupiter.api.Assertions.*;

/**
 * The context failing to be made: {@code Isochron.run} asked for a window where there is no display (a child JVM
 * without {@code DISPLAY} or {@code WAYLAND_DISPLAY}, {@link ContextFailureMain}) throws the
 * {@code GlContextException} itself, naming what it tried and what to install, with no runtime thread left and the
 * JVM able to run headless afterwards.
 */
class ContextFailureTest
{
    private static final Duration LIMIT = Duration.ofSeconds(60);

    @TempDir
    Path directory;

    @Test
    void shouldThrowTheContextExceptionNamingWhatItTriedAndWhatToInstall() throws Exception
    {
        final ChildProcess.Result child = ChildProcess.javaMain(ContextFailureMain.class)
            .jvmFlags(ChildProcess.AGRONA_JVM_FLAGS).removeEnvironment("DISPLAY").removeEnvironment("WAYLAND_DISPLAY")
            .llvmpipeThreads(1).limit(LIMIT).output(directory.resolve("child.log")).run().requireFinished();
        final String output = child.output();

        assertEquals(0, child.exitCode(), output);
        assertTrue(output.contains("OK threw=dev.isochron.render.context.GlContextException threadsAfterFailure=[] " +
            "headlessAfterwards=FRAME_LIMIT"), output);
        assertTrue(output.contains("MESSAGE no OpenGL 3.3+ core context could be created (kind WINDOW); tried:"), output);
        assertTrue(output.contains("1. GLFW window (no DISPLAY or WAYLAND_DISPLAY set): GLFW could not initialise"),
            output);
        assertTrue(output.contains("to fix: " + GlPlatform.INSTALL_HINT), output);
        assertTrue(output.contains(GlPlatform.XVFB_HINT), output);
    }
}
