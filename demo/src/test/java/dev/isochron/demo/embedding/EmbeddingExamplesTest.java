package dev.isochron.demo.embedding;

import dev.isochron.engine.loop.LoopConfig;
import dev.isochron.engine.loop.PacingMode;
import dev.isochron.input.state.InputState;
import dev.isochron.render.Isochron;
import dev.isochron.render.context.ContextKind;
import dev.isochron.render.runtime.Application;
import dev.isochron.render.runtime.ExitCause;
import dev.isochron.render.runtime.Frame;
import dev.isochron.render.runtime.MeasurementConfig;
import dev.isochron.render.runtime.RendererKind;
import dev.isochron.render.runtime.RunResult;
import dev.isochron.render.runtime.RuntimeConfig;
import dev.isochron.render.runtime.Tick;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.lwjgl.glfw.GLFW.GLFW_KEY_RIGHT;

/**
 * Keeps docs/embedding.md honest: every example file of this package is quoted there character for character, and
 * each example that can run headless runs and does what the page says.
 */
class EmbeddingExamplesTest
{
    private static final Path EXAMPLES = Path.of("src/test/java/dev/isochron/demo/embedding");
    private static final Path PAGE = Path.of("../docs/embedding.md");

    @TempDir
    Path dir;

    @Test
    void shouldQuoteEveryExampleCharacterForCharacter() throws Exception
    {
        final String page = Files.readString(PAGE);
        final List<Path> examples;
        try (Stream<Path> files = Files.list(EXAMPLES))
        {
            examples = files.filter(p -> !p.getFileName().toString().endsWith("Test.java")).sorted()
                .collect(Collectors.toList());
        }

        assertEquals(10, examples.size(), examples.toString());
        for (final Path example : examples)
        {
            assertTrue(page.contains("```java\n" + Files.readString(example) + "```\n"),
                "docs/embedding.md must quote " + example + " whole, in a ```java block");
        }
    }

    @Test
    void shouldDrawTheTexturedSpritesAndTheTextHeadless() throws Exception
    {
        final Path png = dir.resolve("sprites.png");

        final RunResult result = Isochron.run(new TexturedSprites(), new RuntimeConfig().context(ContextKind.HEADLESS)
            .size(128, 64).measurement(new MeasurementConfig().warmupFrames(0).frames(3).screenshotPath(png)));

        assertEquals(ExitCause.FRAME_LIMIT, result.exitCause());
        final BufferedImage image = ImageIO.read(png.toFile());
        assertEquals(0x40FF40, image.getRGB(12, 12) & 0xFFFFFF, "the checker's white texel, tinted green");
        assertEquals(0x000000, image.getRGB(30, 12) & 0xFFFFFF, "the checker's black texel");
        int lit = 0;
        for (int y = 48; y < 64; y++)
        {
            for (int x = 8; x < 80; x++)
            {
                lit += (image.getRGB(x, y) & 0xFFFFFF) != 0 ? 1 : 0;
            }
        }
        assertTrue(lit > 20, "the text is drawn, " + lit + " lit pixels");
    }

    @Test
    void shouldPostProcessTheWorldAddTheSparksAndClipThePanelHeadless() throws Exception
    {
        final Path png = dir.resolve("passes.png");

        final RunResult result = Isochron.run(new PostProcessedWorld(), new RuntimeConfig()
            .context(ContextKind.HEADLESS).size(128, 64)
            .measurement(new MeasurementConfig().warmupFrames(0).frames(3).screenshotPath(png)));

        assertEquals(ExitCause.FRAME_LIMIT, result.exitCause());
        final BufferedImage image = ImageIO.read(png.toFile());
        final float pulse = PostProcessedWorld.pulse(2);
        final int world = image.getRGB(40, 30);
        assertEquals(Math.round(0x30 * pulse), (world >> 16) & 0xFF, 2, "the world's red, through the shader");
        assertEquals(Math.round(0x60 * pulse), (world >> 8) & 0xFF, 2, "green");
        assertEquals(Math.round(0xFF * pulse), world & 0xFF, 2, "blue");
        assertEquals(0x000000, image.getRGB(8, 8) & 0xFFFFFF, "the target's cleared black, outside the world's shapes");
        assertTrue(((image.getRGB(96, 40) >> 16) & 0xFF) > 100, "an additive spark");
        assertEquals(0xFFFFFF, image.getRGB(110, 8) & 0xFFFFFF, "the panel inside its clip");
        assertTrue((image.getRGB(94, 2) & 0xFFFFFF) != 0xFFFFFF, "the panel outside its clip");
    }

