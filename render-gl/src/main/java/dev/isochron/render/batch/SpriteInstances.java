package dev.isochron.render.batch;

/**
 * A {@link SpriteBatch} drawn instanced: the same recording (an application calls {@code draw} on the batch as
 * before), generated as one {@value SpriteInstanceLayout#BYTES_PER_INSTANCE}-byte {@link SpriteInstanceLayout} record
 * per sprite ({@link SpriteBatch#generateInstances}) instead of four 20-byte vertices, and drawn with one instanced
 * draw per texture run; the vertex shader builds, rotates and places the corners. Wrapping the batch makes its
 * {@code draw} convert each sprite's corners and UVs into the record's form as it records them, so that generation
 * is a copy of 32 bytes per sprite, without sin or cos: wrap it at start-up, before recording into it.
 * <p>
 * <b>Fallback, per frame.</b> A frame whose batch holds a quad a record cannot carry (a UV outside [0, 1], a corner
 * farther than {@link SpriteInstanceLayout#MAX_CORNER} from its origin or not finite:
 * {@link SpriteBatch#quadsOutsideInstanceRange()}) is generated and drawn as vertices, exactly as the batch alone
 * would be; {@link #vertexFallbackFrames()} counts those frames. So drawing through this source never changes what
 * a sprite shows beyond the record's documented precision.
 * <p>
 * Protocol and threads as {@link QuadSource}: {@link #prepare()} on the render thread decides the frame's form;
 * {@link #generate} on any threads afterwards (the hand-off, e.g. a worker group's fork, orders the two). Every
 * per-frame method is allocation-free.
 */
public final class SpriteInstances implements QuadSource
{
    private final SpriteBatch batch;
    private boolean instanced;
    private long vertexFallbackFrames;

    /**
     * Makes {@code batch} pack instance records as it records (16 bytes of direct memory per quad of its capacity).
     *
     * @param batch the batch whose sprites this source draws; recorded, cleared and owned as before; nothing recorded
     *              into it yet.
     * @throws IllegalStateException when the batch already holds quads.
     */
    public SpriteInstances(final SpriteBatch batch)
    {
        if (null == batch)
        {
            throw Messages.nullBatch();
        }
        batch.packInstanceRecords();
        this.batch = batch;
    }

    /** @return the batch this source draws. */
    public SpriteBatch batch()
    {
        return batch;
    }

    /**
     * Prepares the batch (sort, runs) and chooses this frame's form: records, or vertices when a quad does not fit a
     * record. Allocation-free.
     */
    public void prepare()
    {
        batch.prepare();
        instanced = 0 == batch.quadsOutsideInstanceRange();
        if (!instanced)
        {
            vertexFallbackFrames++;
        }
    }

    /** @return true unless this frame fell back to vertices (see the class comment); valid after {@link #prepare()}. */
    public boolean instanced()
    {
        return instanced;
    }

    public int quadCount()
    {
        return batch.quadCount();
    }

    /** Records ({@link SpriteBatch#generateInstances}), or vertices in a fallback frame. Allocation-free. */
    public int generate(final int sliceIndex, final int sliceCount, final long baseAddress)
    {
        return instanced ? batch.generateInstances(sliceIndex, sliceCount, baseAddress) :
            batch.generate(sliceIndex, sliceCount, baseAddress);
    }

    public int runCount()
    {
        return batch.runCount();
    }

    public int runTextureKey(final int run)
    {
        return batch.runTextureKey(run);
    }

    public int runFirstQuad(final int run)
    {
        return batch.runFirstQuad(run);
    }

    public int runQuadCount(final int run)
    {
        return batch.runQuadCount(run);
    }

    /** @return frames prepared as vertices because a quad did not fit a record, since construction. */
    public long vertexFallbackFrames()
    {
        return vertexFallbackFrames;
    }

    /**
     * The error message, in a class of its own so that SpriteInstances holds no String constant (see
     * {@code ClassConstants} in the engine test-jar).
     */
    private static final class Messages
    {
        private Messages()
        {
        }

        static IllegalArgumentException nullBatch()
        {
            return new IllegalArgumentException("batch must not be null");
        }
    }
}
