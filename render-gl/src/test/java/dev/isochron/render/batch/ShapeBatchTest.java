package dev.isochron.render.batch;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.lwjgl.system.MemoryUtil;

import static dev.isochron.render.batch.SpriteBatchTest.assertVertex;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.lwjgl.system.MemoryUtil.memGetFloat;
import static org.lwjgl.system.MemoryUtil.memGetInt;

class ShapeBatchTest
{
    private static final float EPSILON = 1e-4f;
    private static final int GREEN = Rgba.pack(0, 255, 0, 255);

    private long memory;

    @AfterEach
    void free()
    {
        if (memory != 0)
        {
            MemoryUtil.nmemFree(memory);
        }
    }

    private long generate(final ShapeBatch batch)
    {
        batch.prepare();
        memory = MemoryUtil.nmemCalloc(Math.max(1, batch.quadCount()), QuadVertexLayout.BYTES_PER_QUAD);
        batch.generate(0, 1, memory);
        return memory;
    }

    @Test
    void shouldWidenALineAcrossItsDirection()
    {
        final ShapeBatch batch = new ShapeBatch(4);
        batch.line(10f, 10f, 30f, 10f, 4f, GREEN);
        final long at = generate(batch);

        assertEquals(1, batch.quadCount());
        assertVertex(at, 0, 10f, 12f, 0.5f, 0.5f, GREEN);
        assertVertex(at, 1, 30f, 12f, 0.5f, 0.5f, GREEN);
        assertVertex(at, 2, 30f, 8f, 0.5f, 0.5f, GREEN);
        assertVertex(at, 3, 10f, 8f, 0.5f, 0.5f, GREEN);
    }

    @Test
    void shouldDrawNothingForAZeroLengthLine()
    {
        final ShapeBatch batch = new ShapeBatch(4);
        batch.line(5f, 5f, 5f, 5f, 2f, GREEN);
        assertEquals(0, batch.size());
    }

    @Test
    void shouldOutlineARectangleWithFourQuadsInsideItsBounds()
    {
        final ShapeBatch batch = new ShapeBatch(8);
        batch.rectOutline(0f, 0f, 10f, 20f, 2f, GREEN);
        final long at = generate(batch);

        assertEquals(4, batch.quadCount());
        float area = 0f;
        for (int q = 0; q < 4; q++)
        {
            final long quad = at + (long)q * QuadVertexLayout.BYTES_PER_QUAD;
            final float w = memGetFloat(quad + 20) - memGetFloat(quad);
            final float h = memGetFloat(quad + 40 + 4) - memGetFloat(quad + 4);
            area += w * h;
        }
        assertEquals(10f * 20f - 6f * 16f, area, EPSILON);
    }

    @Test
    void shouldRingACircleOutlineWithOneQuadPerSegmentFromTheRadiusInward()
    {
        final ShapeBatch batch = new ShapeBatch(64);
        batch.circleOutline(50f, 40f, 10f, 8, 2f, GREEN);
        final long at = generate(batch);

        assertEquals(8, batch.quadCount());
        for (int q = 0; q < 8; q++)
        {
            final long quad = at + (long)q * QuadVertexLayout.BYTES_PER_QUAD;
            for (int v = 0; v < 4; v++)
            {
                final float dx = memGetFloat(quad + 20L * v) - 50f;
                final float dy = memGetFloat(quad + 20L * v + 4) - 40f;
                assertEquals(v < 2 ? 10f : 8f, (float)Math.sqrt(dx * dx + dy * dy), 1e-3f, "quad " + q + " vertex " + v);
            }
        }
    }

    /**
     * The argument-order rule of the shape API, by parameter types: the filled shape and its outline share their
     * leading parameters, every stroked shape has its stroke (a float) right before the colour (an int, last), and a
     * circle's segments (an int) follow its radius, so a call written for one circle method does not compile, or does
     * the same thing, for the other.
     */
    @Test
    void shouldOrderEveryShapesArgumentsGeometrySegmentsStrokeColour() throws Exception
    {
        final Class<?> f = float.class;
        final Class<?> i = int.class;
        assertParameters("line", f, f, f, f, f, i);
        assertParameters("rect", f, f, f, f, i);
        assertParameters("rectOutline", f, f, f, f, f, i);
        assertParameters("circle", f, f, f, i, i);
        assertParameters("circleOutline", f, f, f, i, f, i);
        assertParameters("polyline", float[].class, i, i, f, i);
    }

    private static void assertParameters(final String method, final Class<?>... types) throws NoSuchMethodException
    {
        final java.lang.reflect.Method found = ShapeBatch.class.getMethod(method, types);
        assertEquals(1, java.util.Arrays.stream(ShapeBatch.class.getMethods())
            .filter(m -> m.getName().equals(method)).count(), method + " has one signature");
        assertEquals(void.class, found.getReturnType());
    }

    @Test
    void shouldNameTheSegmentsOfAnOutlineOutOfRange()
    {
        final ShapeBatch batch = new ShapeBatch(64);
        final IllegalArgumentException ex =
            assertThrows(IllegalArgumentException.class, () -> batch.circleOutline(0f, 0f, 10f, 2, 1f, GREEN));
        assertEquals("segments must be in [3, 4096], was 2", ex.getMessage());
        assertEquals(0, batch.size());
    }

