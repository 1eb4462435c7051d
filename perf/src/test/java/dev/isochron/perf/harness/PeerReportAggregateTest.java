package dev.isochron.perf.harness;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;

import static dev.isochron.perf.harness.SyntheticReports.MAPPER;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A report the libGDX peer wrote (perf-peer-gdx, sprites, 10,000 sprites, 200 frames under Xvfb; kept as a test
 * resource) aggregates beside engine and naive reports unchanged: every figure the harness reads is there, and the
 * group gets the peer's medians, the engine / peer ratios and a row in the summary's "Beside libGDX" table.
 */
class PeerReportAggregateTest
{
    private static JsonNode peerReport() throws IOException
    {
        try (InputStream in = PeerReportAggregateTest.class.getResourceAsStream("peer-sprites-report.json"))
        {
            assertNotNull(in, "test resource peer-sprites-report.json");
            return MAPPER.readTree(in);
        }
    }

    private static RunResult run(final int index, final String mode, final int repeat, final JsonNode report)
    {
        return RunResult.of(new RunSpec(index, "sprites", "multi", GcChoice.G1, Variant.sprites(10_000), mode, repeat, true),
            report, null);
    }

    private static ObjectNode engineReport(final double fpsMean, final double p99)
    {
        final ObjectNode report = SyntheticReports.report("sprites", "engine", p99, 0.0);
        report.put("fpsMean", fpsMean);
        return report;
    }

    @Test
    void shouldReadEveryFigureOfAPeerReport() throws IOException
    {
        final JsonNode report = peerReport();
        final List<String> missing = new ArrayList<>();
        for (final Metric metric : Metric.values())
        {
            if (Double.isNaN(metric.read(report)))
            {
                missing.add(metric.key() + " at " + metric.pointer());
            }
        }
        assertEquals(List.of(), missing);
        assertEquals("peer", report.get("mode").asText());
        assertEquals(54.519, Metric.FPS_MEAN.read(report), 1e-9);
    }

    @Test
    void shouldPutThePeerBesideEngineAndNaiveWithRatios() throws IOException
    {
        final JsonNode peer = peerReport();
        final Aggregate aggregate = Aggregate.of(List.of(
            run(1, RunSpec.ENGINE, 1, engineReport(100.0, 20.0)),
            run(2, RunSpec.NAIVE, 1, SyntheticReports.report("sprites", "naive", 40.0, 900.0)),
            run(3, RunSpec.PEER, 1, peer),
            run(4, RunSpec.ENGINE, 2, engineReport(90.0, 22.0)),
            run(5, RunSpec.NAIVE, 2, SyntheticReports.report("sprites", "naive", 40.0, 900.0)),
            run(6, RunSpec.PEER, 2, peer)));

        assertEquals(1, aggregate.groups().size());
        final Aggregate.Group group = aggregate.groups().get(0);
        assertEquals("multi-g1-window-10k", group.configuration());
        assertTrue(group.hasPeer());
        assertEquals(List.of("engine", "naive", "peer"), List.of(group.modes().get(0).mode(), group.modes().get(1).mode(),
            group.modes().get(2).mode()));
        assertEquals(2, group.peer().okRuns());
        assertEquals(95.0 / 54.519, group.enginePerPeer(Metric.FPS_MEAN), 1e-9);
        assertEquals(21.0 / 30.9658, group.enginePerPeer(Metric.FRAME_P99_MS), 1e-9);

        final JsonNode json = aggregate.toJson(MAPPER, MAPPER.createObjectNode());
        assertEquals(2, json.at("/groups/0/modes/peer/runs").asInt());
        assertEquals(54.519, json.at("/groups/0/modes/peer/medians/fpsMean").asDouble(), 1e-9);
        assertEquals(95.0 / 54.519, json.at("/groups/0/ratiosEngineOverPeer/fpsMean").asDouble(), 1e-9);
        assertFalse(json.at("/groups/0/modes/peer/zeroAllocation").asBoolean(), "the peer allocated 5.88 B/frame");

        final String summary = SummaryTable.render("t", List.of(), aggregate);
        assertTrue(summary.contains("| sprites | multi-g1-window-10k | G1 | peer | 2 | 17.73 | 30.97 |"), summary);
        assertTrue(summary.contains("## Beside libGDX (engine / peer)"), summary);
        assertTrue(summary.contains("| sprites | multi-g1-window-10k | 2/2/2 | 95.0 (100.0, 90.0) | 100.0 (100.0, 100.0) | " +
            "54.5 (54.5, 54.5) | 1.74x | 21.00 (20.00, 22.00) |"), summary);
        assertTrue(summary.contains("| 0.68x | 23.9 / 26.7 | 0 / 5.9 | 0 / 0 | met |"), summary);
        assertTrue(summary.contains("- sprites multi-g1-window-10k: 0 bytes per frame on every thread in every run"),
            "the engine allocation verdict reads only engine runs: " + summary);
    }

    @Test
    void shouldSayWhichPartOfTheCheckFailed() throws IOException
    {
        final Aggregate aggregate = Aggregate.of(List.of(
            run(1, RunSpec.ENGINE, 1, engineReport(60.0, 40.0)),
            run(2, RunSpec.NAIVE, 1, SyntheticReports.report("sprites", "naive", 40.0, 900.0)),
            run(3, RunSpec.PEER, 1, peerReport())));

        final String summary = SummaryTable.render("t", List.of(), aggregate);

        assertTrue(summary.contains("| **NOT MET** (FPS 1.10x, p99 1.29x) |"), summary);
    }
}