    @Test
    void shouldRunThePassesWithoutGl()
    {
        final RunResult result = Isochron.run(new PostProcessedWorld(),
            new RuntimeConfig().renderer(RendererKind.NULL)
                .measurement(new MeasurementConfig().warmupFrames(0).frames(3)));

        assertEquals(ExitCause.FRAME_LIMIT, result.exitCause());
    }

    @Test
    void shouldRunTheTexturedSpritesWithoutGl()
    {
        final RunResult result = Isochron.run(new TexturedSprites(),
            new RuntimeConfig().renderer(RendererKind.NULL)
                .measurement(new MeasurementConfig().warmupFrames(0).frames(3)));

        assertEquals(ExitCause.FRAME_LIMIT, result.exitCause());
    }

    @Test
    void shouldCentreTheWrappedCaptionOnItsPanelHeadless() throws Exception
    {
        final Path png = dir.resolve("caption.png");

        final RunResult result = Isochron.run(new WrappedCaption(), new RuntimeConfig().context(ContextKind.HEADLESS)
            .size(160, 64).hudVisible(false)
            .measurement(new MeasurementConfig().warmupFrames(0).frames(3).screenshotPath(png)));

        assertEquals(ExitCause.FRAME_LIMIT, result.exitCause());
        final BufferedImage image = ImageIO.read(png.toFile());
        assertEquals(0x203060, image.getRGB(5, 5) & 0xFFFFFF, "the panel");
        int left = Integer.MAX_VALUE;
        int right = -1;
        int bottom = -1;
        for (int y = 0; y < 64; y++)
        {
            for (int x = 0; x < 160; x++)
            {
                if ((image.getRGB(x, y) & 0xFFFFFF) == 0xFFFFFF)
                {
                    left = Math.min(left, x);
                    right = Math.max(right, x);
                    bottom = Math.max(bottom, y);
                }
            }
        }
        final float centre = 8 + WrappedCaption.WIDTH / 2;
        assertTrue(Math.abs((left + right + 1) / 2f - centre) <= 3, "text from x " + left + " to " + right);
        assertTrue(bottom > 8 + 10, "the caption wraps onto more than one line, last ink at y " + bottom);
    }

    @Test
    void shouldRunTheLetterboxedWorldWithoutAWindow()
    {
        final RunResult result = Isochron.run(new LetterboxedWorld(), new RuntimeConfig().renderer(RendererKind.NULL)
            .size(640, 480).measurement(new MeasurementConfig().warmupFrames(0).frames(3)));
    }

    /** Writes a 16x8 atlas page (walk_0 red, walk_1 green, the rest blue), its atlas, and a 2x2 white backdrop. */
    private LoadedTextures loadedTextures() throws Exception
    {
        final BufferedImage page = new BufferedImage(16, 8, BufferedImage.TYPE_INT_ARGB);
        for (int y = 0; y < 8; y++)
        {
            for (int x = 0; x < 16; x++)
            {
                page.setRGB(x, y, y < 4 && x < 4 ? 0xFFFF0000 : y < 4 && x < 8 ? 0xFF00FF00 : 0xFF0000FF);
            }
        }
        ImageIO.write(page, "png", dir.resolve("walk.png").toFile());
        Files.writeString(dir.resolve("walk.atlas"), "walk.png\nsize:16,8\nfilter:Nearest,Nearest\nrepeat:none\n" +
            "walk\nbounds:4,0,4,4\nindex:1\nwalk\nbounds:0,0,4,4\nindex:0\n");
        final BufferedImage backdrop = new BufferedImage(2, 2, BufferedImage.TYPE_INT_ARGB);
        for (int i = 0; i < 4; i++)
        {
            backdrop.setRGB(i % 2, i / 2, 0xFFFFFFFF);
        }
        ImageIO.write(backdrop, "png", dir.resolve("backdrop.png").toFile());
        return new LoadedTextures(dir.resolve("walk.atlas"), dir.resolve("backdrop.png"));
    }

    @Test
    void shouldDrawTheWalkCycleOverTheBackdropOnceLoaded() throws Exception
    {
        final Path png = dir.resolve("loaded.png");

        final RunResult result = Isochron.run(loadedTextures(), new RuntimeConfig().context(ContextKind.HEADLESS)
            .size(128, 64).loop(new LoopConfig().pacing(PacingMode.TARGET_FPS).targetFps(60))
            .measurement(new MeasurementConfig().warmupFrames(0).frames(300).screenshotPath(png))); // 5 s, under load

        assertEquals(ExitCause.FRAME_LIMIT, result.exitCause());
        final BufferedImage image = ImageIO.read(png.toFile());
        assertEquals(0xFFFFFF, image.getRGB(4, 4) & 0xFFFFFF, "the backdrop, asked for at frame 10");
        final int step = image.getRGB(64, 32) & 0xFFFFFF;
        assertTrue(0xFF0000 == step || 0x00FF00 == step, "a frame of the walk cycle: " + Integer.toHexString(step));
    }

