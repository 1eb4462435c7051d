package dev.isochron.engine.metrics;

/**
 * Why a frame stalled (took longer than the stall threshold), checked in declaration order; docs/report.md
 * defines each.
 */
public enum StallCause
{
    /** Not a stall. */
    NONE(""),
    /** A garbage-collection pause overlapped the frame (±1 ms slack). */
    GC("gc"),
    /**
     * The simulation was late: single-threaded, the ticks run in the frame took longer than its rendering;
     * multi-threaded, the newest published state was older than two tick periods when the frame began.
     */
    UPDATE("update"),
    /** Anything else: the frame's own work was slow. */
    RENDER("render");

    private final String reportKey;

    StallCause(final String reportKey)
    {
        this.reportKey = reportKey;
    }

    /** @return the key under {@code stalls} in the run report ("" for {@link #NONE}). */
    public String reportKey()
    {
        return reportKey;
    }
}
