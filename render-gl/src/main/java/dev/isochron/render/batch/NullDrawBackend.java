package dev.isochron.render.batch;

import org.joml.Matrix4fc;
import org.lwjgl.system.MemoryUtil;

/**
 * A {@link DrawBackend} that issues no GL calls: it hands out off-heap staging memory like the GL
 * backend's streaming buffer, and counts what would have been drawn. With it the whole batch
 * pipeline (record, sort, generate vertices, walk runs) runs and can be measured without a GL
 * context or rasterisation cost.
 * <p>
 * Render thread only (vertex writes from workers into reservations excepted). Allocation-free
 * after construction; {@link #close()} frees the staging memory, after which every per-frame method and
 * {@link #baseAddress()} throw {@link IllegalStateException} ("used after close()"); the counters still answer.
 */
public final class NullDrawBackend implements DrawBackend
{
    private final int capacityQuads;
    private final long base;
    private int reservedQuads;
    private long frames;
    private long drawCalls;
    private long quadsDrawn;
    private long quadsCommitted;
    private long projectionChanges;
    private boolean inFrame;
    private boolean closed;

    /**
     * @param capacityQuads quads of vertex memory per frame, in [1, 2^24].
     */
    public NullDrawBackend(final int capacityQuads)
    {
        if (capacityQuads < 1 || capacityQuads > (1 << 24))
        {
            throw Messages.badCapacityQuads(capacityQuads);
        }
        this.capacityQuads = capacityQuads;
        base = MemoryUtil.nmemAlignedAlloc(64, (long)capacityQuads * QuadVertexLayout.BYTES_PER_QUAD);
        if (base == MemoryUtil.NULL)
        {
            throw Messages.outOfMemory(capacityQuads);
        }
    }

    public void beginFrame(final Matrix4fc projection)
    {
        checkOpen();
        reservedQuads = 0;
        inFrame = true;
        frames++;
    }

    public void projection(final Matrix4fc projection)
    {
        checkOpen();
        projectionChanges++;
    }

    public long reserveQuads(final int quadCount)
    {
        checkOpen();
        if (!inFrame)
        {
            throw Messages.notInFrame();
        }
        final long address =
            QuadVertexLayout.reservationAddress(this, base, capacityQuads, reservedQuads, quadCount);
        reservedQuads += quadCount;
        return address;
    }

    public void commitQuads(final long address, final int quadCount)
    {
        checkOpen();
        quadsCommitted += quadCount;
    }

    public void drawQuads(final long address, final int textureKey, final int firstQuad, final int quadCount)
    {
        checkOpen();
        drawCalls++;
        quadsDrawn += quadCount;
    }

    public void endFrame()
    {
        checkOpen();
        inFrame = false;
    }

    public void close()
    {
        if (!closed)
        {
            closed = true;
            MemoryUtil.nmemAlignedFree(base);
        }
    }

    private void checkOpen()
    {
        if (closed)
        {
            throw Messages.closed();
        }
    }

    /** @return quads of vertex memory per frame. */
    public int capacityQuads()
    {
        return capacityQuads;
    }

    /** @return the start of the staging memory (the first reservation of every frame). */
    public long baseAddress()
    {
        checkOpen();
        return base;
    }

    /** @return frames begun since construction. */
    public long frames()
    {
        return frames;
    }

    /** @return draw calls that would have been issued since construction. */
    public long drawCalls()
    {
        return drawCalls;
    }

    /** @return quads that would have been drawn since construction. */
    public long quadsDrawn()
    {
        return quadsDrawn;
    }

    /** @return mid-frame projection changes since construction. */
    public long projectionChanges()
    {
        return projectionChanges;
    }

    /** @return quads committed since construction. */
    public long quadsCommitted()
    {
        return quadsCommitted;
    }

    /**
     * The error messages, in a class of their own so that NullDrawBackend holds no String constant: the first C2
     * compile of a per-frame method would otherwise resolve them on the render thread mid-run (see
     * {@code ClassConstants} in the engine test-jar).
     */
    private static final class Messages
    {
        private Messages()
        {
        }

        static IllegalArgumentException badCapacityQuads(final int capacityQuads)
        {
            return new IllegalArgumentException("capacityQuads must be in [1, 16777216], was " + capacityQuads);
        }

        static OutOfMemoryError outOfMemory(final int capacityQuads)
        {
            return new OutOfMemoryError("cannot allocate " + capacityQuads + " quads of staging memory");
        }

        static IllegalStateException closed()
        {
            return new IllegalStateException("NullDrawBackend used after close(): its staging memory is freed");
        }

        static IllegalStateException notInFrame()
        {
            return new IllegalStateException("reserveQuads must be called between beginFrame and endFrame");
        }
    }
}
