package dev.isochron.peer.gdx;

/**
 * The demo's seeded random numbers and interpolation (SplitMix64 steps, 24-bit unit floats, shortest-path angle
 * lerp), copied so that the peer places, moves and colours its sprites exactly as the demo does. Pure functions.
 */
final class Mixing
{
    /** 2 pi as the demo writes it. */
    static final float TWO_PI = 6.2831855f;

    private Mixing()
    {
    }

    /** @return the next SplitMix64 state after {@code state}, as {@code SpriteField.next}. */
    static long next(final long state)
    {
        long z = state + 0x9E3779B97F4A7C15L;
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }

    /** @return a float in [0, 1) from {@code random}'s top 24 bits, as {@code SpriteField.unit}. */
    static float unit(final long random)
    {
        return (random >>> 40) * 0x1.0p-24f;
    }

    /** @return {@code a + (b - a) * alpha}. */
    static float lerp(final float a, final float b, final float alpha)
    {
        return a + (b - a) * alpha;
    }

    /** @return the angle between {@code a} and {@code b} (radians) along the shorter way round. */
    static float lerpAngle(final float a, final float b, final float alpha)
    {
        float delta = (b - a) % TWO_PI;
        if (delta >= (float)Math.PI)
        {
            delta -= TWO_PI;
        }
        else if (delta < -(float)Math.PI)
        {
            delta += TWO_PI;
        }
        return a + delta * alpha;
    }

    /** @return the demo's packed ABGR colour ({@code Rgba.pack}) of 8-bit channels. */
    static int pack(final int r, final int g, final int b, final int a)
    {
        return r | g << 8 | b << 16 | a << 24;
    }
}
