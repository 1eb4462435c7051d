package dev.isochron.engine.loop;

import java.util.ArrayList;
import java.util.List;

/**
 * Records every tick and paused call, for the loop's semantic tests (allocates; not for allocation tests).
 */
final class RecordingTickHandler implements TickHandler
{
    final List<Long> tickIndices = new ArrayList<>();
    final List<Long> tickTimesNs = new ArrayList<>();
    final List<Long> tickStartsNs = new ArrayList<>();
    final List<Double> dtSeconds = new ArrayList<>();
    final List<Long> pausedNs = new ArrayList<>();
    private final ManualClock clock;
    private final long tickCostNs;

    RecordingTickHandler()
    {
        this(null, 0L);
    }

    /**
     * @param clock      advanced by {@code tickCostNs} inside each tick, to simulate its duration.
     * @param tickCostNs how long each tick takes on the clock.
     */
    RecordingTickHandler(final ManualClock clock, final long tickCostNs)
    {
        this.clock = clock;
        this.tickCostNs = tickCostNs;
    }

    public void tick(final long tickIndex, final long tickTimeNs, final long tickStartNs, final double dtSeconds)
    {
        tickIndices.add(tickIndex);
        tickTimesNs.add(tickTimeNs);
        tickStartsNs.add(tickStartNs);
        this.dtSeconds.add(dtSeconds);
        if (null != clock)
        {
            clock.advanceNs(tickCostNs);
        }
    }

    public void paused(final long nowNs)
    {
        pausedNs.add(nowNs);
    }

    int ticks()
    {
        return tickIndices.size();
    }
}
