package dev.isochron.render.batch;

import dev.isochron.engine.checked.GuardBand;
import dev.isochron.engine.checked.GuardBandException;
import dev.isochron.engine.testing.AllocationGate;
import org.joml.Matrix4f;
import org.junit.jupiter.api.Test;
import org.lwjgl.system.MemoryUtil;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Checking mode in the batches (no GL): a store one byte outside a sprite batch's entry stream or the null backend's
 * staging memory (after quads or instanced sprite records) is reported naming it, the offset and the bytes found; a
 * slice of a source recorded into after its reservation is refused before it writes, records as vertices; and the
 * checked batch pipeline, instanced or not, allocates nothing.
 */
class CheckedBatchTest
{
    private static final int CAPACITY = 8;
    private static final byte OVERWRITE = 0x2a;

    @Test
    void shouldReportAStoreOnePastTheGeometryStreamAtTheNextPrepare()
    {
        final SpriteBatch batch = new SpriteBatch(CAPACITY, true);
        batch.draw(1, 0f, 0f, 1f, 1f, 0f, 0f, 4f, 4f, 0f, 0f, 0f, Rgba.WHITE);
        final long end = batch.geometryStreamAddress() + (long)CAPACITY * 16;
        MemoryUtil.memPutByte(end, OVERWRITE);

        final GuardBandException ex = assertThrows(GuardBandException.class, batch::prepare);
        assertEquals("SpriteBatch geometry entries", ex.memoryName());
        assertEquals(CAPACITY * 16, ex.offset());
        assertEquals(OVERWRITE, ex.found()[0]);
        MemoryUtil.memPutByte(end, GuardBand.PATTERN_BYTE);
        batch.prepare();
    }

    @Test
    void shouldReportAStoreOnePastTheInstanceRecordStreamAtTheNextPrepare()
    {
        final SpriteBatch batch = new SpriteBatch(CAPACITY, true);
        final SpriteInstances instances = new SpriteInstances(batch);
        batch.draw(1, 0f, 0f, 1f, 1f, 0f, 0f, 4f, 4f, 0f, 0f, 0f, Rgba.WHITE);
        final long end = batch.instanceStreamAddress() + (long)CAPACITY * 16;
        MemoryUtil.memPutByte(end, OVERWRITE);

        final GuardBandException ex = assertThrows(GuardBandException.class, instances::prepare);
        assertEquals("SpriteBatch instance record entries", ex.memoryName());
        assertEquals(CAPACITY * 16, ex.offset());
        MemoryUtil.memPutByte(end, GuardBand.PATTERN_BYTE);
        MemoryUtil.memPutByte(batch.instanceStreamAddress() - 1, OVERWRITE);
        assertEquals(-1, assertThrows(GuardBandException.class, instances::prepare).offset(), "and one before");
    }

    @Test
    void shouldReportAStoreBeforeTheGeometryStream()
    {
        final SpriteBatch batch = new SpriteBatch(CAPACITY, true);
        MemoryUtil.memPutInt(batch.geometryStreamAddress() - 4, 0);

        assertEquals(-4, assertThrows(GuardBandException.class, batch::verifyGuards).offset());
    }

    @Test
    void shouldFillAFullCheckedBatchWithoutTouchingItsBands()
    {
        final SpriteBatch batch = new SpriteBatch(CAPACITY, true);
        for (int i = 0; i < CAPACITY; i++)
        {
            batch.draw(1, 0f, 0f, 1f, 1f, i, i, 4f, 4f, 2f, 2f, 0.5f, Rgba.WHITE);
        }
        batch.prepare();
        assertTrue(batch.isChecked());
        assertFalse(new SpriteBatch(CAPACITY).isChecked(), "off by default");
    }

