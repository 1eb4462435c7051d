package dev.isochron.perf.harness;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** The plan with the libGDX peer: engine, naive, peer interleaved per repeat, one configuration per sprite count. */
class PeerPlanTest
{
    private static HarnessOptions options(final String... args)
    {
        final HarnessMain main = new HarnessMain();
        new picocli.CommandLine(main).parseArgs(args);
        return main.toOptions();
    }

    @Test
    void shouldInterleaveEngineNaiveAndPeerForEachSpriteCountAndRepeat()
    {
        final HarnessOptions options = options("--out", "o", "--peer-sprites", "2000,10000,100000",
            "--threading", "multi", "--window", "--repeats", "3");

        final List<String> ids = new ArrayList<>();
        for (final RunSpec spec : options.plan())
        {
            ids.add(spec.id());
        }

        assertEquals(List.of("sprites"), options.scenes);
        assertEquals(27, ids.size());
        assertEquals(List.of(
            "01-sprites-multi-g1-window-2k-engine-r1", "02-sprites-multi-g1-window-2k-naive-r1",
            "03-sprites-multi-g1-window-2k-peer-r1",
            "04-sprites-multi-g1-window-10k-engine-r1", "05-sprites-multi-g1-window-10k-naive-r1",
            "06-sprites-multi-g1-window-10k-peer-r1",
            "07-sprites-multi-g1-window-100k-engine-r1"), ids.subList(0, 7));
        assertEquals("10-sprites-multi-g1-window-2k-engine-r2", ids.get(9));
        assertEquals("27-sprites-multi-g1-window-100k-peer-r3", ids.get(26));
    }

    @Test
    void shouldPassTheSameSizeFramesAndCountToEngineAndPeer()
    {
        final HarnessOptions options = options("--out", "o", "--peer-sprites", "10000",
            "--frames", "500", "--warmup", "300", "--width", "1280", "--height", "720", "--window");
        final Harness harness = new Harness(options, System.err);
        final List<RunSpec> plan = options.plan();

        final List<String> engine = harness.demoArguments(plan.get(0), java.nio.file.Path.of("e.json"), null, true);
        final List<String> peer = harness.peerArguments(plan.get(2), java.nio.file.Path.of("p.json"), null);

        assertEquals(List.of("sprites", "--window", "--renderer", "gl", "--frames", "500", "--warmup", "300", "--width",
            "1280", "--height", "720", "--count", "10000", "--target-fps", "0", "--threading", "single", "--report",
            "e.json"), engine);
        assertEquals(List.of("sprites", "--frames", "500", "--warmup", "300", "--width", "1280", "--height", "720",
            "--count", "10000", "--target-fps", "0", "--report", "p.json"), peer);
    }

    @Test
    void shouldRunThePeerOnlyForTheScenesItHasAndOnlyWithTheGlRenderer()
    {
        final HarnessOptions options = new HarnessOptions().apply(Preset.FULL);
        options.peer = true;
        int peerRuns = 0;
        for (final RunSpec spec : options.plan())
        {
            if (spec.peer())
            {
                peerRuns++;
                assertEquals(true, Variant.PEER_SCENES.contains(spec.scene()), spec.id());
                assertEquals("gl", spec.variant().renderer(), spec.id());
            }
        }
        // sprites and chart: standard single and multi, chart fps60; storm: standard single and multi, unloaded,
        // fps60, unloaded-fps60 (not the null renderer); list: none
        assertEquals(2 + 3 + 5, peerRuns);
    }

    @Test
    void shouldKeepThePeerOffUnlessAskedAndTurnItOnWithSpriteCounts()
    {
        assertEquals(false, options("--out", "o").peer);
        assertEquals(true, options("--out", "o", "--peer").peer);
        assertEquals(true, options("--out", "o", "--peer-sprites", "2000").peer);
        assertEquals(false, options("--out", "o", "--peer-sprites", "2000", "--no-peer").peer);
    }

    @Test
    void shouldRefuseASpriteCountBelowOne()
    {
        final IllegalArgumentException ex = assertThrows(IllegalArgumentException.class,
            () -> options("--out", "o", "--peer-sprites", "2000,0").validate());
        assertEquals("--peer-sprites counts must be >= 1, was 0", ex.getMessage());
    }
}
