package dev.isochron.engine.handoff;

import java.util.function.Supplier;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class TripleBufferTest
{
    private static final long PUBLISH_NS = 1_000L;

    /** A state for the tests: one value. */
    static final class Box
    {
        long value;
    }

    private final TripleBuffer<Box> buffer = new TripleBuffer<>(Box::new);

    private void publish(final long value)
    {
        buffer.back().value = value;
        buffer.publish(PUBLISH_NS + value);
    }

    @Test
    void shouldGiveFactoryStateWithSequenceZeroBeforeFirstPublication()
    {
        final Box front = buffer.acquireNewest();

        assertEquals(0L, front.value);
        assertFalse(buffer.frontChanged());
        assertEquals(0L, buffer.frontSequence());
        assertEquals(0L, buffer.frontPublishNs());
    }

    @Test
    void shouldSayNothingWasPublishedBeforeTheFirstPublication()
    {
        assertFalse(buffer.hasPublished());
        buffer.acquireNewest();
        assertFalse(buffer.hasPublished());
    }

    @Test
    void shouldSayAPublicationExistsBeforeAndAfterTheReaderTakesIt()
    {
        publish(7L);
        assertTrue(buffer.hasPublished(), "published, not taken yet");
        assertEquals(0L, buffer.frontSequence(), "hasPublished takes nothing");

        buffer.acquireNewest();
        assertTrue(buffer.hasPublished(), "taken");
        buffer.acquireNewest();
        assertTrue(buffer.hasPublished(), "taken, nothing newer");
    }

    @Test
    void shouldGivePublishedStateWithItsSequenceAndPublishTime()
    {
        publish(42L);
        final Box front = buffer.acquireNewest();

        assertEquals(42L, front.value);
        assertTrue(buffer.frontChanged());
        assertEquals(1L, buffer.frontSequence());
        assertEquals(PUBLISH_NS + 42L, buffer.frontPublishNs());
    }

    @Test
    void shouldNumberPublicationsFromOne()
    {
        assertEquals(0L, buffer.writerSequence());
        assertEquals(1L, buffer.publish(PUBLISH_NS));
        assertEquals(2L, buffer.publish(PUBLISH_NS));
        assertEquals(2L, buffer.writerSequence());
    }

    @Test
    void shouldKeepFrontAndReportUnchangedWhenNothingNewWasPublished()
    {
        publish(7L);
        final Box first = buffer.acquireNewest();
        final Box second = buffer.acquireNewest();

        assertSame(first, second);
        assertFalse(buffer.frontChanged());
        assertEquals(1L, buffer.frontSequence());
    }

    @Test
    void shouldSkipToLatestWhenSeveralWerePublished()
    {
        publish(1L);
        publish(2L);
        publish(3L);
        final Box front = buffer.acquireNewest();

        assertEquals(3L, front.value);
        assertEquals(3L, buffer.frontSequence());
    }

    @Test
    void shouldNeverGiveWriterTheSlotReaderHolds()
    {
        for (int i = 1; i <= 10; i++)
        {
            publish(i);
            final Box front = buffer.acquireNewest();
            assertNotSame(front, buffer.back());
            publish(100 + i);
            assertNotSame(buffer.front(), buffer.back());
        }
    }

    @Test
    void shouldNotGoBackwardsAfterReaderTookNewest()
    {
        publish(1L);
        buffer.acquireNewest();
        publish(2L);
        buffer.acquireNewest();

        assertEquals(2L, buffer.acquireNewest().value);
        assertFalse(buffer.frontChanged());
    }

    @Test
    void shouldUseThreeDistinctSlots()
    {
        final Box a = buffer.back();
        buffer.publish(PUBLISH_NS);
        final Box b = buffer.back();
        buffer.acquireNewest();
        buffer.publish(PUBLISH_NS);
        final Box c = buffer.back();

        assertNotSame(a, b);
        assertNotSame(b, c);
        assertNotSame(a, c);
    }

    @Test
    void shouldRejectFactoryReturningNull()
    {
        final IllegalArgumentException ex =
            assertThrows(IllegalArgumentException.class, () -> new TripleBuffer<Box>(() -> null));

        assertEquals(
            "TripleBuffer factory returned null for slot 0; it must return a new state each call", ex.getMessage());
    }

    @Test
    void shouldRejectFactoryReturningSameInstance()
    {
        final Box shared = new Box();
        final Supplier<Box> factory = () -> shared;
        final IllegalArgumentException ex =
            assertThrows(IllegalArgumentException.class, () -> new TripleBuffer<>(factory));

        assertEquals(
            "TripleBuffer factory returned the same instance for slots 0 and 1; it must return a new state each call",
            ex.getMessage());
    }
}
