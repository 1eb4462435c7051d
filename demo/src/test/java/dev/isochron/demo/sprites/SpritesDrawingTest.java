package dev.isochron.demo.sprites;

import dev.isochron.engine.testing.AllocationGate;
import dev.isochron.render.batch.QuadVertexLayout;
import dev.isochron.render.batch.SpriteBatch;
import org.lwjgl.system.MemoryUtil;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The sprites scene's draw code on the CPU (no GL): both modes record the same quads; engine mode allocates nothing. */
class SpritesDrawingTest
{
    private static final int SPRITES = 2000;
    private static final int ATLAS_KEY = 1;

    @Test
    void shouldRecordTheSameQuadsInEngineAndNaiveMode()
    {
        final SpritesState state = steppedState();
        final SpriteBatch engine = new SpriteBatch(SpritesScene.spriteCapacity(SPRITES));
        final SpriteBatch naive = new SpriteBatch(SpritesScene.spriteCapacity(SPRITES));

        scene(false).drawWorld(state, 0.5f, engine);
        scene(true).drawWorld(state, 0.5f, naive);

        assertEquals(SPRITES + state.particleCount(), engine.size());
        assertEquals(engine.size(), naive.size());
        engine.prepare();
        naive.prepare();
        final long vertexBytes = (long)engine.quadCount() * QuadVertexLayout.BYTES_PER_QUAD;
        final long a = MemoryUtil.nmemAlloc(vertexBytes);
        final long b = MemoryUtil.nmemAlloc(vertexBytes);
        try
        {
            engine.generate(0, 1, a);
            naive.generate(0, 1, b);
            for (long offset = 0; offset < vertexBytes; offset += 4)
            {
                assertEquals(MemoryUtil.memGetInt(a + offset),
                    MemoryUtil.memGetInt(b + offset), "vertex byte " + offset);
            }
        }
        finally
        {
            MemoryUtil.nmemFree(a);
            MemoryUtil.nmemFree(b);
        }
    }

    @Test
    void shouldDrawTheWorldWithoutAllocatingInEngineMode() throws Exception
    {
        final SpritesState state = steppedState();
        final SpritesScene scene = scene(false);
        final SpriteBatch batch = new SpriteBatch(SpritesScene.spriteCapacity(SPRITES));

        AllocationGate.assertSteadyZero("sprites draw", 2_000, 500, iteration ->
        {
            batch.clear();
            scene.drawWorld(state, (iteration % 100) / 100f, batch);
        });
    }

    private static SpritesScene scene(final boolean naive)
    {
        final SpritesScene scene = new SpritesScene(SPRITES, 320, 240, naive, 5);
        scene.useAtlas(ATLAS_KEY);
        return scene;
    }

    private static SpritesState steppedState()
    {
        final SpriteField field = new SpriteField(SPRITES, 320, 240, 5);
        final ParticleSystem particles = new ParticleSystem(SpritesScene.PARTICLE_CAPACITY, 3);
        for (int tick = 0; tick < 60; tick++)
        {
            field.step(1f / 120f, 320, 240);
            particles.step(1f / 120f);
            particles.spawn(SpritesScene.SPARKS_PER_TICK, 160f, 120f);
        }
        final SpritesState state = new SpritesState(SPRITES, SpritesScene.PARTICLE_CAPACITY);
        field.copyTo(state);
        particles.copyTo(state);
        return state;
    }
}
