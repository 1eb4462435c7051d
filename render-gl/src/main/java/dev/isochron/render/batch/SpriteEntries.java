package dev.isochron.render.batch;

import java.nio.ByteBuffer;

import dev.isochron.engine.checked.GuardBand;
import org.lwjgl.system.MemoryUtil;

import static dev.isochron.render.batch.PackedLongs.bits;
import static dev.isochron.render.batch.PackedLongs.first;
import static dev.isochron.render.batch.PackedLongs.pack;
import static dev.isochron.render.batch.PackedLongs.second;
import static org.lwjgl.system.MemoryUtil.memGetFloat;
import static org.lwjgl.system.MemoryUtil.memGetLong;
import static org.lwjgl.system.MemoryUtil.memPutLong;

/**
 * The three off-heap streams a {@link SpriteBatch} records each quad into, 16 bytes per quad in each, and the quad
 * vertices made from them. Split in three so that generation reads each stream front to back in draw order, which
 * the hardware prefetcher follows, and so that the instanced path reads only the two entries it copies.
 * <p>
 * Per quad (pairs packed first-in-memory first, see {@link PackedLongs}): geometry: x, y (where the origin lands),
 * -originX, -originY (the top-left corner about the origin); extent: -originX + w, -originY + h (the bottom-right
 * corner), rotation in radians, rgba; texture: u0, v0, u1, v1.
 * <p>
 * The memory is one direct buffer, line-aligned so that no entry straddles two cache lines, freed with the batch by
 * the garbage collector; in checking mode a {@link GuardBand} lies before, between and after the streams. Written
 * by the recording thread; {@link #writeVertices} may run concurrently for disjoint ranges afterwards. Every method
 * but the constructor is allocation-free.
 */
final class SpriteEntries
{
    /** log2 of an entry's bytes: a quad's entry in any stream starts at {@code quad << ENTRY_SHIFT}. */
    static final int ENTRY_SHIFT = 4;
    /** The alignment of every stream's memory. */
    static final int CACHE_LINE = 64;
    private static final int STREAMS = 3;

    private final boolean checked;
    private final long streamBytes;
    private final String[] streamNames;
    private final ByteBuffer memory;
    private final long geometry;
    private final long extent;
    private final long texture;

    /** @param capacity quads each stream holds, in [1, 2^24]; {@code checked} adds the guard bands. */
    SpriteEntries(final int capacity, final boolean checked)
    {
        this.checked = checked;
        // checked: [band][geometry][band][extent][band][texture][band], the bands a cache line each
        streamBytes = (long)capacity << ENTRY_SHIFT;
        final int band = checked ? GuardBand.BYTES : 0;
        memory = ByteBuffer.allocateDirect((int)(STREAMS * (streamBytes + band) + band + CACHE_LINE - 1));
        geometry = ((MemoryUtil.memAddress(memory) + CACHE_LINE - 1) & -CACHE_LINE) + band;
        extent = geometry + streamBytes + band;
        texture = extent + streamBytes + band;
        streamNames = checked ? Messages.streamNames() : null;
        if (checked)
        {
            GuardBand.fill(geometry - band, band);
            GuardBand.fill(extent - band, band);
            GuardBand.fill(texture - band, band);
            GuardBand.fill(texture + streamBytes, band);
        }
    }

    /** Stores quad {@code quad}'s three entries (see the class comment). Allocation-free. */
    void put(
        final int quad,
        final float x, final float y,
        final float lx0, final float ly0, final float lx1, final float ly1,
        final float rotationRad, final int rgba,
        final float u0, final float v0, final float u1, final float v1)
    {
        final long entry = (long)quad << ENTRY_SHIFT;
        memPutLong(geometry + entry, pack(x, y));
        memPutLong(geometry + entry + 8, pack(lx0, ly0));
        memPutLong(extent + entry, pack(lx1, ly1));
        memPutLong(extent + entry + 8, pack(bits(rotationRad), rgba & 0xFFFF_FFFFL));
        memPutLong(texture + entry, pack(u0, v0));
        memPutLong(texture + entry + 8, pack(u1, v1));
    }

    /**
     * Verifies the guard bands around the three streams; nothing without checking mode. Allocation-free.
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
        GuardBand.verify(streamNames[0], geometry, streamBytes, geometry - band, band);
        GuardBand.verify(streamNames[0], geometry, streamBytes, geometry + streamBytes, band);
        GuardBand.verify(streamNames[1], extent, streamBytes, extent + streamBytes, band);
        GuardBand.verify(streamNames[2], texture, streamBytes, texture + streamBytes, band);
    }

    /** @return the start of the geometry stream (position and top-left corner). */
    long geometry()
    {
        return geometry;
    }

