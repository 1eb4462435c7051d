package dev.isochron.perf.harness;

import java.util.List;
import java.util.Map;

/**
 * A named set of defaults for a harness run: which scenes, how many frames after how much warm-up, the
 * framebuffer size, which threading configurations and how many A/B repeats. Options given on the command line
 * override these one by one.
 */
public final class Preset
{
    /**
     * Under 2 minutes on 2 cores: two scenes, single-threaded, one engine/naive pair each, a few hundred frames at
     * 320x240, scenes made small (the demo's default of 100,000 sprites takes llvmpipe tens of ms a frame).
     */
    public static final Preset QUICK = new Preset("quick", List.of("sprites", "list"), 300, 100, 320, 240,
        List.of("single"), 1, Map.of("sprites", 2000, "list", 10_000, "chart", 100_000, "storm", 10_000));

    /** Every scene at its default size, both threading modes, 3 A/B repeats of 2000 frames at 1280x720. */
    public static final Preset FULL = new Preset("full", List.of("sprites", "chart", "list", "storm"), 2000, 300, 1280, 720,
        List.of("single", "multi"), 3, Map.of());

    private final String name;
    private final List<String> scenes;
    private final int frames;
    private final int warmupFrames;
    private final int width;
    private final int height;
    private final List<String> threadings;
    private final int repeats;
    private final Map<String, Integer> sceneCounts;

    Preset(
        final String name,
        final List<String> scenes,
        final int frames,
        final int warmupFrames,
        final int width,
        final int height,
        final List<String> threadings,
        final int repeats,
        final Map<String, Integer> sceneCounts)
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
}
