package dev.isochron.render.batch;

import dev.isochron.engine.thread.SliceWork;

/**
 * The render workers' share of a frame: for every {@link QuadSource} added this frame, generate
 * slice {@code sliceIndex} of {@code sliceCount} into its reserved vertex memory. Give it to an
 * engine {@link dev.isochron.engine.thread.WorkerGroup}; per frame the render thread calls
 * {@link #clear()}, {@link #add(QuadSource, long)} for each source (with the address from
 * {@link BatchRenderer#reserve(QuadSource)}), forks and joins the group, then draws.
 * <p>
 * The sources and addresses are written by the render thread before {@code fork} and only read
 * by the slices, which the group's fork/join orders. Allocation-free after construction.
 */
public final class QuadSliceWork implements SliceWork
{
    private final QuadSource[] sources;
    private final long[] addresses;
    private int count;

    /**
     * @param maxSources most sources per frame, >= 1.
     */
    public QuadSliceWork(final int maxSources)
    {
        if (maxSources < 1)
        {
            throw Messages.badMaxSources(maxSources);
        }
        sources = new QuadSource[maxSources];
        addresses = new long[maxSources];
    }

    /** Forgets the previous frame's sources (render thread, before adding). */
    public void clear()
    {
        for (int i = 0; i < count; i++)
        {
            sources[i] = null;
        }
        count = 0;
    }

    /**
     * Adds a prepared source and its vertex address for this frame (render thread, before fork).
     *
     * @throws IllegalStateException when {@code maxSources} are already added.
     */
    public void add(final QuadSource source, final long address)
    {
        if (count == sources.length)
        {
            throw Messages.full(sources.length);
        }
        sources[count] = source;
        addresses[count] = address;
        count++;
    }

    /** @return sources added this frame. */
    public int size()
    {
        return count;
    }

    public void run(final int sliceIndex, final int sliceCount, final long frameIndex)
    {
        for (int i = 0, n = count; i < n; i++)
        {
            sources[i].generate(sliceIndex, sliceCount, addresses[i]);
        }
    }

    /**
     * The error messages, in a class of their own so that QuadSliceWork holds no String constant: the first C2
     * compile of {@link #add} would otherwise resolve them on the render thread mid-run (see
     * {@code ClassConstants} in the engine test-jar).
     */
    private static final class Messages
    {
        private Messages()
        {
        }

        static IllegalArgumentException badMaxSources(final int maxSources)
        {
            return new IllegalArgumentException("maxSources must be >= 1, was " + maxSources);
        }

        static IllegalStateException full(final int maxSources)
        {
            return new IllegalStateException("QuadSliceWork holds at most " + maxSources +
                " sources per frame: construct it with a larger maxSources");
        }
    }
}
