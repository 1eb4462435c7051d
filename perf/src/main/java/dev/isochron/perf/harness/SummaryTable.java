package dev.isochron.perf.harness;

import java.util.List;
import java.util.Locale;

/**
 * The Markdown summary of an {@link Aggregate}: one row per scene, configuration and mode with the medians
 * across repeats, a second table with the naive/engine ratios, where the libGDX peer ran a table of the engine beside
 * it (FPS, p99, ratios, issue 12's check), then issue 6's targets, the engine's zero-allocation verdict and any failed
 * runs with their reasons. Missing figures print as {@code n/a}.
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

        appendPeer(md, aggregate);

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

    /** The engine's FPS over the peer's, at least, for issue 12's check. */
    public static final double PEER_FPS_RATIO_TARGET = 1.5;

    /**
     * Appends "Beside libGDX": per group where the peer ran, mean FPS and p99 of the three modes (medians, each run's
     * figure in brackets), engine / peer ratios, 1% low, render-thread allocation and GC, and issue 12's check (engine
     * mean FPS at least {@link #PEER_FPS_RATIO_TARGET} x the peer's and engine p99 at most the peer's).
     */
    static void appendPeer(final StringBuilder md, final Aggregate aggregate)
    {
        boolean any = false;
        for (final Aggregate.Group group : aggregate.groups())
        {
            any |= group.hasPeer();
        }
        if (!any)
        {
            return;
        }
        md.append("\n## Beside libGDX (engine / peer)\n\n")
            .append("Medians across repeats, each run's figure in brackets. The peer is the same scene written as an ")
            .append("idiomatic libGDX program, always windowed and single-threaded. Check (issue 12): engine mean FPS >= ")
            .append(fixed(PEER_FPS_RATIO_TARGET, 1)).append(" x the peer's and engine p99 <= the peer's.\n\n");
        md.append("| scene | config | runs e/n/p | FPS mean engine | naive | peer | engine/peer FPS | p99 ms engine | naive | ")
            .append("peer | engine/peer p99 | 1% low fps e/p | render B/frame e/p | GC count e/p | check |\n");
        md.append("|---|---|---|---:|---:|---:|---:|---:|---:|---:|---:|---|---|---|---|\n");
        for (final Aggregate.Group group : aggregate.groups())
        {
            if (!group.hasPeer())
            {
                continue;
            }
            final Aggregate.ModeSummary engine = group.engine();
            final Aggregate.ModeSummary naive = group.naive();
            final Aggregate.ModeSummary peer = group.peer();
            final double fpsRatio = group.enginePerPeer(Metric.FPS_MEAN);
            final double p99Ratio = group.enginePerPeer(Metric.FRAME_P99_MS);
            final String check = Double.isNaN(fpsRatio) || Double.isNaN(p99Ratio) ? "not measured" :
                fpsRatio >= PEER_FPS_RATIO_TARGET && p99Ratio <= 1.0 ? "met" :
                "**NOT MET** (" + (fpsRatio < PEER_FPS_RATIO_TARGET ? "FPS " + ratio(fpsRatio) : "") +
                    (fpsRatio < PEER_FPS_RATIO_TARGET && p99Ratio > 1.0 ? ", " : "") +
                    (p99Ratio > 1.0 ? "p99 " + ratio(p99Ratio) : "") + ")";
            md.append("| ").append(group.scene())
                .append(" | ").append(group.configuration())
                .append(" | ").append(engine.okRuns()).append('/').append(naive.okRuns()).append('/').append(peer.okRuns())
                .append(peer.failedRuns() > 0 ? " (+" + peer.failedRuns() + " peer failed)" : "")
                .append(" | ").append(withRuns(engine, Metric.FPS_MEAN, 1))
                .append(" | ").append(withRuns(naive, Metric.FPS_MEAN, 1))
                .append(" | ").append(withRuns(peer, Metric.FPS_MEAN, 1))
                .append(" | ").append(ratio(fpsRatio))
                .append(" | ").append(withRuns(engine, Metric.FRAME_P99_MS, 2))
                .append(" | ").append(withRuns(naive, Metric.FRAME_P99_MS, 2))
                .append(" | ").append(withRuns(peer, Metric.FRAME_P99_MS, 2))
                .append(" | ").append(ratio(p99Ratio))
                .append(" | ").append(fixed(engine.median(Metric.ONE_PERCENT_LOW_FPS), 1)).append(" / ")
                .append(fixed(peer.median(Metric.ONE_PERCENT_LOW_FPS), 1))
                .append(" | ").append(bytes(engine.median(Metric.ALLOC_RENDER))).append(" / ")
                .append(bytes(peer.median(Metric.ALLOC_RENDER)))
                .append(" | ").append(count(engine.median(Metric.GC_COUNT))).append(" / ")
                .append(count(peer.median(Metric.GC_COUNT)))
                .append(" | ").append(check)
                .append(" |\n");
        }
    }

    /** @return the median of {@code metric} with each run's value in brackets, e.g. {@code 61.2 (60.8, 61.2, 63.0)}. */
    static String withRuns(final Aggregate.ModeSummary mode, final Metric metric, final int decimals)
    {
        final double median = mode.median(metric);
        final double[] values = mode.values(metric);
        if (values.length < 2)
        {
            return fixed(median, decimals);
        }
        final StringBuilder cell = new StringBuilder(fixed(median, decimals)).append(" (");
        for (int i = 0; i < values.length; i++)
        {
            cell.append(i == 0 ? "" : ", ").append(fixed(values[i], decimals));
        }
        return cell.append(')').toString();
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
