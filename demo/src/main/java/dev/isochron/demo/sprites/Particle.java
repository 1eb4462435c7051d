package dev.isochron.demo.sprites;

import dev.isochron.engine.memory.Poolable;

/**
 * One short-lived spark of the sprites scene's emitter, taken from and returned to an
 * {@link dev.isochron.engine.memory.ObjectPool} by {@link ParticleSystem}.
 * <p>
 * Thread: the simulation thread. Lifetime: pooled; valid between acquire and release.
 */
final class Particle implements Poolable
{
    float x;
    float y;
    float previousX;
    float previousY;
    float velocityX;
    float velocityY;
    float lifeSeconds;
    float maxLifeSeconds;
    int rgba;

    /** {@inheritDoc} */
    public void reset()
    {
        x = 0f;
        y = 0f;
        previousX = 0f;
        previousY = 0f;
        velocityX = 0f;
        velocityY = 0f;
        lifeSeconds = 0f;
        maxLifeSeconds = 0f;
        rgba = 0;
    }
}
