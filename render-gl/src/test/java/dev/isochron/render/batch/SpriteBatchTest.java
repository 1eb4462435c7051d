package dev.isochron.render.batch;

import java.util.Random;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.lwjgl.system.MemoryUtil;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.lwjgl.system.MemoryUtil.memGetFloat;
import static org.lwjgl.system.MemoryUtil.memGetInt;

class SpriteBatchTest
{
    private static final float EPSILON = 1e-4f;
    private static final int RED = Rgba.pack(255, 0, 0, 255);
    private static final long SEED = 7L;

    private long memory;

    @AfterEach
    void free()
    {
        if (memory != 0)
        {
            MemoryUtil.nmemFree(memory);
        }
    }

    private long alloc(final int quads)
    {
        memory = MemoryUtil.nmemCalloc(Math.max(1, quads), QuadVertexLayout.BYTES_PER_QUAD);
        return memory;
    }

    @Test
    void shouldWriteAxisAlignedSpriteCornersUvsAndColour()
    {
        final SpriteBatch batch = new SpriteBatch(4);
        batch.draw(3, 0.25f, 0.5f, 0.75f, 1f, 10f, 20f, 30f, 40f, 0f, 0f, 0f, RED);
        batch.prepare();
        final long at = alloc(1);
        assertEquals(1, batch.generate(0, 1, at));

        assertVertex(at, 0, 10f, 20f, 0.25f, 0.5f, RED);
        assertVertex(at, 1, 40f, 20f, 0.75f, 0.5f, RED);
        assertVertex(at, 2, 40f, 60f, 0.75f, 1f, RED);
        assertVertex(at, 3, 10f, 60f, 0.25f, 1f, RED);
    }

    @Test
    void shouldRotateAboutTheOriginAtThePosition()
    {
        final SpriteBatch batch = new SpriteBatch(4);
        // 20 x 10 sprite, origin at its centre, placed at (100, 100), quarter turn (y down: clockwise on screen)
        batch.draw(0, 0f, 0f, 1f, 1f, 100f, 100f, 20f, 10f, 10f, 5f, (float)(Math.PI / 2), Rgba.WHITE);
        batch.prepare();
        final long at = alloc(1);
        batch.generate(0, 1, at);

        // local top-left (-10, -5) -> (x cos - y sin, x sin + y cos) = (5, -10)
        assertVertex(at, 0, 105f, 90f, 0f, 0f, Rgba.WHITE);
        assertVertex(at, 1, 105f, 110f, 1f, 0f, Rgba.WHITE);
        assertVertex(at, 2, 95f, 110f, 1f, 1f, Rgba.WHITE);
        assertVertex(at, 3, 95f, 90f, 0f, 1f, Rgba.WHITE);
    }

    @Test
    void shouldDrawBetweenTwoTicksAlongTheShorterArc()
    {
        final SpriteBatch batch = new SpriteBatch(4);
        final AtlasRegion region = AtlasRegion.whole(1, 8, 8);
        // from (0, 0) at 350 degrees to (10, 20) at 10 degrees, halfway: (5, 10) at 0 degrees
        batch.drawInterpolated(region, 0f, 0f, (float)Math.toRadians(350), 10f, 20f, (float)Math.toRadians(10), 0.5f,
            4f, 2f, 0f, 0f, Rgba.WHITE);
        batch.prepare();
        final long at = alloc(1);
        batch.generate(0, 1, at);

        assertVertex(at, 0, 5f, 10f, 0f, 0f, Rgba.WHITE);
        assertVertex(at, 2, 9f, 12f, 1f, 1f, Rgba.WHITE);
    }

    @Test
    void shouldGroupByTextureKeepingSubmissionOrderWithinATexture()
    {
        final SpriteBatch batch = new SpriteBatch(8);
        final int[] textures = {2, 1, 2, 1, 3, 2};
        for (int i = 0; i < textures.length; i++)
        {
            batch.draw(textures[i], 0f, 0f, 1f, 1f, i, 0f, 1f, 1f, 0f, 0f, 0f, Rgba.WHITE);
        }
        batch.prepare();

        assertEquals(3, batch.runCount());
        assertRun(batch, 0, 1, 0, 2);
        assertRun(batch, 1, 2, 2, 3);
        assertRun(batch, 2, 3, 5, 1);
        final int[] expectedOrder = {1, 3, 0, 2, 5, 4};
        for (int d = 0; d < expectedOrder.length; d++)
        {
            assertEquals(expectedOrder[d], batch.drawnQuad(d), "draw position " + d);
        }
    }

    @Test
    void shouldDrawHigherLayersLaterWhateverTheirTexture()
    {
        final SpriteBatch batch = new SpriteBatch(8);
        batch.layer(1).draw(0, 0f, 0f, 1f, 1f, 0f, 0f, 1f, 1f, 0f, 0f, 0f, Rgba.WHITE);
        batch.layer(0).draw(9, 0f, 0f, 1f, 1f, 1f, 0f, 1f, 1f, 0f, 0f, 0f, Rgba.WHITE);
        batch.prepare();

        assertEquals(1, batch.drawnQuad(0));
        assertEquals(0, batch.drawnQuad(1));
        assertRun(batch, 0, 9, 0, 1);
        assertRun(batch, 1, 0, 1, 1);
    }

