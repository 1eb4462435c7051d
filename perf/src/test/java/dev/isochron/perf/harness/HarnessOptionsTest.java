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
        assertEquals(2000, options.frames);
        assertEquals(List.of("single", "multi"), options.threadings);
        assertEquals(4 * 2 * 2 * 3, options.plan().size());
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
        assertEquals(300, options.warmupFrames);
        assertEquals(List.of(GcChoice.G1, GcChoice.ZGC), options.gcs);
        assertEquals(List.of("-XX:+AlwaysPreTouch"), options.jvmArgs);
        assertEquals(List.of("multi"), options.threadings);
    }
}
