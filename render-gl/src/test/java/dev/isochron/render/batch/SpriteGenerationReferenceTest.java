package dev.isochron.render.batch;

import java.util.Random;

import dev.isochron.engine.testing.AllocationGate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.lwjgl.system.MemoryUtil;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.lwjgl.system.MemoryUtil.memPutFloat;
import static org.lwjgl.system.MemoryUtil.memPutInt;

/**
 * {@link SpriteBatch#generate} writes exactly the bytes of the straightforward generator it
 * replaced (kept here as {@link Reference}: four vertices per quad, each written as four floats
 * and an int), for rotated, flipped, mirrored, coloured and off-centre sprites, on both the
 * axis-aligned and the rotated path, with and without a repeated angle, for any slicing; and does
 * it without allocating.
 */
class SpriteGenerationReferenceTest
{
    private static final int SPRITES = 4_096;
    private static final long SEED = 11L;

    private long actual;
    private long expected;

    @AfterEach
    void free()
    {
        MemoryUtil.nmemFree(actual);
        MemoryUtil.nmemFree(expected);
    }

    /** The generator before the packed records: struct-of-arrays, 20 four-byte stores per quad. */
    private static final class Reference
    {
        private final float[] x = new float[SPRITES];
        private final float[] y = new float[SPRITES];
        private final float[] width = new float[SPRITES];
        private final float[] height = new float[SPRITES];
        private final float[] originX = new float[SPRITES];
        private final float[] originY = new float[SPRITES];
        private final float[] rotation = new float[SPRITES];
        private final float[] u0 = new float[SPRITES];
        private final float[] v0 = new float[SPRITES];
        private final float[] u1 = new float[SPRITES];
        private final float[] v1 = new float[SPRITES];
        private final int[] rgba = new int[SPRITES];
        private int count;

        void draw(
            final float u0, final float v0, final float u1, final float v1,
            final float x, final float y, final float w, final float h,
            final float originX, final float originY, final float rotationRad, final int rgba)
        {
            final int i = count++;
            this.x[i] = x;
            this.y[i] = y;
            width[i] = w;
            height[i] = h;
            this.originX[i] = originX;
            this.originY[i] = originY;
            rotation[i] = rotationRad;
            this.u0[i] = u0;
            this.v0[i] = v0;
            this.u1[i] = u1;
            this.v1[i] = v1;
            this.rgba[i] = rgba;
        }

        void generate(final SpriteBatch drawOrder, final long baseAddress)
        {
            long at = baseAddress;
            for (int d = 0; d < count; d++)
            {
                final int i = drawOrder.drawnQuad(d);
                final float px = x[i];
                final float py = y[i];
                final float lx0 = -originX[i];
                final float ly0 = -originY[i];
                final float lx1 = lx0 + width[i];
                final float ly1 = ly0 + height[i];
                final float a = rotation[i];
                final float ta = u0[i];
                final float tb = v0[i];
                final float tc = u1[i];
                final float td = v1[i];
                final int c = rgba[i];
                if (a == 0f)
                {
                    vertex(at, px + lx0, py + ly0, ta, tb, c);
                    vertex(at + 20, px + lx1, py + ly0, tc, tb, c);
                    vertex(at + 40, px + lx1, py + ly1, tc, td, c);
                    vertex(at + 60, px + lx0, py + ly1, ta, td, c);
                }
                else
                {
                    final float cos = (float)Math.cos(a);
                    final float sin = (float)Math.sin(a);
                    vertex(at, px + cos * lx0 - sin * ly0, py + sin * lx0 + cos * ly0, ta, tb, c);
                    vertex(at + 20, px + cos * lx1 - sin * ly0, py + sin * lx1 + cos * ly0, tc, tb, c);
                    vertex(at + 40, px + cos * lx1 - sin * ly1, py + sin * lx1 + cos * ly1, tc, td, c);
                    vertex(at + 60, px + cos * lx0 - sin * ly1, py + sin * lx0 + cos * ly1, ta, td, c);
                }
                at += QuadVertexLayout.BYTES_PER_QUAD;
            }
        }

        private static void vertex(final long at, final float x, final float y, final float u, final float v, final int c)
        {
            memPutFloat(at, x);
            memPutFloat(at + 4, y);
            memPutFloat(at + 8, u);
            memPutFloat(at + 12, v);
            memPutInt(at + 16, c);
        }
    }