    @Test
    void shouldKeepExactSubmissionOrderWhenSortingIsOff()
    {
        final SpriteBatch batch = new SpriteBatch(8).sortByTexture(false);
        final int[] textures = {2, 2, 1, 2};
        for (int i = 0; i < textures.length; i++)
        {
            batch.draw(textures[i], 0f, 0f, 1f, 1f, i, 0f, 1f, 1f, 0f, 0f, 0f, Rgba.WHITE);
        }
        batch.prepare();

        assertEquals(3, batch.runCount());
        assertRun(batch, 0, 2, 0, 2);
        assertRun(batch, 1, 1, 2, 1);
        assertRun(batch, 2, 2, 3, 1);
    }

    @Test
    void shouldProduceTheSameBytesForAnySlicing()
    {
        final int n = 1237;
        final SpriteBatch batch = new SpriteBatch(n);
        final Random random = new Random(SEED);
        for (int i = 0; i < n; i++)
        {
            batch.draw(random.nextInt(5), random.nextFloat(), random.nextFloat(), random.nextFloat(), random.nextFloat(),
                random.nextFloat() * 500f, random.nextFloat() * 500f, 1f + random.nextFloat() * 30f,
                1f + random.nextFloat() * 30f, random.nextFloat() * 10f, random.nextFloat() * 10f,
                random.nextInt(3) == 0 ? 0f : random.nextFloat() * 7f, random.nextInt());
        }
        batch.prepare();
        final long bytes = (long)n * QuadVertexLayout.BYTES_PER_QUAD;
        final long one = alloc(n);
        assertEquals(n, batch.generate(0, 1, one));
        final long sliced = MemoryUtil.nmemCalloc(n, QuadVertexLayout.BYTES_PER_QUAD);
        try
        {
            for (int k = 2; k <= 9; k++)
            {
                MemoryUtil.memSet(sliced, 0xAB, bytes);
                int written = 0;
                for (int s = k - 1; s >= 0; s--)
                {
                    written += batch.generate(s, k, sliced);
                }
                assertEquals(n, written, "quads written by " + k + " slices");
                for (long b = 0; b < bytes; b += 4)
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

    @Test
    void shouldThrowNamingTheCapacityWhenFull()
    {
        final SpriteBatch batch = new SpriteBatch(2);
        batch.draw(0, 0f, 0f, 1f, 1f, 0f, 0f, 1f, 1f, 0f, 0f, 0f, Rgba.WHITE);
        batch.draw(0, 0f, 0f, 1f, 1f, 0f, 0f, 1f, 1f, 0f, 0f, 0f, Rgba.WHITE);
        final IllegalStateException ex = assertThrows(IllegalStateException.class,
            () -> batch.draw(0, 0f, 0f, 1f, 1f, 0f, 0f, 1f, 1f, 0f, 0f, 0f, Rgba.WHITE));
        assertEquals("SpriteBatch capacity of 2 quads per frame exceeded: construct the batch with a larger capacity",
            ex.getMessage());
    }

    @Test
    void shouldRefuseToGenerateBeforePrepare()
    {
        final SpriteBatch batch = new SpriteBatch(2);
        batch.draw(0, 0f, 0f, 1f, 1f, 0f, 0f, 1f, 1f, 0f, 0f, 0f, Rgba.WHITE);
        final long at = alloc(1);
        final IllegalStateException ex = assertThrows(IllegalStateException.class, () -> batch.generate(0, 1, at));
        assertEquals("SpriteBatch.prepare() must run after the last draw and before generate() or the runs are " +
            "read (1 quads recorded)", ex.getMessage());
    }

    @Test
    void shouldRejectATextureKeyOutsideSixteenBits()
    {
        final SpriteBatch batch = new SpriteBatch(2);
        final IllegalArgumentException ex = assertThrows(IllegalArgumentException.class,
            () -> batch.draw(70000, 0f, 0f, 1f, 1f, 0f, 0f, 1f, 1f, 0f, 0f, 0f, Rgba.WHITE));
        assertEquals("textureKey must be in [0, 65535], was 70000", ex.getMessage());
    }

    @Test
    void shouldForgetEverythingOnClear()
    {
        final SpriteBatch batch = new SpriteBatch(2);
        batch.draw(0, 0f, 0f, 1f, 1f, 0f, 0f, 1f, 1f, 0f, 0f, 0f, Rgba.WHITE);
        batch.clear();
        batch.prepare();
        assertEquals(0, batch.quadCount());
        assertEquals(0, batch.runCount());
    }

    private static void assertRun(final SpriteBatch batch, final int run, final int texture, final int first, final int count)
    {
        assertEquals(texture, batch.runTextureKey(run), "texture of run " + run);
        assertEquals(first, batch.runFirstQuad(run), "first quad of run " + run);
        assertEquals(count, batch.runQuadCount(run), "quads of run " + run);
    }

    static void assertVertex(
        final long base, final int vertex, final float x, final float y, final float u, final float v, final int rgba)
    {
        final long at = base + (long)vertex * QuadVertexLayout.BYTES_PER_VERTEX;
        assertEquals(x, memGetFloat(at), EPSILON, "x of vertex " + vertex);
        assertEquals(y, memGetFloat(at + 4), EPSILON, "y of vertex " + vertex);
        assertEquals(u, memGetFloat(at + 8), EPSILON, "u of vertex " + vertex);
        assertEquals(v, memGetFloat(at + 12), EPSILON, "v of vertex " + vertex);
        assertEquals(rgba, memGetInt(at + 16), "rgba of vertex " + vertex);
    }
}
