package dev.isochron.perf.harness;

import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class HarnessOptionsTest
{
    @Test
    void shouldInterleaveEngineAndNaiveRunsForEachRepeat()
    {
        final HarnessOptions options = new HarnessOptions();
        options.scenes = List.of("sprites", "list");
        options.gcs = List.of(GcChoice.G1, GcChoice.PARALLEL);
        options.repeats = 2;

        final List<String> ids = new ArrayList<>();
        for (final RunSpec spec : options.plan())
        {
            ids.add(spec.id());
        }

        assertEquals(16, ids.size());
        assertEquals(List.of(
            "01-sprites-single-g1-engine-r1", "02-sprites-single-g1-naive-r1",
            "03-sprites-single-parallel-engine-r1", "04-sprites-single-parallel-naive-r1",
            "05-list-single-g1-engine-r1", "06-list-single-g1-naive-r1"), ids.subList(0, 6));
        assertEquals("09-sprites-single-g1-engine-r2", ids.get(8));
    }

    @Test
    void shouldTakeTheFullPresetsDefaults()
    {
        final HarnessOptions options = new HarnessOptions().apply(Preset.FULL);

        assertEquals(List.of("sprites", "chart", "list", "storm"), options.scenes);
        assertEquals(List.of("single", "multi"), options.threadings);
        assertEquals(1280, options.width);
        assertEquals(720, options.height);
        assertEquals(10_000, options.count("sprites"));
        assertEquals(0, options.count("chart"));
        assertTrue(options.repeats >= 1);
        assertTrue(options.warmupFrames >= 3000, "warm-up past the C2 compile of the per-frame methods");
        assertTrue(options.ttff);
    }

    @Test
    void shouldPlanEveryTargetConfigurationInTheFullPreset()
    {
        final HarnessOptions options = new HarnessOptions().apply(Preset.FULL);
        final List<String> configurations = new ArrayList<>();
        int minimal = 0;
        int nullStorm = 0;
        for (final RunSpec spec : options.plan())
        {
            if (spec.minimal())
            {
                minimal++;
                continue;
            }
            final String label = spec.scene() + " " + spec.configuration();
            if (!configurations.contains(label))
            {
                configurations.add(label);
            }
            if ("null".equals(spec.variant().name()))
            {
                nullStorm++;
            }
        }

        // 4 scenes x 2 threadings, plus storm unloaded, null, fps60, unloaded-fps60 and chart fps60 (multi only)
        assertEquals(List.of("sprites single-g1", "sprites multi-g1", "chart single-g1", "chart multi-g1",
            "chart multi-g1-fps60", "list single-g1", "list multi-g1", "storm single-g1", "storm multi-g1",
            "storm multi-g1-unloaded", "storm multi-g1-null", "storm multi-g1-fps60", "storm multi-g1-unloaded-fps60"),
            configurations);
        assertEquals(4 * options.repeats, minimal);
        assertEquals(2 * 3, nullStorm);
    }

    @Test
    void shouldFitTheFullPresetInHalfAnHourOnTheReferenceMachine()
    {
        final HarnessOptions options = new HarnessOptions().apply(Preset.FULL);

        final double seconds = RunEstimate.seconds(options, options.plan());

        assertTrue(seconds <= 27 * 60, "full preset estimated at " + seconds + " s");
    }

    @Test
    void shouldRunTheMinimalFirstFrameProgramBeforeEachSceneBlock()
    {
        final HarnessOptions options = new HarnessOptions();
        options.ttff = true;

        final List<String> ids = new ArrayList<>();
        for (final RunSpec spec : options.plan())
        {
            ids.add(spec.id());
        }

        assertEquals(List.of("01-ttff-single-g1-minimal-r1", "02-sprites-single-g1-engine-r1",
            "03-sprites-single-g1-naive-r1", "04-ttff-single-g1-minimal-r1", "05-list-single-g1-engine-r1",
            "06-list-single-g1-naive-r1"), ids);
    }

    @Test
    void shouldPassTheVariantsRendererCapAndInputRateToTheDemo()
    {
        final HarnessOptions options = new HarnessOptions();
        final Harness harness = new Harness(options, System.err);
        final RunSpec spec = new RunSpec(1, "storm", "multi", GcChoice.G1, Variant.STORM_UNLOADED_FPS60, RunSpec.ENGINE, 1);

        final List<String> args = harness.demoArguments(spec, Path.of("r.json"), null, true);

        assertEquals(List.of("storm", "--scene", "list"), args.subList(0, 3));
        assertEquals("gl", args.get(args.indexOf("--renderer") + 1));
        assertEquals("60", args.get(args.indexOf("--target-fps") + 1));
        assertEquals("0", args.get(args.indexOf("--input-rate") + 1));
        final RunSpec nullSpec = new RunSpec(1, "storm", "multi", GcChoice.G1, Variant.STORM_NULL, RunSpec.ENGINE, 1);
        final List<String> nullArgs = harness.demoArguments(nullSpec, Path.of("r.json"), null, true);
        assertEquals("null", nullArgs.get(nullArgs.indexOf("--renderer") + 1));
        assertEquals(-1, nullArgs.indexOf("--input-rate"));
    }

    @Test
    void shouldAddAndDropTheTargetConfigurationsOnRequest()
    {
        final HarnessMain quickWithTargets = new HarnessMain();
        new picocli.CommandLine(quickWithTargets).parseArgs("--quick", "--targets", "--out", "o");
        final HarnessMain fullWithout = new HarnessMain();
        new picocli.CommandLine(fullWithout).parseArgs("--full", "--no-targets", "--out", "o");

        assertEquals(1 + Variant.TARGETS.size(), quickWithTargets.toOptions().variants.size());
        assertTrue(quickWithTargets.toOptions().ttff);
        assertEquals(List.of(Variant.STANDARD), fullWithout.toOptions().variants);
        assertEquals(4 * 2 * 2 * fullWithout.toOptions().repeats, fullWithout.toOptions().plan().size());
    }

    @Test
    void shouldKeepTheQuickPresetSmall()
    {
        final HarnessOptions options = new HarnessOptions();

        assertTrue(options.plan().size() <= 4, "quick plan has " + options.plan().size() + " runs");
        assertTrue(options.frames + options.warmupFrames <= 500);
        assertTrue(options.width * options.height <= 320 * 240);
    }

    @Test
    void shouldRefuseANonPositiveFrameCount()
    {
        final HarnessOptions options = new HarnessOptions();
        options.frames = 0;
        final IllegalArgumentException ex = assertThrows(IllegalArgumentException.class, options::validate);
        assertEquals("--frames must be >= 1, was 0", ex.getMessage());
    }

    @Test
    void shouldRefuseAnUnknownThreadingMode()
    {
        final HarnessOptions options = new HarnessOptions();
        options.threadings = List.of("dual");
        final IllegalArgumentException ex = assertThrows(IllegalArgumentException.class, options::validate);
        assertEquals("--threading must be single or multi, was 'dual'", ex.getMessage());
    }

    @Test
    void shouldRefuseASceneNameThatIsNotAPlainWord()
    {
        final HarnessOptions options = new HarnessOptions();
        options.scenes = List.of("../x");
        assertThrows(IllegalArgumentException.class, options::validate);
    }

    @Test
    void shouldTakeCommandLineOverridesOverThePreset()
    {
        final HarnessMain main = new HarnessMain();
        new picocli.CommandLine(main).parseArgs("--full", "--out", "o", "--scenes", "chart,list", "--frames", "50",
            "--gc", "g1,zgc", "--jvm-arg=-XX:+AlwaysPreTouch", "--threading", "multi");
        final HarnessOptions options = main.toOptions();

        assertEquals("full", options.preset.name());
        assertEquals(Path.of("o"), options.out);
        assertEquals(List.of("chart", "list"), options.scenes);
        assertEquals(50, options.frames);
        assertEquals(Preset.FULL.warmupFrames(), options.warmupFrames);
        assertEquals(List.of(GcChoice.G1, GcChoice.ZGC), options.gcs);
        assertEquals(List.of("-XX:+AlwaysPreTouch"), options.jvmArgs);
        assertEquals(List.of("multi"), options.threadings);
    }
}