    /** @return the start of the extent stream (bottom-right corner, angle and colour). */
    long extent()
    {
        return extent;
    }

    /**
     * Writes the four vertices of the quads {@code order[start, stop)} from {@code at}, {@link QuadVertexLayout}'s
     * 80 bytes each, as {@link SpriteBatch#generate} documents. Allocation-free.
     */
    void writeVertices(final int[] order, final int start, final int stop, final long at)
    {
        final long geometry = this.geometry;
        final long extent = this.extent;
        final long texture = this.texture;
        long to = at;
        // the last angle's cos and sin, reused while quads share an angle (rotated text, a turning group)
        float angle = 0f;
        float cos = 1f;
        float sin = 0f;
        for (int d = start; d < stop; d++)
        {
            final long entry = (long)order[d] << ENTRY_SHIFT;
            final float px = memGetFloat(geometry + entry);
            final float py = memGetFloat(geometry + entry + 4);
            final float lx0 = memGetFloat(geometry + entry + 8);
            final float ly0 = memGetFloat(geometry + entry + 12);
            final float lx1 = memGetFloat(extent + entry);
            final float ly1 = memGetFloat(extent + entry + 4);
            final long angleRgba = memGetLong(extent + entry + 8);
            final float a = Float.intBitsToFloat((int)first(angleRgba));
            final long c = second(angleRgba);
            final long uv0 = memGetLong(texture + entry);
            final long uv1 = memGetLong(texture + entry + 8);
            if (a == 0f)
            {
                final float x0 = px + lx0;
                final float y0 = py + ly0;
                final float x1 = px + lx1;
                final float y1 = py + ly1;
                quad(to, x0, y0, x1, y0, x1, y1, x0, y1, uv0, uv1, c);
            }
            else
            {
                if (a != angle) // NaN never equals: recomputed, as it must be
                {
                    angle = a;
                    cos = (float)Math.cos(a);
                    sin = (float)Math.sin(a);
                }
                quad(to,
                    px + cos * lx0 - sin * ly0, py + sin * lx0 + cos * ly0,
                    px + cos * lx1 - sin * ly0, py + sin * lx1 + cos * ly0,
                    px + cos * lx1 - sin * ly1, py + sin * lx1 + cos * ly1,
                    px + cos * lx0 - sin * ly1, py + sin * lx0 + cos * ly1,
                    uv0, uv1, c);
            }
            to += QuadVertexLayout.BYTES_PER_QUAD;
        }
    }

    /**
     * The 80 bytes of one quad as ten 8-byte stores. Vertex k is (xk, yk, u, v, rgba) at
     * {@code at + 20k}; {@code uv0} packs (u0, v0) and {@code uv1} (u1, v1), first-in-memory first;
     * {@code c} is the colour's unsigned 32 bits.
     */
    private static void quad(
        final long at,
        final float x0, final float y0,
        final float x1, final float y1,
        final float x2, final float y2,
        final float x3, final float y3,
        final long uv0, final long uv1, final long c)
    {
        memPutLong(at, pack(x0, y0));
        memPutLong(at + 8, uv0);                                     // u0 v0
        memPutLong(at + 16, pack(c, bits(x1)));                      // rgba | x1
        memPutLong(at + 24, pack(bits(y1), first(uv1)));             // y1 u1
        memPutLong(at + 32, pack(second(uv0), c));                   // v0 rgba
        memPutLong(at + 40, pack(x2, y2));
        memPutLong(at + 48, uv1);                                    // u1 v1
        memPutLong(at + 56, pack(c, bits(x3)));                      // rgba | x3
        memPutLong(at + 64, pack(bits(y3), first(uv0)));             // y3 u0
        memPutLong(at + 72, pack(second(uv1), c));                   // v1 rgba
    }

    /**
     * The guard bands' stream names, in a class of their own so that SpriteEntries holds no String constant (see
     * {@code ClassConstants} in the engine test-jar).
     */
    private static final class Messages
    {
        private Messages()
        {
        }

        static String[] streamNames()
        {
            return new String[] {"SpriteBatch geometry entries", "SpriteBatch extent entries",
                "SpriteBatch texture entries"};
        }
    }
}
