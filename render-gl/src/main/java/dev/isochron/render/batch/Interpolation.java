package dev.isochron.render.batch;

/**
 * Interpolates between the last two simulation ticks when a frame falls between them: the
 * fixed-step loop hands the renderer {@code alpha} in [0, 1] (0 = previous tick's state,
 * 1 = current tick's). The caller stores each object's previous and current position and angle;
 * these helpers blend them. Pure functions, allocation-free, any thread.
 */
public final class Interpolation
{
    private static final float PI = (float)Math.PI;
    private static final float TWO_PI = (float)(2.0 * Math.PI);

    private Interpolation()
    {
    }

    /** @return {@code previous + (current - previous) * alpha}. */
    public static float lerp(final float previous, final float current, final float alpha)
    {
        return previous + (current - previous) * alpha;
    }

    /**
     * Blends two angles in radians along the shorter arc, so that a turn from 350 degrees to 10
     * degrees passes through 0 rather than sweeping back through 180.
     *
     * @return an angle equal (modulo 2 pi) to the blend; {@code previous} at alpha 0.
     */
    public static float lerpAngle(final float previous, final float current, final float alpha)
    {
        return previous + shortestAngle(previous, current) * alpha;
    }

    /** @return {@code current - previous} wrapped into [-pi, pi). */
    public static float shortestAngle(final float previous, final float current)
    {
        float delta = (current - previous) % TWO_PI;
        if (delta >= PI)
        {
            delta -= TWO_PI;
        }
        else if (delta < -PI)
        {
            delta += TWO_PI;
        }
        return delta;
    }
}
