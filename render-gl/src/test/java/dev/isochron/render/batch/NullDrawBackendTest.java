package dev.isochron.render.batch;

import org.joml.Matrix4f;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** The null backend's lifetime: its staging memory is freed by close(), and nothing hands it out after. */
class NullDrawBackendTest
{
    private static final int CAPACITY_QUADS = 16;

    /** Closed mid-frame: the reservation would have pointed into the freed staging memory. */
    @Test
    void shouldRefuseReserveQuadsAfterClose()
    {
        final NullDrawBackend backend = new NullDrawBackend(CAPACITY_QUADS);
        backend.beginFrame(new Matrix4f());
        backend.close();

        final IllegalStateException ex = assertThrows(IllegalStateException.class, () -> backend.reserveQuads(1));
        assertEquals("NullDrawBackend used after close(): its staging memory is freed", ex.getMessage());
    }

    @Test
    void shouldCloseTwiceAndStillReportItsCounters()
    {
        final NullDrawBackend backend = new NullDrawBackend(CAPACITY_QUADS);
        backend.beginFrame(new Matrix4f());
        backend.endFrame();
        backend.close();
        backend.close();

        assertEquals(1, backend.frames());
    }

    /** The bound on every backend's reservations (QuadVertexLayout.reservationAddress): the frame's vertex memory. */
    @Test
    void shouldRefuseAReservationPastTheFramesVertexMemory()
    {
        final NullDrawBackend backend = new NullDrawBackend(CAPACITY_QUADS);
        try
        {
            backend.beginFrame(new Matrix4f());
            backend.reserveQuads(CAPACITY_QUADS - 1);

            final IllegalStateException ex = assertThrows(IllegalStateException.class, () -> backend.reserveQuads(2));
            assertEquals("NullDrawBackend capacity of 16 quads per frame exceeded (15 reserved, 2 more): construct " +
                "it with a larger capacity", ex.getMessage());
            assertEquals(backend.baseAddress() + (CAPACITY_QUADS - 1L) * QuadVertexLayout.BYTES_PER_QUAD,
                backend.reserveQuads(1));
        }
        finally
        {
            backend.close();
        }
    }
}
