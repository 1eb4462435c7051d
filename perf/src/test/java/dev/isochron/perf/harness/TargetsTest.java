package dev.isochron.perf.harness;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static dev.isochron.perf.harness.SyntheticReports.minimal;
import static dev.isochron.perf.harness.SyntheticReports.run;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The target evaluation on synthetic reports. A synthetic report derives everything from its p99: mean and p50
 * are p99 / 4, p99.9 is 2 x p99, max 3 x p99, input latency p99 is p99 / 10, fpsMean 4000 / p99, 3 stalls when
 * p99 > 25 ms; the tick rate is 120 Hz and time to first frame 800 ms.
 */
class TargetsTest
{
    private static final String E = RunSpec.ENGINE;
    private static final String N = RunSpec.NAIVE;

    private static Targets.Row row(final List<RunResult> runs, final String id)
    {
        for (final Targets.Row row : Targets.evaluate(Aggregate.of(runs)))
        {
            if (row.id().equals(id))
            {
                return row;
            }
        }
        throw new AssertionError("no target row " + id);
    }

    @Test
    void shouldMeetTheNullRendererRatioWhenNaiveP99IsThreeTimesTheEngines()
    {
        final List<RunResult> runs = List.of(
            run(1, "storm", "multi", Variant.STORM_NULL, E, 1, 2.0, 0),
            run(2, "storm", "multi", Variant.STORM_NULL, N, 1, 6.0, 100));

        final Targets.Row row = row(runs, "storm-null-ratio");

        assertEquals(Targets.Verdict.MET, row.verdict());
        assertTrue(row.measured().startsWith("3.00x"), row.measured());
        assertEquals("storm multi-g1-null", row.scope());
    }

    @Test
    void shouldMissTheNullRendererRatioWhenNaiveIsOnlyTwiceAsSlow()
    {
        final List<RunResult> runs = List.of(
            run(1, "storm", "multi", Variant.STORM_NULL, E, 1, 2.0, 0),
            run(2, "storm", "multi", Variant.STORM_NULL, N, 1, 4.0, 100));

        assertEquals(Targets.Verdict.NOT_MET, row(runs, "storm-null-ratio").verdict());
    }

    @Test
    void shouldTakeTheStormLimitFromTheUnloadedRunsMeanFrameTime()
    {
        // unloaded engine p99 20 -> mean 5 ms -> limit 7.5 ms; storm engine p99 9 ms
        final List<RunResult> runs = List.of(
            run(1, "storm", "multi", Variant.STANDARD, E, 1, 9.0, 0),
            run(2, "storm", "multi", Variant.STANDARD, N, 1, 30.0, 100),
            run(3, "storm", "multi", Variant.STORM_UNLOADED, E, 1, 20.0, 0),
            run(4, "storm", "multi", Variant.STORM_UNLOADED, N, 1, 20.0, 100));

        final Targets.Row row = row(runs, "storm-p99");

        assertEquals(Targets.Verdict.NOT_MET, row.verdict());
        assertEquals("<= 1.5 x 5.00 ms (unloaded engine mean frame time) = 7.50 ms", row.limit());
        assertEquals("9.00 ms", row.measured());
        assertEquals("30.00 ms", row.naive());
    }

    @Test
    void shouldUseTheMedianAcrossRepeatsAndListEveryRun()
    {
        final List<RunResult> runs = List.of(
            run(1, "storm", "multi", Variant.STANDARD, E, 1, 4.0, 0),
            run(2, "storm", "multi", Variant.STANDARD, N, 1, 30.0, 100),
            run(3, "storm", "multi", Variant.STANDARD, E, 2, 6.0, 0),
            run(4, "storm", "multi", Variant.STANDARD, N, 2, 30.0, 100),
            run(5, "storm", "multi", Variant.STANDARD, E, 3, 100.0, 0),
            run(6, "storm", "multi", Variant.STANDARD, N, 3, 30.0, 100),
            run(7, "storm", "multi", Variant.STORM_UNLOADED, E, 1, 40.0, 0),
            run(8, "storm", "multi", Variant.STORM_UNLOADED, N, 1, 40.0, 0));

        final Targets.Row row = row(runs, "storm-p99");

        assertEquals("6.00 ms (runs: 4, 6, 100)", row.measured());
        assertEquals(Targets.Verdict.MET, row.verdict());
    }

    @Test
    void shouldCountEngineStallsAndReportTheNaiveOnes()
    {
        final List<RunResult> runs = List.of(
            run(1, "storm", "multi", Variant.STANDARD, E, 1, 9.0, 0),
            run(2, "storm", "multi", Variant.STANDARD, N, 1, 30.0, 100));

        final Targets.Row row = row(runs, "storm-stalls");

        assertEquals(Targets.Verdict.MET, row.verdict());
        assertEquals("0", row.measured());
        assertEquals("3", row.naive());
    }

