package dev.isochron.demo.sprites;

import dev.isochron.demo.scene.ProceduralAtlas;
import dev.isochron.render.batch.Rgba;

/**
 * The bouncing, rotating sprites of the sprites scene as primitive arrays (structure of arrays):
 * each sprite's current and previous-tick position and angle, its velocity, spin, shape and colour.
 * <p>
 * Thread: the simulation thread, which alone calls {@link #step(float, float, float)}. Allocation:
 * the constructor allocates every array; {@link #step} and {@link #copyTo(SpritesState)} are
 * allocation-free.
 */
public final class SpriteField
{
    /** Smallest sprite edge in pixels (llvmpipe is fill-bound: sprites stay small). */
    public static final float MIN_SIZE_PX = 4f;
    /** Largest sprite edge in pixels. */
    public static final float MAX_SIZE_PX = 10f;

    private final int count;
    private int active;
    private final float[] x;
    private final float[] y;
    private final float[] angle;
    private final float[] previousX;
    private final float[] previousY;
    private final float[] previousAngle;
    private final float[] velocityX;
    private final float[] velocityY;
    private final float[] spin;
    private final float[] size;
    private final byte[] shape;
    private final int[] rgba;

    /**
     * Places {@code count} sprites at random inside {@code width x height} pixels, from {@code seed}.
     *
     * @param count sprites, >= 0.
     */
    public SpriteField(final int count, final float width, final float height, final long seed)
    {
        if (count < 0)
        {
            throw new IllegalArgumentException("sprite count must be >= 0, was " + count);
        }
        this.count = count;
        this.active = count;
        x = new float[count];
        y = new float[count];
        angle = new float[count];
        previousX = new float[count];
        previousY = new float[count];
        previousAngle = new float[count];
        velocityX = new float[count];
        velocityY = new float[count];
        spin = new float[count];
        size = new float[count];
        shape = new byte[count];
        rgba = new int[count];
        long random = seed == 0 ? 0x9E3779B97F4A7C15L : seed;
        for (int i = 0; i < count; i++)
        {
            random = next(random);
            x[i] = unit(random) * width;
            random = next(random);
            y[i] = unit(random) * height;
            random = next(random);
            final float speed = 20f + unit(random) * 140f;
            random = next(random);
            final float direction = unit(random) * 6.2831855f;
            velocityX[i] = speed * (float)Math.cos(direction);
            velocityY[i] = speed * (float)Math.sin(direction);
            random = next(random);
            spin[i] = (unit(random) - 0.5f) * 8f;
            random = next(random);
            size[i] = MIN_SIZE_PX + unit(random) * (MAX_SIZE_PX - MIN_SIZE_PX);
            random = next(random);
            shape[i] = (byte)((random >>> 33) % ProceduralAtlas.SHAPES);
            random = next(random);
            rgba[i] = colour(random);
            previousX[i] = x[i];
            previousY[i] = y[i];
        }
    }

    /**
     * Advances every sprite by {@code dtSeconds}, bouncing off the edges of {@code width x height},
     * after remembering the current state as the previous tick's. Allocation-free.
     */
    public void step(final float dtSeconds, final float width, final float height)
    {
        final float[] x = this.x;
        final float[] y = this.y;
        final float[] angle = this.angle;
        final float[] velocityX = this.velocityX;
        final float[] velocityY = this.velocityY;
        System.arraycopy(x, 0, previousX, 0, active);
        System.arraycopy(y, 0, previousY, 0, active);
        System.arraycopy(angle, 0, previousAngle, 0, active);
        for (int i = 0; i < active; i++)
        {
            float px = x[i] + velocityX[i] * dtSeconds;
            float py = y[i] + velocityY[i] * dtSeconds;
            if (px < 0f)
            {
                px = -px;
                velocityX[i] = -velocityX[i];
            }
            else if (px > width)
            {
                px = Math.max(0f, 2f * width - px);
                velocityX[i] = -velocityX[i];
            }
            if (py < 0f)
            {
                py = -py;
                velocityY[i] = -velocityY[i];
            }
            else if (py > height)
            {
                py = Math.max(0f, 2f * height - py);
                velocityY[i] = -velocityY[i];
            }
            x[i] = px;
            y[i] = py;
            float a = angle[i] + spin[i] * dtSeconds;
            if (a > 6.2831855f)
            {
                a -= 6.2831855f;
            }
            else if (a < 0f)
            {
                a += 6.2831855f;
            }
            angle[i] = a;
        }
    }

    /**
     * Moves and draws only the first {@code sprites} of the field from now on (the rest stay where they are); call
     * before the first {@link #step}, on the thread that steps.
     *
     * @param sprites in [0, {@link #count()}].
     */
    public void activate(final int sprites)
    {
        if (sprites < 0 || sprites > count)
        {
            throw new IllegalArgumentException("active sprites must be in [0, " + count + "], was " + sprites);
        }
        active = sprites;
    }

    /** @return the sprites moved and drawn: {@link #count()} unless {@link #activate} chose fewer. */
    public int active()
    {
        return active;
    }

    /** Copies what the renderer needs into {@code dest} (sized for {@link #count()}). Allocation-free. */
    public void copyTo(final SpritesState dest)
    {
        dest.copySprites(active, previousX, previousY, previousAngle, x, y, angle, size, shape, rgba);
    }

    /** @return the number of sprites. */
    public int count()
    {
        return count;
    }

    /** @return sprite {@code i}'s current x in pixels. */
    public float x(final int i)
    {
        return x[i];
    }

    /** @return sprite {@code i}'s current y in pixels. */
    public float y(final int i)
    {
        return y[i];
    }

    static long next(final long state)
    {
        long z = state + 0x9E3779B97F4A7C15L;
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }

    static float unit(final long random)
    {
        return (random >>> 40) * 0x1.0p-24f;
    }

    static int colour(final long random)
    {
        final int r = 96 + (int)((random >>> 8) & 0x9F);
        final int g = 96 + (int)((random >>> 16) & 0x9F);
        final int b = 96 + (int)((random >>> 24) & 0x9F);
        return Rgba.pack(r, g, b, 255);
    }
}
