package dev.isochron.perf.harness;

import java.util.Locale;

/**
 * The charts the harness draws for a scene and configuration, every mode overlaid (engine, naive, the libGDX peer): frame time over the run
 * (first successful repeat of each mode, from the per-frame CSV) and the percentile curve (all repeats' frames
 * pooled, or the median report percentiles when there is no CSV).
 */
public final class Plots
{
    private static final int MAX_FRAME_POINTS = 2000;
    private static final int CURVE_POINTS = 200;

    private Plots()
    {
    }

    /** @return the frame-time-over-the-run chart, or null when no mode has per-frame times. */
    public static Chart frameTimes(final Aggregate.Group group)
    {
        final Chart chart = new Chart(String.format(Locale.ROOT, "%s %s: frame time over the run", group.scene(),
            group.configuration()), "frame (after warm-up)", "frame time (ms)", Chart.XAxis.LINEAR);
        boolean any = false;
        for (final Aggregate.ModeSummary mode : group.modes())
        {
            for (final RunResult run : mode.runs())
            {
                if (null != run.frameMs() && run.frameMs().length > 0)
                {
                    final double[][] series = Chart.frameSeries(run.frameMs(), MAX_FRAME_POINTS);
                    chart.add(mode.mode() + " r" + run.spec().repeat(), colour(mode.mode()), series[0], series[1]);
                    any = true;
                    break;
                }
            }
        }
        return any ? chart : null;
    }

    /** @return the percentile chart, or null when neither mode has a successful run. */
    public static Chart percentiles(final Aggregate.Group group)
    {
        final Chart chart = new Chart(String.format(Locale.ROOT, "%s %s: frame time percentiles", group.scene(),
            group.configuration()), "percentile", "frame time (ms)", Chart.XAxis.PERCENTILE);
        boolean any = false;
        for (final Aggregate.ModeSummary mode : group.modes())
        {
            final double[] pooled = mode.pooledFrameMs();
            if (null != pooled)
            {
                final double[][] series = Chart.percentileSeries(pooled, CURVE_POINTS);
                chart.add(mode.mode() + " (" + pooled.length + " frames)", colour(mode.mode()), series[0], series[1]);
                any = true;
            }
            else if (mode.okRuns() > 0 && !Double.isNaN(mode.median(Metric.FRAME_P50_MS)))
            {
                final double frames = Math.max(10.0, medianFrames(mode));
                final double[] x = {50.0, 90.0, 99.0, 99.9, Math.max(99.9, 100.0 * (1.0 - 1.0 / frames))};
                final double[] y = {mode.median(Metric.FRAME_P50_MS), mode.median(Metric.FRAME_P90_MS),
                    mode.median(Metric.FRAME_P99_MS), mode.median(Metric.FRAME_P999_MS), mode.median(Metric.FRAME_MAX_MS)};
                chart.add(mode.mode() + " (report p50/p90/p99/p99.9/max)", colour(mode.mode()), x, y);
                any = true;
            }
        }
        return any ? chart : null;
    }

    private static double medianFrames(final Aggregate.ModeSummary mode)
    {
        final double[] frames = new double[mode.runs().size()];
        for (int i = 0; i < frames.length; i++)
        {
            frames[i] = mode.runs().get(i).report().path("frames").asDouble(0.0);
        }
        return Percentiles.median(frames);
    }

    private static int colour(final String mode)
    {
        return RunSpec.ENGINE.equals(mode) ? PlotRenderer.ENGINE_RGBA :
            RunSpec.PEER.equals(mode) ? PlotRenderer.PEER_RGBA : PlotRenderer.NAIVE_RGBA;
    }
}
