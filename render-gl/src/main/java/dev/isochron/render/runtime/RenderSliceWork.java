package dev.isochron.render.runtime;

import dev.isochron.engine.thread.SliceWork;
import dev.isochron.engine.watchdog.Heartbeat;

/**
 * The render workers' slice work as the runtime runs it: each slice is one unit of work for the stall watchdog on
 * the thread that runs it (slice 0 on the render thread, slice k on worker k - 1), around the batches' own slice
 * work; a test's {@link FaultInjection.SliceFault} runs first when one is set.
 * <p>
 * Threading: one slice per thread per frame (WorkerGroup's contract). Allocation-free.
 */
final class RenderSliceWork implements SliceWork
{
    private final SliceWork work;
    private final Heartbeat[] heartbeats;
    private final FaultInjection.SliceFault fault;

    /**
     * @param work       the batches' slice work.
     * @param heartbeats one per slice (index 0: the render thread's), or null without a watchdog.
     * @param fault      a test's fault, or null.
     */
    RenderSliceWork(final SliceWork work, final Heartbeat[] heartbeats, final FaultInjection.SliceFault fault)
    {
        this.work = work;
        this.heartbeats = heartbeats;
        this.fault = fault;
    }

    /** {@inheritDoc} Allocation-free. */
    public void run(final int sliceIndex, final int sliceCount, final long frameIndex)
    {
        final Heartbeat heartbeat = null == heartbeats ? null : heartbeats[sliceIndex];
        RuntimeWatchdog.begin(heartbeat);
        try
        {
            if (null != fault)
            {
                fault.beforeSlice(sliceIndex, sliceCount, frameIndex);
            }
            work.run(sliceIndex, sliceCount, frameIndex);
        }
        finally
        {
            RuntimeWatchdog.end(heartbeat);
        }
    }
}
