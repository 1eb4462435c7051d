package dev.isochron.render.gl;

import org.lwjgl.opengl.GL;
import org.lwjgl.opengl.GLCapabilities;

import static org.lwjgl.opengl.GL15C.*;

/**
 * Per-frame vertex memory that the CPU fills and GL draws from, without a copy where the driver allows it.
 * <p>
 * Persistent path (GL 4.4 or {@code ARB_buffer_storage}; {@link PersistentVertexRing}): one buffer of
 * {@code segmentCount} segments, created with {@code glBufferStorage} and mapped once, persistent and coherent.
 * {@link #beginFrame()} hands out the next segment's address; render workers write vertices straight into it;
 * {@link #endFrame(int)} returns the segment's byte offset in the buffer for the draws. A fence guards each segment:
 * it is placed when the next frame begins (after the previous frame's draws were issued) and waited on
 * ({@code glClientWaitSync}) before the segment is handed out again, so the CPU never overwrites vertices the GPU has
 * yet to read.
 * <p>
 * Fallback path (no buffer storage, or forced; {@link StagingVertexUpload}): {@link #beginFrame()} hands out off-heap
 * staging memory of one segment; {@link #endFrame(int)} orphans the buffer ({@code glBufferData(NULL)}, sized to the
 * bytes written rounded up to {@value #ORPHAN_GRANULE_BYTES}) and uploads the bytes written with
 * {@code glBufferSubData}; the offset is 0. No fences.
 * <p>
 * This class owns the GL buffer and the frame's protocol (begin, write, end, bind; the checks of checking mode); the
 * path it chose at creation owns the memory the frame writes.
 * <p>
 * Allocation: {@link #beginFrame()}, {@link #endFrame(int)} and {@link #bind()} are allocation-free (LWJGL's
 * address variants, no Buffer wrappers). Threads: beginFrame/endFrame/bind on the render thread; the memory
 * between them may be written by any thread that the render thread hands it to and joins before endFrame.
 * Lifetime: until {@link #close()}, which unmaps and deletes the buffer and frees the staging memory. After it,
 * {@link #beginFrame()}, {@link #endFrame(int)}, {@link #bind()} and {@link #bufferName()} throw
 * {@link IllegalStateException} ("used after close()"), checked before anything else (endFrame would upload from
 * freed staging memory). An address handed out before {@code close()} is dangling after it: close only once
 * nothing writes the frame's segment.
 * <p>
 * Checking mode (the context's, {@link GlObjectRegistry#checked()}): {@link #beginFrame()}, {@link #endFrame(int)} and
 * {@link #bind()} check that the calling thread owns the context; the staging memory has a
 * {@link dev.isochron.engine.checked.GuardBand} on each side, and the persistent ring has one before, between and
 * after its segments ({@value #RING_GUARD_BYTES} bytes each, inside the GL buffer, which grows by them: the draws
 * never read them), all verified at every {@link #endFrame(int)} (before the upload) and at {@link #close()};
 * {@link #checkWrite(long, long)} lets the writers assert that a reservation lies inside the frame's segment.
 */
public final class StreamingVertexBuffer implements AutoCloseable
{
    /** Default number of segments: the frame being written, and two the GPU may still be reading. */
    public static final int DEFAULT_SEGMENT_COUNT = 3;
    /**
     * Bytes of each guard band of the persistent ring in checking mode: a whole number of 64-byte lines and of 80-byte
     * quads (20-byte vertices), so segments keep their alignment and draw offsets stay whole vertices.
     */
    public static final int RING_GUARD_BYTES = 320;
    /** The staging path orphans its buffer to the frame's bytes rounded up to this many. */
    public static final int ORPHAN_GRANULE_BYTES = 64 * 1024;
    /** How long one {@code glClientWaitSync} call waits before waiting again, in nanoseconds. */
    public static final long WAIT_SLICE_NS = 1_000_000_000L;

    private final String label;
    private final GlObjectRegistry registry;
    private final int buffer;
    private final int segmentBytes;
    private final int segmentCount;
    private final boolean persistent;
    private final PersistentVertexRing ring;
    private final StagingVertexUpload staging;
    private final boolean checked;
    private final String user;
    private long segmentAddress;
    private boolean inFrame;
    private long frames;
    private boolean closed;

