package dev.isochron.engine.thread;

/**
 * A worker's slice threw: {@link WorkerGroup#join()} rethrows it with the worker, slice and frame named.
 */
public final class WorkerFailureException extends RuntimeException
{
    private static final long serialVersionUID = 1L;

    private final String workerName;
    private final long frameIndex;
    private final int sliceIndex;

    WorkerFailureException(
        final String workerName, final int sliceIndex, final int sliceCount, final long frameIndex, final Throwable cause)
    {
        super("worker '" + workerName + "' failed in frame " + frameIndex + " (slice " + sliceIndex + " of " +
            sliceCount + "): " + cause, cause);
        this.workerName = workerName;
        this.frameIndex = frameIndex;
        this.sliceIndex = sliceIndex;
    }

    /** @return the name of the worker thread that failed. */
    public String workerName()
    {
        return workerName;
    }

    /** @return the frame in which it failed. */
    public long frameIndex()
    {
        return frameIndex;
    }

    /** @return the slice that failed. */
    public int sliceIndex()
    {
        return sliceIndex;
    }
}
