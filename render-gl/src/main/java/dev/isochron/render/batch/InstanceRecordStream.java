package dev.isochron.render.batch;

import java.nio.ByteBuffer;

import dev.isochron.engine.checked.GuardBand;
import org.lwjgl.system.MemoryUtil;

import static dev.isochron.render.batch.SpriteEntries.CACHE_LINE;
import static dev.isochron.render.batch.SpriteEntries.ENTRY_SHIFT;
import static org.lwjgl.system.MemoryUtil.memGetLong;
import static org.lwjgl.system.MemoryUtil.memPutLong;

/**
 * The fourth entry stream of a {@link SpriteBatch} that a {@link SpriteInstances} wraps: per quad, 16 bytes holding
 * the parts of its {@link SpriteInstanceLayout} record that need converting, the corners as four half floats and the
 * UVs as four unorm16, stored as the batch records the quad. So the conversion is paid once, on the recording thread,
 * and {@link #writeRecords} only copies. It also counts the quads a record cannot hold, which send the frame down the
 * vertex path.
 * <p>
 * Made at start-up, before the batch records anything (a quad recorded earlier would have no record data): 16 bytes
 * of line-aligned direct memory per quad of capacity, freed with the batch by the garbage collector, and in checking
 * mode a {@link GuardBand} either side. Written and cleared by the recording thread; {@link #writeRecords} may run
 * concurrently for disjoint ranges afterwards. Every method but the constructor is allocation-free.
 */
final class InstanceRecordStream
{
    private final boolean checked;
    private final long streamBytes;
    private final String streamName;
    private final ByteBuffer memory;
    private final long address;
    private int outsideRange;

    /** @param capacity quads the stream holds, the batch's capacity; {@code checked} adds the guard bands. */
    InstanceRecordStream(final int capacity, final boolean checked)
    {
        this.checked = checked;
        streamBytes = (long)capacity << ENTRY_SHIFT;
        final int band = checked ? GuardBand.BYTES : 0;
        memory = ByteBuffer.allocateDirect((int)(streamBytes + 2L * band + CACHE_LINE - 1));
        address = ((MemoryUtil.memAddress(memory) + CACHE_LINE - 1) & -CACHE_LINE) + band;
        streamName = checked ? Messages.streamName() : null;
        if (checked)
        {
            GuardBand.fill(address - band, band);
            GuardBand.fill(address + streamBytes, band);
        }
    }

    /**
     * Stores quad {@code quad}'s 16 bytes: the record's corners (its offset 8) and UVs (its offset 24), converted;
     * counts the quad when they do not fit. Allocation-free.
     */
    void put(
        final int quad,
        final float lx0, final float ly0, final float lx1, final float ly1,
        final float u0, final float v0, final float u1, final float v1)
    {
        if (!fits(lx0, ly0, lx1, ly1, u0, v0, u1, v1))
        {
            outsideRange++;
        }
        final long at = address + ((long)quad << ENTRY_SHIFT);
        memPutLong(at, PackedLongs.packShorts(SpriteInstanceLayout.halfBits(lx0), SpriteInstanceLayout.halfBits(ly0),
            SpriteInstanceLayout.halfBits(lx1), SpriteInstanceLayout.halfBits(ly1)));
        memPutLong(at + 8, PackedLongs.packShorts(SpriteInstanceLayout.unorm16(u0), SpriteInstanceLayout.unorm16(v0),
            SpriteInstanceLayout.unorm16(u1), SpriteInstanceLayout.unorm16(v1)));
    }

    /**
     * Whether a quad's corners and UVs fit a {@link SpriteInstanceLayout} record: corners finite and at most
     * {@link SpriteInstanceLayout#MAX_CORNER} from the origin, UVs in [0, 1] (NaN fits nothing).
     */
    private static boolean fits(
        final float lx0, final float ly0, final float lx1, final float ly1,
        final float u0, final float v0, final float u1, final float v1)
    {
        final float max = SpriteInstanceLayout.MAX_CORNER;
        return Math.abs(lx0) <= max & Math.abs(ly0) <= max & Math.abs(lx1) <= max & Math.abs(ly1) <= max &
            u0 >= 0f & u0 <= 1f & v0 >= 0f & v0 <= 1f & u1 >= 0f & u1 <= 1f & v1 >= 0f & v1 <= 1f;
    }

    /** @return quads {@link #put} since the last {@link #clear()} whose corners or UVs a record cannot hold. */
    int outsideRange()
    {
        return outsideRange;
    }

    /** Starts a new frame's count of quads outside the record's range. */
    void clear()
    {
        outsideRange = 0;
    }

    /** @return the start of the stream (for tests of the guard bands). */
    long address()
    {
        return address;
    }

    /**
     * Verifies the guard bands either side of the stream; nothing without checking mode. Allocation-free.
     *
     * @throws dev.isochron.engine.checked.GuardBandException naming the stream, the offset and the bytes found.
     */
    void verifyGuards()
    {
        if (!checked)
        {
            return;
        }
        final int band = GuardBand.BYTES;
        GuardBand.verify(streamName, address, streamBytes, address - band, band);
        GuardBand.verify(streamName, address, streamBytes, address + streamBytes, band);
    }

    /**
     * Writes the records of the quads {@code order[start, stop)} from {@code at}, as
     * {@link SpriteBatch#generateInstances} documents: per quad four 8-byte loads and stores, the position and the
     * angle with colour from {@code entries}, the corners and UVs from this stream. Allocation-free.
     */
    void writeRecords(final SpriteEntries entries, final int[] order, final int start, final int stop, final long at)
    {
        final long geometry = entries.geometry();
        final long extent = entries.extent();
        final long instance = address;
        long to = at;
        for (int d = start; d < stop; d++)
        {
            final long entry = (long)order[d] << ENTRY_SHIFT;
            final long xy = memGetLong(geometry + entry);
            final long angleRgba = memGetLong(extent + entry + 8);
            final long corners = memGetLong(instance + entry);
            final long uvs = memGetLong(instance + entry + 8);
            memPutLong(to, xy);
            memPutLong(to + 8, corners);
            memPutLong(to + 16, angleRgba);
            memPutLong(to + 24, uvs);
            to += SpriteInstanceLayout.BYTES_PER_INSTANCE;
        }
    }

    /**
     * The guard bands' stream name, in a class of its own so that InstanceRecordStream holds no String constant (see
     * {@code ClassConstants} in the engine test-jar).
     */
    private static final class Messages
    {
        private Messages()
        {
        }

        static String streamName()
        {
            return "SpriteBatch instance record entries";
        }
    }
}
