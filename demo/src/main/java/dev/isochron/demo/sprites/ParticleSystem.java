package dev.isochron.demo.sprites;

import dev.isochron.engine.memory.ExhaustionPolicy;
import dev.isochron.engine.memory.ObjectPool;
import dev.isochron.render.batch.Rgba;

/**
 * Sparks spawned by an emitter and retired when their life runs out, all through one
 * {@link ObjectPool} made at start-up: the "short-lived, many" lifetime without garbage. When the
 * pool is empty a spawn is skipped and counted ({@link #skippedSpawns()}), never grown.
 * <p>
 * Thread: the simulation thread. Allocation: the constructor makes the pool and its particles;
 * {@link #spawn}, {@link #step} and {@link #copyTo} are allocation-free.
 */
public final class ParticleSystem
{
    /** Gravity in pixels per second squared (y grows downwards). */
    public static final float GRAVITY = 240f;

    private final ObjectPool<Particle> pool;
    private final Particle[] live;
    private int liveCount;
    private long random;
    private long spawned;
    private long retired;
    private long skippedSpawns;

    /**
     * @param capacity most particles alive at once, in [1, 2^24].
     * @param seed     seeds directions and colours.
     */
    public ParticleSystem(final int capacity, final long seed)
    {
        pool = new ObjectPool<>("particles", capacity, Particle::new, ExhaustionPolicy.THROW);
        live = new Particle[capacity];
        random = seed == 0 ? 1 : seed;
    }

    /** Spawns up to {@code count} sparks at {@code (x, y)} flying upwards. Allocation-free. */
    public void spawn(final int count, final float x, final float y)
    {
        for (int i = 0; i < count; i++)
        {
            if (pool.available() == 0)
            {
                skippedSpawns += count - i;
                return;
            }
            final Particle p = pool.acquire();
            random = SpriteField.next(random);
            final float direction = -1.5707964f + (SpriteField.unit(random) - 0.5f) * 1.6f;
            random = SpriteField.next(random);
            final float speed = 80f + SpriteField.unit(random) * 160f;
            p.x = x;
            p.y = y;
            p.previousX = x;
            p.previousY = y;
            p.velocityX = speed * (float)Math.cos(direction);
            p.velocityY = speed * (float)Math.sin(direction);
            random = SpriteField.next(random);
            p.maxLifeSeconds = 0.6f + SpriteField.unit(random) * 0.8f;
            p.lifeSeconds = p.maxLifeSeconds;
            p.rgba = (random & 1) == 0 ? Rgba.pack(255, 200, 64, 255) : Rgba.pack(255, 96, 32, 255);
            live[liveCount++] = p;
            spawned++;
        }
    }

    /** Moves every spark by {@code dtSeconds} and retires those whose life ended. Allocation-free. */
    public void step(final float dtSeconds)
    {
        int i = 0;
        while (i < liveCount)
        {
            final Particle p = live[i];
            p.previousX = p.x;
            p.previousY = p.y;
            p.velocityY += GRAVITY * dtSeconds;
            p.x += p.velocityX * dtSeconds;
            p.y += p.velocityY * dtSeconds;
            p.lifeSeconds -= dtSeconds;
            if (p.lifeSeconds <= 0f)
            {
                final int last = --liveCount;
                live[i] = live[last];
                live[last] = null;
                pool.release(p);
                retired++;
            }
            else
            {
                i++;
            }
        }
    }

    /** Copies the live sparks into {@code dest}'s particle arrays. Allocation-free. */
    public void copyTo(final SpritesState dest)
    {
        final int n = Math.min(liveCount, dest.particleCapacity());
        for (int i = 0; i < n; i++)
        {
            final Particle p = live[i];
            dest.setParticle(i, p.previousX, p.previousY, p.x, p.y, p.lifeSeconds / p.maxLifeSeconds, p.rgba);
        }
        dest.particleCount(n);
    }

    /** @return particles alive now. */
    public int liveCount()
    {
        return liveCount;
    }

    /** @return particles spawned since start. */
    public long spawned()
    {
        return spawned;
    }

    /** @return particles retired (returned to the pool) since start. */
    public long retired()
    {
        return retired;
    }

    /** @return spawns skipped because the pool was empty. */
    public long skippedSpawns()
    {
        return skippedSpawns;
    }

    /** @return the pool's growth count: stays 0 (the pool never grows). */
    public long poolGrowth()
    {
        return pool.growthCount();
    }
}
