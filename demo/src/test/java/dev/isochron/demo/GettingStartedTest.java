package dev.isochron.demo;

import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;

import javax.imageio.ImageIO;

import dev.isochron.engine.loop.LoopConfig;
import dev.isochron.engine.loop.PacingMode;
import dev.isochron.render.Isochron;
import dev.isochron.render.context.ContextKind;
import dev.isochron.render.runtime.ExitCause;
import dev.isochron.render.runtime.RunResult;
import dev.isochron.render.runtime.RuntimeConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Keeps docs/getting-started.md honest: the guide quotes {@link GettingStartedApp} verbatim, and the app runs
 * headless and draws its square and its text.
 */
class GettingStartedTest
{
    private static final Path APP_SOURCE = Path.of("src/test/java/dev/isochron/demo/GettingStartedApp.java");
    private static final Path GUIDE = Path.of("../docs/getting-started.md");

    @TempDir
    Path dir;

    @Test
    void shouldQuoteTheAppsCodeInTheGuide() throws Exception
    {
        final String code = Files.readString(APP_SOURCE).strip();
        final String guide = Files.readString(GUIDE);

        assertTrue(guide.contains(code), "docs/getting-started.md must quote " + APP_SOURCE + " verbatim");
    }

    @Test
    void shouldKeepTheFirstAppUnderThirtyLines() throws Exception
    {
        final long lines = Files.readAllLines(APP_SOURCE).size();

        assertTrue(lines < 30, "the first app must stay under 30 lines, has " + lines);
    }

    @Test
    void shouldDrawTheSquareAndTheTextHeadless() throws Exception
    {
        final Path screenshot = dir.resolve("first-app.png");
        final RuntimeConfig config = new RuntimeConfig()
            .context(ContextKind.HEADLESS)
            .size(320, 240)
            .loop(new LoopConfig().pacing(PacingMode.UNCAPPED))
            .warmupFrames(0)
            .frames(10)
            .screenshotPath(screenshot);

        final RunResult result = Isochron.run(new GettingStartedApp(), config);

        assertEquals(ExitCause.FRAME_LIMIT, result.exitCause());
        final BufferedImage image = ImageIO.read(screenshot.toFile());
        assertEquals(0xFF8800, image.getRGB(116, 116) & 0xFFFFFF, "the square's centre is orange");
        int textPixels = 0;
        for (int y = 8; y < 24; y++)
        {
            for (int x = 8; x < 300; x++)
            {
                if ((image.getRGB(x, y) & 0xFFFFFF) == 0xFFFFFF)
                {
                    textPixels++;
                }
            }
        }
        assertTrue(textPixels > 100, "the text is drawn in white, found " + textPixels + " white pixels");
    }
}
