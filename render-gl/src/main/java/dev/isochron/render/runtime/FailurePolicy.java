package dev.isochron.render.runtime;

/** What the runtime does when {@link Application#render} throws. */
public enum FailurePolicy
{
    /** End the run cleanly and throw {@link ApplicationFailure} from {@code Isochron.run} (the default). */
    STOP,
    /**
     * Drop the frame's batches, count it ({@link RuntimeStats#skippedFrames()}) and go on; the first exception is
     * kept and reported. Failures in init, update and dispose always stop.
     */
    SKIP_FRAME
}
