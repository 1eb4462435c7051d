package dev.isochron.demo;

import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

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
}