    @Test
    void shouldReportAOneByteOverflowOfTheNullBackendsStagingMemoryAtEndFrame()
    {
        final NullDrawBackend backend = new NullDrawBackend(CAPACITY, true);
        try
        {
            backend.beginFrame(new Matrix4f());
            final long address = backend.reserveQuads(CAPACITY);
            MemoryUtil.memPutByte(address + (long)CAPACITY * QuadVertexLayout.BYTES_PER_QUAD, OVERWRITE);

            final GuardBandException ex = assertThrows(GuardBandException.class, backend::endFrame);
            assertEquals("NullDrawBackend staging memory", ex.memoryName());
            assertEquals(CAPACITY * QuadVertexLayout.BYTES_PER_QUAD, ex.offset());
        }
        finally
        {
            assertThrows(GuardBandException.class, backend::close, "found again when freed");
        }
    }

    @Test
    void shouldRefuseASliceOfASourceRecordedIntoAfterItsReservation()
    {
        final NullDrawBackend backend = new NullDrawBackend(64, true);
        try
        {
            final BatchRenderer renderer = new BatchRenderer(backend);
            final ShapeBatch shapes = new ShapeBatch(CAPACITY);
            final SpriteBatch sprites = new SpriteBatch(CAPACITY, true);
            final QuadSliceWork work = new QuadSliceWork(2, true);
            shapes.rect(0f, 0f, 1f, 1f, Rgba.WHITE);
            renderer.beginFrame(new Matrix4f());
            final long shapesAddress = renderer.reserve(shapes);
            final long spritesAddress = renderer.reserve(sprites);
            work.add(shapes, shapesAddress);
            work.add(sprites, spritesAddress);
            // the protocol broken: recorded into and prepared again after the reservation of 1 quad
            shapes.rect(2f, 2f, 1f, 1f, Rgba.WHITE);
            shapes.prepare();
            MemoryUtil.memPutLong(spritesAddress, 0L);

            final IllegalStateException ex = assertThrows(IllegalStateException.class, () -> work.run(1, 2, 0));
            assertEquals("checked mode: slice 1 of 2 of ShapeBatch would write quads [1, 2) into a reservation of 1 " +
                "quads: the source has 2 quads now (recorded into and prepared again after BatchRenderer.reserve?)",
                ex.getMessage());
            assertEquals(0L, MemoryUtil.memGetLong(spritesAddress), "nothing written where the second quad would go");
        }
        finally
        {
            backend.close();
        }
    }

    @Test
    void shouldReportARecordStoredPastTheLastInstanceReservationAtEndFrame()
    {
        final NullDrawBackend backend = new NullDrawBackend(CAPACITY, true);
        try
        {
            backend.beginFrame(new Matrix4f());
            // 20 records take the whole 8 quads (640 bytes)
            final long address = backend.reserveInstances(20);
            MemoryUtil.memPutByte(address + 20L * SpriteInstanceLayout.BYTES_PER_INSTANCE, OVERWRITE);

            final GuardBandException ex = assertThrows(GuardBandException.class, backend::endFrame);
            assertEquals("NullDrawBackend staging memory", ex.memoryName());
            assertEquals(CAPACITY * QuadVertexLayout.BYTES_PER_QUAD, ex.offset());
        }
        finally
        {
            assertThrows(GuardBandException.class, backend::close, "found again when freed");
        }
    }

    @Test
    void shouldRefuseARecordSliceOfASpriteBatchRecordedIntoAfterItsReservation()
    {
        final NullDrawBackend backend = new NullDrawBackend(64, true);
        try
        {
            final BatchRenderer renderer = new BatchRenderer(backend);
            final SpriteBatch sprites = new SpriteBatch(CAPACITY, true);
            final SpriteInstances instances = new SpriteInstances(sprites);
            final QuadSliceWork work = new QuadSliceWork(1, true);
            sprites.draw(1, 0f, 0f, 1f, 1f, 0f, 0f, 4f, 4f, 0f, 0f, 0f, Rgba.WHITE);
            renderer.beginFrame(new Matrix4f());
            final long records = renderer.reserve(instances);
            work.add(instances, records);
            sprites.draw(1, 0f, 0f, 1f, 1f, 8f, 0f, 4f, 4f, 0f, 0f, 0f, Rgba.WHITE);
            instances.prepare();

            final IllegalStateException ex = assertThrows(IllegalStateException.class, () -> work.run(0, 1, 0));
            assertEquals("checked mode: slice 0 of 1 of SpriteInstances would write quads [0, 2) into a reservation " +
                "of 1 quads: the source has 2 quads now (recorded into and prepared again after BatchRenderer.reserve?)",
                ex.getMessage());
        }
        finally
        {
            backend.close();
        }
    }

