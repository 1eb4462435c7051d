package dev.isochron.input.queue;

import org.agrona.concurrent.OneToOneConcurrentArrayQueue;

import java.util.concurrent.atomic.AtomicLong;

/**
 * Carries dropped file paths from the platform thread to the simulation thread, out of the ring.
 * <p>
 * Paths have no fixed size, so they do not travel in the ring's fixed records. A drop is a rare user
 * gesture, not part of the frame path: the GLFW drop callback decodes the paths into Strings (that
 * allocation is accepted here and nowhere else in the input path), places them in this bounded inbox
 * with {@link #offer(String[])}, and writes a fixed {@code FILE_DROP} record carrying the drop's
 * sequence number into the ring, so the drop reaches the tick in order with the other input. The
 * tick's listener takes the paths with {@link #take(long)} during {@code onFileDrop}.
 * <p>
 * Threads: one offering thread (the platform thread), one taking thread (the simulation thread).
 * A full inbox refuses the drop (counted); a drop whose ring record was dropped is discarded (counted)
 * when a later one is taken.
 */
public final class FileDropInbox
{
    /** Default number of drops the inbox holds. */
    public static final int DEFAULT_CAPACITY = 16;

    private final OneToOneConcurrentArrayQueue<Drop> drops;
    private final AtomicLong refused = new AtomicLong();
    private final AtomicLong discarded = new AtomicLong();
    private long nextSequence;

    /** Makes an inbox for {@link #DEFAULT_CAPACITY} drops. */
    public FileDropInbox()
    {
        this(DEFAULT_CAPACITY);
    }

    /**
     * @param capacity drops held before {@link #offer} refuses, in [1, 1024].
     */
    public FileDropInbox(final int capacity)
    {
        if (capacity < 1 || capacity > 1024)
        {
            throw new IllegalArgumentException("capacity must be in [1, 1024], was " + capacity);
        }
        drops = new OneToOneConcurrentArrayQueue<>(capacity);
    }

    /**
     * Places a drop's paths in the inbox (platform thread).
     *
     * @param paths the dropped paths; kept, not copied.
     * @return the drop's sequence number, to be written in its {@code FILE_DROP} record; -1 if the inbox is full.
     */
    public long offer(final String[] paths)
    {
        final long sequence = nextSequence;
        if (!drops.offer(new Drop(sequence, paths)))
        {
            refused.incrementAndGet();
            return -1;
        }
        nextSequence = sequence + 1;
        return sequence;
    }

    /**
     * Takes the paths of drop {@code sequence} (simulation thread, during {@code onFileDrop}); drops
     * with lower sequence numbers still held are discarded and counted.
     *
     * @return the paths, or null if that drop is not in the inbox.
     */
    public String[] take(final long sequence)
    {
        Drop drop = drops.peek();
        while (drop != null && drop.sequence < sequence)
        {
            drops.poll();
            discarded.incrementAndGet();
            drop = drops.peek();
        }
        if (drop == null || drop.sequence != sequence)
        {
            return null;
        }
        drops.poll();
        return drop.paths;
    }

    /** @return drops refused because the inbox was full. */
    public long refused()
    {
        return refused.get();
    }

    /** @return drops discarded because their ring record was lost and a later drop was taken. */
    public long discarded()
    {
        return discarded.get();
    }

    private static final class Drop
    {
        final long sequence;
        final String[] paths;

        Drop(final long sequence, final String[] paths)
        {
            this.sequence = sequence;
            this.paths = paths;
        }
    }
}
