package dev.isochron.render.batch;

import static org.lwjgl.system.MemoryUtil.memPutShort;

/**
 * The vertex format shared by sprites, shapes and text: every primitive is a quad of four
 * vertices drawn with six indices (0, 1, 2, 2, 3, 0).
 * <p>
 * One vertex is {@value #BYTES_PER_VERTEX} bytes, tightly packed, little-endian:
 * <pre>
 *  offset 0  float x     world position, rotation already applied on the CPU
 *  offset 4  float y
 *  offset 8  float u     texture coordinate
 *  offset 12 float v
 *  offset 16 int   rgba  colour, bytes R, G, B, A in memory order (GL_UNSIGNED_BYTE x4, normalised)
 * </pre>
 * Vertex order within a quad: 0 top-left, 1 top-right, 2 bottom-right, 3 bottom-left (in the
 * quad's own frame before rotation).
 */
public final class QuadVertexLayout
{
    /** Bytes of one vertex. */
    public static final int BYTES_PER_VERTEX = 20;
    /** Vertices of one quad. */
    public static final int VERTICES_PER_QUAD = 4;
    /** Bytes of one quad's vertices. */
    public static final int BYTES_PER_QUAD = BYTES_PER_VERTEX * VERTICES_PER_QUAD;
    /** Indices of one quad (two triangles). */
    public static final int INDICES_PER_QUAD = 6;
    /** Byte offset of the position attribute (2 floats). */
    public static final int POSITION_OFFSET = 0;
    /** Byte offset of the texture coordinate attribute (2 floats). */
    public static final int UV_OFFSET = 8;
    /** Byte offset of the packed colour attribute (4 unsigned normalised bytes). */
    public static final int COLOUR_OFFSET = 16;
    /**
     * Most quads one draw can address with 16-bit indices; a run longer than this is split by
     * the renderer (base vertex offsets keep the index buffer at this size).
     */
    public static final int MAX_QUADS_PER_DRAW = 65536 / VERTICES_PER_QUAD;

    private QuadVertexLayout()
    {
    }

    /**
     * Writes the index pattern for {@code quadCount} quads as unsigned 16-bit indices at
     * {@code address} ({@code quadCount * 12} bytes), once at start-up.
     *
     * @param quadCount in [1, {@link #MAX_QUADS_PER_DRAW}].
     */
    public static void writeQuadIndices(final long address, final int quadCount)
    {
        if (quadCount < 1 || quadCount > MAX_QUADS_PER_DRAW)
        {
            throw Messages.badQuadCount(quadCount);
        }
        long at = address;
        for (int q = 0; q < quadCount; q++)
        {
            final int v = q * VERTICES_PER_QUAD;
            memPutShort(at, (short)v);
            memPutShort(at + 2, (short)(v + 1));
            memPutShort(at + 4, (short)(v + 2));
            memPutShort(at + 6, (short)(v + 2));
            memPutShort(at + 8, (short)(v + 3));
            memPutShort(at + 10, (short)v);
            at += 12;
        }
    }

    /**
     * The address of a reservation of {@code quadCount} quads after the {@code reservedQuads} already handed out
     * this frame from the vertex memory at {@code base}: what every {@link DrawBackend#reserveQuads} does.
     * The caller then adds {@code quadCount} to its reserved count. Allocation-free.
     *
     * @param backend the backend asking, named by its class in the error.
     * @throws IllegalStateException when {@code quadCount} is negative or more than the frame's memory has left.
     */
    static long reservationAddress(
        final DrawBackend backend, final long base, final int capacityQuads, final int reservedQuads, final int quadCount)
    {
        if (quadCount < 0 || quadCount > capacityQuads - reservedQuads)
        {
            throw Messages.capacityExceeded(backend, capacityQuads, reservedQuads, quadCount);
        }
        return base + (long)reservedQuads * BYTES_PER_QUAD;
    }

    /**
     * The error messages, in a class of their own so that QuadVertexLayout holds no String constant: the first C2
     * compile of {@link #reservationAddress} would otherwise resolve them on the render thread mid-run (see
     * {@code ClassConstants} in the engine test-jar).
     */
    private static final class Messages
    {
        private Messages()
        {
        }

        static IllegalArgumentException badQuadCount(final int quadCount)
        {
            return new IllegalArgumentException(
                "quadCount must be in [1, " + MAX_QUADS_PER_DRAW + "], was " + quadCount);
        }

        static IllegalStateException capacityExceeded(
            final Object backend, final int capacityQuads, final int reservedQuads, final int quadCount)
        {
            return new IllegalStateException(backend.getClass().getSimpleName() + " capacity of " + capacityQuads +
                " quads per frame exceeded (" + reservedQuads + " reserved, " + quadCount +
                " more): construct it with a larger capacity");
        }
    }
}
