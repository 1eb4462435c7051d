package dev.isochron.render.batch;

import dev.isochron.engine.checked.GuardBand;
import dev.isochron.engine.checked.GuardBandException;
import dev.isochron.engine.testing.AllocationGate;
import dev.isochron.render.context.ContextOptions;
import dev.isochron.render.testing.HeadlessGl;
import org.joml.Matrix4f;
import org.junit.jupiter.api.Test;
import org.lwjgl.system.MemoryUtil;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Checking mode over the instanced sprite records the GL backend hands out: they lie in the persistent ring's guarded
 * segments, so a record stored one byte past the frame's segment is reported at the end of the frame naming the
 * segment; a reservation is asserted inside the segment; and checked instanced frames allocate nothing.
 */
@SuppressWarnings("try") // a HeadlessGl resource keeps its context current for the block, unreferenced
class CheckedInstancedSpritesTest
{
    /** A whole number of 320-byte blocks: 20 records fill the segment exactly. */
    private static final int CAPACITY_QUADS = 8;
    private static final int RECORDS = 20;
    private static final byte OVERWRITE = 0x2a;

    private static HeadlessGl checkedGl()
    {
        return HeadlessGl.open(new ContextOptions().title("checked").size(8, 8).checked(true));
    }

    @Test
    void shouldReportARecordStoredPastTheFramesSegmentAtEndFrame()
    {
        try (HeadlessGl gl = checkedGl(); GlDrawBackend backend = new GlDrawBackend(CAPACITY_QUADS))
        {
            assertTrue(backend.isPersistent());
            backend.beginFrame(new Matrix4f());
            final long records = backend.reserveInstances(RECORDS);
            final long end = records + (long)RECORDS * SpriteInstanceLayout.BYTES_PER_INSTANCE;
            MemoryUtil.memPutByte(end, OVERWRITE);

            final GuardBandException ex = assertThrows(GuardBandException.class, backend::endFrame);
            assertEquals("StreamingVertexBuffer 'batch quad vertices' persistent-mapped segment 0", ex.memoryName());
            assertEquals(CAPACITY_QUADS * QuadVertexLayout.BYTES_PER_QUAD, ex.offset());
            assertEquals(OVERWRITE, ex.found()[0]);
            MemoryUtil.memPutByte(end, GuardBand.PATTERN_BYTE);
        }
    }

    @Test
    void shouldRefuseARecordReservationTheSegmentCannotHold()
    {
        try (HeadlessGl gl = checkedGl(); GlDrawBackend backend = new GlDrawBackend(CAPACITY_QUADS))
        {
            backend.beginFrame(new Matrix4f());
            backend.reserveQuads(1);
            final IllegalStateException ex = assertThrows(IllegalStateException.class,
                () -> backend.reserveInstances(RECORDS));
            assertEquals("GlDrawBackend capacity of 8 quads per frame exceeded (1 reserved, 20 sprite records more, " +
                "which take 8 quads from quad 4): construct it with a larger capacity", ex.getMessage());
            backend.endFrame();
        }
    }

    @Test
    void shouldRunCheckedInstancedFramesWithoutAllocating() throws Exception
    {
        try (HeadlessGl gl = checkedGl(); GlDrawBackend backend = new GlDrawBackend(64))
        {
            final BatchRenderer renderer = new BatchRenderer(backend);
            final SpriteBatch sprites = new SpriteBatch(RECORDS, true);
            final SpriteInstances instances = new SpriteInstances(sprites);
            final ShapeBatch shapes = new ShapeBatch(4);
            final Matrix4f projection = new Matrix4f().setOrtho2D(0f, 8f, 8f, 0f);
            AllocationGate.assertSteadyZero("checked instanced GL frames", 3_000, 1_000, i ->
            {
                sprites.clear();
                shapes.clear();
                for (int s = 0; s < RECORDS; s++)
                {
                    sprites.draw(ShapeBatch.WHITE_TEXTURE_KEY, 0f, 0f, 1f, 1f, s % 8, s / 8, 1f, 1f, 0.5f, 0.5f,
                        i * 0.01f, Rgba.WHITE);
                }
                shapes.rect(0f, 0f, 2f, 2f, Rgba.WHITE);
                renderer.beginFrame(projection);
                renderer.render(shapes);
                renderer.render(instances);
                renderer.endFrame();
                gl.context().swapBuffers();
            });
            assertTrue(instances.instanced());
        }
    }
}
