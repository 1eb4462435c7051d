package dev.isochron.demo;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import dev.isochron.engine.testing.SpecialFiles;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

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
            "isochron-demo: <scene> must be one of [sprites, chart, list, effects, storm], was 'teapot' (see --help)"),
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
    void shouldExitTwoWithOneLineInsteadOfReportingAScreenshotWrittenToDevFull() throws Exception
    {
        assumeTrue(Files.exists(Path.of("/dev/full")), "/dev/full is absent here");

        final DemoProcess demo = DemoProcess.run(dir, "--headless", "--frames", "1", "--screenshot", "/dev/full");

        assertEquals(DemoLauncher.EXIT_USAGE, demo.exitCode, demo::toString);
        assertEquals(List.of("isochron-demo: --screenshot /dev/full: it is a character device, not a regular file; " +
            "give the path of a regular file (see --help)"), demo.stderrLines(), demo::toString);
        assertFalse(demo.stdout.contains("screenshot:"), demo::toString);
    }

    @Test
    void shouldExitTwoWithOneLineForAFifoReplayInsteadOfBlocking() throws Exception
    {
        final Path fifo = SpecialFiles.mkfifo(dir.resolve("input.fifo"));

        final DemoProcess demo = DemoProcess.run(dir, "--headless", "--frames", "1", "--replay", fifo.toString());

        assertEquals(DemoLauncher.EXIT_USAGE, demo.exitCode, demo::toString);
        assertEquals(List.of("isochron-demo: --replay " + fifo + " is a FIFO (named pipe), not a regular file; " +
            "give a file made with --record (see --help)"), demo.stderrLines(), demo::toString);
    }

    @Test
    void shouldExitOneWithOneLineNamingTheHeapWhenTheChartHistoryDoesNotFit() throws Exception
    {
        // 4 series x 2^26 floats and their pyramids: about 1.4 GB, on DemoProcess's 512 MB heap
        final DemoProcess demo = DemoProcess.run(dir, "chart", "--headless", "--frames", "1", "--count", "50000000");

        assertEquals(DemoLauncher.EXIT_FAILED, demo.exitCode, demo::toString);
        assertEquals(1, demo.stderrLines().size(), demo::toString);
        // the limit the JVM reports is the collector's view of -Xmx512m (G1: 512, Serial: a survivor space less)
        assertTrue(demo.stderrLines().get(0).matches("isochron-demo: out of Java heap memory \\(Java heap space, " +
            "the heap's limit is \\d+ MiB\\) running the chart scene with --count 50000000 at 1280x720: give the " +
            "JVM a larger heap \\(java -Xmx4g -jar \\.\\.\\.\\) or lower --count"), demo::toString);
        assertNoStackTrace(demo);
    }

    @Test
    void shouldExitTwoNamingTheCountAndItsRangeWhenTheSpritesCannotFitTheBatch() throws Exception
    {
        final DemoProcess demo = DemoProcess.run(dir, "--headless", "--frames", "1", "--count", "2000000000");

        assertEquals(DemoLauncher.EXIT_USAGE, demo.exitCode, demo::toString);
        assertEquals(List.of("isochron-demo: --count must be in [1, 3994880] for the sprites scene (sprites, bounded " +
            "by the sprite batch), was 2000000000 (see --help)"), demo.stderrLines(), demo::toString);
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
