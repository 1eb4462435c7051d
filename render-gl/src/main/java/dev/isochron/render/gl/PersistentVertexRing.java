package dev.isochron.render.gl;

import dev.isochron.engine.checked.GuardBand;
import org.lwjgl.opengl.ARBBufferStorage;

import static org.lwjgl.opengl.GL32C.*;
import static org.lwjgl.opengl.GL44C.GL_MAP_COHERENT_BIT;
import static org.lwjgl.opengl.GL44C.GL_MAP_PERSISTENT_BIT;
import static org.lwjgl.opengl.GL44C.nglBufferStorage;

/**
 * The persistent-mapped path of a {@link StreamingVertexBuffer}: the buffer's whole store, made with
 * {@code glBufferStorage} and mapped once, persistent and coherent, cut into segments that successive frames write in
 * turn. A fence guards each segment from the GPU's reads: it is placed when the next frame begins (after the previous
 * frame's draws were issued) and waited on before the segment is handed out again, so the CPU never overwrites
 * vertices the GPU has yet to read.
 * <p>
 * Checking mode: a guard band of {@value StreamingVertexBuffer#RING_GUARD_BYTES} bytes before, between and after the
 * segments, inside the store (which grows by them; draws never read them), verified by {@link #verifyGuards()}.
 * <p>
 * Threading: the render thread, which owns the context. Allocation: {@link #begin()}, {@link #end()} and
 * {@link #verifyGuards()} (while the bands are intact) allocate nothing. Lifetime: owned by its
 * {@link StreamingVertexBuffer}, which deletes the GL buffer after {@link #close()} unmaps it.
 */
final class PersistentVertexRing
{
    private final String label;
    private final int buffer;
    private final int segmentBytes;
    private final int segmentCount;
    private final boolean checked;
    private final int guardBytes;
    private final String[] segmentNames;
    private final long[] fences;
    private final long mappedAddress;
    private int segment = -1;
    private boolean fencePending;
    private long fenceWaits;

    /**
     * Gives the buffer bound to {@code GL_ARRAY_BUFFER} its immutable store and maps it.
     *
     * @param label        names the ring in errors and its segments in guard band failures.
     * @param buffer       the GL buffer, bound to {@code GL_ARRAY_BUFFER}.
     * @param segmentBytes bytes one frame may write.
     * @param segmentCount segments in the ring.
     * @param checked      whether guard bands surround the segments.
     * @param core44       whether GL 4.4's {@code glBufferStorage} is there (else {@code ARB_buffer_storage}'s).
     * @throws GlException naming the size and the GL error when the store cannot be mapped; the caller deletes the
     *                     buffer.
     */
    PersistentVertexRing(
        final String label, final int buffer, final int segmentBytes, final int segmentCount, final boolean checked,
        final boolean core44)
    {
        this.label = label;
        this.buffer = buffer;
        this.segmentBytes = segmentBytes;
        this.segmentCount = segmentCount;
        this.checked = checked;
        this.guardBytes = checked ? StreamingVertexBuffer.RING_GUARD_BYTES : 0;
        this.segmentNames = checked ? Constants.segmentNames(label, segmentCount) : null;
        this.fences = new long[segmentCount];

        final long size = (long)segmentBytes * segmentCount + (long)guardBytes * (segmentCount + 1);
        final int flags = GL_MAP_WRITE_BIT | GL_MAP_PERSISTENT_BIT | GL_MAP_COHERENT_BIT;
        if (core44)
        {
            nglBufferStorage(GL_ARRAY_BUFFER, size, 0L, flags);
        }
        else
        {
            ARBBufferStorage.nglBufferStorage(GL_ARRAY_BUFFER, size, 0L, flags);
        }
        mappedAddress = nglMapBufferRange(GL_ARRAY_BUFFER, 0L, size, flags);
        if (mappedAddress == 0L)
        {
            throw Constants.mapFailed(size, label, glGetError());
        }
        for (int band = 0; band <= segmentCount && checked; band++)
        {
            GuardBand.fill(mappedAddress + (long)band * (segmentBytes + guardBytes), guardBytes);
        }
    }

