package dev.isochron.demo.chart;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class FeedRingTest
{
    @Test
    void shouldDeliverRowsInOrderIntoTheHistories()
    {
        final FeedRing ring = new FeedRing(8);
        final SeriesHistory[] histories = histories();
        for (int i = 0; i < 5; i++)
        {
            assertTrue(ring.offer(i, 10 + i, 20 + i, 30 + i));
        }

        assertEquals(5, ring.drainInto(histories));

        assertEquals(5, histories[0].total());
        assertEquals(4f, histories[0].sample(4));
        assertEquals(32f, histories[3].sample(2));
    }

    @Test
    void shouldDropAndCountWhenRingIsFull()
    {
        final FeedRing ring = new FeedRing(4);
        for (int i = 0; i < 4; i++)
        {
            assertTrue(ring.offer(i, i, i, i));
        }

        assertFalse(ring.offer(9, 9, 9, 9));

        assertEquals(1, ring.dropped());
        assertEquals(4, ring.drainInto(histories()));
        assertTrue(ring.offer(5, 5, 5, 5));
    }

    private static SeriesHistory[] histories()
    {
        final SeriesHistory[] histories = new SeriesHistory[Signals.SERIES];
        for (int s = 0; s < Signals.SERIES; s++)
        {
            histories[s] = new SeriesHistory(64);
        }
        return histories;
    }
}
