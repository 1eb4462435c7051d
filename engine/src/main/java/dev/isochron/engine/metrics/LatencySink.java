package dev.isochron.engine.metrics;

/**
 * Receives latency samples, one call per sample, from the single thread that owns the sink.
 * <p>
 * Implementations are allocation-free and never block: the simulation thread calls this once per
 * consumed input event while it drains the input ring.
 */
@FunctionalInterface
public interface LatencySink
{
    /** A sink that records nothing, for callers that do not measure. */
    LatencySink NONE = latencyNs -> {};

    /**
     * Records one latency sample.
     *
     * @param latencyNs nanoseconds from an event's capture to the start of the tick that consumed it;
     *                  negative values (clock skew between producers) are clamped to zero by implementations.
     */
    void recordLatencyNs(long latencyNs);
}
