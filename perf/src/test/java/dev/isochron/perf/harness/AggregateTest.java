package dev.isochron.perf.harness;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;

import java.util.List;

import static dev.isochron.perf.harness.SyntheticReports.MAPPER;
import static dev.isochron.perf.harness.SyntheticReports.run;
import static dev.isochron.perf.harness.SyntheticReports.spec;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class AggregateTest
{
    private static List<RunResult> threeRepeatsOfSprites()
    {
        return List.of(
            run(1, "sprites", "engine", 1, 4.0, 0.0),
            run(2, "sprites", "naive", 1, 30.0, 5000.0),
            run(3, "sprites", "engine", 2, 6.0, 0.0),
            run(4, "sprites", "naive", 2, 20.0, 4000.0),
            run(5, "sprites", "engine", 3, 5.0, 0.0),
            run(6, "sprites", "naive", 3, 40.0, 6000.0));
    }

    @Test
    void shouldGroupRunsBySceneAndConfigurationInPlanOrder()
    {
        final Aggregate aggregate = Aggregate.of(List.of(
            run(1, "list", "engine", 1, 4.0, 0.0),
            run(2, "list", "naive", 1, 8.0, 10.0),
            run(3, "sprites", "engine", 1, 4.0, 0.0),
            run(4, "sprites", "naive", 1, 8.0, 10.0),
            run(5, "list", "engine", 2, 4.0, 0.0)));

        assertEquals(2, aggregate.groups().size());
        assertEquals("list", aggregate.groups().get(0).scene());
        assertEquals("single-g1", aggregate.groups().get(0).configuration());
        assertEquals(2, aggregate.groups().get(0).engine().okRuns());
        assertEquals("sprites", aggregate.groups().get(1).scene());
    }

    @Test
    void shouldTakeTheMedianOfEachFigureAcrossRepeats()
    {
        final Aggregate.Group group = Aggregate.of(threeRepeatsOfSprites()).groups().get(0);

        assertEquals(5.0, group.engine().median(Metric.FRAME_P99_MS));
        assertEquals(30.0, group.naive().median(Metric.FRAME_P99_MS));
        assertEquals(60.0, group.naive().median(Metric.FRAME_P999_MS));
        assertEquals(5000.0, group.naive().median(Metric.ALLOC_SIM));
        assertEquals(3.0, group.naive().median(Metric.STALLS));
    }

    @Test
    void shouldDivideNaiveByEngineMedians()
    {
        final Aggregate.Group group = Aggregate.of(threeRepeatsOfSprites()).groups().get(0);

        assertEquals(6.0, group.ratio(Metric.FRAME_P99_MS), 1e-12);
        assertEquals(6.0, group.ratio(Metric.FRAME_MAX_MS), 1e-12);
        assertEquals(1.0, group.ratio(Metric.TIME_TO_FIRST_FRAME_MS), 1e-12);
    }

    @Test
    void shouldLeaveTheRatioUndefinedWhenTheEngineFigureIsZero()
    {
        final Aggregate.Group group = Aggregate.of(threeRepeatsOfSprites()).groups().get(0);

        assertTrue(Double.isNaN(group.ratio(Metric.ALLOC_SIM)));
        assertTrue(Double.isNaN(Aggregate.Group.ratio(Double.NaN, 2.0)));
        assertEquals(0.5, Aggregate.Group.ratio(1.0, 2.0));
    }

    @Test
    void shouldReportZeroAllocationOnlyWhenEveryRunAndThreadReadsZero()
    {
        final Aggregate.Group group = Aggregate.of(threeRepeatsOfSprites()).groups().get(0);
        assertTrue(group.engine().zeroAllocation());
        assertFalse(group.naive().zeroAllocation());

        final Aggregate.Group oneAllocates = Aggregate.of(List.of(
            run(1, "sprites", "engine", 1, 4.0, 0.0),
            run(2, "sprites", "engine", 2, 4.0, 16.0))).groups().get(0);
        assertFalse(oneAllocates.engine().zeroAllocation());
    }

    @Test
    void shouldNotCountAMissingAllocationFigureAsZero()
    {
        final ObjectNode report = SyntheticReports.report("sprites", "engine", 4.0, 0.0);
        ((ObjectNode)report.get("allocBytesPerFrame")).remove("workers");
        final Aggregate.Group group = Aggregate.of(List.of(RunResult.of(spec(1, "sprites", "engine", 1), report, null)))
            .groups().get(0);

        assertFalse(group.engine().zeroAllocation());
    }

    @Test
    void shouldKeepFailedRunsOutOfTheMedians()
    {
        final RunResult failed = new RunResult(spec(3, "sprites", "engine", 2), null, null, 1, 2.0, "demo exited 1",
            null, null, null);
        final Aggregate aggregate = Aggregate.of(List.of(
            run(1, "sprites", "engine", 1, 4.0, 0.0), run(2, "sprites", "naive", 1, 8.0, 1.0), failed));
        final Aggregate.Group group = aggregate.groups().get(0);

        assertEquals(1, group.engine().okRuns());
        assertEquals(1, group.engine().failedRuns());
        assertEquals(4.0, group.engine().median(Metric.FRAME_P99_MS));
        assertEquals(List.of(failed), aggregate.failedRuns());
    }

    @Test
    void shouldGiveNaNForAModeWithoutSuccessfulRuns()
    {
        final Aggregate.Group group = Aggregate.of(List.of(run(1, "sprites", "engine", 1, 4.0, 0.0))).groups().get(0);

        assertEquals(0, group.naive().okRuns());
        assertTrue(Double.isNaN(group.naive().median(Metric.FRAME_P99_MS)));
        assertTrue(Double.isNaN(group.ratio(Metric.FRAME_P99_MS)));
    }

    @Test
    void shouldPoolPerFrameTimesOfAllRepeats()
    {
        final Aggregate.Group group = Aggregate.of(List.of(
            RunResult.of(spec(1, "sprites", "engine", 1), SyntheticReports.report("sprites", "engine", 4, 0), new double[]{1, 2}),
            RunResult.of(spec(3, "sprites", "engine", 2), SyntheticReports.report("sprites", "engine", 4, 0), new double[]{3})))
            .groups().get(0);

        assertEquals(3, group.engine().pooledFrameMs().length);
        assertEquals(3.0, group.engine().pooledFrameMs()[2]);
        assertNull(group.naive().pooledFrameMs());
    }

    @Test
    void shouldWriteRunsGroupsMediansAndRatiosAsJson()
    {
        final JsonNode json = Aggregate.of(threeRepeatsOfSprites())
            .toJson(MAPPER, MAPPER.createObjectNode().put("preset", "quick"));

        assertEquals("quick", json.at("/harness/preset").asText());
        assertEquals(6, json.get("runs").size());
        assertEquals("01-sprites-single-g1-engine-r1", json.at("/runs/0/id").asText());
        assertEquals(4.0, json.at("/runs/0/report/frameMs/p99").asDouble());
        assertTrue(json.at("/runs/1/ok").asBoolean());
        assertEquals(5.0, json.at("/groups/0/modes/engine/medians/frameP99Ms").asDouble());
        assertTrue(json.at("/groups/0/modes/engine/zeroAllocation").asBoolean());
        assertEquals("G1", json.at("/groups/0/modes/naive/gcName").asText());
        assertEquals(6.0, json.at("/groups/0/ratiosNaiveOverEngine/frameP99Ms").asDouble(), 1e-12);
        assertTrue(json.at("/groups/0/ratiosNaiveOverEngine/allocSim").isNull());
    }
}
