package dev.isochron.demo;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

import dev.isochron.demo.sprites.SpritesScene;
import dev.isochron.engine.testing.SpecialFiles;
import dev.isochron.render.runtime.ApplicationFailure;
import dev.isochron.render.runtime.Phase;
import dev.isochron.render.runtime.RuntimeConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Option values whose derived sizes would overflow or exceed a runtime limit, and output or input paths that cannot
 * be used, are refused by the launcher itself as bad options (one line naming the option, its range or the path,
 * exit status 2) instead of failing later inside the runtime with the runtime's names (exit status 1).
 */
class LauncherHostileInputTest
{
    private static final Path DEV_FULL = Path.of("/dev/full");

    @TempDir
    Path dir;

    @Test
    void shouldRefuseASpriteCountBeyondTheSpriteBatchNamingTheOptionAndItsRange()
    {
        assertEquals("isochron-demo: --count must be in [1, 3994880] for the sprites scene (sprites, bounded by the " +
            "sprite batch), was 2000000000 (see --help)", error("--count", "2000000000"));
    }

    @Test
    void shouldRefuseAChartCountBeyondWhatASeriesHistoryHolds()
    {
        assertEquals("isochron-demo: --count must be in [1, 268435456] for the chart scene (points of history per " +
            "series), was 268435457 (see --help)", error("chart", "--count", "268435457"));
    }

    @Test
    void shouldCheckTheCountAgainstTheSceneUnderTheStorm()
    {
        assertEquals("isochron-demo: --count must be in [1, 3994880] for the sprites scene (sprites, bounded by the " +
            "sprite batch), was 3994881 (see --help)", error("storm", "--scene", "sprites", "--count", "3994881"));
    }

    @Test
    void shouldRefuseACountOfZeroWithTheScenesRange()
    {
        assertEquals("isochron-demo: --count must be in [1, 2147483647] for the list scene (rows), was 0 (see --help)",
            error("list", "--count", "0"));
    }

    @Test
    void shouldFitTheLargestSpriteCountIntoTheRuntimesBatchLimits()
    {
        final RuntimeConfig largest = new RuntimeConfig().hudCapacity(DemoRun.HUD_CAPACITY)
            .spriteCapacity(SpritesScene.spriteCapacity(DemoRun.MAX_SPRITES));
        final RuntimeConfig oneMore = new RuntimeConfig().hudCapacity(DemoRun.HUD_CAPACITY);

        assertDoesNotThrow(largest::conclude);
        assertThrows(IllegalArgumentException.class,
            () -> oneMore.spriteCapacity(SpritesScene.spriteCapacity(DemoRun.MAX_SPRITES + 1)).conclude());
    }

    @Test
    void shouldRefuseAFrameCountWhoseRunLengthWouldOverflow()
    {
        assertEquals("isochron-demo: --frames must be in [1, 50000000], was 9223372036854775807; for longer runs " +
            "give --seconds (see --help)", error("--frames", "9223372036854775807"));
    }

    @Test
    void shouldSizeTheReportWindowToHoldEveryMeasuredFrame()
    {
        final RuntimeConfig config = DemoRun.config(DemoLauncher.parse("--headless", "--frames", "250000"));

        assertEquals(250_000, config.measurement().reportCapacityFrames());
    }

    @Test
    void shouldRefuseAWarmUpBeyondTheMetricsLimit()
    {
        assertEquals("isochron-demo: --warmup must be in [0, 100000000], was 100000001 (see --help)",
            error("--warmup", "100000001"));
    }

    @Test
    void shouldRefuseAWidthBeyondTheLargestFramebuffer()
    {
        assertEquals("isochron-demo: --width must be in [16, 16384] pixels, was 16385 (see --help)",
            error("--width", "16385"));
    }

    @Test
    void shouldRefuseAHeightBelowTheSmallestFramebuffer()
    {
        assertEquals("isochron-demo: --height must be in [16, 16384] pixels, was 15 (see --help)",
            error("--height", "15"));
    }

