package dev.isochron.engine.handoff;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicReference;

import dev.isochron.engine.testing.AllocationGate;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

/**
 * The triple buffer with a real writer thread and a real reader thread.
 */
class TripleBufferConcurrencyTest
{
    private static final int FIELDS = 16;
    private static final long EXCHANGES = 2_000_000L;
    private static final int EXCHANGES_PER_GATE_ITERATION = 1_000;
    private static final Duration HANG_GUARD = Duration.ofSeconds(60);

    /** A payload whose every field carries the publication's sequence, so a torn read shows. */
    static final class Payload
    {
        final long[] fields = new long[FIELDS];
        long sequence;
    }

    @Test
    void shouldNeverTearOrGoBackwardsUnderContention()
    {
        final TripleBuffer<Payload> buffer = new TripleBuffer<>(Payload::new);
        final AtomicReference<String> failure = new AtomicReference<>();

        final Thread writer = new Thread(() ->
        {
            for (long sequence = 1; sequence <= EXCHANGES; sequence++)
            {
                publish(buffer, sequence);
            }
        }, "triple-buffer-writer");

        final Thread reader = new Thread(() ->
        {
            long lastSequence = 0;
            while (lastSequence < EXCHANGES && null == failure.get())
            {
                final Payload front = buffer.acquireNewest();
                final long sequence = front.sequence;
                if (buffer.frontSequence() != sequence || buffer.frontPublishNs() != sequence)
                {
                    failure.set("metadata " + buffer.frontSequence() + "/" + buffer.frontPublishNs() +
                        " does not match payload " + sequence);
                }
                for (int i = 0; i < FIELDS; i++)
                {
                    if (front.fields[i] != sequence)
                    {
                        failure.set("torn read: field " + i + " = " + front.fields[i] + " in payload " + sequence);
                    }
                }
                if (sequence < lastSequence)
                {
                    failure.set("stale read: " + sequence + " after " + lastSequence);
                }
                lastSequence = sequence;
            }
        }, "triple-buffer-reader");

        assertTimeoutPreemptively(HANG_GUARD, () ->
        {
            reader.start();
            writer.start();
            writer.join();
            reader.join();
        });

        assertNull(failure.get());
        assertEquals(EXCHANGES, buffer.frontSequence());
    }

    @Test
    void shouldAllocateNothingOnWriterOrReaderPerExchange() throws Exception
    {
        final TripleBuffer<Payload> buffer = new TripleBuffer<>(Payload::new);
        final long[] checksum = new long[1];

        final AllocationGate.Body writer = (iteration) ->
        {
            for (int n = 0; n < EXCHANGES_PER_GATE_ITERATION; n++)
            {
                final long sequence = (long)iteration * EXCHANGES_PER_GATE_ITERATION + n;
                publish(buffer, sequence);
            }
        };
        final AllocationGate.Body reader = (iteration) ->
        {
            for (int n = 0; n < EXCHANGES_PER_GATE_ITERATION; n++)
            {
                final Payload front = buffer.acquireNewest();
                checksum[0] += front.fields[n & (FIELDS - 1)] + buffer.frontSequence() + buffer.frontPublishNs();
            }
        };

        // Many exchanges per gate iteration keep the gate's own loop out of the JIT's way; the long warm-up and a first
        // pass let C2 compile everything first: a C2 compile request resolves the string constants of the method's
        // class on the requesting thread (a one-off String + byte[] per class, e.g. exception messages), which
        // the gate would otherwise count if it came in the window.
        AllocationGate.bytesAllocatedPerThread("triple-buffer-warmup", 100, 500, writer, reader);
        AllocationGate.assertZeroAllocationPerThread("triple-buffer-exchange", 100, 500, writer, reader);
    }

    /** The writer's exchange: stamps the back slot's sequence and every field with {@code sequence}, publishes. */
    private static void publish(final TripleBuffer<Payload> buffer, final long sequence)
    {
        final Payload back = buffer.back();
        back.sequence = sequence;
        final long[] fields = back.fields;
        for (int i = 0; i < FIELDS; i++)
        {
            fields[i] = sequence;
        }
        buffer.publish(sequence);
    }
}
