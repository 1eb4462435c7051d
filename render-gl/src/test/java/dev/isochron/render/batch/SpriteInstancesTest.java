package dev.isochron.render.batch;

import java.util.Random;

import org.joml.Matrix4f;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.lwjgl.system.MemoryUtil;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.lwjgl.system.MemoryUtil.memGetByte;
import static org.lwjgl.system.MemoryUtil.memGetFloat;
import static org.lwjgl.system.MemoryUtil.memGetInt;
import static org.lwjgl.system.MemoryUtil.memGetShort;

/**
 * The instanced sprite record, byte by byte: what {@link SpriteBatch#generateInstances} writes for what was recorded,
 * in draw order, the same for any slicing and not a byte past its records; and {@link SpriteInstances}' per-frame
 * choice between records and vertices.
 */
class SpriteInstancesTest
{
    private static final int RED = Rgba.pack(255, 0, 0, 255);
    private static final int TINT = Rgba.pack(0x12, 0x34, 0x56, 0x78);
    private static final byte GUARD = (byte)0xA5;
    private static final int GUARD_BYTES = 64;
    private static final long SEED = 11L;

    private long memory;

    @AfterEach
    void free()
    {
        if (memory != 0)
        {
            MemoryUtil.nmemFree(memory);
        }
    }

    /** Memory for {@code records} records and a guard after them. */
    private long alloc(final int records)
    {
        final long bytes = (long)records * SpriteInstanceLayout.BYTES_PER_INSTANCE + GUARD_BYTES;
        memory = MemoryUtil.nmemAlloc(bytes);
        MemoryUtil.memSet(memory, GUARD, bytes);
        return memory;
    }

    @Test
    void shouldPackPositionCornersAngleColourAndUvsAtTheirOffsets()
    {
        final SpriteBatch batch = instanced(4);
        // 30 x 40 at (10.25, -20.5), origin (7.5, 30) off-centre, turned 0.75 rad, flipped horizontally (u0 > u1)
        batch.draw(3, 0.75f, 0.25f, 0.5f, 1f, 10.25f, -20.5f, 30f, 40f, 7.5f, 30f, 0.75f, TINT);
        batch.prepare();
        final long at = alloc(1);

        assertEquals(1, batch.generateInstances(0, 1, at));

        assertEquals(10.25f, memGetFloat(at + SpriteInstanceLayout.POSITION_OFFSET), 0f, "x");
        assertEquals(-20.5f, memGetFloat(at + SpriteInstanceLayout.POSITION_OFFSET + 4), 0f, "y");
        assertEquals((short)0xC780, memGetShort(at + 8), "lx0 = -originX = -7.5 as a half float");
        assertEquals((short)0xCF80, memGetShort(at + 10), "ly0 = -originY = -30");
        assertEquals((short)0x4DA0, memGetShort(at + 12), "lx1 = 30 - 7.5 = 22.5");
        assertEquals((short)0x4900, memGetShort(at + 14), "ly1 = 40 - 30 = 10");
        assertEquals(Float.floatToRawIntBits(0.75f), memGetInt(at + SpriteInstanceLayout.ANGLE_OFFSET), "angle bits");
        assertEquals(0x12, memGetByte(at + SpriteInstanceLayout.COLOUR_OFFSET), "R");
        assertEquals(0x34, memGetByte(at + SpriteInstanceLayout.COLOUR_OFFSET + 1), "G");
        assertEquals(0x56, memGetByte(at + SpriteInstanceLayout.COLOUR_OFFSET + 2), "B");
        assertEquals(0x78, memGetByte(at + SpriteInstanceLayout.COLOUR_OFFSET + 3), "A");
        assertEquals((short)49151, memGetShort(at + SpriteInstanceLayout.UV_OFFSET), "u0 = 0.75");
        assertEquals((short)16384, memGetShort(at + SpriteInstanceLayout.UV_OFFSET + 2), "v0 = 0.25");
        assertEquals((short)32768, memGetShort(at + SpriteInstanceLayout.UV_OFFSET + 4), "u1 = 0.5");
        assertEquals((short)65535, memGetShort(at + SpriteInstanceLayout.UV_OFFSET + 6), "v1 = 1");
        assertGuardAfter(at, 1);
    }

