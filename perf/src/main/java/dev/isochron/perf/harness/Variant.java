package dev.isochron.perf.harness;

import java.util.List;

/**
 * A named change to how a scene runs, on top of threading and collector: the renderer, the frame-rate cap, the
 * synthetic input rate, and how many A/B repeats it gets. {@link #STANDARD} changes nothing; the others are the
 * configurations issue 6's targets are measured in (the storm scene unloaded, with the null renderer, at a 60 FPS
 * cap; the chart at the display rate). A variant may be limited to one scene and one threading mode.
 * <p>
 * Its name joins the configuration label ({@code multi-g1-null}), so engine and naive runs of the same variant
 * form one group in the summary.
 */
public final class Variant
{
    /** No cap override: the harness's {@code --target-fps}. */
    public static final int HARNESS_TARGET_FPS = -1;

    /** The scene as the harness options say: gl, the harness's cap, the scene's own input rate. */
    public static final Variant STANDARD = new Variant("", null, null, "gl", HARNESS_TARGET_FPS, Double.NaN, 0,
        "as configured");

    /** The scenes the libGDX peer (perf-peer-gdx) has a program for; the list scene alone has none. */
    public static final List<String> PEER_SCENES = List.of("sprites", "storm", "chart");

    /** The storm scene with the storm switched off (input rate 0): the unloaded run of the same scene and size. */
    public static final Variant STORM_UNLOADED = new Variant("unloaded", "storm", "multi", "gl", HARNESS_TARGET_FPS,
        0.0, 0, "storm scene at input rate 0 (unloaded), same size");

    /** The storm with the null renderer, so that llvmpipe's fill cost (equal in both modes) does not hide the difference. */
    public static final Variant STORM_NULL = new Variant("null", "storm", "multi", "null", HARNESS_TARGET_FPS, Double.NaN,
        3, "storm with --renderer null");

    /** The storm at a 60 FPS cap: pacing under load. */
    public static final Variant STORM_FPS60 = new Variant("fps60", "storm", "multi", "gl", 60, Double.NaN, 0,
        "storm at --target-fps 60");

    /** The unloaded storm scene at a 60 FPS cap: pacing without load. */
    public static final Variant STORM_UNLOADED_FPS60 = new Variant("unloaded-fps60", "storm", "multi", "gl", 60, 0.0, 0,
        "storm scene at input rate 0, --target-fps 60");

    /** The chart at its default size and feed, at the display rate (a 60 FPS cap). */
    public static final Variant CHART_FPS60 = new Variant("fps60", "chart", "multi", "gl", 60, Double.NaN, 0,
        "chart at --target-fps 60, default count and feed");

    /** The configurations issue 6's targets need, beyond {@link #STANDARD}. */
    public static final List<Variant> TARGETS = List.of(STORM_UNLOADED, STORM_NULL, STORM_FPS60, STORM_UNLOADED_FPS60,
        CHART_FPS60);

    private final String name;
    private final String scene;
    private final String threading;
    private final String renderer;
    private final int targetFps;
    private final double inputRate;
    private final int minRepeats;
    private final int count;
    private final String description;

    /**
     * @param name        the label suffix, "" for none; letters, digits and '-'.
     * @param scene       the only scene it applies to, or null for every scene.
     * @param threading   the only threading mode it applies to, or null for both.
     * @param renderer    gl or null.
     * @param targetFps   the demo's cap, or {@link #HARNESS_TARGET_FPS}.
     * @param inputRate   synthetic input events per second, or NaN for the scene's default.
     * @param minRepeats  at least this many A/B repeats (for cheap runs), 0 for the harness's count.
     * @param description what it is, for the summary.
     */
    Variant(
        final String name,
        final String scene,
        final String threading,
        final String renderer,
        final int targetFps,
        final double inputRate,
        final int minRepeats,
        final String description)
    {
        this(name, scene, threading, renderer, targetFps, inputRate, minRepeats, 0, description);
    }

    /**
     * As the other constructor, with {@code count}: the scene's {@code --count} in this variant, 0 for the harness's.
     */
    Variant(
        final String name,
        final String scene,
        final String threading,
        final String renderer,
        final int targetFps,
        final double inputRate,
        final int minRepeats,
        final int count,
        final String description)
    {
        if (!name.matches("[a-z0-9-]*"))
        {
            throw new IllegalArgumentException("variant name must be lower-case letters, digits and '-', was '" + name + "'");
        }
        if (!"gl".equals(renderer) && !"null".equals(renderer))
        {
            throw new IllegalArgumentException("renderer must be gl or null, was '" + renderer + "'");
        }
        this.name = name;
        this.scene = scene;
        this.threading = threading;
        this.renderer = renderer;
        this.targetFps = targetFps;
        this.inputRate = inputRate;
        this.minRepeats = minRepeats;
        this.count = count;
        this.description = description;
    }

    /** @return the label suffix, "" for {@link #STANDARD}. */
    public String name()
    {
        return name;
    }

    /** @return whether this variant runs for {@code scene} under {@code threading}. */
    public boolean appliesTo(final String scene, final String threading)
    {
        return (null == this.scene || this.scene.equals(scene)) && (null == this.threading || this.threading.equals(threading));
    }

    /** @return gl or null. */
    public String renderer()
    {
        return renderer;
    }

    /** @return the cap for a run whose harness cap is {@code harnessTargetFps}. */
    public int targetFps(final int harnessTargetFps)
    {
        return targetFps == HARNESS_TARGET_FPS ? harnessTargetFps : targetFps;
    }

    /** @return the input rate to pass, NaN to pass none. */
    public double inputRate()
    {
        return inputRate;
    }

    /** @return A/B repeats for a harness asked for {@code repeats}. */
    public int repeats(final int repeats)
    {
        return Math.max(repeats, minRepeats);
    }

    /**
     * @param sprites the sprites scene's {@code --count}, >= 1.
     * @return the sprites scene at that count, named by it ({@code 2k}, {@code 10k}, {@code 100k}, or {@code n1500}).
     */
    public static Variant sprites(final int sprites)
    {
        if (sprites < 1)
        {
            throw new IllegalArgumentException("--peer-sprites counts must be >= 1, was " + sprites);
        }
        final String name = sprites % 1000 == 0 ? sprites / 1000 + "k" : "n" + sprites;
        return new Variant(name, "sprites", null, "gl", HARNESS_TARGET_FPS, Double.NaN, 0, sprites,
            String.format(java.util.Locale.ROOT, "sprites --count %,d", sprites));
    }

    /** @return the scene's {@code --count} in this variant, 0 for the harness's. */
    public int count()
    {
        return count;
    }

    /** @return whether the libGDX peer can run {@code scene} in this variant: a gl renderer and a scene it has. */
    public boolean peerApplies(final String scene)
    {
        return "gl".equals(renderer) && PEER_SCENES.contains(scene);
    }

    /** @return what it is. */
    public String description()
    {
        return description;
    }

    @Override
    public String toString()
    {
        return name.isEmpty() ? "standard" : name;
    }
}
