package dev.isochron.render.runtime;

import dev.isochron.engine.loop.LoopConfig;
import dev.isochron.engine.metrics.RunReport;
import dev.isochron.input.synthetic.SyntheticInputConfig;
import dev.isochron.render.Isochron;
import dev.isochron.render.testing.RunAllocation;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.*;

/**
 * The runtime's promise, read from its own {@link dev.isochron.engine.metrics.ThreadAllocationMeter} in the run
 * report: over 2,000 headless GL frames of 10,000 sprites, text and lines, after the warm-up frames, with a
 * synthetic input source attached and the HUD overlay visible, no engine thread allocates a byte; in checking mode
 * too.
 */
class RuntimeAllocationTest
{
    private static final int SPRITES = 10_000;
    private static final int WARMUP_FRAMES = 3_000;
    private static final int JIT_WARMUP_FRAMES = 12_000;
    private static final int MEASURED_FRAMES = 2_000;
    private static final double TICK_RATE_HZ = 1_000;

    /**
     * Compiles the shared frame path before any measured window: a compile transition of a method called once per
     * frame can allocate once, and such methods reach the optimising compiler only after thousands of calls. The
     * null renderer runs the same runtime, batches, input and simulation code twenty times faster than llvmpipe.
     */
    @BeforeAll
    static void compileTheFramePath()
    {
        final Threading[] modes = Threading.values();
        final SpritePath[] paths = {SpritePath.VERTICES, SpritePath.INSTANCED};
        for (int i = 0; i < modes.length; i++)
        {
            for (int p = 0; p < paths.length; p++)
            {
                Isochron.run(new TestScene(SPRITES), jitWarmup(config(modes[i]).renderer(RendererKind.NULL)
                    .spritePath(paths[p])));
            }
        }
        // checking mode's verifications and assertions, compiled the same way (AUTO draws vertices on llvmpipe)
        Isochron.run(new TestScene(SPRITES), jitWarmup(config(Threading.MULTI).checked(true)
            .renderer(RendererKind.NULL).spritePath(SpritePath.VERTICES)));
    }

    /** @return {@code config} with its measurement changed to a JIT warm-up run: no warm-up, a short frame limit. */
    private static RuntimeConfig jitWarmup(final RuntimeConfig config)
    {
        config.measurement().warmupFrames(0).frames(JIT_WARMUP_FRAMES);
        return config;
    }

    private static RuntimeConfig config(final Threading threading)
    {
        // 1 kHz ticks: the simulation's code runs often enough to be compiled during the warm-up frames, not
        // inside the measured window (a compile transition can allocate once)
        return ApplicationRunnerTest.headless(threading)
            .loop(new LoopConfig().tickRateHz(TICK_RATE_HZ))
            .workers(1)
            .forkMinQuads(0) // every frame through the worker: its path is what this proves allocation-free
            .hudVisible(true)
            .spriteCapacity(SPRITES + 256)
            .measurement(new MeasurementConfig()
                .warmupFrames(WARMUP_FRAMES)
                .frames(WARMUP_FRAMES + MEASURED_FRAMES + 1)
                .syntheticInput(new SyntheticInputConfig().mouseDragHz(2_000)));
    }

    private static void assertZeroPerFrame(final RunReport report)
    {
        RunAllocation.assertZeroPerFrame(report, MEASURED_FRAMES);
    }

    @Test
    void shouldAllocateNothingOnAnyThreadMultiThreaded()
    {
        final TestScene scene = new TestScene(SPRITES);
        final RunResult result = Isochron.run(scene, config(Threading.MULTI));

        assertZeroPerFrame(result.report());
        assertTrue(scene.totalEventsSeen > 0, "synthetic input reached the simulation");
        assertTrue(scene.listenerMouseMoves > 0, "and the application's input listener");
    }

    @Test
    void shouldAllocateNothingOnAnyThreadSingleThreaded()
    {
        final TestScene scene = new TestScene(SPRITES);
        final RunResult result = Isochron.run(scene, config(Threading.SINGLE));

        assertZeroPerFrame(result.report());
        assertTrue(scene.totalEventsSeen > 0, "synthetic input reached the simulation");
    }

    /** The instanced sprite path (AUTO draws vertices on llvmpipe, so the tests above prove the vertex path there). */
    @Test
    void shouldAllocateNothingOnAnyThreadWithInstancedSprites()
    {
        final TestScene scene = new TestScene(SPRITES);
        final RunResult result = Isochron.run(scene, config(Threading.MULTI).spritePath(SpritePath.INSTANCED));

        assertZeroPerFrame(result.report());
        assertEquals(1.0, result.report().extraValue("instancedSprites"));
    }

    /**
     * Checking mode verifies guard bands at the end of every frame, asserts every reservation and slice and checks the
     * owning thread at every GL entry point: all of it without allocating.
     */
    @Test
    void shouldAllocateNothingOnAnyThreadInCheckingMode()
    {
        final TestScene scene = new TestScene(SPRITES);
        final RunResult result = Isochron.run(scene, config(Threading.MULTI).checked(true));

        assertZeroPerFrame(result.report());
        assertEquals(1.0, result.report().extraValue("checked"));
    }
}
