package dev.isochron.engine.loop;

import java.util.ArrayList;
import java.util.List;

/**
 * Records every observer call as text, in order, for the drivers' semantic tests (allocates).
 */
final class RecordingObserver implements LoopObserver
{
    final List<String> events = new ArrayList<>();
    final List<Long> droppedTicks = new ArrayList<>();
    final List<long[]> ticks = new ArrayList<>();
    final List<Long> stateAgesNs = new ArrayList<>();

    public void onFrameStart(final long frameStartNs, final long stateAgeNs)
    {
        events.add("frameStart@" + frameStartNs);
        stateAgesNs.add(stateAgeNs);
    }

    public void onFrameEnd(final long frameEndNs)
    {
        events.add("frameEnd@" + frameEndNs);
    }

    public void onTick(final long tickIndex, final long tickStartNs, final long tickEndNs)
    {
        events.add("tick" + tickIndex);
        ticks.add(new long[]{ tickIndex, tickStartNs, tickEndNs });
    }

    public void onDroppedTicks(final long droppedTicks)
    {
        events.add("dropped" + droppedTicks);
        this.droppedTicks.add(droppedTicks);
    }
}
