package dev.isochron.render.batch;

import dev.isochron.engine.checked.CheckedMode;
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
 * <p>
 * Checking mode ({@link CheckedMode}, or the constructor's flag): {@link #add} keeps the quads each source had when it
 * was reserved, and every slice asserts, before it writes, that its source still has them and that the slice's quads
 * lie inside that reservation: a source recorded into (and prepared again) between {@code reserve} and the slices
 * would otherwise write past its reservation.
 */
public final class QuadSliceWork implements SliceWork
{
    private final QuadSource[] sources;
    private final long[] addresses;
    private final int[] reservedQuads;
    private final boolean checked;
    private int count;

    /**
     * @param maxSources most sources per frame, >= 1.
     */
    public QuadSliceWork(final int maxSources)
    {
        this(maxSources, CheckedMode.ENABLED);
    }

    /**
     * @param maxSources most sources per frame, >= 1.
     * @param checked    whether each slice asserts it writes inside its source's reservation (see the class comment).
     */
    public QuadSliceWork(final int maxSources, final boolean checked)
    {
        if (maxSources < 1)
        {
            throw Messages.badMaxSources(maxSources);
        }
        sources = new QuadSource[maxSources];
        addresses = new long[maxSources];
        reservedQuads = new int[maxSources];
        this.checked = checked;
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
        reservedQuads[count] = source.quadCount();
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
            final QuadSource source = sources[i];
            if (checked)
            {
                checkSlice(source, reservedQuads[i], sliceIndex, sliceCount);
            }
            source.generate(sliceIndex, sliceCount, addresses[i]);
        }
    }

    /**
     * Checking mode's bounds assertion on one slice: the source has the {@code reservedQuads} it was reserved with, and
     * the slice's quads lie in {@code [0, reservedQuads)}. Allocation-free while they do.
     *
     * @throws IllegalStateException naming the source's class, the slice, the quads reserved and the quads it has.
     */
    static void checkSlice(final QuadSource source, final int reservedQuads, final int sliceIndex, final int sliceCount)
    {
        final int quads = source.quadCount();
        final int start = QuadSource.sliceStart(quads, sliceIndex, sliceCount);
        final int end = QuadSource.sliceEnd(quads, sliceIndex, sliceCount);
        if (quads != reservedQuads || start < 0 || end > reservedQuads)
        {
            throw Messages.sliceOutsideReservation(source, sliceIndex, sliceCount, start, end, reservedQuads, quads);
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

        static IllegalStateException sliceOutsideReservation(
            final QuadSource source, final int sliceIndex, final int sliceCount, final int start, final int end,
            final int reservedQuads, final int quads)
        {
            return new IllegalStateException("checked mode: slice " + sliceIndex + " of " + sliceCount + " of " +
                source.getClass().getSimpleName() + " would write quads [" + start + ", " + end + ") into a " +
                "reservation of " + reservedQuads + " quads: the source has " + quads + " quads now (recorded into " +
                "and prepared again after BatchRenderer.reserve?)");
        }

        static IllegalStateException full(final int maxSources)
        {
            return new IllegalStateException("QuadSliceWork holds at most " + maxSources +
                " sources per frame: construct it with a larger maxSources");
        }
    }
}
