package dev.isochron.render.runtime;

import dev.isochron.render.context.GlPlatform;
import dev.isochron.render.testing.XvfbChildJvm;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.*;

/**
 * The context failing to be made: {@code Isochron.run} asked for a window where there is no display (a child JVM
 * without {@code DISPLAY} or {@code WAYLAND_DISPLAY}, {@link ContextFailureMain}) throws the
 * {@code GlContextException} itself, naming what it tried and what to install, with no runtime thread left and the
 * JVM able to run headless afterwards.
 */
class ContextFailureTest
{
    private static final long TIMEOUT_SECONDS = 60;

    @TempDir
    Path directory;

    @Test
    void shouldThrowTheContextExceptionNamingWhatItTriedAndWhatToInstall() throws Exception
    {
        final Path log = directory.resolve("child.log");
        final ProcessBuilder builder = new ProcessBuilder(List.of(
            Path.of(System.getProperty("java.home"), "bin", "java").toString(),
            "-cp", XvfbChildJvm.testClassPath(),
            "--add-opens", "java.base/jdk.internal.misc=ALL-UNNAMED",
            ContextFailureMain.class.getName()))
            .redirectErrorStream(true)
            .redirectOutput(log.toFile());
        builder.environment().remove("DISPLAY");
        builder.environment().remove("WAYLAND_DISPLAY");
        builder.environment().put("LP_NUM_THREADS", "1");
        final Process child = builder.start();
        final boolean finished = child.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS);
        if (!finished)
        {
            child.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        }
        final String output = Files.readString(log, StandardCharsets.UTF_8);

        assertTrue(finished, "child JVM did not finish in " + TIMEOUT_SECONDS + " s:\n" + output);
        assertEquals(0, child.exitValue(), output);
        assertTrue(output.contains("OK threw=dev.isochron.render.context.GlContextException threadsAfterFailure=[] " +
            "headlessAfterwards=FRAME_LIMIT"), output);
        assertTrue(output.contains("MESSAGE no OpenGL 3.3+ core context could be created (kind WINDOW); tried:"), output);
        assertTrue(output.contains("1. GLFW window (no DISPLAY or WAYLAND_DISPLAY set): GLFW could not initialise"),
            output);
        assertTrue(output.contains("to fix: " + GlPlatform.INSTALL_HINT), output);
        assertTrue(output.contains(GlPlatform.XVFB_HINT), output);
    }
}
