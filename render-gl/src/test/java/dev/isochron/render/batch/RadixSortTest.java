package dev.isochron.render.batch;

import dev.isochron.engine.testing.AllocationGate;
import java.util.Arrays;
import java.util.Comparator;
import java.util.Random;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class RadixSortTest
{
    private static final long SEED = 42L;

    @Test
    void shouldOrderIndicesByAscendingKey()
    {
        final int[] keys = {5, 3, 9, 1, 7};
        final int[] order = new int[keys.length];
        new RadixSort(8).sortIndices(keys, keys.length, order);
        assertArrayEquals(new int[]{3, 1, 0, 4, 2}, order);
    }

    @Test
    void shouldKeepSubmissionOrderAmongEqualKeys()
    {
        final int[] keys = {2, 1, 2, 1, 2, 1, 0};
        final int[] order = new int[keys.length];
        new RadixSort(8).sortIndices(keys, keys.length, order);
        assertArrayEquals(new int[]{6, 1, 3, 5, 0, 2, 4}, order);
    }

    @Test
    void shouldTreatKeysAsUnsigned()
    {
        final int[] keys = {-1, 0, Integer.MIN_VALUE, Integer.MAX_VALUE};
        final int[] order = new int[keys.length];
        new RadixSort(4).sortIndices(keys, keys.length, order);
        assertArrayEquals(new int[]{1, 3, 2, 0}, order);
    }

    @Test
    void shouldMatchAStableReferenceSortOnRandomKeysOfEveryWidth()
    {
        final Random random = new Random(SEED);
        final RadixSort sort = new RadixSort(5000);
        final int[] masks = {0x3, 0xFF, 0xFFFF, 0xFF_FFFF, -1, 0x00FF_0F00};
        for (final int mask : masks)
        {
            final int n = 1 + random.nextInt(5000);
            final int[] keys = new int[n];
            for (int i = 0; i < n; i++)
            {
                keys[i] = random.nextInt() & mask;
            }
            final int[] order = new int[n];
            sort.sortIndices(keys, n, order);

            final Integer[] expected = new Integer[n];
            for (int i = 0; i < n; i++)
            {
                expected[i] = i;
            }
            Arrays.sort(expected, Comparator.comparingLong((Integer i) -> keys[i] & 0xFFFF_FFFFL));
            for (int i = 0; i < n; i++)
            {
                assertEquals(expected[i].intValue(), order[i], "mask " + Integer.toHexString(mask) + " position " + i);
            }
        }
    }

    @Test
    void shouldSortNothingWhenCountIsZero()
    {
        final int[] order = {7};
        new RadixSort(4).sortIndices(new int[]{3}, 0, order);
        assertEquals(7, order[0]);
    }

    @Test
    void shouldRejectMoreKeysThanCapacity()
    {
        final IllegalArgumentException ex = assertThrows(IllegalArgumentException.class,
            () -> new RadixSort(2).sortIndices(new int[3], 3, new int[3]));
        assertEquals("count must be in [0, 2] and fit keys (3) and order (3), was 3", ex.getMessage());
    }

    @Test
    void shouldSortWithoutAllocating() throws Exception
    {
        final Random random = new Random(SEED);
        final int n = 20_000;
        final int[] keys = new int[n];
        for (int i = 0; i < n; i++)
        {
            keys[i] = random.nextInt(300) << 16 | random.nextInt(40);
        }
        final int[] order = new int[n];
        final RadixSort sort = new RadixSort(n);
        AllocationGate.assertSteadyZero(
            "RadixSort.sortIndices", 2_000, 2_000, i -> sort.sortIndices(keys, n, order));
    }
}
