package dev.isochron.perf.harness;

import java.util.List;
import java.util.Map;

/**
 * A named set of defaults for a harness run: which scenes, how many frames after how much warm-up, the
 * framebuffer size, which threading configurations and variants, how many A/B repeats, whether the minimal
 * first-frame program runs, and JVM flags for every child. Options given on the command line override these
 * one by one.
 */
public final class Preset
{
    /**
     * Under 2 minutes on 2 cores: two scenes, single-threaded, one engine/naive pair each, a few hundred frames at
     * 320x240, scenes made small (the demo's default of 100,000 sprites takes llvmpipe tens of ms a frame). No
     * target configurations.
     */
    public static final Preset QUICK = new Preset("quick", List.of("sprites", "list"), 300, 100, 320, 240,
        List.of("single"), 1, Map.of("sprites", 2000, "list", 10_000, "chart", 100_000, "storm", 10_000),
        List.of(Variant.STANDARD), false, List.of());

    /**
     * Every scene, both threading modes, engine vs naive, one A/B pair (3 for the cheap null-renderer storm) of 500
     * frames after 3,000 warm-up frames at 1280x720, plus every configuration issue 6's targets need (the storm
     * unloaded, with the null renderer and at 60 FPS unloaded and loaded; the chart at 60 FPS at its default 4 x 1M
     * points) and the minimal first-frame program before each scene. Sprites 10,000 (llvmpipe takes ~127 ms a frame
     * at the default 100,000 on 2 cores; docs/perf.md compares both); chart, list and storm at their defaults.
     * About 25 minutes on 2 cores (the harness prints its estimate; {@code --dry-run} lists the runs);
     * {@code --repeats 2} doubles it for a median of two pairs.
     * <p>
     * Why 3,000 warm-up frames: HotSpot resolves every String literal of a method's class on the Java thread whose
     * call triggers the method's first C2 compile ({@code CompileBroker::compile_method}), a few hundred bytes once
     * per class. A per-frame method reaches the C2 threshold after a number of calls, not of seconds, so such bytes
     * land in the measured window of a run whose warm-up is shorter than about 3,000 frames (seen at 300, 1,000 and
     * 2,000 frames; not at 3,000 or 6,000). The engine rows must read 0 B/frame on every thread, so the preset
     * spends its time on warm-up rather than on repeats.
     */
    public static final Preset FULL = new Preset("full", List.of("sprites", "chart", "list", "storm"), 500, 3000, 1280, 720,
        List.of("single", "multi"), 1, Map.of("sprites", 10_000), fullVariants(), true, List.of());

    private final String name;
    private final List<String> scenes;
    private final int frames;
    private final int warmupFrames;
    private final int width;
    private final int height;
    private final List<String> threadings;
    private final int repeats;
    private final Map<String, Integer> sceneCounts;
    private final List<Variant> variants;
    private final boolean ttff;
    private final List<String> jvmArgs;

    Preset(
        final String name,
        final List<String> scenes,
        final int frames,
        final int warmupFrames,
        final int width,
        final int height,
        final List<String> threadings,
        final int repeats,
        final Map<String, Integer> sceneCounts,
        final List<Variant> variants,
        final boolean ttff,
        final List<String> jvmArgs)
    {
        this.name = name;
        this.scenes = scenes;
        this.frames = frames;
        this.warmupFrames = warmupFrames;
        this.width = width;
        this.height = height;
        this.threadings = threadings;
        this.repeats = repeats;
        this.sceneCounts = sceneCounts;
        this.variants = variants;
        this.ttff = ttff;
        this.jvmArgs = jvmArgs;
    }

    private static List<Variant> fullVariants()
    {
        final java.util.ArrayList<Variant> variants = new java.util.ArrayList<>();
        variants.add(Variant.STANDARD);
        variants.addAll(Variant.TARGETS);
        return List.copyOf(variants);
    }

    /** @return the {@code --count} this preset passes for {@code scene}, or 0 for the scene's own default. */
    public int count(final String scene)
    {
        return sceneCounts.getOrDefault(scene, 0);
    }

    /** @return quick or full. */
    public String name()
    {
        return name;
    }

    /** @return the demo scenes. */
    public List<String> scenes()
    {
        return scenes;
    }

    /** @return measured frames per run. */
    public int frames()
    {
        return frames;
    }

    /** @return warm-up frames before the window. */
    public int warmupFrames()
    {
        return warmupFrames;
    }

    /** @return framebuffer width. */
    public int width()
    {
        return width;
    }

    /** @return framebuffer height. */
    public int height()
    {
        return height;
    }

    /** @return the threading modes, each a configuration. */
    public List<String> threadings()
    {
        return threadings;
    }

    /** @return A/B pairs per scene and configuration. */
    public int repeats()
    {
        return repeats;
    }

    /** @return the variants, {@link Variant#STANDARD} first. */
    public List<Variant> variants()
    {
        return variants;
    }

    /** @return whether the minimal first-frame program runs before each scene (the TTFF reference). */
    public boolean ttff()
    {
        return ttff;
    }

    /** @return JVM flags every child gets, before the user's {@code --jvm-arg}s. */
    public List<String> jvmArgs()
    {
        return jvmArgs;
    }
}
