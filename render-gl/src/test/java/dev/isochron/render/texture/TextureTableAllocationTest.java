package dev.isochron.render.texture;

import dev.isochron.engine.testing.AllocationGate;
import dev.isochron.render.gl.TextureFilter;
import dev.isochron.render.gl.TextureLoader;
import dev.isochron.render.gl.TextureWrap;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.util.concurrent.locks.LockSupport;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The render thread's side of run-time textures allocates nothing with the null renderer: requests, queries and the
 * per-frame step, in frames where loads are pending, where a decode completes (made ready), and where a texture is
 * released. The handle cycles load, ready, unload, unloaded for the whole measurement, the loader thread decoding
 * beside it; each iteration parks 10 us, so every measured window spans many cycles.
 */
class TextureTableAllocationTest
{
    private static final int WARMUP_ITERATIONS = 20_000;
    private static final int MEASURED_ITERATIONS = 5_000;
    private static final long ITERATION_PARK_NS = 10_000;

    private final TextureTable table = new TextureTable(null, 4, TextureTable.DEFAULT_UPLOAD_BYTES_PER_FRAME,
        TextureLoader.Limits.DEFAULT);

    @AfterEach
    void close()
    {
        table.close();
    }

    @Test
    void shouldAllocateNothingOnTheRenderThreadWhileTexturesLoadAndUnload() throws Exception
    {
        final TextureHandle handle = table.declare(TextureTableTest.sprites(), TextureFilter.NEAREST,
            TextureWrap.CLAMP_TO_EDGE, 1, 0, 0);

        AllocationGate.assertSteadyZero("load, frame step, unload", WARMUP_ITERATIONS, MEASURED_ITERATIONS,
            iteration ->
            {
                final TextureState state = handle.state();
                if (TextureState.UNLOADED == state)
                {
                    handle.load();
                }
                else if (TextureState.READY == state)
                {
                    handle.unload();
                }
                table.beginFrame();
                LockSupport.parkNanos(ITERATION_PARK_NS);
            });

        assertTrue(table.texturesUploaded() > 10, "cycles completed: " + table.texturesUploaded());
    }
}
