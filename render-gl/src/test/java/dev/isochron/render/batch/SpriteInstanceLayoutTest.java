package dev.isochron.render.batch;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The instance record's conversions (half floats, normalised shorts) and its reservation arithmetic. */
class SpriteInstanceLayoutTest
{
    private static final int SWEEP_STRIDE = 251;

    @Test
    void shouldRoundToTheNearestHalfFloatTiesToEvenAcrossTheWholeFloatRange()
    {
        // every 251st float bit pattern, both signs, every exponent: normals, subnormals, overflow, NaN
        for (long bits = 0; bits <= 0xFFFF_FFFFL; bits += SWEEP_STRIDE)
        {
            final float value = Float.intBitsToFloat((int)bits);
            final int expected = referenceHalf(value);
            final int actual = SpriteInstanceLayout.halfBits(value);
            if (expected != actual)
            {
                assertEquals(Integer.toHexString(expected), Integer.toHexString(actual),
                    "half of " + value + " (bits 0x" + Long.toHexString(bits) + ")");
            }
        }
    }

    @Test
    void shouldRoundTiesToEvenAndOverflowAtTheHalfFloatLimits()
    {
        assertEquals(0x3C00, SpriteInstanceLayout.halfBits(1f));
        assertEquals(0x3C00, SpriteInstanceLayout.halfBits(1f + 0x1p-11f), "a tie rounds to the even 1.0");
        assertEquals(0x3C02, SpriteInstanceLayout.halfBits(1f + 3 * 0x1p-11f), "a tie rounds to the even 1 + 2^-9");
        assertEquals(0x3C01, SpriteInstanceLayout.halfBits(1f + 0x1p-11f + 0x1p-20f), "past the tie rounds up");
        assertEquals(0xC800, SpriteInstanceLayout.halfBits(-8f));
        assertEquals(0x7BFF, SpriteInstanceLayout.halfBits(65504f), "the largest half");
        assertEquals(0x7BFF, SpriteInstanceLayout.halfBits(65519.99f));
        assertEquals(0x7C00, SpriteInstanceLayout.halfBits(65520f), "rounds to infinity");
        assertEquals(0xFC00, SpriteInstanceLayout.halfBits(Float.NEGATIVE_INFINITY));
        assertEquals(0x7E00, SpriteInstanceLayout.halfBits(Float.NaN));
        assertEquals(0x0400, SpriteInstanceLayout.halfBits(0x1p-14f), "the smallest normal");
        assertEquals(0x0001, SpriteInstanceLayout.halfBits(0x1p-24f), "the smallest subnormal");
        assertEquals(0x0000, SpriteInstanceLayout.halfBits(0x1p-25f), "a tie with 0 rounds to 0");
        assertEquals(0x8000, SpriteInstanceLayout.halfBits(-0f));
        assertEquals(0x0400, SpriteInstanceLayout.halfBits(0x1p-14f - 0x1p-26f), "a subnormal rounding up to normal");
    }

    @Test
    void shouldKeepWholeNumbersToTwoThousandAndFortyEightExactly()
    {
        for (int i = -2048; i <= 2048; i++)
        {
            assertEquals(i, SpriteInstanceLayout.halfToFloat(SpriteInstanceLayout.halfBits(i)), 0f, "whole " + i);
            assertEquals(i * 0.5f, SpriteInstanceLayout.halfToFloat(SpriteInstanceLayout.halfBits(i * 0.5f)), 0f,
                "half " + i);
        }
    }

    @Test
    void shouldKeepARelativeErrorOfAtMostTwoToTheMinusElevenInTheNormalRange()
    {
        for (float value = 0x1p-14f; value < 65504f; value *= 1.0001373f)
        {
            final float back = SpriteInstanceLayout.halfToFloat(SpriteInstanceLayout.halfBits(value));
            assertTrue(Math.abs(back - value) <= value * 0x1p-11f, value + " came back as " + back);
        }
    }

    @Test
    void shouldReadHalfFloatsBackForEveryPattern()
    {
        for (int half = 0; half <= 0xFFFF; half++)
        {
            final float value = SpriteInstanceLayout.halfToFloat(half);
            final boolean nan = (half & 0x7C00) == 0x7C00 && (half & 0x03FF) != 0;
            if (nan)
            {
                assertTrue(Float.isNaN(value), "NaN pattern 0x" + Integer.toHexString(half));
            }
            else
            {
                assertEquals(half, SpriteInstanceLayout.halfBits(value), "round trip of 0x" + Integer.toHexString(half));
            }
        }
    }

