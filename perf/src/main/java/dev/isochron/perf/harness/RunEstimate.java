package dev.isochron.perf.harness;

import java.util.List;

/**
 * A rough duration of a plan on the 2-core reference machine (llvmpipe, {@code LP_NUM_THREADS=1}), printed before a
 * run starts and by {@code --dry-run}, so that nobody starts an hour-long run by mistake. Calibrated from single
 * runs at 1280x720, multi-threaded, engine mode: sprites 10,000 ~22 ms a frame, 100,000 ~127 ms; chart (4 x 1M)
 * ~22 ms; list (100,000 rows) ~10 ms; storm over list ~11 ms; the null renderer under 1 ms; a child JVM's start,
 * set-up and report ~2.5 s; the minimal first-frame program ~1.5 s. The pixel part of a frame scales with the
 * framebuffer area; a capped run takes at least its frame period. Not a measurement: a guide within a factor of
 * about 1.5.
 */
public final class RunEstimate
{
    static final double REFERENCE_AREA = 1280.0 * 720.0;
    static final double CHILD_OVERHEAD_S = 2.5;
    static final double MINIMAL_RUN_S = 1.5;

    private RunEstimate()
    {
    }

    /** @return estimated milliseconds of one frame of {@code spec} under {@code options}. */
    static double frameMs(final HarnessOptions options, final RunSpec spec)
    {
        final double area = Math.max(0.05, options.width * (double)options.height / REFERENCE_AREA);
        double ms;
        if ("null".equals(spec.variant().renderer()))
        {
            ms = 0.5;
        }
        else
        {
            final int count = options.count(spec);
            switch (spec.scene())
            {
                case "sprites":
                    ms = 10.3 * area + 1.17 * (count > 0 ? count : 100_000) / 1000.0;
                    break;
                case "chart":
                    ms = 22.0 * area;
                    break;
                case "list":
                    ms = 10.0 * area;
                    break;
                case "storm":
                    ms = 11.0 * area;
                    break;
                default:
                    ms = 20.0 * area;
                    break;
            }
        }
        final int fps = options.targetFps(spec);
        return fps > 0 ? Math.max(ms, 1000.0 / fps) : ms;
    }

    /** @return estimated seconds of one child run. */
    public static double seconds(final HarnessOptions options, final RunSpec spec)
    {
        if (spec.minimal())
        {
            return MINIMAL_RUN_S;
        }
        return CHILD_OVERHEAD_S + (options.warmupFrames + options.frames) * frameMs(options, spec) / 1000.0;
    }

    /** @return estimated seconds of the whole plan. */
    public static double seconds(final HarnessOptions options, final List<RunSpec> plan)
    {
        double total = 0.0;
        for (final RunSpec spec : plan)
        {
            total += seconds(options, spec);
        }
        return total;
    }
}
