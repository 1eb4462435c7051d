package dev.isochron.render.batch;

import org.junit.jupiter.api.Test;
import org.lwjgl.system.MemoryUtil;

import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.lwjgl.system.MemoryUtil.memGetByte;

/**
 * Worker slices write inside their source's reservation and nowhere else: the quads of slice {@code s} of
 * {@code k} lie in {@code [sliceStart, sliceEnd)}, which partition {@code [0, quadCount)}, so the bytes written are
 * exactly {@code quadCount * BYTES_PER_QUAD} from the reservation's address. Guard bytes on both sides of the
 * reservation must survive every slicing.
 */
class QuadSourceBoundsTest
{
    private static final int GUARD_BYTES = 64;
    private static final byte GUARD = (byte)0xC3;
    private static final int MAX_SLICES = 9;
    private static final long SEED = 11L;

    @Test
    void shouldWriteASpriteBatchsSlicesInsideItsReservationOnly()
    {
        final int quads = 101;
        final SpriteBatch batch = new SpriteBatch(quads);
        final Random random = new Random(SEED);
        for (int i = 0; i < quads; i++)
        {
            batch.draw(random.nextInt(4), 0f, 0f, 1f, 1f, random.nextFloat() * 100f, random.nextFloat() * 100f,
                1f + random.nextFloat() * 9f, 1f + random.nextFloat() * 9f, 0f, 0f, random.nextFloat(), Rgba.WHITE);
        }
        batch.prepare();

        assertSlicesStayInside(batch);
    }

    @Test
    void shouldWriteAShapeBatchsSlicesInsideItsReservationOnly()
    {
        final ShapeBatch batch = new ShapeBatch(256);
        batch.circle(10f, 10f, 5f, 37, Rgba.WHITE);
        batch.rectOutline(0f, 0f, 20f, 20f, 1f, Rgba.WHITE);
        batch.line(0f, 0f, 30f, 7f, 2f, Rgba.WHITE);
        batch.prepare();

        assertSlicesStayInside(batch);
    }

    private static void assertSlicesStayInside(final QuadSource source)
    {
        final long reservationBytes = (long)source.quadCount() * QuadVertexLayout.BYTES_PER_QUAD;
        final long memory = MemoryUtil.nmemAlloc(GUARD_BYTES + reservationBytes + GUARD_BYTES);
        final long reservation = memory + GUARD_BYTES;
        try
        {
            for (int k = 1; k <= MAX_SLICES; k++)
            {
                MemoryUtil.memSet(memory, GUARD, GUARD_BYTES + reservationBytes + GUARD_BYTES);
                int written = 0;
                for (int s = 0; s < k; s++)
                {
                    written += source.generate(s, k, reservation);
                }
                assertEquals(source.quadCount(), written, k + " slices");
                for (long b = 0; b < GUARD_BYTES; b++)
                {
                    assertEquals(GUARD, memGetByte(memory + b), "guard byte " + b + " before, " + k + " slices");
                    assertEquals(GUARD, memGetByte(reservation + reservationBytes + b),
                        "guard byte " + b + " after, " + k + " slices");
                }
            }
        }
        finally
        {
            MemoryUtil.nmemFree(memory);
        }
    }
}