    /**
     * Creates the buffer on the current context, choosing the persistent path when available.
     *
     * @param label         names it in errors and leak reports.
     * @param segmentBytes  bytes one frame may write, in [1, 1 GiB / segmentCount].
     * @param segmentCount  segments in the ring, in [2, 8] (ignored on the fallback path).
     * @param forceFallback use the orphaning path even where buffer storage exists (tests, driver workarounds).
     */
    public StreamingVertexBuffer(
        final String label, final int segmentBytes, final int segmentCount, final boolean forceFallback)
    {
        if (segmentCount < 2 || segmentCount > 8)
        {
            throw Constants.badSegmentCount(label, segmentCount);
        }
        if (segmentBytes < 1 || (long)segmentBytes * segmentCount > (1L << 30))
        {
            throw Constants.badSegmentBytes(label, segmentBytes, segmentCount);
        }
        this.label = label;
        this.segmentBytes = segmentBytes;
        this.segmentCount = segmentCount;
        this.registry = GlObjectRegistry.current();
        this.checked = registry.checked();
        this.user = Constants.user(label);
        final GLCapabilities caps = GL.getCapabilities();
        this.persistent = !forceFallback && (caps.OpenGL44 || caps.GL_ARB_buffer_storage);

        buffer = glGenBuffers();
        registry.register(GlObjectType.BUFFER, buffer, Constants.registryLabel(label, persistent));
        glBindBuffer(GL_ARRAY_BUFFER, buffer);
        if (persistent)
        {
            try
            {
                ring = new PersistentVertexRing(label, buffer, segmentBytes, segmentCount, checked, caps.OpenGL44);
            }
            catch (final GlException ex)
            {
                glDeleteBuffers(buffer);
                registry.remove(GlObjectType.BUFFER, buffer);
                throw ex;
            }
            staging = null;
        }
        else
        {
            ring = null;
            staging = new StagingVertexUpload(label, segmentBytes, checked);
        }
        Constants.checkCreation();
    }

    /**
     * Starts a frame: fences the previous frame's segment, waits until the next segment is no longer read by
     * the GPU (rarely, with 3 segments), and returns where this frame's vertices go. Allocation-free.
     *
     * @return address of {@link #segmentCapacityBytes()} writable bytes.
     * @throws IllegalStateException when the previous frame was not ended.
     */
    public long beginFrame()
    {
        checkGlCall();
        if (inFrame)
        {
            throw Constants.beginTwice(label);
        }
        inFrame = true;
        segmentAddress = persistent ? ring.begin() : staging.address();
        return segmentAddress;
    }

    /**
     * Checking mode's bounds assertion on a writer's reservation: {@code [address, address + bytes)} must lie inside
     * the segment {@link #beginFrame()} handed out for this frame. Allocation-free while it does.
     *
     * @throws IllegalStateException naming the buffer, the range and the segment, when it does not, or outside a frame.
     */
    public void checkWrite(final long address, final long bytes)
    {
        if (!inFrame || bytes < 0 || address < segmentAddress || address + bytes > segmentAddress + segmentBytes)
        {
            throw Constants.writeOutsideSegment(label, address, bytes, inFrame, segmentAddress, segmentBytes);
        }
    }

    /**
     * Verifies the guard bands around the staging memory or between the ring's segments; nothing without checking
     * mode. Allocation-free while they are intact.
     *
     * @throws dev.isochron.engine.checked.GuardBandException naming the memory, the offset and the bytes found.
     */
    public void verifyGuards()
    {
        if (!checked || closed)
        {
            return;
        }
        if (persistent)
        {
            ring.verifyGuards();
        }
        else
        {
            staging.verifyGuards();
        }
    }

    /**
     * Ends the frame's writing: uploads on the fallback path, and returns the byte offset of this frame's
     * vertices in the buffer ({@link #bind()} it and draw from there before the next {@link #beginFrame()}).
     * Allocation-free.
     *
     * @param bytesWritten bytes written from the address {@link #beginFrame()} returned, in [0, capacity].
     */
    public long endFrame(final int bytesWritten)
    {
        checkGlCall();
        if (!inFrame)
        {
            throw Constants.endWithoutBegin(label);
        }
        if (bytesWritten < 0 || bytesWritten > segmentBytes)
        {
            throw Constants.badBytesWritten(label, segmentBytes, bytesWritten);
        }
        if (checked)
        {
            verifyGuards();
        }
        inFrame = false;
        frames++;
        if (persistent)
        {
            return ring.end();
        }
        staging.upload(buffer, bytesWritten);
        return 0L;
    }

    /** Binds the buffer to {@code GL_ARRAY_BUFFER}. Allocation-free. */
    public void bind()
    {
        checkGlCall();
        glBindBuffer(GL_ARRAY_BUFFER, buffer);
    }

    /** @return whether the persistent-mapped path is in use (false: orphaning fallback). */
    public boolean isPersistent()
    {
        return persistent;
    }

    /** @return bytes one frame may write. */
    public int segmentCapacityBytes()
    {
        return segmentBytes;
    }

    /** @return segments in the ring (1 in effect on the fallback path). */
    public int segmentCount()
    {
        return persistent ? segmentCount : 1;
    }