    @Test
    void shouldRunTheLoadedTexturesWithoutGl() throws Exception
    {
        final RunResult result = Isochron.run(loadedTextures(), new RuntimeConfig().renderer(RendererKind.NULL)
            .measurement(new MeasurementConfig().warmupFrames(0).frames(20)));

        assertEquals(ExitCause.FRAME_LIMIT, result.exitCause());
    }

    /** Ends the run on the first tick that sees the right arrow held. */
    static final class RightArrowWatcher implements Application<long[]>
    {
        volatile long seenAtTick = -1;

        public long[] newRenderState()
        {
            return new long[1];
        }

        public void update(final Tick tick, final InputState input)
        {
            if (input.isKeyDown(GLFW_KEY_RIGHT) && seenAtTick < 0)
            {
                seenAtTick = tick.index();
                tick.requestExit();
            }
        }

        public void writeRenderState(final long[] dest)
        {
        }

        public void render(final long[] state, final Frame frame)
        {
        }
    }

    @Test
    void shouldFeedTheScriptedKeysToTheTicks()
    {
        final RightArrowWatcher app = new RightArrowWatcher();

        final RunResult result = Isochron.run(app, new RuntimeConfig().renderer(RendererKind.NULL)
            .measurement(new MeasurementConfig().seconds(20))
            .addInputSource(producer -> new ScriptedKeys(producer, GLFW_KEY_RIGHT, 500)));

        assertEquals(ExitCause.EXIT_REQUESTED, result.exitCause());
        assertTrue(app.seenAtTick >= 0);
    }

    /** Sleeps in one tick, long after the watchdog's start-up allowance, then ends the run. */
    static final class SlowTick implements Application<long[]>
    {
        public long[] newRenderState()
        {
            return new long[1];
        }

        public void update(final Tick tick, final InputState input)
        {
            if (tick.index() == 40)
            {
                try
                {
                    Thread.sleep(150);
                }
                catch (final InterruptedException ex)
                {
                    Thread.currentThread().interrupt();
                }
            }
            if (tick.index() == 60)
            {
                tick.requestExit();
            }
        }

        public void writeRenderState(final long[] dest)
        {
        }

        public void render(final long[] state, final Frame frame)
        {
        }
    }

    @Test
    void shouldLogTheStallsInsteadOfPrintingThem()
    {
        final StallLog log = new StallLog();

        Isochron.run(new SlowTick(), new RuntimeConfig().renderer(RendererKind.NULL)
            .measurement(new MeasurementConfig().seconds(20))
            .loop(new LoopConfig().tickRateHz(240))
            .stallWatchdog(Duration.ofMillis(50)).stallWatchdogStartUp(0, Duration.ofMillis(50)).stallReporter(log));

        assertTrue(log.lines().stream().anyMatch(line -> line.startsWith("isochron-simulation stalled ")),
            log.lines().toString());
    }

    @Test
    void shouldAddThePoolsGrowthToTheReport() throws Exception
    {
        final Path json = dir.resolve("report.json");

        final RunResult result = PooledSparks.run(new RuntimeConfig().renderer(RendererKind.NULL)
            .measurement(new MeasurementConfig().warmupFrames(0).frames(300)).loop(new LoopConfig().tickRateHz(240)), json);

        assertEquals(ExitCause.FRAME_LIMIT, result.exitCause());
        assertTrue(Files.readString(json).contains("\n  \"sparkPoolGrowth\": 0.0"), Files.readString(json));
    }

    @Test
    void shouldRunTheEngineLoopDeterministically() throws Exception
    {
        final PrintStream out = System.out;
        final ByteArrayOutputStream captured = new ByteArrayOutputStream();
        System.setOut(new PrintStream(captured, true, StandardCharsets.UTF_8));
        try
        {
            EngineLoopOnly.main(new String[0]);
        }
        finally
        {
            System.setOut(out);
        }

        assertEquals("60 ticks, position 10.00, 60 frames measured" + System.lineSeparator(),
            captured.toString(StandardCharsets.UTF_8));
    }
}
