package dev.isochron.demo;

import java.io.PrintWriter;
import java.io.StringWriter;

import dev.isochron.demo.effects.EffectsScene;
import dev.isochron.engine.loop.PacingMode;
import dev.isochron.render.context.ContextKind;
import dev.isochron.render.context.WindowApi;
import dev.isochron.render.runtime.RendererKind;
import dev.isochron.render.runtime.RuntimeConfig;
import dev.isochron.render.runtime.SpritePath;
import dev.isochron.render.runtime.VertexStreaming;
import dev.isochron.render.runtime.Threading;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The launcher's option handling in-process: defaults, validation messages and the runtime configuration. */
class DemoLauncherTest
{
    @Test
    void shouldDefaultToHeadlessUncappedSpritesForAFewSecondsWithADefaultScreenshotWithoutADisplay()
    {
        final DemoSettings settings = settings("--headless");

        assertEquals(SceneName.SPRITES, settings.scene());
        assertEquals(100_000, settings.count());
        assertEquals(DemoSettings.DEFAULT_HEADLESS_SECONDS, settings.seconds());
        assertEquals(0, settings.targetFps());
        assertEquals("isochron-sprites.png", settings.screenshot().toString());
        assertTrue(settings.screenshotDefaulted());
    }

    @Test
    void shouldRunStormOverTheListAtTenThousandEventsPerSecondByDefault()
    {
        final DemoSettings settings = settings("storm", "--headless", "--frames", "10");

        assertEquals(SceneName.LIST, settings.drawnScene());
        assertEquals(10_000, settings.inputRate());
        assertEquals(100_000, settings.count());
    }

    @Test
    void shouldMakeTheEffectsSceneWithTwoThousandParticlesByDefault()
    {
        final DemoSettings settings = settings("effects", "--headless", "--frames", "10");
        final RuntimeConfig config = DemoRun.config(settings);

        assertEquals(SceneName.EFFECTS, settings.drawnScene());
        assertEquals(2_000, settings.count());
        assertTrue(DemoRun.application(settings, config) instanceof EffectsScene);
    }

    @Test
    void shouldCountTheMeasuredFramesAfterTheWarmUp()
    {
        final RuntimeConfig config = DemoRun.config(settings("--headless", "--frames", "200", "--warmup", "50"));

        assertEquals(251, config.measurement().frames());
        assertEquals(50, config.measurement().warmupFrames());
    }

    @Test
    void shouldMeasureTheHeapAfterTheRunOnlyWhenWritingAReport()
    {
        assertTrue(DemoRun.config(settings("--headless", "--frames", "5", "--report", "run.json")).measurement()
            .measureHeapAfterRun());
        assertFalse(DemoRun.config(settings("--headless", "--frames", "5")).measurement().measureHeapAfterRun());
    }

    @Test
    void shouldMapTheOptionsOntoTheRuntimeConfiguration()
    {
        final RuntimeConfig config = DemoRun.config(settings("list", "--headless", "--frames", "5", "--threading",
            "single", "--workers", "2", "--renderer", "null", "--target-fps", "30", "--width", "640", "--height", "480"));

        assertEquals(ContextKind.HEADLESS, config.context());
        assertEquals(Threading.SINGLE, config.threading());
        assertEquals(2, config.workers());
        assertEquals(RendererKind.NULL, config.renderer());
        assertEquals(PacingMode.TARGET_FPS, config.loop().pacing());
        assertEquals(30.0, config.loop().targetFps());
        assertEquals(640, config.width());
        assertEquals(480, config.height());
    }

    @Test
    void shouldPrintStallsAsOneLineUnlessStacksAreAskedFor()
    {
        assertFalse(DemoRun.config(settings("--headless")).stallStacks());
        assertTrue(DemoRun.config(settings("--headless", "--stall-stacks")).stallStacks());
    }

    @Test
    void shouldStreamVerticesAsAskedWithAutoByDefault()
    {
        assertEquals(VertexStreaming.AUTO, DemoRun.config(settings("--headless")).vertexStreaming());
        assertEquals(VertexStreaming.RING,
            DemoRun.config(settings("--headless", "--vertex-streaming", "ring")).vertexStreaming());
        assertEquals(VertexStreaming.STAGING,
            DemoRun.config(settings("--headless", "--vertex-streaming", "staging")).vertexStreaming());
        assertEquals("--vertex-streaming must be one of [auto, ring, staging], was 'mapped'",
            assertThrows(IllegalArgumentException.class,
                () -> settings("--headless", "--vertex-streaming", "mapped")).getMessage());
    }