    /** @return the GL buffer name. */
    public int bufferName()
    {
        checkOpen();
        return buffer;
    }

    /** @return frames ended so far. */
    public long frames()
    {
        return frames;
    }

    /** @return how many times {@link #beginFrame()} found a segment still in use and had to wait for the GPU. */
    public long fenceWaits()
    {
        return persistent ? ring.fenceWaits() : 0L;
    }

    /** For tests: the fence that guards {@code segment} until its frame's draws are done, or 0 when none is set. */
    long fence(final int segment)
    {
        return persistent ? ring.fence(segment) : 0L;
    }

    /**
     * Waits for outstanding fences, unmaps and deletes the buffer, frees staging memory; later calls do nothing. In
     * checking mode the guard bands are verified first (everything is released either way).
     */
    public void close()
    {
        if (closed)
        {
            return;
        }
        closed = true;
        try
        {
            if (persistent)
            {
                // verifies the ring's bands in checking mode (before the unmap: they are in the mapped memory), then
                // deletes the fences and unmaps, either way
                ring.close();
            }
        }
        finally
        {
            try
            {
                glDeleteBuffers(buffer);
                registry.remove(GlObjectType.BUFFER, buffer);
            }
            finally
            {
                if (!persistent)
                {
                    // verifies the staging memory's bands in checking mode, and frees it either way
                    staging.free();
                }
            }
        }
    }

    public String toString()
    {
        return Constants.describe(this);
    }

    private void checkOpen()
    {
        if (closed)
        {
            throw Constants.closed(label);
        }
    }

    /** Closed first; in checking mode, also the calling thread's ownership of the context. Allocation-free. */
    private void checkGlCall()
    {
        checkOpen();
        if (checked)
        {
            registry.checkOwner(user);
        }
    }

    /**
     * The debug check's call name, the registry label, the description and the error messages, in a class of their
     * own so that StreamingVertexBuffer holds no String constant: the first C2 compile of a per-frame method would
     * otherwise resolve them on the render thread mid-run (see {@code ClassConstants} in the engine test-jar).
     */
    private static final class Constants
    {
        private Constants()
        {
        }

        static void checkCreation()
        {
            GlErrors.checkInDebug("glBufferStorage/glBufferData (StreamingVertexBuffer creation)");
        }

        static String user(final String label)
        {
            return "StreamingVertexBuffer '" + label + "'";
        }

        static IllegalStateException writeOutsideSegment(
            final String label, final long address, final long bytes, final boolean inFrame, final long segmentAddress,
            final int segmentBytes)
        {
            return new IllegalStateException("checked mode: a write of " + bytes + " bytes at 0x" +
                Long.toHexString(address) + " into StreamingVertexBuffer '" + label + "' " + (inFrame ?
                "leaves this frame's segment [0x" + Long.toHexString(segmentAddress) + ", +" + segmentBytes + ")" :
                "comes outside a frame (no segment is handed out)"));
        }

        static String registryLabel(final String label, final boolean persistent)
        {
            return label + (persistent ? " (persistent ring)" : " (orphaning)");
        }

        static String describe(final StreamingVertexBuffer buffer)
        {
            return "StreamingVertexBuffer{'" + buffer.label + "', " +
                (buffer.persistent ? "persistent " + buffer.segmentCount + " x " : "orphaning ") +
                buffer.segmentBytes + " bytes, frames=" + buffer.frames + ", fenceWaits=" + buffer.fenceWaits() + '}';
        }

        static IllegalArgumentException badSegmentCount(final String label, final int segmentCount)
        {
            return new IllegalArgumentException(
                "segmentCount of '" + label + "' must be in [2, 8], was " + segmentCount);
        }

        static IllegalArgumentException badSegmentBytes(
            final String label, final int segmentBytes, final int segmentCount)
        {
            return new IllegalArgumentException("segmentBytes of '" + label + "' must be in [1, " +
                ((1 << 30) / segmentCount) + "] for " + segmentCount + " segments, was " + segmentBytes);
        }

        static IllegalStateException beginTwice(final String label)
        {
            return new IllegalStateException("beginFrame() called twice on '" + label + "' without endFrame()");
        }

        static IllegalStateException endWithoutBegin(final String label)
        {
            return new IllegalStateException("endFrame() on '" + label + "' without beginFrame()");
        }

        static IllegalArgumentException badBytesWritten(
            final String label, final int segmentBytes, final int bytesWritten)
        {
            return new IllegalArgumentException("bytesWritten to '" + label + "' must be in [0, " + segmentBytes +
                "], was " + bytesWritten);
        }

        static IllegalStateException closed(final String label)
        {
            return new IllegalStateException("StreamingVertexBuffer '" + label + "' used after close(): its buffer is " +
                "deleted and its mapped or staging memory released");
        }
    }
}