    @Test
    void shouldRefuseAReservationCheckedOutsideTheStagingMemory()
    {
        final NullDrawBackend backend = new NullDrawBackend(CAPACITY, true);
        try
        {
            final long base = backend.baseAddress();
            backend.checkWrite(base, (long)CAPACITY * QuadVertexLayout.BYTES_PER_QUAD);

            final IllegalStateException ex = assertThrows(IllegalStateException.class,
                () -> backend.checkWrite(base + 1, (long)CAPACITY * QuadVertexLayout.BYTES_PER_QUAD));
            assertTrue(ex.getMessage().startsWith("checked mode: a write of 640 bytes at 0x"), ex.getMessage());
        }
        finally
        {
            backend.close();
        }
    }

    @Test
    void shouldRunTheCheckedInstancedPipelineWithoutAllocating() throws Exception
    {
        final NullDrawBackend backend = new NullDrawBackend(4 * CAPACITY, true);
        try
        {
            final BatchRenderer renderer = new BatchRenderer(backend);
            final SpriteBatch sprites = new SpriteBatch(CAPACITY, true);
            final SpriteInstances instances = new SpriteInstances(sprites);
            final ShapeBatch shapes = new ShapeBatch(CAPACITY);
            final QuadSliceWork work = new QuadSliceWork(2, true);
            final Matrix4f projection = new Matrix4f();
            AllocationGate.assertSteadyZero("checked instanced batch pipeline", 20_000, 5_000, i ->
            {
                sprites.clear();
                shapes.clear();
                sprites.draw(1, 0f, 0f, 1f, 1f, i, 0f, 4f, 4f, 0f, 0f, 0.25f, Rgba.WHITE);
                sprites.draw(2, 0f, 0f, 1f, 1f, i, 4f, 4f, 4f, 0f, 0f, 0f, Rgba.WHITE);
                shapes.rect(0f, 0f, 1f, 1f, Rgba.WHITE);
                renderer.beginFrame(projection);
                work.clear();
                final long shapesAddress = renderer.reserve(shapes);
                final long recordsAddress = renderer.reserve(instances);
                work.add(shapes, shapesAddress);
                work.add(instances, recordsAddress);
                work.run(0, 2, i);
                work.run(1, 2, i);
                renderer.draw(shapes, shapesAddress);
                renderer.draw(instances, recordsAddress);
                renderer.endFrame();
            });
            assertTrue(instances.instanced());
        }
        finally
        {
            backend.close();
        }
    }

    @Test
    void shouldRunTheCheckedBatchPipelineWithoutAllocating() throws Exception
    {
        final NullDrawBackend backend = new NullDrawBackend(4 * CAPACITY, true);
        try
        {
            final BatchRenderer renderer = new BatchRenderer(backend);
            final SpriteBatch sprites = new SpriteBatch(CAPACITY, true);
            final ShapeBatch shapes = new ShapeBatch(CAPACITY);
            final QuadSliceWork work = new QuadSliceWork(2, true);
            final Matrix4f projection = new Matrix4f();
            AllocationGate.assertSteadyZero("checked batch pipeline", 20_000, 5_000, i ->
            {
                sprites.clear();
                shapes.clear();
                sprites.draw(1, 0f, 0f, 1f, 1f, i, 0f, 4f, 4f, 0f, 0f, 0f, Rgba.WHITE);
                shapes.rect(0f, 0f, 1f, 1f, Rgba.WHITE);
                renderer.beginFrame(projection);
                work.clear();
                final long spritesAddress = renderer.reserve(sprites);
                final long shapesAddress = renderer.reserve(shapes);
                work.add(sprites, spritesAddress);
                work.add(shapes, shapesAddress);
                work.run(0, 2, i);
                work.run(1, 2, i);
                renderer.draw(sprites, spritesAddress);
                renderer.draw(shapes, shapesAddress);
                renderer.endFrame();
            });
        }
        finally
        {
            backend.close();
        }
    }
}