    @Test
    void shouldDrawSpritesAsAskedWithAutoByDefault()
    {
        assertEquals(SpritePath.AUTO, DemoRun.config(settings("--headless")).spritePath());
        assertEquals(SpritePath.INSTANCED,
            DemoRun.config(settings("--headless", "--sprite-path", "instanced")).spritePath());
        assertEquals(SpritePath.VERTICES,
            DemoRun.config(settings("--headless", "--sprite-path", "vertices")).spritePath());
        assertEquals("--sprite-path must be one of [auto, instanced, vertices], was 'points'",
            assertThrows(IllegalArgumentException.class,
                () -> settings("--headless", "--sprite-path", "points")).getMessage());
    }

    @Test
    void shouldRunCheckedOnlyWhenAskedFor()
    {
        assertFalse(DemoRun.config(settings("--headless")).checked(), "checking mode is off by default");
        assertTrue(DemoRun.config(settings("--headless", "--checked")).checked());
        assertTrue(DemoLauncher.checkedAsked(new String[] {"chart", "--checked"}));
        assertFalse(DemoLauncher.checkedAsked(new String[] {"chart", "--", "--checked"}));
    }

    @Test
    void shouldTreatTargetFpsZeroAsUncapped()
    {
        final RuntimeConfig config = DemoRun.config(settings("--window", "--target-fps", "0"));

        assertEquals(PacingMode.UNCAPPED, config.loop().pacing());
    }

    @Test
    void shouldRejectFramesAndSecondsTogetherNamingBoth()
    {
        assertEquals("isochron-demo: --frames and --seconds are mutually exclusive: give one of them (see --help)",
            error("--frames", "5", "--seconds", "2"));
    }

    @Test
    void shouldRejectAnOutOfRangeTickRateNamingTheRange()
    {
        assertEquals("isochron-demo: --tick-rate must be in (0, 10000] Hz, was 0.0 (see --help)",
            error("--tick-rate", "0"));
    }

    @Test
    void shouldRejectAnUnknownRendererNamingTheAllowedValues()
    {
        assertEquals("isochron-demo: --renderer must be one of [gl, null], was 'vulkan' (see --help)",
            error("--renderer", "vulkan"));
    }

    @Test
    void shouldRejectTheSceneOptionOutsideTheStorm()
    {
        final String error = error("list", "--scene", "chart");

        assertTrue(error.startsWith("isochron-demo: --scene applies to the storm scene only"), error);
    }

    @Test
    void shouldRejectVsyncWithoutAWindow()
    {
        final String error = error("--headless", "--vsync");

        assertTrue(error.contains("--vsync needs a window"), error);
        assertFalse(error.contains("\n"), error);
    }

    @Test
    void shouldOpenTheWindowThroughTheNativeApiByDefault()
    {
        assertEquals(WindowApi.AUTO, DemoRun.config(settings("--window")).windowApi());
    }

    @Test
    void shouldPassTheAskedWindowApiToTheRuntime()
    {
        assertEquals(WindowApi.EGL, DemoRun.config(settings("--window", "--window-api", "egl")).windowApi());
        assertEquals(WindowApi.NATIVE, DemoRun.config(settings("--window", "--window-api", "native")).windowApi());
    }

    @Test
    void shouldRejectAWindowApiForAHeadlessRun()
    {
        assertEquals("isochron-demo: --window-api needs a window (headless runs use EGL): drop --window-api or use " +
            "--window (see --help)", error("--headless", "--window-api", "egl"));
    }

    @Test
    void shouldRejectAnUnknownWindowApiNamingTheAllowedValues()
    {
        assertEquals("isochron-demo: --window-api must be one of [auto, native, egl], was 'vulkan' (see --help)",
            error("--window", "--window-api", "vulkan"));
    }

    private static DemoSettings settings(final String... args)
    {
        return DemoLauncher.parse(args);
    }

    /** @return the one line the launcher prints for {@code args}, after checking exit status 2. */
    private static String error(final String... args)
    {
        final StringWriter err = new StringWriter();
        final int exit;
        try
        {
            DemoLauncher.parse(args);
            throw new AssertionError("expected a bad command line: " + String.join(" ", args));
        }
        catch (final IllegalArgumentException ex)
        {
            exit = DemoLauncher.onBadCommandLine(ex, new PrintWriter(err, true));
        }
        assertEquals(DemoLauncher.EXIT_USAGE, exit);
        return err.toString().strip();
    }
}
