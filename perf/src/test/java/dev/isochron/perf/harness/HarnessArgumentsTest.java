package dev.isochron.perf.harness;

import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class HarnessArgumentsTest
{
    @Test
    void shouldAskTheDemoForAHeadlessUncappedRunWithReportAndCsv()
    {
        final HarnessOptions options = new HarnessOptions();
        final Harness harness = new Harness(options, System.err);
        final RunSpec naive = new RunSpec(2, "sprites", "single", GcChoice.G1, RunSpec.NAIVE, 1);

        assertEquals(List.of("sprites", "--headless", "--renderer", "gl", "--frames", "300", "--warmup", "100",
                "--width", "320", "--height", "240", "--count", "2000", "--target-fps", "0", "--threading", "single", "--naive",
                "--report", "r.json", "--frame-csv", "f.csv"),
            harness.demoArguments(naive, Path.of("r.json"), Path.of("f.csv"), true));
    }

    @Test
    void shouldLeaveOutWhatTheDemoDoesNotTake()
    {
        final HarnessOptions options = new HarnessOptions();
        options.count = 5000;
        final Harness harness = new Harness(options, System.err);
        final RunSpec engine = new RunSpec(1, "list", "multi", GcChoice.G1, RunSpec.ENGINE, 1);

        final List<String> args = harness.demoArguments(engine, Path.of("r.json"), null, false);

        assertFalse(args.contains("--warmup"));
        assertFalse(args.contains("--frame-csv"));
        assertFalse(args.contains("--naive"));
        assertTrue(args.containsAll(List.of("--count", "5000")));
    }

    @Test
    void shouldPassNoCountWhereThePresetLeavesTheSceneAtItsDefault()
    {
        final Harness harness = new Harness(new HarnessOptions().apply(Preset.FULL), System.err);
        final RunSpec engine = new RunSpec(1, "chart", "multi", GcChoice.G1, RunSpec.ENGINE, 1);

        assertFalse(harness.demoArguments(engine, Path.of("r.json"), null, true).contains("--count"));
    }

    @Test
    void shouldRunTheStormSceneOverTheList()
    {
        assertEquals(List.of("storm", "--scene", "list"), Harness.sceneArguments("storm"));
        assertEquals(List.of("chart"), Harness.sceneArguments("chart"));
    }

    @Test
    void shouldStartChildrenWithTheSameFlagsAndTheCollectorFirst()
    {
        final ChildJvm jvm = new ChildJvm(Path.of("/jdk/bin/java"), 21, "1g", List.of("-XX:+AlwaysPreTouch"), 2);

        assertEquals(List.of("/jdk/bin/java", "-XX:+UseZGC", "-XX:+ZGenerational", "-Xms1g", "-Xmx1g", "--add-opens",
                "java.base/jdk.internal.misc=ALL-UNNAMED", "-Djava.awt.headless=true", "-XX:+AlwaysPreTouch", "-jar",
                "demo.jar", "list"),
            jvm.command(GcChoice.ZGC, Path.of("demo.jar"), List.of("list")));
    }

    @Test
    void shouldReadOptionalDemoOptionsFromItsHelp()
    {
        final DemoCapabilities both = DemoCapabilities.fromHelp("  --warmup=N  ...\n  --frame-csv=FILE.csv  ...");
        assertTrue(both.frameCsv());
        assertTrue(both.warmup());

        final DemoCapabilities none = DemoCapabilities.fromHelp("  --report=FILE.json");
        assertFalse(none.frameCsv());
        assertFalse(none.warmup());
    }
}
