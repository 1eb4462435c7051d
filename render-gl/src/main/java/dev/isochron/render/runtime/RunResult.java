package dev.isochron.render.runtime;

import dev.isochron.engine.metrics.RunReport;

import java.util.List;

/**
 * What a run that ended normally returns: why it ended, its report (docs/report.md), the stalls the watchdog saw and the
 * exact account of the run's input. Immutable once returned.
 */
public final class RunResult
{
    /**
     * Where every input event of the run went. Each event a producer offered was either written into the input
     * ring or refused because the ring was full (dropped, or for a mouse move coalesced into a later one); each
     * written event was either consumed by a tick or still in the ring when the run ended (discarded then). So for
     * a run whose only producer is the synthetic source: {@code syntheticProduced == consumed + discardedAtEnd +
     * drops + coalesced}.
     */
    public static final class InputCounts
    {
        private final long syntheticProduced;
        private final long written;
        private final long drops;
        private final long coalesced;
        private final long consumed;
        private final long discardedAtEnd;

        InputCounts(
            final long syntheticProduced, final long written, final long drops, final long coalesced,
            final long consumed, final long discardedAtEnd)
        {
            this.syntheticProduced = syntheticProduced;
            this.written = written;
            this.drops = drops;
            this.coalesced = coalesced;
            this.consumed = consumed;
            this.discardedAtEnd = discardedAtEnd;
        }

        /** @return events the synthetic input source offered to its producer (0 without one). */
        public long syntheticProduced()
        {
            return syntheticProduced;
        }

        /** @return records written into the input ring by all producers. */
        public long written()
        {
            return written;
        }

        /** @return events dropped because the ring was full ({@code inputDrops} in the report). */
        public long drops()
        {
            return drops;
        }

        /** @return mouse moves summed into a later move because the ring was full ({@code inputCoalesced}). */
        public long coalesced()
        {
            return coalesced;
        }

        /** @return events the ticks consumed ({@code inputEvents} in the report). */
        public long consumed()
        {
            return consumed;
        }

        /** @return records still in the ring when the run ended, drained and discarded at shutdown. */
        public long discardedAtEnd()
        {
            return discardedAtEnd;
        }

        /**
         * {@inheritDoc}
         */
        public String toString()
        {
            return "InputCounts{syntheticProduced=" + syntheticProduced + ", written=" + written + ", drops=" + drops +
                ", coalesced=" + coalesced + ", consumed=" + consumed + ", discardedAtEnd=" + discardedAtEnd + '}';
        }
    }

    private final ExitCause exitCause;
    private final RunReport report;
    private final long frames;
    private final long ticks;
    private final long skippedFrames;
    private final Throwable firstSkippedFrameFailure;
    private final long watchdogStallCount;
    private final List<WatchdogStall> watchdogStalls;
    private final InputCounts input;

    RunResult(
        final ExitCause exitCause,
        final RunReport report,
        final long frames,
        final long ticks,
        final long skippedFrames,
        final Throwable firstSkippedFrameFailure,
        final long watchdogStallCount,
        final List<WatchdogStall> watchdogStalls,
        final InputCounts input)
    {
        this.watchdogStallCount = watchdogStallCount;
        this.watchdogStalls = watchdogStalls;
        this.input = input;
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

    /** @return stalls the watchdog detected (0 when it was off); also the report's {@code watchdogStalls}. */
    public long watchdogStallCount()
    {
        return watchdogStallCount;
    }

    /**
     * @return the stalls the watchdog detected, oldest first: thread, duration, top of the stack (the first 64 are
     * kept; {@link #watchdogStallCount()} counts all); unmodifiable.
     */
    public List<WatchdogStall> watchdogStalls()
    {
        return watchdogStalls;
    }

    /** @return where every input event of the run went. */
    public InputCounts input()
    {
        return input;
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
        return "RunResult{exitCause=" + exitCause + ", frames=" + frames + ", ticks=" + ticks + ", skippedFrames=" + skippedFrames +
            ", watchdogStalls=" + watchdogStallCount + ", input=" + input + '}';
    }
}
