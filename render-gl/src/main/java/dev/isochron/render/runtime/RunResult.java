package dev.isochron.render.runtime;

import dev.isochron.engine.metrics.RunReport;

/**
 * What a run that ended normally returns: why it ended and its report (REPORT.md).
 * Immutable once returned.
 */
public final class RunResult
{
    private final ExitCause exitCause;
    private final RunReport report;
    private final long frames;
    private final long ticks;
    private final long skippedFrames;
    private final Throwable firstSkippedFrameFailure;

    RunResult(
        final ExitCause exitCause,
        final RunReport report,
        final long frames,
        final long ticks,
        final long skippedFrames,
        final Throwable firstSkippedFrameFailure)
    {
        this.exitCause = exitCause;
        this.report = report;
        this.frames = frames;
        this.ticks = ticks;
        this.skippedFrames = skippedFrames;
        this.firstSkippedFrameFailure = firstSkippedFrameFailure;
    }

    /** @return frames whose {@code render} threw and were dropped under {@link FailurePolicy#SKIP_FRAME}. */
    public long skippedFrames()
    {
        return skippedFrames;
    }

    /** @return the first exception of a skipped frame, or null when none was skipped. */
    public Throwable firstSkippedFrameFailure()
    {
        return firstSkippedFrameFailure;
    }

    /** @return why the run ended. */
    public ExitCause exitCause()
    {
        return exitCause;
    }

    /** @return the run report over the measured window (after the warm-up frames). */
    public RunReport report()
    {
        return report;
    }

    /** @return every frame rendered, warm-up included. */
    public long frames()
    {
        return frames;
    }

    /** @return every tick run. */
    public long ticks()
    {
        return ticks;
    }

    /**
     * {@inheritDoc}
     */
    public String toString()
    {
        return "RunResult{exitCause=" + exitCause + ", frames=" + frames + ", ticks=" + ticks + ", skippedFrames=" + skippedFrames + '}';
    }
}
