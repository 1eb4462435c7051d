package dev.isochron.render.runtime;

import dev.isochron.engine.loop.LoopConfig;
import dev.isochron.engine.loop.PacingMode;
import dev.isochron.input.state.InputState;
import dev.isochron.render.Isochron;
import dev.isochron.render.testing.RunAllocation;
import dev.isochron.render.batch.Rgba;
import dev.isochron.render.texture.TextureHandle;
import dev.isochron.render.texture.TextureState;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The runtime's promise with textures loading: over 2,000 measured frames of the null renderer, in which the
 * application asks for a texture from {@code render()} as soon as it is unloaded and releases it as soon as it is
 * ready (so the frames see requests pending, decodes completing and textures released, again and again), no engine
 * thread allocates a byte. The GL upload allocates the texture's object when it completes (documented on
 * {@code TextureTable}); the null renderer makes a completed decode ready without one.
 */
class RuntimeTexturesAllocationTest
{
    private static final int WARMUP_FRAMES = 3_000;
    private static final int JIT_WARMUP_FRAMES = 12_000;
    private static final int MEASURED_FRAMES = 2_000;

    /** Cycles one texture through load, ready, unload and unloaded, drawing its key every frame. */
    static final class Cycler implements Application<Object>
    {
        private TextureHandle handle;
        long cycles;

        public Object newRenderState()
        {
            return new Object();
        }

        public void init(final Init init)
        {
            handle = init.declareTexture(RuntimeTexturesTest.resource("sprites.png"));
        }

        public void update(final Tick tick, final InputState input)
        {
        }

        public void writeRenderState(final Object dest)
        {
        }

        public void render(final Object state, final Frame frame)
        {
            final TextureState now = handle.state();
            if (TextureState.UNLOADED == now)
            {
                handle.load();
            }
            else if (TextureState.READY == now)
            {
                cycles++;
                handle.unload();
            }
            frame.sprites().draw(handle.textureKey(), 0f, 0f, 1f, 1f, 0f, 0f, 16f, 8f, 0f, 0f, 0f, Rgba.WHITE);
        }
    }

    private static RuntimeConfig config(final int warmupFrames, final int frames)
    {
        return ApplicationRunnerTest.headless(Threading.MULTI)
            .renderer(RendererKind.NULL)
            // paced: the loader thread must get its turns on a loaded machine; uncapped, 5,000 null frames took 0.15 s
            // and a CI run under load saw only 3 load-ready-unload cycles in them
            .loop(new LoopConfig().tickRateHz(1_000).pacing(PacingMode.TARGET_FPS).targetFps(1_000))
            .measurement(ApplicationRunnerTest.measured().warmupFrames(warmupFrames).frames(frames));
    }

    /** Compiles the frame path, the texture step's included, before any measured window (see RuntimeAllocationTest). */
    @BeforeAll
    static void compileTheFramePath()
    {
        Isochron.run(new Cycler(), config(0, JIT_WARMUP_FRAMES));
    }

    @Test
    void shouldAllocateNothingOnAnyThreadWhileTexturesLoadAndUnload()
    {
        final Cycler app = new Cycler();

        final RunResult result = Isochron.run(app, config(WARMUP_FRAMES, WARMUP_FRAMES + MEASURED_FRAMES + 1));

        RunAllocation.assertZeroPerFrame(result.report(), MEASURED_FRAMES);
        assertTrue(app.cycles > 10, "load-ready-unload cycles: " + app.cycles);
    }
}
