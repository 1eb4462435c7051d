package dev.isochron.render.context;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

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
    private static final long TIMEOUT_SECONDS = 60;

    @TempDir
    Path directory;

    @Test
    void shouldOpenWindowClearReadBackAndCloseCleanlyUnderXvfb() throws Exception
    {
        final Path xvfbRun = findOnPath("xvfb-run");
        assumeTrue(xvfbRun != null, "xvfb-run is not installed (apt-get install xvfb xauth): windowed test skipped");

        final Path screenshot = directory.resolve("window.png");
        final Path output = directory.resolve("child.log");
        final List<String> command = new ArrayList<>();
        command.add(xvfbRun.toString());
        command.add("-a");
        command.add("-s");
        command.add("-screen 0 1280x720x24");
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.add("-cp");
        command.add(testClassPath());
        command.add("--add-opens");
        command.add("java.base/jdk.internal.misc=ALL-UNNAMED");
        command.add(WindowSmokeMain.class.getName());
        command.add(screenshot.toString());

        final ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(output.toFile());
        builder.environment().remove("WAYLAND_DISPLAY");
        builder.environment().put("LP_NUM_THREADS", "1");
        final Process child = builder.start();
        final boolean finished = child.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS);
        if (!finished)
        {
            child.destroyForcibly();
        }
        final String log = Files.readString(output, StandardCharsets.UTF_8);
        assertTrue(finished, "child JVM did not finish in " + TIMEOUT_SECONDS + " s:\n" + log);
        assertEquals(0, child.exitValue(), "child JVM exit code, output:\n" + log);
        assertTrue(log.contains("OK pixel=#00FF00FF size=64x48 headless=false"), log);
        assertTrue(Files.size(screenshot) > 0, "screenshot written");
    }

    private static String testClassPath()
    {
        final String surefire = System.getProperty("surefire.test.class.path");
        return surefire != null && !surefire.isEmpty() ? surefire : System.getProperty("java.class.path");
    }

    private static Path findOnPath(final String program)
    {
        final String path = System.getenv("PATH");
        if (path == null)
        {
            return null;
        }
        for (final String directory : path.split(File.pathSeparator))
        {
            final Path candidate = Path.of(directory, program);
            if (Files.isExecutable(candidate))
            {
                return candidate;
            }
        }
        return null;
    }
}