    @Test
    void shouldConvertUvsToTheNearestNormalisedShortClampingOutsideZeroToOne()
    {
        assertEquals(0, SpriteInstanceLayout.unorm16(0f));
        assertEquals(65535, SpriteInstanceLayout.unorm16(1f));
        assertEquals(32768, SpriteInstanceLayout.unorm16(0.5f));
        assertEquals(16384, SpriteInstanceLayout.unorm16(0.25f));
        assertEquals(1, SpriteInstanceLayout.unorm16(1f / 65535f));
        assertEquals(0, SpriteInstanceLayout.unorm16(-0.25f));
        assertEquals(65535, SpriteInstanceLayout.unorm16(4f));
        assertEquals(0, SpriteInstanceLayout.unorm16(Float.NaN));
        for (int n = 0; n <= 65535; n++)
        {
            assertEquals(n, SpriteInstanceLayout.unorm16(n / 65535f), "n = " + n);
        }
    }

    @Test
    void shouldReserveRecordsInWholeBlocksOfTenRecordsAndFourQuads()
    {
        assertEquals(0, SpriteInstanceLayout.quadsForInstances(0));
        assertEquals(4, SpriteInstanceLayout.quadsForInstances(1));
        assertEquals(4, SpriteInstanceLayout.quadsForInstances(10));
        assertEquals(8, SpriteInstanceLayout.quadsForInstances(11));
        assertEquals(40_000, SpriteInstanceLayout.quadsForInstances(100_000));
        assertEquals(0, SpriteInstanceLayout.instanceStartQuad(0));
        assertEquals(4, SpriteInstanceLayout.instanceStartQuad(1));
        assertEquals(4, SpriteInstanceLayout.instanceStartQuad(4));
        assertEquals(8, SpriteInstanceLayout.instanceStartQuad(5));
        assertEquals(SpriteInstanceLayout.RESERVATION_BLOCK_BYTES,
            SpriteInstanceLayout.INSTANCES_PER_BLOCK * SpriteInstanceLayout.BYTES_PER_INSTANCE);
        assertEquals(SpriteInstanceLayout.RESERVATION_BLOCK_BYTES,
            SpriteInstanceLayout.QUADS_PER_BLOCK * QuadVertexLayout.BYTES_PER_QUAD);
        assertEquals(0, SpriteInstanceLayout.RESERVATION_BLOCK_BYTES % 64, "whole cache lines");
    }

    @Test
    void shouldNameTheBackendAndTheRecordsWhenTheFrameMemoryIsExhausted()
    {
        try (NullDrawBackend backend = new NullDrawBackend(16, false))
        {
            backend.beginFrame(new org.joml.Matrix4f());
            backend.reserveQuads(5);
            final IllegalStateException ex = assertThrows(IllegalStateException.class,
                () -> backend.reserveInstances(21));
            assertEquals("NullDrawBackend capacity of 16 quads per frame exceeded (5 reserved, 21 sprite records " +
                "more, which take 12 quads from quad 8): construct it with a larger capacity", ex.getMessage());
            backend.endFrame();
        }
    }

    /** The half float nearest {@code value}, ties to even, computed in double from the definition. */
    private static int referenceHalf(final float value)
    {
        final int sign = Float.floatToRawIntBits(value) < 0 ? 0x8000 : 0;
        if (Float.isNaN(value))
        {
            return sign | 0x7E00;
        }
        final double magnitude = Math.abs((double)value);
        if (magnitude >= 65520.0)
        {
            return sign | 0x7C00;
        }
        if (magnitude < 0x1p-14)
        {
            return sign | (int)Math.rint(magnitude * 0x1p24); // 1024 (0x400) is the smallest normal
        }
        int exponent = Math.getExponent(magnitude);
        long mantissa = (long)Math.rint(Math.scalb(magnitude, 10 - exponent)); // in [1024, 2048]
        if (mantissa == 2048)
        {
            mantissa = 1024;
            exponent++;
        }
        return sign | ((exponent + 15) << 10) | (int)(mantissa - 1024);
    }
}
