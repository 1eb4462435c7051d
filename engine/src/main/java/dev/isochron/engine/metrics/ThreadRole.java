package dev.isochron.engine.metrics;

/**
 * The engine threads whose allocation the run report shows, by role ({@code allocBytesPerFrame} keys).
 */
public enum ThreadRole
{
    /** The thread that pumps OS events (the process's main thread); absent when headless. */
    PLATFORM("platform"),
    /** The simulation thread (fixed-step ticks), or the single thread of the single-threaded driver. */
    SIM("sim"),
    /** The render thread that owns the GL context. */
    RENDER("render"),
    /** The render workers, summed. */
    WORKERS("workers"),
    /** The engine's own producer threads (synthetic input, the chart feed), summed. */
    PRODUCERS("producers");

    private final String reportKey;

    ThreadRole(final String reportKey)
    {
        this.reportKey = reportKey;
    }

    /** @return the key under {@code allocBytesPerFrame} in the run report. */
    public String reportKey()
    {
        return reportKey;
    }
}
