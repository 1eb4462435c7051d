package dev.isochron.demo.chart;

/**
 * A long history of one series in a primitive ring, with a min/max pyramid over it (blocks of 8,
 * 64, ... 32768 samples) so the minimum and maximum of any range cost a bounded number of steps,
 * whatever the range's length: decimating a view to pixel columns costs in proportion to the
 * width, not to the history.
 * <p>
 * Thread: one owner (the simulation thread in engine mode). Allocation: the constructor allocates
 * the ring and the pyramid; {@link #append} and {@link #minMax} are allocation-free.
 */
public final class SeriesHistory
{
    /** Pyramid levels including the raw samples (level 0). */
    public static final int LEVELS = 6;
    /** The most samples a history keeps (2^28: a power of two whose float ring still fits one Java array). */
    public static final int MAX_CAPACITY = 1 << 28;
    private static final int LEVEL_SHIFT = 3;

    private final int capacity;
    private final long mask;
    private final float[] samples;
    private final float[][] blockMin = new float[LEVELS][];
    private final float[][] blockMax = new float[LEVELS][];
    private long total;

    /**
     * @param minCapacity samples kept at least; rounded up to a power of two, at least
     *                    {@code 8^(LEVELS-1)} and at most {@link #MAX_CAPACITY}.
     */
    public SeriesHistory(final int minCapacity)
    {
        if (minCapacity < 1 || minCapacity > MAX_CAPACITY)
        {
            throw new IllegalArgumentException("history capacity must be in [1, " + MAX_CAPACITY + "] samples, was " +
                minCapacity);
        }
        final int floor = 1 << (LEVEL_SHIFT * (LEVELS - 1));
        int c = Integer.highestOneBit(Math.max(minCapacity, floor));
        if (c < minCapacity)
        {
            c <<= 1;
        }
        capacity = c;
        mask = c - 1;
        samples = new float[c];
        for (int level = 1; level < LEVELS; level++)
        {
            blockMin[level] = new float[c >> (LEVEL_SHIFT * level)];
            blockMax[level] = new float[c >> (LEVEL_SHIFT * level)];
        }
    }

    /** Appends the next sample. Allocation-free. */
    public void append(final float value)
    {
        final long n = total;
        samples[(int)(n & mask)] = value;
        for (int level = 1; level < LEVELS; level++)
        {
            final int shift = LEVEL_SHIFT * level;
            final int slot = (int)((n >> shift) & (mask >> shift));
            if ((n & ((1L << shift) - 1)) == 0)
            {
                blockMin[level][slot] = value;
                blockMax[level][slot] = value;
            }
            else
            {
                if (value < blockMin[level][slot])
                {
                    blockMin[level][slot] = value;
                }
                if (value > blockMax[level][slot])
                {
                    blockMax[level][slot] = value;
                }
            }
        }
        total = n + 1;
    }

    /** @return samples appended since start (the next sample's index). */
    public long total()
    {
        return total;
    }

    /** @return samples the ring keeps. */
    public int capacity()
    {
        return capacity;
    }

    /** @return the oldest sample index still kept. */
    public long oldest()
    {
        return Math.max(0, total - capacity);
    }

    /** @return sample {@code n}'s value (it must be kept: {@code oldest() <= n < total()}). */
    public float sample(final long n)
    {
        return samples[(int)(n & mask)];
    }

    /** @return the newest sample, 0 when empty. */
    public float latest()
    {
        return total == 0 ? 0f : samples[(int)((total - 1) & mask)];
    }

    /**
     * Finds the minimum and maximum of samples {@code [from, to)}, clamped to the kept range, in at
     * most about 2 x 8 x {@link #LEVELS} steps. Allocation-free.
     *
     * @param out receives min at [0] and max at [1]; NaN when the clamped range is empty.
     * @return false when the range held no kept sample.
     */
    public boolean minMax(final long from, final long to, final float[] out)
    {
        long a = Math.max(from, oldest());
        final long b = Math.min(to, total);
        if (a >= b)
        {
            out[0] = Float.NaN;
            out[1] = Float.NaN;
            return false;
        }
        float min = Float.POSITIVE_INFINITY;
        float max = Float.NEGATIVE_INFINITY;
        int level = 0;
        while (a < b)
        {
            while (level + 1 < LEVELS)
            {
                final long next = 1L << (LEVEL_SHIFT * (level + 1));
                if ((a & (next - 1)) == 0 && a + next <= b)
                {
                    level++;
                }
                else
                {
                    break;
                }
            }
            while (a + (1L << (LEVEL_SHIFT * level)) > b)
            {
                level--;
            }
            if (level == 0)
            {
                final float v = samples[(int)(a & mask)];
                min = Math.min(min, v);
                max = Math.max(max, v);
                a++;
            }
            else
            {
                final int shift = LEVEL_SHIFT * level;
                final int slot = (int)((a >> shift) & (mask >> shift));
                min = Math.min(min, blockMin[level][slot]);
                max = Math.max(max, blockMax[level][slot]);
                a += 1L << shift;
            }
        }
        out[0] = min;
        out[1] = max;
        return true;
    }
}