    @Test
    void shouldWriteRecordsInDrawOrderSortedByLayerAndTexture()
    {
        final SpriteBatch batch = instanced(8);
        batch.draw(2, 0f, 0f, 1f, 1f, 1f, 0f, 4f, 4f, 0f, 0f, 0f, RED);
        batch.draw(1, 0f, 0f, 1f, 1f, 2f, 0f, 4f, 4f, 0f, 0f, 0f, RED);
        batch.layer(1).draw(1, 0f, 0f, 1f, 1f, 3f, 0f, 4f, 4f, 0f, 0f, 0f, RED);
        batch.layer(0).draw(2, 0f, 0f, 1f, 1f, 4f, 0f, 4f, 4f, 0f, 0f, 0f, RED);
        batch.prepare();
        final long at = alloc(4);

        batch.generateInstances(0, 1, at);

        // layer 0 texture 1, layer 0 texture 2 (in submission order), layer 1 texture 1
        final float[] expectedX = {2f, 1f, 4f, 3f};
        for (int i = 0; i < expectedX.length; i++)
        {
            assertEquals(expectedX[i], memGetFloat(at + (long)i * SpriteInstanceLayout.BYTES_PER_INSTANCE), 0f,
                "record " + i);
        }
        assertGuardAfter(at, 4);
    }

    @Test
    void shouldWriteTheSameBytesForAnySlicing()
    {
        final int n = 1_000;
        final SpriteBatch batch = randomBatch(n);
        final long whole = MemoryUtil.nmemAlloc((long)n * SpriteInstanceLayout.BYTES_PER_INSTANCE);
        try
        {
            batch.generateInstances(0, 1, whole);
            final long sliced = alloc(n);
            for (int slice = 6; slice >= 0; slice--)
            {
                batch.generateInstances(slice, 7, sliced);
            }
            for (long b = 0; b < (long)n * SpriteInstanceLayout.BYTES_PER_INSTANCE; b++)
            {
                if (memGetByte(whole + b) != memGetByte(sliced + b))
                {
                    assertEquals(memGetByte(whole + b), memGetByte(sliced + b), "byte " + b);
                }
            }
            assertGuardAfter(sliced, n);
        }
        finally
        {
            MemoryUtil.nmemFree(whole);
        }
    }

    @Test
    void shouldCarryWhatTheVertexPathDrawsWithinTheRecordsPrecision()
    {
        final int n = 500;
        final SpriteBatch batch = randomBatch(n);
        final long vertices = MemoryUtil.nmemAlloc((long)n * QuadVertexLayout.BYTES_PER_QUAD);
        try
        {
            batch.generate(0, 1, vertices);
            final long records = alloc(n);
            batch.generateInstances(0, 1, records);
            for (int i = 0; i < n; i++)
            {
                final long r = records + (long)i * SpriteInstanceLayout.BYTES_PER_INSTANCE;
                final long v = vertices + (long)i * QuadVertexLayout.BYTES_PER_QUAD;
                assertCornersMatch(r, v, i);
            }
        }
        finally
        {
            MemoryUtil.nmemFree(vertices);
        }
    }

