package dev.isochron.render.batch;

/**
 * The per-sprite record of the instanced sprite path ({@link SpriteInstances}): one {@value #BYTES_PER_INSTANCE}-byte
 * record per sprite instead of four {@link QuadVertexLayout} vertices (80 bytes); the vertex shader
 * ({@code sprite_instanced.vert}) builds the quad's four corners from {@code gl_VertexID} (the quad index pattern,
 * drawn once per instance), rotates them about the origin and adds the position. Tightly packed, native byte order (little-endian on every platform Isochron runs on):
 * <pre>
 *  offset 0  f32     x        where the sprite's origin lands in the world (exact: the recorded float)
 *  offset 4  f32     y
 *  offset 8  f16 x 4 corners  lx0 = -originX, ly0 = -originY, lx1 = w - originX, ly1 = h - originY: the top-left and
 *                             bottom-right corners about the origin before rotation (GL_HALF_FLOAT)
 *  offset 16 f32     angle    rotation in radians about the origin (exact: the recorded float)
 *  offset 20 u8 x 4  rgba     colour, bytes R, G, B, A (GL_UNSIGNED_BYTE, normalised), as in QuadVertexLayout
 *  offset 24 u16 x 4 uv       u0, v0, u1, v1 as unsigned normalised shorts (GL_UNSIGNED_SHORT, normalised)
 * </pre>
 * <b>Why this packing.</b> The two 8-byte halves that need no conversion (x and y; angle and colour) are the bytes
 * {@link SpriteBatch} already stores at record time, so generation copies them as two 8-byte loads and stores; the
 * position and angle keep full float precision, which a sprite far from the world's origin or one turning slowly
 * needs. The corners and UVs take the remaining 16 bytes at 16 bits each: corners as half floats because sprite sizes
 * span orders of magnitude (a glyph of 0.5 units, a 2,000-pixel background) and a half float keeps the same relative
 * precision at every size; UVs as normalised shorts because they lie in [0, 1], where a fixed step is finer than a
 * half float's near 1.0. A 32-byte record also keeps two records per 64-byte line and no record straddling one.
 * <p>
 * <b>Precision each field keeps</b>:
 * <ul>
 * <li>x, y, angle, colour: exactly what was recorded.</li>
 * <li>corners: rounded to the nearest half float (ties to even): 11 significant bits, so a relative error of at most
 * 2<sup>-11</sup> (0.049 %): at most 0.5 world units for a corner 1,024 to 2,048 units from the origin, 1/16 of a
 * unit for 128 to 256 units; whole numbers up to 2,048 and halves up to 1,024 are exact. Magnitudes below 2<sup>-14</sup>
 * keep half-float subnormal precision (steps of 2<sup>-24</sup>).</li>
 * <li>UVs: rounded to the nearest multiple of 1/65,535: at most 7.6 &times; 10<sup>-6</sup> of the texture, 1/32 of a
 * texel of a 4,096-texel atlas. Flipped and mirrored regions (u0 &gt; u1) are kept as they are.</li>
 * </ul>
 * <b>What does not fit</b>: a UV outside [0, 1] (a repeating texture), or a corner farther than
 * {@value #MAX_CORNER} units from the origin, or one that is not finite. {@link SpriteBatch} counts such quads as it
 * records them ({@link SpriteBatch#quadsOutsideInstanceRange()}), and a frame with any is drawn by the vertex path
 * instead ({@link SpriteInstances}), so the picture never depends on the record's range.
 * <p>
 * <b>Reservations</b> of records come in blocks of {@value #RESERVATION_BLOCK_BYTES} bytes: a whole number of records
 * (10), of quads (4) and of 64-byte lines (5), so records and quads can share one frame's vertex memory, each record
 * reservation starts on a line and a record index, and the quad reservations after it stay whole vertices.
 */
public final class SpriteInstanceLayout
{
    /** Bytes of one sprite's record. */
    public static final int BYTES_PER_INSTANCE = 32;
    /** Vertices the shader makes of one record (drawn with the six indices of one quad). */
    public static final int VERTICES_PER_INSTANCE = 4;
    /** Byte offset of the position attribute (2 floats). */
    public static final int POSITION_OFFSET = 0;
    /** Byte offset of the corners attribute (4 half floats). */
    public static final int CORNERS_OFFSET = 8;
    /** Byte offset of the angle attribute (1 float, radians). */
    public static final int ANGLE_OFFSET = 16;
    /** Byte offset of the packed colour attribute (4 unsigned normalised bytes). */
    public static final int COLOUR_OFFSET = 20;
    /** Byte offset of the texture rectangle attribute (4 unsigned normalised shorts). */
    public static final int UV_OFFSET = 24;
    /** Largest corner magnitude a record holds: the largest finite half float. */
    public static final float MAX_CORNER = 65504f;
    /** Records are reserved in blocks of this many bytes (see the class comment). */
    public static final int RESERVATION_BLOCK_BYTES = 320;
    /** Quads of vertex memory one reservation block takes. */
    public static final int QUADS_PER_BLOCK = RESERVATION_BLOCK_BYTES / QuadVertexLayout.BYTES_PER_QUAD;
    /** Records one reservation block holds. */
    public static final int INSTANCES_PER_BLOCK = RESERVATION_BLOCK_BYTES / BYTES_PER_INSTANCE;

