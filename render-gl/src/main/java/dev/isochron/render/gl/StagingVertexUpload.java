package dev.isochron.render.gl;

import static org.lwjgl.opengl.GL15C.*;

/**
 * The fallback path of a {@link StreamingVertexBuffer} (no buffer storage, or forced): each frame writes one segment
 * of off-heap staging memory, which {@link #upload(int, int)} copies into a freshly orphaned store of the buffer
 * ({@code glBufferData(NULL)}, then {@code glBufferSubData}), so the driver never makes the CPU wait on a store the GPU
 * still reads. No fences.
 * <p>
 * Checking mode: the staging memory is a {@link NativeBlock} with a guard band on each side, verified by
 * {@link #verifyGuards()} and when it is freed.
 * <p>
 * Threading: the render thread, which owns the context; the staging memory may be written by any thread the render
 * thread hands it to and joins before the upload. Allocation: {@link #upload(int, int)} and {@link #verifyGuards()}
 * (while the bands are intact) allocate nothing. Lifetime: owned by its {@link StreamingVertexBuffer}.
 */
final class StagingVertexUpload
{
    // the per-frame debug check's call name, read from a field so that this class holds no String constant
    private static final String UPLOAD_CALL = Constants.uploadCall();

    private final int segmentBytes;
    private final NativeBlock staging;

    /**
     * Gives the buffer bound to {@code GL_ARRAY_BUFFER} a first store of one segment, and allocates the staging memory.
     *
     * @param label        names the staging memory in guard band failures.
     * @param segmentBytes bytes one frame may write.
     * @param checked      whether guard bands surround the staging memory.
     */
    StagingVertexUpload(final String label, final int segmentBytes, final boolean checked)
    {
        this.segmentBytes = segmentBytes;
        nglBufferData(GL_ARRAY_BUFFER, segmentBytes, 0L, GL_STREAM_DRAW);
        staging = NativeBlock.allocate(Constants.stagingName(label), segmentBytes, 64, false, checked);
    }

    /** @return where each frame's vertices go: {@code segmentBytes} bytes, 64-byte aligned. */
    long address()
    {
        return staging.address();
    }

    /**
     * Orphans {@code buffer}'s store and uploads the frame's bytes into the new one, from offset 0. Allocation-free.
     *
     * @param buffer       the GL buffer, bound here to {@code GL_ARRAY_BUFFER} (and left bound).
     * @param bytesWritten bytes the frame wrote from {@link #address()}, in [0, segmentBytes].
     */
    void upload(final int buffer, final int bytesWritten)
    {
        glBindBuffer(GL_ARRAY_BUFFER, buffer);
        // orphan to the frame's bytes, not the whole segment: llvmpipe allocates (and glibc's checker fills) the whole
        // new store every frame, 3.9 MB for the runtime's default batches where a chart frame writes tens of KB
        nglBufferData(GL_ARRAY_BUFFER, orphanBytes(bytesWritten, segmentBytes), 0L, GL_STREAM_DRAW);
        if (bytesWritten > 0)
        {
            nglBufferSubData(GL_ARRAY_BUFFER, 0L, bytesWritten, staging.address());
        }
        GlErrors.checkInDebug(UPLOAD_CALL);
    }

    /**
     * @return the size of the store the staging path orphans to for a frame of {@code bytesWritten}: rounded up to
     *         {@value StreamingVertexBuffer#ORPHAN_GRANULE_BYTES} bytes (so a driver can reuse stores of a few sizes),
     *         at most the segment.
     */
    static long orphanBytes(final int bytesWritten, final int segmentBytes)
    {
        final long granule = StreamingVertexBuffer.ORPHAN_GRANULE_BYTES;
        final long rounded = ((long)bytesWritten + granule - 1) & -granule;
        return Math.max(granule, Math.min(rounded, segmentBytes));
    }

    /**
     * Verifies the guard bands around the staging memory; nothing without checking mode. Allocation-free while they are
     * intact.
     *
     * @throws dev.isochron.engine.checked.GuardBandException naming the memory, the offset and the bytes found.
     */
    void verifyGuards()
    {
        staging.verify();
    }

    /** Verifies the staging memory's guard bands in checking mode, and frees it either way. */
    void free()
    {
        staging.free();
    }

    /**
     * The debug check's call name and the staging memory's name, in a class of their own so that StagingVertexUpload
     * holds no String constant (see {@code ClassConstants} in the engine test-jar).
     */
    private static final class Constants
    {
        private Constants()
        {
        }

        static String uploadCall()
        {
            return "glBufferData/glBufferSubData (streaming upload)";
        }

        static String stagingName(final String label)
        {
            return "StreamingVertexBuffer '" + label + "' staging memory";
        }
    }
}
