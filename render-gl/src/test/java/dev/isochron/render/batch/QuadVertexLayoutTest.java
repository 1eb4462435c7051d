package dev.isochron.render.batch;

import org.junit.jupiter.api.Test;
import org.lwjgl.system.MemoryUtil;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.lwjgl.system.MemoryUtil.memGetByte;
import static org.lwjgl.system.MemoryUtil.memGetShort;

/** The static quad index pattern, the one native write of the GL backend's start-up. */
class QuadVertexLayoutTest
{
    private static final int QUADS = 3;
    private static final int GUARD_BYTES = 16;
    private static final byte GUARD = (byte)0x5A;

    @Test
    void shouldWriteTwelveBytesOfIndicesPerQuadAndNoMore()
    {
        final long bytes = (long)QUADS * QuadVertexLayout.INDICES_PER_QUAD * Short.BYTES;
        final long memory = MemoryUtil.nmemAlloc(bytes + GUARD_BYTES);
        try
        {
            MemoryUtil.memSet(memory, GUARD, bytes + GUARD_BYTES);

            QuadVertexLayout.writeQuadIndices(memory, QUADS);

            final short[] expected = {0, 1, 2, 2, 3, 0, 4, 5, 6, 6, 7, 4, 8, 9, 10, 10, 11, 8};
            for (int i = 0; i < expected.length; i++)
            {
                assertEquals(expected[i], memGetShort(memory + 2L * i), "index " + i);
            }
            for (long b = bytes; b < bytes + GUARD_BYTES; b++)
            {
                assertEquals(GUARD, memGetByte(memory + b), "guard byte " + (b - bytes));
            }
        }
        finally
        {
            MemoryUtil.nmemFree(memory);
        }
    }
}