    @Test
    void shouldChooseRecordsUnlessAQuadFallsOutsideTheirRange()
    {
        final SpriteBatch batch = new SpriteBatch(8);
        final SpriteInstances instances = new SpriteInstances(batch);
        batch.draw(1, 0f, 0f, 1f, 1f, 5f, 5f, 4f, 4f, 2f, 2f, 0.5f, RED);
        instances.prepare();
        assertTrue(instances.instanced());
        assertEquals(0, instances.vertexFallbackFrames());

        // a repeating texture: u1 = 3
        batch.draw(1, 0f, 0f, 3f, 1f, 5f, 5f, 4f, 4f, 2f, 2f, 0f, RED);
        instances.prepare();
        assertFalse(instances.instanced());
        assertEquals(1, batch.quadsOutsideInstanceRange());
        assertEquals(1, instances.vertexFallbackFrames());
        final long at = MemoryUtil.nmemAlloc(2L * QuadVertexLayout.BYTES_PER_QUAD);
        final long expected = MemoryUtil.nmemAlloc(2L * QuadVertexLayout.BYTES_PER_QUAD);
        try
        {
            assertEquals(2, instances.generate(0, 1, at));
            batch.generate(0, 1, expected);
            for (long b = 0; b < 2L * QuadVertexLayout.BYTES_PER_QUAD; b++)
            {
                assertEquals(memGetByte(expected + b), memGetByte(at + b), "vertex byte " + b);
            }
        }
        finally
        {
            MemoryUtil.nmemFree(at);
            MemoryUtil.nmemFree(expected);
        }

        batch.clear();
        batch.draw(1, 0f, 0f, 1f, 1f, 5f, 5f, 70_000f, 4f, 0f, 0f, 0f, RED);
        assertEquals(1, batch.quadsOutsideInstanceRange(), "a corner beyond the largest half float");
        batch.draw(1, 0f, 0f, 1f, 1f, 5f, 5f, Float.NaN, 4f, 0f, 0f, 0f, RED);
        batch.draw(1, Float.NaN, 0f, 1f, 1f, 5f, 5f, 4f, 4f, 0f, 0f, 0f, RED);
        batch.draw(1, 0f, 0f, 1f, -0.5f, 5f, 5f, 4f, 4f, 0f, 0f, 0f, RED);
        assertEquals(4, batch.quadsOutsideInstanceRange(), "NaN size, NaN and negative UVs");
        batch.clear();
        assertEquals(0, batch.quadsOutsideInstanceRange(), "a new frame");
        batch.draw(1, 1f, 1f, 0f, 0f, 5f, 5f, -65504f, 65504f, 0f, 0f, 0f, RED);
        assertEquals(0, batch.quadsOutsideInstanceRange(), "limits and flips fit");
    }

    @Test
    void shouldReserveRecordsOnABlockBoundaryAfterQuadsAndCountInstancedDraws()
    {
        final SpriteBatch batch = new SpriteBatch(64);
        final SpriteInstances instances = new SpriteInstances(batch);
        for (int i = 0; i < 25; i++)
        {
            batch.draw(1 + i % 2, 0f, 0f, 1f, 1f, i, 0f, 4f, 4f, 0f, 0f, 0f, RED);
        }
        final ShapeBatch shapes = new ShapeBatch(8);
        shapes.rect(0f, 0f, 1f, 1f, RED);
        try (NullDrawBackend backend = new NullDrawBackend(64, true))
        {
            final BatchRenderer renderer = new BatchRenderer(backend);
            renderer.beginFrame(new Matrix4f());
            final long shapeAddress = renderer.reserve(shapes);
            final long recordAddress = renderer.reserve(instances);
            final long afterAddress = renderer.reserve(shapes);

            assertEquals(backend.baseAddress(), shapeAddress);
            assertEquals(backend.baseAddress() + SpriteInstanceLayout.RESERVATION_BLOCK_BYTES, recordAddress,
                "records start at the next 320-byte block");
            assertEquals(recordAddress + 3L * SpriteInstanceLayout.RESERVATION_BLOCK_BYTES, afterAddress,
                "25 records take three blocks");
            instances.generate(0, 1, recordAddress);
            renderer.draw(instances, recordAddress);
            renderer.endFrame();

            assertEquals(2, renderer.frameDrawCalls(), "one instanced draw per texture run");
            assertEquals(25, backend.instancesDrawn());
            assertEquals(25, renderer.frameQuads());
        }
    }

    @Test
    void shouldRefuseToGenerateRecordsOfABatchNoSpriteInstancesWraps()
    {
        final SpriteBatch batch = new SpriteBatch(4);
        batch.draw(1, 0f, 0f, 1f, 1f, 5f, 5f, 4f, 4f, 0f, 0f, 0f, RED);
        batch.prepare();
        assertFalse(batch.packsInstanceRecords());
        assertEquals(0, batch.quadsOutsideInstanceRange(), "not counted without records");

        final IllegalStateException ex = assertThrows(IllegalStateException.class,
            () -> batch.generateInstances(0, 1, 0L));
        assertEquals("SpriteBatch.generateInstances needs the instance records draw packs once a SpriteInstances " +
            "wraps the batch: construct new SpriteInstances(batch) before recording", ex.getMessage());
        final IllegalStateException late = assertThrows(IllegalStateException.class, () -> new SpriteInstances(batch));
        assertEquals("wrap a SpriteBatch in SpriteInstances before recording into it: 1 quads are recorded without " +
            "instance records", late.getMessage());
        batch.clear();
        assertTrue(new SpriteInstances(batch).batch().packsInstanceRecords());
    }

