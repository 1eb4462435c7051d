package dev.isochron.engine.metrics;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.*;

class NearestRankTest
{
    @Test
    void shouldTakeTheSmallestSampleWithAtLeastThePercentAtOrBelowIt()
    {
        assertEquals(296, NearestRank.index(300, 99.0), "rank 297 of 300");
        assertEquals(49, NearestRank.index(100, 50.0));
        assertEquals(50, NearestRank.index(101, 50.0), "rank 51 of 101");
        assertEquals(998, NearestRank.index(1_000, 99.9));
        assertEquals(9_998, NearestRank.index(10_000, 99.99), "rank 9,999 of 10,000");
    }

    @Test
    void shouldGiveTheFirstSampleForZeroAndTheLastForOneHundred()
    {
        assertEquals(0, NearestRank.index(7, 0.0));
        assertEquals(6, NearestRank.index(7, 100.0));
        assertEquals(0, NearestRank.index(1, 99.9));
    }

    @Test
    void shouldAgreeWithExactIntegerCeilingForTheHudsPercentileAtEveryCount()
    {
        for (int n = 1; n <= 100_000; n++)
        {
            assertEquals((99 * n + 99) / 100 - 1, NearestRank.index(n, 99.0), "n = " + n);
        }
    }

    @Test
    void shouldAverageTheSlowestHundredthAndAtLeastOneFrame()
    {
        assertEquals(1, NearestRank.slowestOnePercent(1));
        assertEquals(1, NearestRank.slowestOnePercent(100));
        assertEquals(2, NearestRank.slowestOnePercent(101));
        assertEquals(6, NearestRank.slowestOnePercent(600));
    }

    @Test
    void shouldRefuseAnEmptySampleOrAPercentileOutsideTheRange()
    {
        assertEquals("a nearest-rank percentile needs at least one sample and a percentile in [0, 100], was 0 " +
            "samples and 50.0", assertThrows(IllegalArgumentException.class, () -> NearestRank.index(0, 50.0))
            .getMessage());
        assertThrows(IllegalArgumentException.class, () -> NearestRank.index(10, 100.5));
        assertThrows(IllegalArgumentException.class, () -> NearestRank.index(10, Double.NaN));
    }
}
