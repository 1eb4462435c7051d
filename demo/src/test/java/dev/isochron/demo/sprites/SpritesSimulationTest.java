package dev.isochron.demo.sprites;

import dev.isochron.engine.testing.AllocationGate;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SpritesSimulationTest
{
    private static final float WIDTH = 320f;
    private static final float HEIGHT = 240f;
    private static final float DT = 1f / 120f;

    @Test
    void shouldKeepEverySpriteInsideTheBox()
    {
        final SpriteField field = new SpriteField(1000, WIDTH, HEIGHT, 7);
        for (int tick = 0; tick < 2000; tick++)
        {
            field.step(DT, WIDTH, HEIGHT);
        }
        for (int i = 0; i < field.count(); i++)
        {
            assertTrue(field.x(i) >= 0 && field.x(i) <= WIDTH, "x of sprite " + i + " was " + field.x(i));
            assertTrue(field.y(i) >= 0 && field.y(i) <= HEIGHT, "y of sprite " + i + " was " + field.y(i));
        }
    }

    @Test
    void shouldRetireSparksIntoThePoolWithoutGrowingIt()
    {
        final ParticleSystem particles = new ParticleSystem(256, 3);
        for (int tick = 0; tick < 1000; tick++)
        {
            particles.spawn(SpritesScene.SPARKS_PER_TICK, 100f, 100f);
            particles.step(DT);
        }

        assertEquals(particles.spawned() - particles.retired(), particles.liveCount());
        assertTrue(particles.retired() > 0);
        assertEquals(0, particles.poolGrowth());
    }

    @Test
    void shouldSkipAndCountSpawnsWhenThePoolIsEmpty()
    {
        final ParticleSystem particles = new ParticleSystem(10, 3);

        particles.spawn(15, 0f, 0f);

        assertEquals(10, particles.liveCount());
        assertEquals(5, particles.skippedSpawns());
    }

    @Test
    void shouldStepAndCopyWithoutAllocating() throws Exception
    {
        final SpriteField field = new SpriteField(2000, WIDTH, HEIGHT, 7);
        final ParticleSystem particles = new ParticleSystem(SpritesScene.PARTICLE_CAPACITY, 3);
        final SpritesState state = new SpritesState(2000, SpritesScene.PARTICLE_CAPACITY);

        AllocationGate.assertSteadyZero("sprites tick", 20_000, 2_000, iteration ->
        {
            field.step(DT, WIDTH, HEIGHT);
            particles.step(DT);
            particles.spawn(SpritesScene.SPARKS_PER_TICK, iteration % WIDTH, 120f);
            field.copyTo(state);
            particles.copyTo(state);
        });

        assertEquals(2000, state.spriteCount());
    }
}
