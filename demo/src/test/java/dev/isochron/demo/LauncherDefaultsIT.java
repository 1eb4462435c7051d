package dev.isochron.demo;

import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/** The packaged launcher with no arguments and no display: the first thing a new user runs. */
class LauncherDefaultsIT
{
    @TempDir
    Path dir;

    @Test
    void shouldRunSpritesHeadlessWriteTheDefaultScreenshotAndPrintASummaryWithNoArguments() throws Exception
    {
        final DemoProcess demo = DemoProcess.run(dir);

        assertEquals(0, demo.exitCode, demo::toString);
        final Path screenshot = dir.resolve("isochron-sprites.png");
        assertTrue(demo.stdout.contains("screenshot: " + screenshot.toAbsolutePath()), demo::toString);
        assertTrue(demo.stdout.contains("sprites/engine/multi"), demo::toString);
        assertTrue(demo.stdout.contains("alloc bytes/frame"), demo::toString);
        assertTrue(java.nio.file.Files.size(screenshot) > 0, demo::toString);
    }

    @Test
    void shouldSayItDrawsFewerSpritesOnASoftwareRendererWithNoArguments() throws Exception
    {
        final DemoProcess demo = DemoProcess.run(dir);

        assertEquals(0, demo.exitCode, demo::toString);
        assertTrue(demo.stdout.contains("draws on the CPU: 5,000 of 100,000 sprites so that the scene stays smooth; " +
            "give --count 100000 to draw them all"), demo::toString);
    }

    @Test
    void shouldDrawEveryAskedSpriteWhenCountIsGiven() throws Exception
    {
        final DemoProcess demo = DemoProcess.run(dir, "sprites", "--count", "2000", "--frames", "10", "--warmup", "2",
            "--width", "320", "--height", "240");

        assertEquals(0, demo.exitCode, demo::toString);
        assertFalse(demo.stdout.contains("draws on the CPU"), demo::toString);
    }

    @Test
    void shouldOpenAWindowAndEndCleanlyUnderAVirtualDisplay() throws Exception
    {
        assumeTrue(DemoProcess.xvfbAvailable(), "xvfb-run is not installed");
        final Path screenshot = dir.resolve("window.png");

        final DemoProcess demo = DemoProcess.run(dir, true, "chart", "--window", "--frames", "30", "--warmup", "5",
            "--width", Integer.toString(SceneSmoke.WIDTH), "--height", Integer.toString(SceneSmoke.HEIGHT),
            "--count", "100000", "--screenshot", screenshot.toString());

        assertEquals(0, demo.exitCode, demo::toString);
        assertTrue(demo.stdout.contains("chart/engine/multi: 30 frames"), demo::toString);
        SceneSmoke.assertNotBlank(screenshot);
    }
}
