package dev.isochron.render.batch;

/**
 * A stable least-significant-digit radix sort of indices by 32-bit unsigned keys, over
 * preallocated arrays, so that sorting a frame's draws by texture allocates nothing
 * ({@code Arrays.sort} on large primitive arrays may allocate merge buffers).
 * <p>
 * Four 8-bit passes at most; one histogram pass counts all four digits, and a digit that every
 * key shares (for example the high bytes when fewer than 256 textures are in use) costs no pass.
 * Not thread-safe: one instance per sorting thread. Allocation-free after construction.
 */
public final class RadixSort
{
    private static final int RADIX = 256;
    private static final int DIGITS = 4;

    private final int capacity;
    private final int[] counts = new int[RADIX * DIGITS];
    private final int[] keysA;
    private final int[] keysB;
    private final int[] indicesB;

    /**
     * @param capacity most keys one call sorts, in [1, 2^28].
     */
    public RadixSort(final int capacity)
    {
        if (capacity < 1 || capacity > (1 << 28))
        {
            throw Messages.badCapacity(capacity);
        }
        this.capacity = capacity;
        keysA = new int[capacity];
        keysB = new int[capacity];
        indicesB = new int[capacity];
    }

    /** @return most keys one call sorts. */
    public int capacity()
    {
        return capacity;
    }

    /**
     * Writes to {@code order[0, count)} the permutation of {@code 0 .. count-1} that lists the
     * keys in ascending unsigned order; equal keys keep their original relative order (stable).
     * {@code keys} is not modified. Allocation-free.
     *
     * @param keys  at least {@code count} keys.
     * @param count keys to sort, in [0, capacity].
     * @param order receives the permutation; at least {@code count} long.
     */
    public void sortIndices(final int[] keys, final int count, final int[] order)
    {
        if (count < 0 || count > capacity || keys.length < count || order.length < count)
        {
            throw Messages.badCount(capacity, keys.length, order.length, count);
        }
        final int[] counts = this.counts;
        for (int i = 0; i < RADIX * DIGITS; i++)
        {
            counts[i] = 0;
        }
        for (int i = 0; i < count; i++)
        {
            final int key = keys[i];
            counts[key & 0xFF]++;
            counts[RADIX + ((key >>> 8) & 0xFF)]++;
            counts[2 * RADIX + ((key >>> 16) & 0xFF)]++;
            counts[3 * RADIX + (key >>> 24)]++;
            keysA[i] = key;
            order[i] = i;
        }

        int[] srcKeys = keysA;
        int[] srcIdx = order;
        int[] dstKeys = keysB;
        int[] dstIdx = indicesB;
        for (int digit = 0; digit < DIGITS; digit++)
        {
            final int base = digit * RADIX;
            final int shift = digit * 8;
            if (count == 0 || counts[base + ((srcKeys[0] >>> shift) & 0xFF)] == count)
            {
                continue;
            }
            int sum = 0;
            for (int b = 0; b < RADIX; b++)
            {
                final int c = counts[base + b];
                counts[base + b] = sum;
                sum += c;
            }
            for (int i = 0; i < count; i++)
            {
                final int key = srcKeys[i];
                final int at = counts[base + ((key >>> shift) & 0xFF)]++;
                dstKeys[at] = key;
                dstIdx[at] = srcIdx[i];
            }
            final int[] tk = srcKeys;
            srcKeys = dstKeys;
            dstKeys = tk;
            final int[] ti = srcIdx;
            srcIdx = dstIdx;
            dstIdx = ti;
        }
        if (srcIdx != order)
        {
            System.arraycopy(srcIdx, 0, order, 0, count);
        }
    }

    /**
     * The error messages, in a class of their own so that RadixSort holds no String constant: the first C2 compile
     * of {@link #sortIndices} would otherwise resolve them on the render thread mid-run (see {@code ClassConstants}
     * in the engine test-jar).
     */
    private static final class Messages
    {
        private Messages()
        {
        }

        static IllegalArgumentException badCapacity(final int capacity)
        {
            return new IllegalArgumentException("capacity must be in [1, 268435456], was " + capacity);
        }

        static IllegalArgumentException badCount(
            final int capacity, final int keysLength, final int orderLength, final int count)
        {
            return new IllegalArgumentException("count must be in [0, " + capacity + "] and fit keys (" +
                keysLength + ") and order (" + orderLength + "), was " + count);
        }
    }
}
