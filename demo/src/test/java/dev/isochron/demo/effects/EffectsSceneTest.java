package dev.isochron.demo.effects;

import dev.isochron.engine.loop.LoopConfig;
import dev.isochron.engine.metrics.RunReport;
import dev.isochron.engine.loop.PacingMode;
import dev.isochron.engine.metrics.ThreadRole;
import dev.isochron.input.synthetic.SyntheticInputConfig;
import dev.isochron.render.Isochron;
import dev.isochron.render.context.ContextKind;
import dev.isochron.render.runtime.ExitCause;
import dev.isochron.render.runtime.MeasurementConfig;
import dev.isochron.render.runtime.RendererKind;
import dev.isochron.render.runtime.RunResult;
import dev.isochron.render.runtime.RuntimeConfig;
import dev.isochron.render.runtime.Threading;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The effects scene's picture (trails, glow, sparks, the clipped panel) and its frames allocating nothing. */
class EffectsSceneTest
{
    private static final int WIDTH = 200;
    private static final int HEIGHT = 120;

    @TempDir
    Path dir;

    @Test
    void shouldDrawTheTrailsTheSparksAndThePanelClipped() throws Exception
    {
        final Path png = dir.resolve("effects.png");

        final RunResult result = Isochron.run(new EffectsScene(400, WIDTH, HEIGHT), new RuntimeConfig()
            .context(ContextKind.HEADLESS).size(WIDTH, HEIGHT).threading(Threading.SINGLE)
            .measurement(new MeasurementConfig().warmupFrames(0).frames(60).screenshotPath(png)));

        assertEquals(ExitCause.FRAME_LIMIT, result.exitCause());
        final BufferedImage image = ImageIO.read(png.toFile());
        final int panelX = WIDTH - EffectsScene.PANEL_WIDTH - 4;
        final int panelRgb = 0x182040;
        int marginText = 0;
        int clippedText = 0;
        for (int y = 4; y < 4 + EffectsScene.PANEL_HEIGHT; y++)
        {
            for (int x = panelX; x < panelX + EffectsScene.PANEL_WIDTH; x++)
            {
                final boolean inClip = x >= panelX + EffectsScene.PANEL_INSET &&
                    x < panelX + EffectsScene.PANEL_WIDTH - EffectsScene.PANEL_INSET &&
                    y >= 4 + EffectsScene.PANEL_INSET && y < 4 + EffectsScene.PANEL_HEIGHT - EffectsScene.PANEL_INSET;
                final boolean text = (image.getRGB(x, y) & 0xFFFFFF) != panelRgb;
                if (text && inClip)
                {
                    clippedText++;
                }
                else if (text)
                {
                    marginText++;
                }
            }
        }
        assertTrue(clippedText > 50, "text inside the panel's clip: " + clippedText + " pixels");
        assertEquals(0, marginText, "text outside the panel's clip");
        int lit = 0;
        for (int y = 0; y < HEIGHT; y++)
        {
            for (int x = 0; x < panelX; x++)
            {
                final int rgb = image.getRGB(x, y);
                lit += ((rgb >> 16) & 0xFF) > 120 ? 1 : 0;
            }
        }
        assertTrue(lit > 200, "particles, their sparks and their glowing trails light the scene: " + lit + " pixels");
    }

    @Test
    void shouldAllocateNothingPerFrame()
    {
        final RuntimeConfig config = new RuntimeConfig().renderer(RendererKind.NULL).size(WIDTH, HEIGHT)
            .loop(new LoopConfig().tickRateHz(1_000))
            .measurement(new MeasurementConfig().warmupFrames(0).frames(12_000));
        Isochron.run(new EffectsScene(2_000, WIDTH, HEIGHT), config);

        final RunResult result = Isochron.run(new EffectsScene(2_000, WIDTH, HEIGHT), new RuntimeConfig()
            .renderer(RendererKind.NULL).size(WIDTH, HEIGHT).loop(new LoopConfig().tickRateHz(1_000))
            .measurement(new MeasurementConfig().warmupFrames(3_000).frames(4_001)));

        final RunReport report = result.report();
        assertEquals(1_000, report.frames());
        final ThreadRole[] roles = ThreadRole.values();
        for (int i = 0; i < roles.length; i++)
        {
            assertEquals(0.0, report.allocBytesPerFrame(roles[i]), roles[i].reportKey() + ": " + report.toJson());
        }
    }

    @Test
    void shouldKeepTheWorldsAspectWithBarsInASquareWindow() throws Exception
    {
        final BufferedImage image = run(240, 240, null);

        // 640x360 fitted into 240x240: a 240x135 rectangle, centred, bars of 52 and 53 rows above and below
        assertEquals(0x000000, image.getRGB(20, 10) & 0xFFFFFF, "the bar above the world");
        assertEquals(0x000000, image.getRGB(20, 232) & 0xFFFFFF, "the bar below the world");
        assertEquals(EffectsScene.WORLD_RGBA & 0xFFFFFF, swapRedBlue(image.getRGB(2, 60) & 0xFFFFFF),
            "the world's background at its left edge, just inside the rectangle");
    }

    @Test
    void shouldMoveTheOrbitsCentreWhereTheLeftButtonDrags() throws Exception
    {
        // the synthetic source drags the left button around a 4-pixel circle at window (200, 120)
        final BufferedImage image = run(240, 240,
            new SyntheticInputConfig().mouseDragHz(400).keyMashHz(0).scrollStormHz(0).path(200, 120, 4));

        final int line = crossHairColumn(image);
        assertTrue(line >= 190 && line <= 210, "the centre's vertical line follows the drag to x ~200, found at " + line);
    }

    @Test
    void shouldKeepTheOrbitCentredWithoutInput() throws Exception
    {
        final int line = crossHairColumn(run(240, 240, null));

        assertTrue(line >= 118 && line <= 122, "the centre's vertical line at the world's middle, found at " + line);
    }

    private BufferedImage run(final int width, final int height, final SyntheticInputConfig input) throws Exception
    {
        final Path png = dir.resolve("effects-" + width + "x" + height + (null == input ? "" : "-input") + ".png");
        final MeasurementConfig measurement = new MeasurementConfig().warmupFrames(0).frames(90).screenshotPath(png);
        if (null != input)
        {
            measurement.syntheticInput(input);
        }
        final RunResult result = Isochron.run(new EffectsScene(200, width, height), new RuntimeConfig()
            .context(ContextKind.HEADLESS).size(width, height).hudVisible(false)
            .loop(new LoopConfig().pacing(PacingMode.TARGET_FPS).targetFps(60))
            .measurement(measurement));
        assertEquals(ExitCause.FRAME_LIMIT, result.exitCause());
        return ImageIO.read(png.toFile());
    }

    /** @return the column holding the most pixels of the cross-hair's colour inside the world's rectangle. */
    private static int crossHairColumn(final BufferedImage image)
    {
        int best = -1;
        int bestCount = 0;
        for (int x = 0; x < image.getWidth(); x++)
        {
            int count = 0;
            for (int y = 53; y < 187; y++)
            {
                count += (image.getRGB(x, y) & 0xFFFFFF) == 0x282830 ? 1 : 0;
            }
            if (count > bestCount)
            {
                bestCount = count;
                best = x;
            }
        }
        return best;
    }

    /** Rgba packs red in the lowest byte; an image's RGB has it in the highest. */
    private static int swapRedBlue(final int rgb)
    {
        return ((rgb & 0xFF) << 16) | (rgb & 0xFF00) | ((rgb >> 16) & 0xFF);
    }
}
