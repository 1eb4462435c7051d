package dev.isochron.render.runtime;

/**
 * Where the render thread's time goes in a frame, summed over the measured frames (those after the warm-up): recording
 * the draws ({@link Application#render} and the HUD), filling vertex memory (reserving the frame's segment, which
 * waits on its fence, and generating vertices on the render thread or the workers), submitting the draws, and
 * presenting (the buffer swap, where a software rasteriser such as llvmpipe does the frame's pixel work, and the
 * checks after it). The run report shows each phase's mean (docs/report.md).
 * <p>
 * Threading: the render thread writes; the report reads after the render thread has ended. Allocation-free.
 */
final class FramePhaseTimes
{
    /** The phases, in frame order. */
    static final int RECORD = 0;
    static final int FILL = 1;
    static final int SUBMIT = 2;
    static final int PRESENT = 3;
    static final int PHASES = 4;

    private final long warmupFrames;
    private final long[] sumNs = new long[PHASES];
    private long measuredFrames;
    private boolean measuring;
    private long markNs;

    /** @param warmupFrames frames at the start that are not measured. */
    FramePhaseTimes(final long warmupFrames)
    {
        this.warmupFrames = warmupFrames;
    }

    /** Starts frame {@code index}'s first phase at {@code nowNs}. */
    void beginFrame(final long index, final long nowNs)
    {
        measuring = index >= warmupFrames;
        markNs = nowNs;
    }

    /** Ends {@code phase} at {@code nowNs}; the next phase starts there. */
    void endPhase(final int phase, final long nowNs)
    {
        if (measuring)
        {
            sumNs[phase] += nowNs - markNs;
        }
        markNs = nowNs;
    }

    /** Counts a frame whose phases all ended. */
    void endFrame()
    {
        if (measuring)
        {
            measuredFrames++;
        }
    }

    /** @return {@code phase}'s mean over the measured frames, ms; 0 with none. */
    double meanMs(final int phase)
    {
        return 0 == measuredFrames ? 0.0 : sumNs[phase] / 1e6 / measuredFrames;
    }
}
