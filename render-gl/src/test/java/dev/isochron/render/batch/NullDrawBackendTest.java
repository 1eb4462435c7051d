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
}
