package dev.isochron.perf.harness;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Builds run reports with the docs/report.md shape for tests: every figure derived from a frame p99 and an
 * allocation figure, so that medians and ratios are easy to predict.
 */
final class SyntheticReports
{
    static final ObjectMapper MAPPER = new ObjectMapper();

    private SyntheticReports()
    {
    }

    static ObjectNode report(final String scene, final String mode, final double p99, final double allocSim)
    {
        final ObjectNode report = MAPPER.createObjectNode();
        report.put("scene", scene).put("mode", mode).put("threading", "single").put("frames", 300)
            .put("warmupFrames", 100).put("tickRateHz", 120).put("targetFps", 0).put("workers", 1).put("headless", true)
            .put("glRenderer", "llvmpipe").put("glVersion", "4.5").put("java", "17.0.15").put("gcName", "G1")
            .put("heapMaxMb", 1024);
        report.putObject("frameMs").put("mean", p99 / 4).put("p50", p99 / 4).put("p90", p99 / 2).put("p99", p99)
            .put("p999", p99 * 2).put("max", p99 * 3);
        report.putObject("tickMs").put("mean", 0.1).put("p50", 0.1).put("p99", 0.2).put("max", 0.3);
        report.put("fpsMean", 4000.0 / p99).put("onePercentLowFps", 1000.0 / (p99 * 2)).put("stallThresholdMs", 25.0);
        report.putObject("stalls").put("count", p99 > 25 ? 3 : 0).put("gc", p99 > 25 ? 2 : 0).put("update", 0)
            .put("render", p99 > 25 ? 1 : 0);
        report.put("droppedTicks", 0).put("inputEvents", 0).put("inputDrops", 0).put("inputCoalesced", 0);
        report.putObject("inputLatencyMs").put("p50", 0.5).put("p99", p99 / 10).put("max", p99 / 5);
        report.putObject("allocBytesPerFrame").put("platform", 0.0).put("sim", allocSim).put("render", 0.0)
            .put("workers", 0.0).put("producers", 0.0);
        report.putObject("gc").put("count", allocSim > 0 ? 4 : 0).put("pauseMsTotal", allocSim > 0 ? 12.0 : 0.0)
            .put("pauseMsMax", allocSim > 0 ? 5.0 : 0.0);
        report.put("heapUsedAfterMb", 20.0).put("rssMb", 300.0).put("timeToFirstFrameMs", 800.0);
        return report;
    }

    static RunSpec spec(final int index, final String scene, final String mode, final int repeat)
    {
        return new RunSpec(index, scene, "single", GcChoice.G1, mode, repeat);
    }

    static RunResult run(final int index, final String scene, final String threading, final Variant variant,
        final String mode, final int repeat, final double p99, final double allocSim)
    {
        final ObjectNode report = report(scene, mode, p99, allocSim);
        report.put("threading", threading);
        return RunResult.of(new RunSpec(index, scene, threading, GcChoice.G1, variant, mode, repeat), report, null);
    }

    static RunResult minimal(final int index, final int repeat, final double ttffMs)
    {
        final ObjectNode report = MAPPER.createObjectNode();
        report.put("scene", "ttff-minimal").put("mode", RunSpec.MINIMAL).put("timeToFirstFrameMs", ttffMs);
        return RunResult.of(new RunSpec(index, RunSpec.TTFF_SCENE, "single", GcChoice.G1, Variant.STANDARD,
            RunSpec.MINIMAL, repeat), report, null);
    }

    static RunResult run(final int index, final String scene, final String mode, final int repeat, final double p99,
        final double allocSim)
    {
        return RunResult.of(spec(index, scene, mode, repeat), report(scene, mode, p99, allocSim), null);
    }
}
