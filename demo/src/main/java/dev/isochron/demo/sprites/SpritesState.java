package dev.isochron.demo.sprites;

/**
 * What the render thread needs from one simulation step of the sprites scene: each sprite's
 * previous and current position and angle (for interpolation), size, shape and colour; the live
 * sparks; and counters for the HUD. Three of these live in the runtime's triple buffer.
 * <p>
 * Thread: written by the simulation thread, then read by the render thread after the handoff.
 * Allocation: the constructor allocates every array; the setters are allocation-free.
 */
public final class SpritesState
{
    private final int spriteCapacity;
    final float[] previousX;
    final float[] previousY;
    final float[] previousAngle;
    final float[] x;
    final float[] y;
    final float[] angle;
    final float[] size;
    final byte[] shape;
    final int[] rgba;
    int spriteCount;

    private final int particleCapacity;
    final float[] particlePreviousX;
    final float[] particlePreviousY;
    final float[] particleX;
    final float[] particleY;
    final float[] particleLife;
    final int[] particleRgba;
    int particleCount;

    long tick;
    long spawned;
    long retired;

    /**
     * @param spriteCapacity   most sprites, >= 0.
     * @param particleCapacity most sparks, >= 0.
     */
    public SpritesState(final int spriteCapacity, final int particleCapacity)
    {
        this.spriteCapacity = spriteCapacity;
        previousX = new float[spriteCapacity];
        previousY = new float[spriteCapacity];
        previousAngle = new float[spriteCapacity];
        x = new float[spriteCapacity];
        y = new float[spriteCapacity];
        angle = new float[spriteCapacity];
        size = new float[spriteCapacity];
        shape = new byte[spriteCapacity];
        rgba = new int[spriteCapacity];
        this.particleCapacity = particleCapacity;
        particlePreviousX = new float[particleCapacity];
        particlePreviousY = new float[particleCapacity];
        particleX = new float[particleCapacity];
        particleY = new float[particleCapacity];
        particleLife = new float[particleCapacity];
        particleRgba = new int[particleCapacity];
    }

    void copySprites(
        final int count,
        final float[] previousX,
        final float[] previousY,
        final float[] previousAngle,
        final float[] x,
        final float[] y,
        final float[] angle,
        final float[] size,
        final byte[] shape,
        final int[] rgba)
    {
        final int n = Math.min(count, spriteCapacity);
        System.arraycopy(previousX, 0, this.previousX, 0, n);
        System.arraycopy(previousY, 0, this.previousY, 0, n);
        System.arraycopy(previousAngle, 0, this.previousAngle, 0, n);
        System.arraycopy(x, 0, this.x, 0, n);
        System.arraycopy(y, 0, this.y, 0, n);
        System.arraycopy(angle, 0, this.angle, 0, n);
        System.arraycopy(size, 0, this.size, 0, n);
        System.arraycopy(shape, 0, this.shape, 0, n);
        System.arraycopy(rgba, 0, this.rgba, 0, n);
        spriteCount = n;
    }

    void setParticle(
        final int i,
        final float previousX,
        final float previousY,
        final float x,
        final float y,
        final float life,
        final int rgba)
    {
        particlePreviousX[i] = previousX;
        particlePreviousY[i] = previousY;
        particleX[i] = x;
        particleY[i] = y;
        particleLife[i] = life;
        particleRgba[i] = rgba;
    }

    void particleCount(final int count)
    {
        particleCount = count;
    }

    /** @return sprites in this state. */
    public int spriteCount()
    {
        return spriteCount;
    }

    /** @return sparks in this state. */
    public int particleCount()
    {
        return particleCount;
    }

    /** @return the most sparks this state holds. */
    public int particleCapacity()
    {
        return particleCapacity;
    }

    /** @return the index of the tick this state was written after. */
    public long tick()
    {
        return tick;
    }
}
