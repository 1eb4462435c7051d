package dev.isochron.render.batch;

/**
 * The order in which a {@link SpriteBatch} draws its quads and the texture runs of that order: each quad's sort key
 * (layer in the high 16 bits, texture key in the low 16) kept as it is recorded, then, once per frame, a stable
 * {@link RadixSort} of the quads by key (or the submission order) and one run per stretch of equal texture key in it.
 * <p>
 * Arrays sized to the batch's capacity at construction; recorded, sorted and cleared on the recording thread, read
 * by any thread after the hand-off that follows {@link #sort}. Every method but the constructor is allocation-free.
 */
final class SpriteDrawOrder
{
    private final int[] sortKey;
    private final int[] order;
    private final RadixSort sort;
    private final int[] runKey;
    private final int[] runFirst;
    private final int[] runCount;
    private int runs;

    /** @param capacity most quads per frame, the batch's capacity. */
    SpriteDrawOrder(final int capacity)
    {
        sortKey = new int[capacity];
        order = new int[capacity];
        sort = new RadixSort(capacity);
        runKey = new int[capacity];
        runFirst = new int[capacity];
        runCount = new int[capacity];
    }

    /** Records quad {@code quad}'s sort key: its layer shifted left by 16, or'ed with its texture key. */
    void key(final int quad, final int key)
    {
        sortKey[quad] = key;
    }

    /** Forgets the runs (a new frame). */
    void clear()
    {
        runs = 0;
    }

    /**
     * Orders the first {@code count} quads, by key when {@code byTexture} (stable: equal keys keep their submission
     * order) or as submitted, then finds the runs: each maximal stretch of that order sharing a texture key.
     */
    void sort(final int count, final boolean byTexture)
    {
        final int[] order = this.order;
        if (byTexture)
        {
            sort.sortIndices(sortKey, count, order);
        }
        else
        {
            for (int i = 0; i < count; i++)
            {
                order[i] = i;
            }
        }
        int r = -1;
        int previous = -1;
        for (int i = 0; i < count; i++)
        {
            final int texture = sortKey[order[i]] & SpriteBatch.MAX_TEXTURE_KEY;
            if (texture != previous)
            {
                r++;
                runKey[r] = texture;
                runFirst[r] = i;
                runCount[r] = 0;
                previous = texture;
            }
            runCount[r]++;
        }
        runs = r + 1;
    }

    /** @return the draw order: at draw position d, the index (in submission order) of the quad drawn there. */
    int[] order()
    {
        return order;
    }

    int runs()
    {
        return runs;
    }

    int runTextureKey(final int run)
    {
        return runKey[run];
    }

    int runFirstQuad(final int run)
    {
        return runFirst[run];
    }

    int runQuadCount(final int run)
    {
        return runCount[run];
    }

    int drawnQuad(final int drawIndex)
    {
        return order[drawIndex];
    }
}
