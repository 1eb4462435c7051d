package dev.isochron.demo;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The packaged launcher's answers to bad command lines and bad files: one line on stderr naming the
 * option or file, a non-zero exit status, and no stack trace.
 */
class LauncherErrorsIT
{
    @TempDir
    Path dir;

    @Test
    void shouldExitTwoWithOneLineNamingTheOptionAndItsValuesForABadThreadingValue() throws Exception
    {
        final DemoProcess demo = DemoProcess.run(dir, "--threading", "triple");

        assertEquals(DemoLauncher.EXIT_USAGE, demo.exitCode, demo::toString);
        assertEquals(List.of("isochron-demo: --threading must be one of [single, multi], was 'triple' (see --help)"),
            demo.stderrLines(), demo::toString);
    }

    @Test
    void shouldExitTwoWithOneLineForAnUnknownScene() throws Exception
    {
        final DemoProcess demo = DemoProcess.run(dir, "teapot");

        assertEquals(DemoLauncher.EXIT_USAGE, demo.exitCode, demo::toString);
        assertEquals(List.of(
            "isochron-demo: <scene> must be one of [sprites, chart, list, storm], was 'teapot' (see --help)"),
            demo.stderrLines(), demo::toString);
    }

    @Test
    void shouldExitTwoWithOneLineForANonNumericFrameCount() throws Exception
    {
        final DemoProcess demo = DemoProcess.run(dir, "--frames", "many");

        assertEquals(DemoLauncher.EXIT_USAGE, demo.exitCode, demo::toString);
        assertEquals(1, demo.stderrLines().size(), demo::toString);
        assertTrue(demo.stderr.contains("'--frames'") && demo.stderr.contains("1..50000000"), demo::toString);
    }

    @Test
    void shouldFailWithOneLineWhenTheScreenshotDirectoryIsMissing() throws Exception
    {
        final Path missing = dir.resolve("no-such-dir").resolve("shot.png");

        final DemoProcess demo = DemoProcess.run(dir, "--headless", "--frames", "1", "--screenshot", missing.toString());

        assertNotEquals(0, demo.exitCode, demo::toString);
        assertEquals(1, demo.stderrLines().size(), demo::toString);
        assertTrue(demo.stderr.contains("--screenshot") && demo.stderr.contains("does not exist"), demo::toString);
        assertNoStackTrace(demo);
    }

    @Test
    void shouldFailWithOneLineNamingTheFileForACorruptReplay() throws Exception
    {
        final Path replay = dir.resolve("corrupt.replay");
        Files.write(replay, new byte[] {'n', 'o', 't', ' ', 'a', ' ', 'r', 'e', 'p', 'l', 'a', 'y', 0, 1, 2, 3});

        final DemoProcess demo = DemoProcess.run(dir, "--headless", "--frames", "1", "--replay", replay.toString());

        assertNotEquals(0, demo.exitCode, demo::toString);
        assertEquals(1, demo.stderrLines().size(), demo::toString);
        assertTrue(demo.stderr.contains("corrupt.replay"), demo::toString);
        assertNoStackTrace(demo);
    }

    @Test
    void shouldPrintCompleteHelpAndExitZero() throws Exception
    {
        final DemoProcess demo = DemoProcess.run(dir, "--help");

        assertEquals(0, demo.exitCode, demo::toString);
        final String[] options = {"--window", "--headless", "--frames", "--seconds", "--width", "--height", "--count",
            "--tick-rate", "--target-fps", "--vsync", "--threading", "--workers", "--renderer", "--input-rate",
            "--naive", "--screenshot", "--report", "--record", "--replay", "--scene"};
        for (final String option : options)
        {
            assertTrue(demo.stdout.contains(option), () -> "help lacks " + option + ":\n" + demo.stdout);
        }
    }

    private static void assertNoStackTrace(final DemoProcess demo)
    {
        assertFalse(demo.stderr.contains("\tat ") || demo.stderr.contains("Exception in thread"), demo::toString);
    }
}
