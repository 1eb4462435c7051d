package dev.isochron.engine.thread;

/**
 * One frame's parallel work, cut into slices: {@link WorkerGroup} calls {@link #run} once per slice per
 * frame, each slice on its own thread.
 * <p>
 * Slices of one frame run concurrently and must touch disjoint data (for example, disjoint ranges of a
 * vertex buffer: {@code [sliceIndex * n / sliceCount, (sliceIndex + 1) * n / sliceCount)}). Writes made in a
 * slice are visible to the coordinator after {@code join()}, and writes the coordinator made before
 * {@code fork()} are visible to every slice. Implementations must be allocation-free.
 */
@FunctionalInterface
public interface SliceWork
{
    /**
     * Does one slice of one frame.
     *
     * @param sliceIndex which slice, in [0, sliceCount).
     * @param sliceCount how many slices the frame has.
     * @param frameIndex the frame, as given to {@code fork}.
     */
    void run(int sliceIndex, int sliceCount, long frameIndex);
}
