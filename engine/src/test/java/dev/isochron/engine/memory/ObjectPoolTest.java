package dev.isochron.engine.memory;

import dev.isochron.engine.testing.AllocationGate;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

class ObjectPoolTest
{
    private static final int CAPACITY = 4;

    static final class Particle implements Poolable
    {
        float x;
        int resets;

        public void reset()
        {
            x = 0;
            resets++;
        }

        public boolean equals(final Object o)
        {
            return o instanceof Particle;
        }

        public int hashCode()
        {
            return 1;
        }
    }

    private final ObjectPool<Particle> pool = new ObjectPool<>("particles", CAPACITY, Particle::new, ExhaustionPolicy.THROW);

    @Test
    void shouldMakeAllObjectsAtConstruction()
    {
        assertEquals(CAPACITY, pool.size());
        assertEquals(CAPACITY, pool.available());
        assertEquals(0, pool.inUse());
    }

    @Test
    void shouldRejectCapacityBelowOne()
    {
        final IllegalArgumentException ex = assertThrows(IllegalArgumentException.class,
            () -> new ObjectPool<>("events", 0, Particle::new, ExhaustionPolicy.GROW));
        assertEquals("object pool 'events': capacity must be in [1, 16777216], was 0", ex.getMessage());
    }

    @Test
    void shouldRejectMissingExhaustionPolicy()
    {
        final IllegalArgumentException ex = assertThrows(IllegalArgumentException.class,
            () -> new ObjectPool<>("events", 1, Particle::new, null));
        assertEquals("object pool 'events': exhaustionPolicy must be GROW or THROW, was null", ex.getMessage());
    }

    @Test
    void shouldResetObjectOnRelease()
    {
        final Particle p = pool.acquire();
        p.x = 3;
        pool.release(p);
        assertEquals(0f, p.x);
        assertEquals(1, p.resets);
    }

    @Test
    void shouldHandOutDistinctObjectsUntilExhausted()
    {
        final Particle a = pool.acquire();
        final Particle b = pool.acquire();
        assertNotSame(a, b);
        assertEquals(2, pool.inUse());
    }

    @Test
    void shouldReuseReleasedObject()
    {
        final Particle a = pool.acquire();
        pool.release(a);
        assertSame(a, pool.acquire());
    }

    @Test
    void shouldThrowNamingPoolAndCapacityWhenExhaustedUnderThrowPolicy()
    {
        for (int i = 0; i < CAPACITY; i++)
        {
            pool.acquire();
        }
        final IllegalStateException ex = assertThrows(IllegalStateException.class, pool::acquire);
        assertEquals("object pool 'particles' exhausted: all 4 objects are acquired (capacity 4); " +
            "release objects, raise the capacity or use ExhaustionPolicy.GROW", ex.getMessage());
    }

    @Test
    void shouldGrowAndCountGrowthsWhenExhaustedUnderGrowPolicy()
    {
        final ObjectPool<Particle> growing = new ObjectPool<>("sparks", 2, Particle::new, ExhaustionPolicy.GROW);
        final Particle[] out = new Particle[5];
        for (int i = 0; i < out.length; i++)
        {
            out[i] = growing.acquire();
        }
        assertEquals(3L, growing.growthCount());
        assertEquals(5, growing.size());
        for (final Particle p : out)
        {
            growing.release(p);
        }
        assertEquals(5, growing.available());
        assertEquals(5, growing.maxInUse());
    }

    @Test
    void shouldDetectDoubleReleaseNamingThePool()
    {
        final Particle p = pool.acquire();
        pool.release(p);
        final IllegalStateException ex = assertThrows(IllegalStateException.class, () -> pool.release(p));
        assertEquals(("object pool 'particles': double release of " + Particle.class.getName() + '@' +
            Integer.toHexString(System.identityHashCode(p)) +
            " (it is already free); each acquire must be matched by exactly one release"), ex.getMessage());
        assertEquals(CAPACITY, pool.available());
    }

    @Test
    void shouldRejectObjectThePoolDidNotMakeEvenWhenEqual()
    {
        final Particle stranger = new Particle();
        final IllegalArgumentException ex = assertThrows(IllegalArgumentException.class, () -> pool.release(stranger));
        assertEquals("object pool 'particles': cannot release an object it did not make: " + Particle.class.getName() +
            '@' + Integer.toHexString(System.identityHashCode(stranger)), ex.getMessage());
    }

    @Test
    void shouldAcquireAndReleaseWithoutAllocation() throws Exception
    {
        final ObjectPool<Particle> big = new ObjectPool<>("bullets", 64, Particle::new, ExhaustionPolicy.THROW);
        final Particle[] held = new Particle[64];
        AllocationGate.assertSteadyZero("pool acquire/release", 2_000, 5_000, i ->
        {
            for (int k = 0; k < held.length; k++)
            {
                held[k] = big.acquire();
                held[k].x = k;
            }
            for (int k = held.length - 1; k >= 0; k--)
            {
                big.release(held[k]);
            }
        });
    }
}
