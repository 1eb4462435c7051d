package dev.isochron.engine.loop;

import org.joml.Vector2f;
import org.joml.Vector3f;
import org.joml.Vector3fc;

/**
 * A non-trivial, allocation-free simulation for the drivers' tests: entities integrated under gravity with JOML
 * (dest parameters only), bouncing off the floor, and an interpolating projection to 2D for rendering.
 */
final class Particles implements TickHandler, FrameRenderer
{
    private static final Vector3fc GRAVITY = new Vector3f(0.0f, -9.81f, 0.0f);
    private static final float RESTITUTION = 0.9f;

    final Vector3f[] previous;
    final Vector3f[] position;
    final Vector3f[] velocity;
    private final Vector3f interpolated = new Vector3f();
    private final Vector2f screen = new Vector2f();
    private final Vector2f screenScale = new Vector2f(64.0f, -64.0f);
    long ticks;
    long frames;
    double checksum;

    Particles(final int count)
    {
        previous = new Vector3f[count];
        position = new Vector3f[count];
        velocity = new Vector3f[count];
        for (int i = 0; i < count; i++)
        {
            position[i] = new Vector3f(i % 100, 1.0f + (i % 37), i / 100.0f);
            previous[i] = new Vector3f(position[i]);
            velocity[i] = new Vector3f((i % 7) - 3.0f, (i % 11) * 0.5f, (i % 5) - 2.0f);
        }
    }

    public void tick(final long tickIndex, final long tickTimeNs, final long tickStartNs, final double dtSeconds)
    {
        final float dt = (float)dtSeconds;
        for (int i = 0, n = position.length; i < n; i++)
        {
            final Vector3f p = position[i];
            final Vector3f v = velocity[i];
            previous[i].set(p);
            v.fma(dt, GRAVITY, v);
            p.fma(dt, v, p);
            if (p.y < 0.0f)
            {
                p.y = -p.y;
                v.y = -v.y * RESTITUTION;
            }
        }
        ticks++;
    }

    public void render(final double alpha, final long frameStartNs)
    {
        final float t = (float)alpha;
        double sum = 0.0;
        for (int i = 0, n = position.length; i < n; i++)
        {
            previous[i].lerp(position[i], t, interpolated);
            screen.set(interpolated.x, interpolated.y).mul(screenScale, screen);
            sum += screen.x + screen.y;
        }
        checksum += sum;
        frames++;
    }
}