    @Test
    void shouldLimitInputLatencyToOneTickPeriodPlusOneMillisecond()
    {
        // 120 Hz: 8.33 + 1 = 9.33 ms; input p99 is p99 / 10 = 9.5 ms
        final List<RunResult> runs = List.of(
            run(1, "storm", "multi", Variant.STANDARD, E, 1, 95.0, 0),
            run(2, "storm", "multi", Variant.STANDARD, N, 1, 95.0, 100));

        final Targets.Row row = row(runs, "storm-input-latency");

        assertEquals(Targets.Verdict.NOT_MET, row.verdict());
        assertEquals("<= 1000 / 120 Hz + 1 = 9.33 ms", row.limit());
    }

    @Test
    void shouldCheckPacingP999AndMaxSeparately()
    {
        // p99 8 ms: p99.9 16 ms (<= 17.2), max 24 ms (> 20)
        final List<RunResult> runs = List.of(
            run(1, "storm", "multi", Variant.STORM_FPS60, E, 1, 8.0, 0),
            run(2, "storm", "multi", Variant.STORM_FPS60, N, 1, 8.0, 100));

        assertEquals(Targets.Verdict.MET, row(runs, "pacing-p999-storm").verdict());
        assertEquals(Targets.Verdict.NOT_MET, row(runs, "pacing-max-storm").verdict());
        assertEquals(Targets.Verdict.NOT_MEASURED, row(runs, "pacing-max-unloaded").verdict());
    }

    @Test
    void shouldRequireTheChartToHoldSixtyFramesPerSecondWithoutStalls()
    {
        // fpsMean = 4000 / p99: p99 66 ms -> 60.6 FPS but 3 stalls
        final List<RunResult> runs = List.of(
            run(1, "chart", "multi", Variant.CHART_FPS60, E, 1, 66.0, 0),
            run(2, "chart", "multi", Variant.CHART_FPS60, N, 1, 80.0, 100));

        final Targets.Row row = row(runs, "chart-display-rate");

        assertEquals(Targets.Verdict.NOT_MET, row.verdict());
        assertTrue(row.measured().startsWith("60.6 FPS mean, 3 stalls"), row.measured());
    }

    @Test
    void shouldCompareTheDemosTimeToFirstFrameWithTheMinimalProgram()
    {
        final List<RunResult> met = List.of(minimal(1, 1, 700.0),
            run(2, "sprites", "single", Variant.STANDARD, E, 1, 4.0, 0),
            run(3, "sprites", "single", Variant.STANDARD, N, 1, 4.0, 100));
        final List<RunResult> missed = List.of(minimal(1, 1, 600.0),
            run(2, "sprites", "single", Variant.STANDARD, E, 1, 4.0, 0),
            run(3, "sprites", "single", Variant.STANDARD, N, 1, 4.0, 100));

        assertEquals(Targets.Verdict.MET, row(met, "ttff-sprites").verdict());
        final Targets.Row row = row(missed, "ttff-sprites");
        assertEquals(Targets.Verdict.NOT_MET, row.verdict());
        assertTrue(row.measured().startsWith("800 ms / 600 ms = 1.33x"), row.measured());
    }

    @Test
    void shouldLeaveTheMinimalRunsOutOfTheSceneGroups()
    {
        final Aggregate aggregate = Aggregate.of(List.of(minimal(1, 1, 600.0),
            run(2, "sprites", "single", Variant.STANDARD, E, 1, 4.0, 0),
            run(3, "sprites", "single", Variant.STANDARD, N, 1, 4.0, 100)));

        assertEquals(1, aggregate.groups().size());
        assertEquals(1, aggregate.minimal("g1").okRuns());
        assertEquals(600.0, aggregate.minimal("g1").median(Metric.TIME_TO_FIRST_FRAME_MS));
    }

    @Test
    void shouldFailTheAllocationTargetWhenOneEngineRunAllocates()
    {
        final List<RunResult> runs = new ArrayList<>(List.of(
            run(1, "sprites", "single", Variant.STANDARD, E, 1, 4.0, 0),
            run(2, "sprites", "single", Variant.STANDARD, N, 1, 4.0, 100),
            run(3, "list", "single", Variant.STANDARD, E, 1, 4.0, 0.5),
            run(4, "list", "single", Variant.STANDARD, N, 1, 4.0, 100)));

        final Targets.Row row = row(runs, "engine-zero-allocation");

        assertEquals(Targets.Verdict.NOT_MET, row.verdict());
        assertTrue(row.measured().startsWith("1 of 2 engine runs"), row.measured());
        assertTrue(row.measured().endsWith("not: 03-list-single-g1-engine-r1"), row.measured());
    }

    @Test
    void shouldReportTargetsWithoutTheirRunsAsNotMeasured()
    {
        final List<RunResult> runs = List.of(
            run(1, "sprites", "single", Variant.STANDARD, E, 1, 4.0, 0),
            run(2, "sprites", "single", Variant.STANDARD, N, 1, 4.0, 100));

        for (final Targets.Row row : Targets.evaluate(Aggregate.of(runs)))
        {
            if (!row.id().equals("engine-zero-allocation"))
            {
                assertEquals(Targets.Verdict.NOT_MEASURED, row.verdict(), row.id());
            }
        }
        assertEquals(Targets.Verdict.MET, row(runs, "engine-zero-allocation").verdict());
    }
}
