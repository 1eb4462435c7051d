package dev.isochron.render.batch;

import java.nio.ByteOrder;

/**
 * Two 32-bit or four 16-bit values as one long whose native-order bytes are theirs, first-in-memory first, so that
 * the sprite batch's entry streams and the vertices and records made from them move as 8-byte loads and stores
 * whatever the platform's byte order. Static, allocation-free; any thread.
 */
final class PackedLongs
{
    private static final boolean LITTLE_ENDIAN = ByteOrder.nativeOrder() == ByteOrder.LITTLE_ENDIAN;

    private PackedLongs()
    {
    }

    /** The unsigned 32 bits of {@code f}. */
    static long bits(final float f)
    {
        return Float.floatToRawIntBits(f) & 0xFFFF_FFFFL;
    }

    /** Two floats as the long whose native-order bytes are {@code first}'s then {@code second}'s. */
    static long pack(final float first, final float second)
    {
        return pack(bits(first), bits(second));
    }

    /** Two unsigned 32-bit values as the long whose native-order bytes are {@code first}'s then {@code second}'s. */
    static long pack(final long first, final long second)
    {
        return LITTLE_ENDIAN ? first | (second << 32) : second | (first << 32);
    }

    /** The unsigned 32 bits stored first in memory of a {@link #pack}ed long. */
    static long first(final long packed)
    {
        return LITTLE_ENDIAN ? packed & 0xFFFF_FFFFL : packed >>> 32;
    }

    /** The unsigned 32 bits stored second in memory of a {@link #pack}ed long. */
    static long second(final long packed)
    {
        return LITTLE_ENDIAN ? packed >>> 32 : packed & 0xFFFF_FFFFL;
    }

    /** Four 16-bit values as the long whose native-order bytes are {@code a}'s, {@code b}'s, {@code c}'s, {@code d}'s. */
    static long packShorts(final int a, final int b, final int c, final int d)
    {
        final long first = a & 0xFFFFL;
        final long second = b & 0xFFFFL;
        final long third = c & 0xFFFFL;
        final long fourth = d & 0xFFFFL;
        return LITTLE_ENDIAN ? first | second << 16 | third << 32 | fourth << 48 :
            first << 48 | second << 32 | third << 16 | fourth;
    }
}
