package dev.isochron.render.batch;

/**
 * {@link SpriteBatch}'s error messages, in a class of their own so that the batch holds no String constant: the
 * first C2 compile of a per-frame method would otherwise resolve them on the engine thread that calls it, mid-run
 * (see {@code ClassConstants} in the engine test-jar). Built only when thrown.
 */
final class SpriteBatchMessages
{
    private SpriteBatchMessages()
    {
    }

    static IllegalArgumentException badCapacity(final int capacity)
    {
        return new IllegalArgumentException("capacity must be in [1, 16777216], was " + capacity);
    }

    static IllegalArgumentException badLayer(final int layer)
    {
        return new IllegalArgumentException("layer must be in [0, " + SpriteBatch.MAX_LAYER + "], was " + layer);
    }

    static IllegalArgumentException badTextureKey(final int textureKey)
    {
        return new IllegalArgumentException(
            "textureKey must be in [0, " + SpriteBatch.MAX_TEXTURE_KEY + "], was " + textureKey);
    }

    static IllegalStateException notPrepared(final int count)
    {
        return new IllegalStateException("SpriteBatch.prepare() must run after the last draw and before " +
            "generate() or the runs are read (" + count + " quads recorded)");
    }

    static IllegalStateException recordedBeforeInstances(final int count)
    {
        return new IllegalStateException("wrap a SpriteBatch in SpriteInstances before recording into it: " +
            count + " quads are recorded without instance records");
    }

    static IllegalStateException noInstanceRecords()
    {
        return new IllegalStateException("SpriteBatch.generateInstances needs the instance records draw packs " +
            "once a SpriteInstances wraps the batch: construct new SpriteInstances(batch) before recording");
    }

    static IllegalStateException full(final int capacity)
    {
        return new IllegalStateException("SpriteBatch capacity of " + capacity +
            " quads per frame exceeded: construct the batch with a larger capacity");
    }
}