    private static final int HALF_NORMAL_MIN = 0x3880_0000;     // 2^-14, the smallest normal half float, as f32 bits
    private static final int HALF_OVERFLOW = 0x4780_0000;       // 2^16: at and above, a half float is infinite
    private static final int HALF_REBIAS = 0x3800_0000;         // (127 - 15) << 23: the exponents' bias difference
    private static final int HALF_UNDERFLOW = 0x3300_0000;      // 2^-25: at and below, a half float rounds to 0
    private static final int F32_INFINITY = 0x7F80_0000;
    private static final int HALF_INFINITY = 0x7C00;
    private static final int HALF_QUIET_NAN = 0x7E00;
    private static final double HALF_SUBNORMAL_SCALE = 16_777_216.0; // 2^24: a subnormal half float's unit
    private static final float UNORM16_MAX = 65_535f;

    private SpriteInstanceLayout()
    {
    }

    /**
     * The half float nearest {@code value} (ties to even; overflow to infinity; NaN to a quiet NaN), as its 16 bits
     * in the low half of the result. Allocation-free; one branch, taken only outside the normal half-float range.
     */
    public static int halfBits(final float value)
    {
        final int bits = Float.floatToRawIntBits(value);
        final int sign = (bits >>> 16) & 0x8000;
        final int magnitude = bits & 0x7FFF_FFFF;
        if (magnitude >= HALF_NORMAL_MIN && magnitude < HALF_OVERFLOW)
        {
            // rebias the exponent, then round the 13 dropped mantissa bits to nearest, ties to even; a carry into the
            // exponent is the right answer, up to infinity for [65520, 65536)
            final int rebiased = magnitude - HALF_REBIAS;
            return sign | ((rebiased + 0x0FFF + ((rebiased >>> 13) & 1)) >>> 13);
        }
        return sign | halfOutsideNormalRange(magnitude);
    }

    private static int halfOutsideNormalRange(final int magnitude)
    {
        if (magnitude > F32_INFINITY)
        {
            return HALF_QUIET_NAN;
        }
        if (magnitude >= HALF_OVERFLOW)
        {
            return HALF_INFINITY;
        }
        if (magnitude <= HALF_UNDERFLOW)
        {
            return 0;
        }
        // a subnormal half: a whole number of 2^-24, rounded ties to even (1024 is the smallest normal, as it must be)
        return (int)Math.rint(Float.intBitsToFloat(magnitude) * HALF_SUBNORMAL_SCALE);
    }

    /** The value of the half float {@code half} (its 16 bits in the low half), for tests and tools. */
    public static float halfToFloat(final int half)
    {
        final int sign = (half & 0x8000) << 16;
        final int exponent = (half >>> 10) & 0x1F;
        final int mantissa = half & 0x03FF;
        if (exponent == 0x1F)
        {
            return Float.intBitsToFloat(sign | F32_INFINITY | (mantissa << 13));
        }
        if (exponent == 0)
        {
            final float subnormal = (float)(mantissa / HALF_SUBNORMAL_SCALE);
            return sign == 0 ? subnormal : -subnormal;
        }
        return Float.intBitsToFloat(sign | ((exponent + 112) << 23) | (mantissa << 13));
    }

    /**
     * {@code value} in [0, 1] as the nearest unsigned normalised short (0 to 65,535; GL reads it back as
     * {@code n / 65535}); values outside are clamped and NaN is 0. Allocation-free, branch-free.
     */
    public static int unorm16(final float value)
    {
        return Math.min(0xFFFF, Math.max(0, (int)(value * UNORM16_MAX + 0.5f)));
    }

    /** @return quads of vertex memory that {@code instances} records take: whole reservation blocks. */
    public static int quadsForInstances(final int instances)
    {
        return (int)(((long)instances + INSTANCES_PER_BLOCK - 1) / INSTANCES_PER_BLOCK) * QUADS_PER_BLOCK;
    }

    /** @return the quad at which a record reservation starts after {@code reservedQuads}: the next block boundary. */
    public static int instanceStartQuad(final int reservedQuads)
    {
        return (reservedQuads + QUADS_PER_BLOCK - 1) / QUADS_PER_BLOCK * QUADS_PER_BLOCK;
    }

    /**
     * The address of a reservation of {@code instanceCount} records after the {@code reservedQuads} quads already
     * handed out this frame from the vertex memory at {@code base}: what every {@link DrawBackend#reserveInstances}
     * does. The caller then sets its reserved count to
     * {@code instanceStartQuad(reservedQuads) + quadsForInstances(instanceCount)}. Allocation-free.
     *
     * @param backend the backend asking, named by its class in the error.
     * @throws IllegalStateException when {@code instanceCount} is negative or more than the frame's memory has left.
     */
    static long reservationAddress(
        final DrawBackend backend, final long base, final int capacityQuads, final int reservedQuads,
        final int instanceCount)
    {
        final int start = instanceStartQuad(reservedQuads);
        if (instanceCount < 0 || start > capacityQuads ||
            quadsForInstances(instanceCount) > capacityQuads - start)
        {
            throw Messages.capacityExceeded(backend, capacityQuads, reservedQuads, instanceCount);
        }
        return base + (long)start * QuadVertexLayout.BYTES_PER_QUAD;
    }

    /**
     * The error message, in a class of its own so that SpriteInstanceLayout holds no String constant: the first C2
     * compile of {@link #reservationAddress} would otherwise resolve it on the render thread mid-run (see
     * {@code ClassConstants} in the engine test-jar).
     */
    private static final class Messages
    {
        private Messages()
        {
        }

        static IllegalStateException capacityExceeded(
            final Object backend, final int capacityQuads, final int reservedQuads, final int instanceCount)
        {
            return new IllegalStateException(backend.getClass().getSimpleName() + " capacity of " + capacityQuads +
                " quads per frame exceeded (" + reservedQuads + " reserved, " + instanceCount + " sprite records more, " +
                "which take " + quadsForInstances(instanceCount) + " quads from quad " + instanceStartQuad(reservedQuads) +
                "): construct it with a larger capacity");
        }
    }
}