    @Test
    void shouldRefuseMoreWorkersThanTheRuntimeRuns()
    {
        assertEquals("isochron-demo: --workers must be in [0, 64], was 65 (see --help)", error("--workers", "65"));
    }

    @Test
    void shouldRefuseAnInputRateBeyondTheSyntheticSourcesLimit()
    {
        assertEquals("isochron-demo: --input-rate must be in [0, 1000000] events/s, was 1000001.0 (see --help)",
            error("--input-rate", "1000001"));
    }

    @Test
    void shouldRefuseAnInfiniteRunTime()
    {
        assertEquals("isochron-demo: --seconds must be a finite number > 0, was Infinity (see --help)",
            error("--seconds", "Infinity"));
    }

    @Test
    void shouldRefuseDevFullAsTheScreenshotInsteadOfReportingItWritten()
    {
        assumeTrue(Files.exists(DEV_FULL), "/dev/full is absent here");

        assertEquals("isochron-demo: --screenshot /dev/full: it is a character device, not a regular file; give the " +
            "path of a regular file (see --help)", error("--headless", "--frames", "1", "--screenshot", "/dev/full"));
    }

    @Test
    void shouldRefuseAFifoAsTheReport() throws Exception
    {
        final Path fifo = SpecialFiles.mkfifo(dir.resolve("report.fifo"));

        assertEquals("isochron-demo: --report " + fifo + ": it is a FIFO (named pipe), not a regular file; give the " +
            "path of a regular file (see --help)", error("--report", fifo.toString()));
    }

    @Test
    void shouldRefuseADirectoryAsTheFrameCsv()
    {
        assertEquals("isochron-demo: --frame-csv " + dir + ": it is a directory; give a file name (see --help)",
            error("--frame-csv", dir.toString()));
    }

    @Test
    void shouldRefuseAFifoAsTheReplay() throws Exception
    {
        final Path fifo = SpecialFiles.mkfifo(dir.resolve("input.fifo"));

        assertEquals("isochron-demo: --replay " + fifo + " is a FIFO (named pipe), not a regular file; give a file " +
            "made with --record (see --help)", error("--replay", fifo.toString()));
    }

    @Test
    void shouldRefuseAMissingReplay()
    {
        final Path missing = dir.resolve("missing.isoinput");

        assertEquals("isochron-demo: --replay " + missing + " does not exist; give a file made with --record " +
            "(see --help)", error("--replay", missing.toString()));
    }

    @Test
    void shouldShowTheFileErrorBehindTheRuntimesFailureAsTheOneLine()
    {
        final UncheckedIOException full = new UncheckedIOException(
            "cannot write screenshot /data/shot.png: No space left on device",
            new IOException("cannot write screenshot /data/shot.png: No space left on device"));
        final ApplicationFailure failure = new ApplicationFailure(
            Phase.RUNTIME, "isochron-render", full);

        assertEquals("cannot write screenshot /data/shot.png: No space left on device",
            DemoLauncher.describe(DemoLauncher.fileFailure(failure)));
    }

    @Test
    void shouldKeepThePhaseAndThreadOfTheApplicationsOwnFailure()
    {
        final ApplicationFailure failure = new ApplicationFailure(
            Phase.RENDER, "isochron-render", new UncheckedIOException(
                "asset missing", new IOException("asset missing")));

        assertEquals(failure, DemoLauncher.fileFailure(failure));
    }

    /** @return the one line the launcher prints for {@code args}, after checking exit status 2. */
    private static String error(final String... args)
    {
        final StringWriter err = new StringWriter();
        final IllegalArgumentException ex = assertThrows(IllegalArgumentException.class, () -> DemoLauncher.parse(args),
            () -> "expected a bad command line: " + String.join(" ", args));
        assertEquals(DemoLauncher.EXIT_USAGE, DemoLauncher.onBadCommandLine(ex, new PrintWriter(err, true)));
        return err.toString().strip();
    }
}