    /**
     * Records the same sprites into both: random ones (half rotated, any texture and layer, random
     * colours, sizes that may be negative, i.e. mirrored, and UVs that may run backwards, i.e.
     * flipped) plus the corner cases: angle -0, a full turn, huge and tiny coordinates, NaN colour
     * bits in the UV slots.
     */
    private static SpriteBatch record(final SpriteBatch batch, final Reference reference)
    {
        final Random random = new Random(SEED);
        for (int i = 0; i < SPRITES; i++)
        {
            final int kind = i % 16;
            final float u0 = random.nextFloat();
            final float v0 = random.nextFloat();
            final float u1 = kind == 1 ? u0 - random.nextFloat() : random.nextFloat();
            final float v1 = kind == 2 ? v0 - random.nextFloat() : random.nextFloat();
            float x = random.nextFloat() * 2000f - 500f;
            float y = random.nextFloat() * 1000f - 200f;
            final float w = kind == 3 ? -random.nextFloat() * 64f : random.nextFloat() * 64f;
            final float h = kind == 4 ? -random.nextFloat() * 64f : random.nextFloat() * 64f;
            final float ox = random.nextFloat() * w;
            final float oy = random.nextFloat() * h;
            float angle = random.nextBoolean() ? (random.nextFloat() - 0.5f) * 20f : 0f;
            if (kind == 5)
            {
                angle = -0f;
            }
            else if (kind == 6)
            {
                angle = (float)(2 * Math.PI);
            }
            else if (kind == 7)
            {
                x = 3.0e7f;
                y = -1.0e-30f;
            }
            final int rgba = kind == 8 ? Rgba.WHITE : random.nextInt();
            if (i % 512 == 0)
            {
                batch.layer(i / 512 % 3);
            }
            batch.draw(random.nextInt(6), u0, v0, u1, v1, x, y, w, h, ox, oy, angle, rgba);
            reference.draw(u0, v0, u1, v1, x, y, w, h, ox, oy, angle, rgba);
        }
        batch.prepare();
        return batch;
    }

    private void allocate()
    {
        actual = MemoryUtil.nmemCalloc(SPRITES, QuadVertexLayout.BYTES_PER_QUAD);
        expected = MemoryUtil.nmemCalloc(SPRITES, QuadVertexLayout.BYTES_PER_QUAD);
    }

    private void assertSameBytes()
    {
        final long bytes = (long)SPRITES * QuadVertexLayout.BYTES_PER_QUAD;
        for (long b = 0; b < bytes; b += 4)
        {
            final int want = MemoryUtil.memGetInt(expected + b);
            final int got = MemoryUtil.memGetInt(actual + b);
            if (want != got)
            {
                assertEquals(Integer.toHexString(want), Integer.toHexString(got),
                    "quad " + b / QuadVertexLayout.BYTES_PER_QUAD + ", byte " + b % QuadVertexLayout.BYTES_PER_QUAD);
            }
        }
    }

    @Test
    void shouldWriteTheSameBytesAsTheReferenceGenerator()
    {
        allocate();
        final Reference reference = new Reference();
        final SpriteBatch batch = record(new SpriteBatch(SPRITES), reference);
        assertEquals(SPRITES, batch.generate(0, 1, actual));
        reference.generate(batch, expected);

        assertSameBytes();
    }

    @Test
    void shouldWriteTheSameBytesAsTheReferenceGeneratorInSeveralSlices()
    {
        allocate();
        final Reference reference = new Reference();
        final SpriteBatch batch = record(new SpriteBatch(SPRITES), reference);
        int written = 0;
        for (int s = 0; s < 7; s++)
        {
            written += batch.generate(s, 7, actual);
        }
        reference.generate(batch, expected);

        assertEquals(SPRITES, written);
        assertSameBytes();
    }

    @Test
    void shouldWriteTheSameBytesAfterClearAndRecordingAgain()
    {
        allocate();
        final SpriteBatch batch = record(new SpriteBatch(SPRITES), new Reference());
        batch.generate(0, 1, actual);
        batch.clear();
        final Reference reference = new Reference();
        record(batch, reference);
        batch.generate(0, 1, actual);
        reference.generate(batch, expected);

        assertSameBytes();
    }

    @Test
    void shouldWriteTheSameBytesForQuadsSharingAnAngleBetweenOthers()
    {
        allocate();
        final Reference reference = new Reference();
        final SpriteBatch batch = new SpriteBatch(SPRITES).sortByTexture(false);
        final float[] angles = {0.5f, 0.5f, 0f, 0.5f, -0f, -0.5f, -0.5f, Float.NaN, Float.NaN, 0.5f, 1e-30f, 1e-30f};
        final Random random = new Random(SEED);
        for (int i = 0; i < SPRITES; i++)
        {
            final float angle = angles[i / 3 % angles.length];
            final float x = random.nextFloat() * 1000f;
            final float y = random.nextFloat() * 1000f;
            final int rgba = random.nextInt();
            batch.draw(1, 0f, 0.25f, 0.5f, 1f, x, y, 12f, 6f, 6f, 3f, angle, rgba);
            reference.draw(0f, 0.25f, 0.5f, 1f, x, y, 12f, 6f, 6f, 3f, angle, rgba);
        }
        batch.prepare();
        batch.generate(0, 1, actual);
        reference.generate(batch, expected);

        assertSameBytes();
    }

    @Test
    void shouldGenerateRotatedAndAxisAlignedQuadsWithoutAllocating() throws Exception
    {
        allocate();
        final SpriteBatch batch = record(new SpriteBatch(SPRITES), new Reference());
        AllocationGate.assertSteadyZero("SpriteBatch.generate", 2_000, 2_000, i -> batch.generate(0, 1, actual));
    }
}
