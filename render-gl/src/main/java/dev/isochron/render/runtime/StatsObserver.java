package dev.isochron.render.runtime;

import dev.isochron.engine.loop.LoopObserver;

/**
 * Feeds {@link RuntimeStats} from the loop's frame callbacks: a frame's time is taken when the next frame starts
 * (docs/report.md), its render time when it ends. Frame methods on the render thread; ticks are published by the
 * simulation separately. Allocation-free.
 */
final class StatsObserver implements LoopObserver
{
    private final RuntimeStats stats;
    private long frameStartNs;
    private long renderNs;
    private boolean started;

    StatsObserver(final RuntimeStats stats)
    {
        this.stats = stats;
    }

    /** {@inheritDoc} */
    public void onFrameStart(final long frameStartNs, final long stateAgeNs)
    {
        if (started)
        {
            stats.onFrame(frameStartNs - this.frameStartNs, renderNs);
        }
        started = true;
        this.frameStartNs = frameStartNs;
    }

    /** {@inheritDoc} */
    public void onFrameEnd(final long frameEndNs)
    {
        renderNs = frameEndNs - frameStartNs;
    }

    /** {@inheritDoc} */
    public void onTick(final long tickIndex, final long tickStartNs, final long tickEndNs)
    {
    }

    /** {@inheritDoc} */
    public void onDroppedTicks(final long droppedTicks)
    {
    }
}
