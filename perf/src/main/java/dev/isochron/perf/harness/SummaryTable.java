package dev.isochron.perf.harness;

import java.util.List;
import java.util.Locale;

/**
 * The Markdown summary of an {@link Aggregate}: one row per scene, configuration and mode with the medians
 * across repeats, a second table with the naive/engine ratios, then the engine's zero-allocation verdict and
 * any failed runs with their reasons. Missing figures print as {@code n/a}.
 */
public final class SummaryTable
{
    private SummaryTable()
    {
    }

    /**
     * @param title       the heading.
     * @param notes       lines printed under the heading (what was run, how), each as a bullet.
     * @param aggregate   the runs.
     * @return the Markdown text, ending with a newline.
     */
    public static String render(final String title, final List<String> notes, final Aggregate aggregate)
    {
        final StringBuilder md = new StringBuilder(4096);
        md.append("# ").append(title).append("\n\n");
        for (final String note : notes)
        {
            md.append("- ").append(note).append('\n');
        }
        if (!notes.isEmpty())
        {
            md.append('\n');
        }
        md.append("Medians across repeats. Frame times in ms; stalls as total (gc/update/render); allocation in bytes ")
            .append("per frame as platform/sim/render/workers/producers; GC as pauses / total pause ms.\n\n");
        md.append("| scene | config | gc (reported) | mode | runs | p50 | p99 | p99.9 | max | 1% low fps | stalls (gc/update/render) | ")
            .append("input p99 ms | alloc B/frame (plat/sim/render/workers/prod) | GC count / pause ms | TTFF ms |\n");
        md.append("|---|---|---|---|---:|---:|---:|---:|---:|---:|---|---:|---|---|---:|\n");
        for (final Aggregate.Group group : aggregate.groups())
        {
            for (final Aggregate.ModeSummary mode : group.modes())
            {
                md.append("| ").append(group.scene())
                    .append(" | ").append(group.configuration())
                    .append(" | ").append(mode.gcName().isEmpty() ? "n/a" : mode.gcName())
                    .append(" | ").append(mode.mode())
                    .append(" | ").append(mode.okRuns()).append(mode.failedRuns() > 0 ? " (+" + mode.failedRuns() + " failed)" : "")
                    .append(" | ").append(ms(mode.median(Metric.FRAME_P50_MS)))
                    .append(" | ").append(ms(mode.median(Metric.FRAME_P99_MS)))
                    .append(" | ").append(ms(mode.median(Metric.FRAME_P999_MS)))
                    .append(" | ").append(ms(mode.median(Metric.FRAME_MAX_MS)))
                    .append(" | ").append(fixed(mode.median(Metric.ONE_PERCENT_LOW_FPS), 1))
                    .append(" | ").append(count(mode.median(Metric.STALLS)))
                    .append(" (").append(count(mode.median(Metric.STALLS_GC)))
                    .append('/').append(count(mode.median(Metric.STALLS_UPDATE)))
                    .append('/').append(count(mode.median(Metric.STALLS_RENDER))).append(')')
                    .append(" | ").append(ms(mode.median(Metric.INPUT_LATENCY_P99_MS)))
                    .append(" | ");
                for (int i = 0; i < Metric.ALLOCATION.length; i++)
                {
                    md.append(i == 0 ? "" : "/").append(bytes(mode.median(Metric.ALLOCATION[i])));
                }
                md.append(" | ").append(count(mode.median(Metric.GC_COUNT)))
                    .append(" / ").append(ms(mode.median(Metric.GC_PAUSE_TOTAL_MS)))
                    .append(" | ").append(fixed(mode.median(Metric.TIME_TO_FIRST_FRAME_MS), 0))
                    .append(" |\n");
            }
        }

        md.append("\n## naive / engine\n\n")
            .append("Ratio of the medians; above 1 the naive figure is higher (for frame times: slower; for 1% low ")
            .append("FPS: better). n/a where the engine's figure is 0 or missing.\n\n");
        md.append("| scene | config | p50 | p99 | p99.9 | max | 1% low fps | stalls | GC pause ms | TTFF |\n");
        md.append("|---|---|---:|---:|---:|---:|---:|---:|---:|---:|\n");
        for (final Aggregate.Group group : aggregate.groups())
        {
            md.append("| ").append(group.scene())
                .append(" | ").append(group.configuration())
                .append(" | ").append(ratio(group.ratio(Metric.FRAME_P50_MS)))
                .append(" | ").append(ratio(group.ratio(Metric.FRAME_P99_MS)))
                .append(" | ").append(ratio(group.ratio(Metric.FRAME_P999_MS)))
                .append(" | ").append(ratio(group.ratio(Metric.FRAME_MAX_MS)))
                .append(" | ").append(ratio(group.ratio(Metric.ONE_PERCENT_LOW_FPS)))
                .append(" | ").append(ratio(group.ratio(Metric.STALLS)))
                .append(" | ").append(ratio(group.ratio(Metric.GC_PAUSE_TOTAL_MS)))
                .append(" | ").append(ratio(group.ratio(Metric.TIME_TO_FIRST_FRAME_MS)))
                .append(" |\n");
        }

        md.append("\n## Targets (issue 6)\n\n")
            .append("Computed from the runs above: medians across repeats (per-run values in brackets); the allocation ")
            .append("target holds only when every engine run reads 0. 'not measured' where this invocation had no run ")
            .append("of the configuration (use --full or --targets).\n\n");
        md.append("| target | runs | engine (measured) | naive | limit | verdict |\n");
        md.append("|---|---|---|---|---|---|\n");
        for (final Targets.Row row : Targets.evaluate(aggregate))
        {
            md.append("| ").append(row.target())
                .append(" | ").append(row.scope())
                .append(" | ").append(row.measured())
                .append(" | ").append(row.naive().isEmpty() ? "" : row.naive())
                .append(" | ").append(row.limit())
                .append(" | ").append(row.verdict() == Targets.Verdict.NOT_MET ? "**" + row.verdict().label() + "**" :
                    row.verdict().label())
                .append(" |\n");
        }

        md.append("\n## Engine allocation\n\n");
        for (final Aggregate.Group group : aggregate.groups())
        {
            final Aggregate.ModeSummary engine = group.engine();
            md.append("- ").append(group.scene()).append(' ').append(group.configuration()).append(": ")
                .append(engine.okRuns() == 0 ? "no successful engine run" :
                    engine.zeroAllocation() ? "0 bytes per frame on every thread in every run" :
                    "ALLOCATES in the measured window (see the table)")
                .append('\n');
        }

        final List<RunResult> failed = aggregate.failedRuns();
        if (!failed.isEmpty())
        {
            md.append("\n## Failed runs\n\n");
            for (final RunResult run : failed)
            {
                md.append("- ").append(run.spec().id()).append(": ")
                    .append(null == run.failure() ? "no report" : run.failure())
                    .append(null == run.logFile() ? "" : " (log: " + run.logFile() + ")")
                    .append('\n');
            }
        }
        return md.toString();
    }

    static String ms(final double value)
    {
        return fixed(value, 2);
    }

    static String count(final double value)
    {
        if (Double.isNaN(value))
        {
            return "n/a";
        }
        return value == Math.rint(value) ? Long.toString((long)value) : String.format(Locale.ROOT, "%.1f", value);
    }

    static String fixed(final double value, final int decimals)
    {
        if (!Double.isFinite(value))
        {
            return "n/a";
        }
        return String.format(Locale.ROOT, "%." + decimals + "f", value);
    }

    /** @return bytes per frame: "0" only for exactly 0; small non-zero figures keep a decimal, never round to 0. */
    static String bytes(final double value)
    {
        if (!Double.isFinite(value))
        {
            return "n/a";
        }
        if (value == 0.0)
        {
            return "0";
        }
        if (Math.abs(value) < 0.1)
        {
            return "<0.1";
        }
        return Math.abs(value) < 10.0 ? String.format(Locale.ROOT, "%.1f", value) : String.format(Locale.ROOT, "%.0f", value);
    }

    static String ratio(final double value)
    {
        return Double.isFinite(value) ? String.format(Locale.ROOT, "%.2fx", value) : "n/a";
    }
}
