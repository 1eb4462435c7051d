package dev.isochron.engine.jfr;

import dev.isochron.engine.loop.LoopObserver;

/**
 * Emits a {@link FrameEvent} per frame, a {@link TickEvent} per tick and a {@link DroppedTicksEvent} when ticks
 * are dropped, for JDK Flight Recorder.
 * <p>
 * Allocation: none, whether a recording runs or not. The render thread reuses one {@link FrameEvent}, the
 * simulation thread one {@link TickEvent} and one {@link DroppedTicksEvent}; each use is
 * {@code begin(); end(); commit();} so the reused event never carries a stale duration. When the event type is
 * disabled the cost is a check of {@code isEnabled()}. Threading: as {@link LoopObserver}; give each loop
 * its own observer.
 */
public final class JfrLoopObserver implements LoopObserver
{
    private final FrameEvent frameEvent = new FrameEvent();
    private final TickEvent tickEvent = new TickEvent();
    private final DroppedTicksEvent droppedTicksEvent = new DroppedTicksEvent();
    private long frameIndex = -1;
    private long frameStartNs;
    private long stateAgeNs;
    private boolean frameBegun;

    /** Allocation-free. Render thread. */
    public void onFrameStart(final long frameStartNs, final long stateAgeNs)
    {
        frameIndex++;
        this.frameStartNs = frameStartNs;
        this.stateAgeNs = stateAgeNs;
        final FrameEvent event = frameEvent;
        frameBegun = event.isEnabled();
        if (frameBegun)
        {
            event.begin();
        }
    }

    /** Allocation-free. Render thread. */
    public void onFrameEnd(final long frameEndNs)
    {
        if (frameBegun)
        {
            frameBegun = false;
            final FrameEvent event = frameEvent;
            event.end();
            if (event.shouldCommit())
            {
                event.frameIndex = frameIndex;
                event.frameStartNs = frameStartNs;
                event.workNs = frameEndNs - frameStartNs;
                event.stateAgeNs = stateAgeNs;
                event.commit();
            }
        }
    }

    /** Allocation-free. Simulation thread. */
    public void onTick(final long tickIndex, final long tickStartNs, final long tickEndNs)
    {
        final TickEvent event = tickEvent;
        if (event.isEnabled())
        {
            event.begin();
            event.end();
            if (event.shouldCommit())
            {
                event.tickIndex = tickIndex;
                event.tickStartNs = tickStartNs;
                event.tickNs = tickEndNs - tickStartNs;
                event.commit();
            }
        }
    }

    /** Allocation-free. Simulation thread. */
    public void onDroppedTicks(final long droppedTicks)
    {
        final DroppedTicksEvent event = droppedTicksEvent;
        if (event.isEnabled())
        {
            event.begin();
            event.end();
            if (event.shouldCommit())
            {
                event.droppedTicks = droppedTicks;
                event.commit();
            }
        }
    }
}