    /**
     * Fences the previous frame's segment, waits until the next one is no longer read by the GPU (rarely, with 3
     * segments) and hands it out. Allocation-free.
     *
     * @return the address of the segment's first byte.
     */
    long begin()
    {
        if (fencePending)
        {
            fences[segment] = glFenceSync(GL_SYNC_GPU_COMMANDS_COMPLETE, 0);
            fencePending = false;
        }
        segment = segment + 1 == segmentCount ? 0 : segment + 1;
        final long fence = fences[segment];
        if (fence != 0L)
        {
            waitFor(fence);
            glDeleteSync(fence);
            fences[segment] = 0L;
        }
        return mappedAddress + guardBytes + (long)segment * (segmentBytes + guardBytes);
    }

    /**
     * Ends the frame's segment: its fence is placed when the next frame begins. Allocation-free.
     *
     * @return the segment's byte offset in the buffer, where the frame's draws read.
     */
    long end()
    {
        fencePending = true;
        return guardBytes + (long)segment * (segmentBytes + guardBytes);
    }

    /**
     * Verifies the guard bands around each segment; checking mode only. Allocation-free while they are intact.
     *
     * @throws dev.isochron.engine.checked.GuardBandException naming the segment, the offset and the bytes found.
     */
    void verifyGuards()
    {
        final long stride = (long)segmentBytes + guardBytes;
        for (int band = 0; band <= segmentCount; band++)
        {
            final long bandAddress = mappedAddress + band * stride;
            final int block = band == 0 ? 0 : band - 1;
            final long blockAddress = mappedAddress + guardBytes + block * stride;
            GuardBand.verify(segmentNames[block], blockAddress, segmentBytes, bandAddress, guardBytes);
        }
    }

    /** @return how many times {@link #begin()} found a segment still in use and had to wait for the GPU. */
    long fenceWaits()
    {
        return fenceWaits;
    }

    /** For tests: the fence that guards {@code segment} until its frame's draws are done, or 0 when none is set. */
    long fence(final int segment)
    {
        return fences[segment];
    }

    /**
     * In checking mode verifies the guard bands (before the unmap: they are in the mapped memory), then, either way,
     * deletes the outstanding fences and unmaps the store, leaving the buffer bound.
     */
    void close()
    {
        try
        {
            if (checked)
            {
                verifyGuards();
            }
        }
        finally
        {
            for (int i = 0; i < segmentCount; i++)
            {
                if (fences[i] != 0L)
                {
                    glDeleteSync(fences[i]);
                    fences[i] = 0L;
                }
            }
            glBindBuffer(GL_ARRAY_BUFFER, buffer);
            glUnmapBuffer(GL_ARRAY_BUFFER);
        }
    }

    private void waitFor(final long fence)
    {
        int status = glClientWaitSync(fence, 0, 0L);
        if (status == GL_ALREADY_SIGNALED || status == GL_CONDITION_SATISFIED)
        {
            return;
        }
        fenceWaits++;
        while (true)
        {
            status = glClientWaitSync(fence, GL_SYNC_FLUSH_COMMANDS_BIT, StreamingVertexBuffer.WAIT_SLICE_NS);
            if (status == GL_ALREADY_SIGNALED || status == GL_CONDITION_SATISFIED)
            {
                return;
            }
            if (status == GL_WAIT_FAILED)
            {
                throw Constants.waitFailed(segment, label, glGetError());
            }
        }
    }

    /**
     * The segments' names and the error messages, in a class of their own so that PersistentVertexRing holds no String
     * constant: the first C2 compile of a per-frame method would otherwise resolve them on the render thread mid-run
     * (see {@code ClassConstants} in the engine test-jar).
     */
    private static final class Constants
    {
        private Constants()
        {
        }

        static String[] segmentNames(final String label, final int segmentCount)
        {
            final String[] names = new String[segmentCount];
            for (int i = 0; i < segmentCount; i++)
            {
                names[i] = "StreamingVertexBuffer '" + label + "' persistent-mapped segment " + i;
            }
            return names;
        }

        static GlException mapFailed(final long size, final String label, final int error)
        {
            return new GlException("glMapBufferRange of " + size + " bytes for '" + label + "' failed: " +
                GlErrors.errorName(error) + " (use forceFallback to stream without persistent mapping)");
        }

        static GlException waitFailed(final int segment, final String label, final int error)
        {
            return new GlException("glClientWaitSync on the fence of segment " + segment + " of '" + label +
                "' failed: " + GlErrors.errorName(error));
        }
    }
}