    @Test
    void shouldFanACircleTwoSegmentsPerQuadWithEveryRimVertexOnTheRadius()
    {
        final ShapeBatch batch = new ShapeBatch(64);
        batch.circle(50f, 40f, 10f, 7, GREEN);
        final long at = generate(batch);

        assertEquals(4, batch.quadCount());
        for (int q = 0; q < 4; q++)
        {
            final long quad = at + (long)q * QuadVertexLayout.BYTES_PER_QUAD;
            assertEquals(50f, memGetFloat(quad), EPSILON);
            assertEquals(40f, memGetFloat(quad + 4), EPSILON);
            for (int v = 1; v < 4; v++)
            {
                final float dx = memGetFloat(quad + 20L * v) - 50f;
                final float dy = memGetFloat(quad + 20L * v + 4) - 40f;
                assertEquals(10f, (float)Math.sqrt(dx * dx + dy * dy), 1e-3f, "quad " + q + " vertex " + v);
            }
        }
    }

    @Test
    void shouldJoinPolylineSegmentsAtSharedMitreVertices()
    {
        final ShapeBatch batch = new ShapeBatch(8);
        final float[] xy = {0f, 0f, 10f, 0f, 10f, 10f, 20f, 10f};
        batch.polyline(xy, 0, 4, 2f, GREEN);
        final long at = generate(batch);

        assertEquals(3, batch.quadCount());
        // the corner at (10, 0) turning down: mitre vertices at (10, 0) +- (-1, 1) for half-width 1
        assertVertex(at, 1, 9f, 1f, 0.5f, 0.5f, GREEN);
        assertVertex(at, 2, 11f, -1f, 0.5f, 0.5f, GREEN);
        for (int q = 0; q < 2; q++)
        {
            final long end = at + (long)q * QuadVertexLayout.BYTES_PER_QUAD;
            final long start = end + QuadVertexLayout.BYTES_PER_QUAD;
            assertEquals(memGetInt(end + 20), memGetInt(start), "left side shared at joint " + q);
            assertEquals(memGetInt(end + 24), memGetInt(start + 4), "left side shared at joint " + q);
            assertEquals(memGetInt(end + 40), memGetInt(start + 60), "right side shared at joint " + q);
            assertEquals(memGetInt(end + 44), memGetInt(start + 64), "right side shared at joint " + q);
        }
    }

    @Test
    void shouldSkipRepeatedPolylinePoints()
    {
        final ShapeBatch batch = new ShapeBatch(8);
        final float[] xy = {0f, 0f, 0f, 0f, 10f, 0f, 10f, 0f, 20f, 0f};
        batch.polyline(xy, 0, 5, 2f, GREEN);
        assertEquals(2, batch.size());
    }

    @Test
    void shouldRecordNothingOfAShapeThatDoesNotFit()
    {
        final ShapeBatch batch = new ShapeBatch(3);
        final IllegalStateException ex = assertThrows(IllegalStateException.class,
            () -> batch.rectOutline(0f, 0f, 5f, 5f, 1f, GREEN));
        assertEquals("ShapeBatch capacity of 3 quads per frame exceeded (0 recorded, 4 more needed): " +
            "construct the batch with a larger capacity", ex.getMessage());
        assertEquals(0, batch.size());
    }

    @Test
    void shouldRejectANonPositiveWidth()
    {
        final ShapeBatch batch = new ShapeBatch(3);
        final IllegalArgumentException ex = assertThrows(IllegalArgumentException.class,
            () -> batch.line(0f, 0f, 1f, 1f, Float.NaN, GREEN));
        assertEquals("width must be > 0, was NaN", ex.getMessage());
    }

    @Test
    void shouldProduceTheSameBytesForAnySlicing()
    {
        final ShapeBatch batch = new ShapeBatch(4096);
        final float[] xy = new float[2 * 500];
        for (int i = 0; i < 500; i++)
        {
            xy[2 * i] = i * 2f;
            xy[2 * i + 1] = (float)Math.sin(i * 0.1) * 50f;
        }
        batch.polyline(xy, 0, 500, 1.5f, GREEN);
        batch.circle(5f, 5f, 3f, 33, GREEN);
        batch.rectOutline(1f, 2f, 30f, 40f, 3f, GREEN);
        final long one = generate(batch);
        final int n = batch.quadCount();
        final long sliced = MemoryUtil.nmemCalloc(n, QuadVertexLayout.BYTES_PER_QUAD);
        try
        {
            for (int k = 2; k <= 5; k++)
            {
                for (int s = 0; s < k; s++)
                {
                    batch.generate(s, k, sliced);
                }
                for (long b = 0; b < (long)n * QuadVertexLayout.BYTES_PER_QUAD; b += 4)
                {
                    assertEquals(memGetInt(one + b), memGetInt(sliced + b), "byte " + b + " with " + k + " slices");
                }
            }
        }
        finally
        {
            MemoryUtil.nmemFree(sliced);
        }
    }
}