    @Test
    void shouldRefuseANullBatch()
    {
        final IllegalArgumentException ex = assertThrows(IllegalArgumentException.class,
            () -> new SpriteInstances(null));
        assertEquals("batch must not be null", ex.getMessage());
    }

    /** The record's corners, placed and rotated as the shader does (in double), land on the vertex path's corners. */
    private static void assertCornersMatch(final long record, final long vertices, final int index)
    {
        final float x = memGetFloat(record);
        final float y = memGetFloat(record + 4);
        final float lx0 = SpriteInstanceLayout.halfToFloat(memGetShort(record + 8) & 0xFFFF);
        final float ly0 = SpriteInstanceLayout.halfToFloat(memGetShort(record + 10) & 0xFFFF);
        final float lx1 = SpriteInstanceLayout.halfToFloat(memGetShort(record + 12) & 0xFFFF);
        final float ly1 = SpriteInstanceLayout.halfToFloat(memGetShort(record + 14) & 0xFFFF);
        final float angle = memGetFloat(record + 16);
        final int rgba = memGetInt(record + 20);
        final double cos = Math.cos(angle);
        final double sin = Math.sin(angle);
        final float[] lx = {lx0, lx1, lx1, lx0};
        final float[] ly = {ly0, ly0, ly1, ly1};
        final float[] u = {unorm(record, 24), unorm(record, 28), unorm(record, 28), unorm(record, 24)};
        final float[] v = {unorm(record, 26), unorm(record, 26), unorm(record, 30), unorm(record, 30)};
        for (int k = 0; k < 4; k++)
        {
            final long vertex = vertices + (long)k * QuadVertexLayout.BYTES_PER_VERTEX;
            final String what = "sprite " + index + " corner " + k;
            // corners up to 40 units from the origin: a half float's error is at most 1/64 there
            assertEquals(memGetFloat(vertex), x + cos * lx[k] - sin * ly[k], 0.02, what + " x");
            assertEquals(memGetFloat(vertex + 4), y + sin * lx[k] + cos * ly[k], 0.02, what + " y");
            assertEquals(memGetFloat(vertex + 8), u[k], 1e-5, what + " u");
            assertEquals(memGetFloat(vertex + 12), v[k], 1e-5, what + " v");
            assertEquals(memGetInt(vertex + 16), rgba, what + " colour");
        }
    }

    private static float unorm(final long record, final int offset)
    {
        return (memGetShort(record + offset) & 0xFFFF) / 65535f;
    }

    private static SpriteBatch randomBatch(final int n)
    {
        final Random random = new Random(SEED);
        final SpriteBatch batch = instanced(n);
        for (int i = 0; i < n; i++)
        {
            final float w = 1f + random.nextFloat() * 39f;
            final float h = 1f + random.nextFloat() * 39f;
            final float u0 = random.nextFloat();
            final float v0 = random.nextFloat();
            batch.draw(1 + random.nextInt(5), u0, v0, random.nextFloat(), random.nextFloat(),
                random.nextFloat() * 1280f, random.nextFloat() * 720f, w, h, random.nextFloat() * w,
                random.nextFloat() * h, i % 3 == 0 ? 0f : random.nextFloat() * 7f, random.nextInt());
        }
        batch.prepare();
        return batch;
    }

    /** A batch a {@link SpriteInstances} wraps, so that its draws pack records. */
    private static SpriteBatch instanced(final int capacity)
    {
        return new SpriteInstances(new SpriteBatch(capacity)).batch();
    }

    private static void assertGuardAfter(final long at, final int records)
    {
        final long end = at + (long)records * SpriteInstanceLayout.BYTES_PER_INSTANCE;
        for (int b = 0; b < GUARD_BYTES; b++)
        {
            assertEquals(GUARD, memGetByte(end + b), "guard byte " + b + " after the records");
        }
    }
}
