package dev.isochron.render.batch;

/**
 * Something that turns a frame's recorded draws into quads in {@link QuadVertexLayout} form, in
 * runs that share one texture. Implemented by {@link SpriteBatch} and {@link ShapeBatch}; drawn by
 * {@link BatchRenderer}. A source may instead write one {@link SpriteInstanceLayout} record per quad
 * ({@link #instanced()}, {@link SpriteInstances}), which the backend draws instanced.
 * <p>
 * Protocol per frame: record, then {@link #prepare()} once (one thread), then
 * {@link #generate(int, int, long)} for every slice (any threads, each slice once, concurrently
 * allowed), then read the runs. Recording again requires {@code clear()}.
 */
public interface QuadSource
{
    /**
     * Freezes the recorded draws: sorts them and computes the texture runs. Allocation-free.
     */
    void prepare();

    /** @return quads that {@link #generate} writes over all slices; valid after {@link #prepare()}. */
    int quadCount();

    /**
     * Writes the vertices of slice {@code sliceIndex} of {@code sliceCount} (contiguous quad ranges
     * of near-equal size) at {@code baseAddress + firstQuad * BYTES_PER_QUAD}. Slices are
     * disjoint, so different threads may write different slices at once; any slicing produces
     * the same bytes as one slice. Allocation-free.
     * <p>
     * An {@link #instanced()} source writes one {@link SpriteInstanceLayout} record per quad instead, at
     * {@code baseAddress + firstQuad * SpriteInstanceLayout.BYTES_PER_INSTANCE}.
     *
     * @param baseAddress where quad 0 goes: at least {@code quadCount() * BYTES_PER_QUAD} writable bytes
     *                    ({@code BYTES_PER_INSTANCE} for an instanced source).
     * @return quads written by this slice.
     */
    int generate(int sliceIndex, int sliceCount, long baseAddress);

    /**
     * @return whether this frame's {@link #generate} writes {@link SpriteInstanceLayout} records (reserved with
     * {@link DrawBackend#reserveInstances}, drawn with {@link DrawBackend#drawInstances}) rather than
     * {@link QuadVertexLayout} vertices; valid after {@link #prepare()}, and may change from frame to frame. False
     * unless a source says otherwise.
     */
    default boolean instanced()
    {
        return false;
    }

    /** @return runs of quads that share a texture, in draw order; valid after {@link #prepare()}. */
    int runCount();

    /** @return the texture key of run {@code run}. */
    int runTextureKey(int run);

    /** @return the first quad of run {@code run}. */
    int runFirstQuad(int run);

    /** @return the quads of run {@code run}. */
    int runQuadCount(int run);

    /** Quads of slice {@code sliceIndex} begin here; slices partition [0, quadCount) in order. */
    static int sliceStart(final int quadCount, final int sliceIndex, final int sliceCount)
    {
        if (sliceCount < 1 || sliceIndex < 0 || sliceIndex >= sliceCount)
        {
            throw Messages.badSlice(sliceIndex, sliceCount);
        }
        return (int)((long)quadCount * sliceIndex / sliceCount);
    }

    /** Quads of slice {@code sliceIndex} end here (exclusive); call after {@link #sliceStart}. */
    static int sliceEnd(final int quadCount, final int sliceIndex, final int sliceCount)
    {
        return (int)((long)quadCount * (sliceIndex + 1) / sliceCount);
    }

    /**
     * The error message, in a class of its own so that QuadSource holds no String constant: the first C2 compile of
     * {@link #sliceStart} would otherwise resolve it on a render worker mid-run (see {@code ClassConstants} in the
     * engine test-jar). A member of an interface is public; this one has nothing callable outside the package.
     */
    final class Messages
    {
        private Messages()
        {
        }

        static IllegalArgumentException badSlice(final int sliceIndex, final int sliceCount)
        {
            return new IllegalArgumentException(
                "sliceIndex must be in [0, sliceCount) with sliceCount >= 1, was " + sliceIndex + " of " + sliceCount);
        }
    }
}
