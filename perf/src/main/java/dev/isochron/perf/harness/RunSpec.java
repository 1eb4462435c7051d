package dev.isochron.perf.harness;

import java.util.Locale;

/**
 * One child run the harness plans: a scene in one mode under one configuration (threading, collector), the
 * {@code repeat}-th time. Engine and naive runs of the same scene, configuration and repeat are neighbours in the
 * plan (A B A B ...), so slow drift of the machine hits both modes alike.
 */
public final class RunSpec
{
    /** The engine's own frame path. */
    public static final String ENGINE = "engine";
    /** The naive implementation the demo runs with {@code --naive}. */
    public static final String NAIVE = "naive";
    /**
     * Not a demo run: the same scene written as an idiomatic libGDX program (the perf-peer-gdx module's jar), always
     * windowed; it runs after the engine and naive runs of the same scene, configuration and repeat.
     */
    public static final String PEER = "peer";
    /**
     * Not a demo run: the minimal first-frame program ({@code dev.isochron.perf.ttff.MinimalFirstFrame}), the
     * reference for time to first frame. Its scene is {@link #TTFF_SCENE}.
     */
    public static final String MINIMAL = "minimal";
    /** The scene name of {@link #MINIMAL} runs. */
    public static final String TTFF_SCENE = "ttff";

    private final int index;
    private final String scene;
    private final String threading;
    private final GcChoice gc;
    private final String mode;
    private final int repeat;
    private final Variant variant;
    private final boolean windowed;

    /**
     * @param index     position in the plan, from 1.
     * @param scene     demo scene name.
     * @param threading single or multi.
     * @param gc        the collector.
     * @param mode      {@link #ENGINE} or {@link #NAIVE}.
     * @param repeat    which repeat, from 1.
     */
    public RunSpec(
        final int index, final String scene, final String threading, final GcChoice gc, final String mode, final int repeat)
    {
        this(index, scene, threading, gc, Variant.STANDARD, mode, repeat);
    }

    /**
     * @param index     position in the plan, from 1.
     * @param scene     demo scene name ({@link #TTFF_SCENE} for {@link #MINIMAL}).
     * @param threading single or multi.
     * @param gc        the collector.
     * @param variant   renderer, cap and input rate on top of the threading and collector.
     * @param mode      {@link #ENGINE}, {@link #NAIVE}, {@link #PEER} or {@link #MINIMAL}.
     * @param repeat    which repeat, from 1.
     */
    public RunSpec(
        final int index,
        final String scene,
        final String threading,
        final GcChoice gc,
        final Variant variant,
        final String mode,
        final int repeat)
    {
        this(index, scene, threading, gc, variant, mode, repeat, false);
    }

    /**
     * @param index     position in the plan, from 1.
     * @param scene     demo scene name ({@link #TTFF_SCENE} for {@link #MINIMAL}).
     * @param threading single or multi.
     * @param gc        the collector.
     * @param variant   renderer, cap, input rate and count on top of the threading and collector.
     * @param mode      {@link #ENGINE}, {@link #NAIVE}, {@link #PEER} or {@link #MINIMAL}.
     * @param repeat    which repeat, from 1.
     * @param windowed  whether the engine and naive runs of this group open a window (under Xvfb) rather than render
     *                  headless; part of the configuration label. A {@link #PEER} run is windowed either way.
     */
    public RunSpec(
        final int index,
        final String scene,
        final String threading,
        final GcChoice gc,
        final Variant variant,
        final String mode,
        final int repeat,
        final boolean windowed)
    {
        if (!ENGINE.equals(mode) && !NAIVE.equals(mode) && !PEER.equals(mode) && !MINIMAL.equals(mode))
        {
            throw new IllegalArgumentException("mode must be engine, naive, peer or minimal, was '" + mode + "'");
        }
        if (!"single".equals(threading) && !"multi".equals(threading))
        {
            throw new IllegalArgumentException("threading must be single or multi, was '" + threading + "'");
        }
        this.index = index;
        this.scene = scene;
        this.threading = threading;
        this.gc = gc;
        this.mode = mode;
        this.repeat = repeat;
        this.variant = variant;
        this.windowed = windowed;
    }

    /** @return position in the plan, from 1. */
    public int index()
    {
        return index;
    }

    /** @return the demo scene. */
    public String scene()
    {
        return scene;
    }

    /** @return single or multi. */
    public String threading()
    {
        return threading;
    }

    /** @return the collector. */
    public GcChoice gc()
    {
        return gc;
    }

    /** @return engine, naive, peer or minimal. */
    public String mode()
    {
        return mode;
    }

    /** @return which repeat, from 1. */
    public int repeat()
    {
        return repeat;
    }

    /** @return the variant (renderer, cap, input rate). */
    public Variant variant()
    {
        return variant;
    }

    /** @return this run at position {@code newIndex} of a plan (after runs were left out of it). */
    public RunSpec withIndex(final int newIndex)
    {
        return new RunSpec(newIndex, scene, threading, gc, variant, mode, repeat, windowed);
    }

    /** @return whether the group's engine and naive runs open a window (a peer run always does). */
    public boolean windowed()
    {
        return windowed;
    }

    /** @return whether this child opens a window: a peer run, or an engine or naive run of a windowed group. */
    public boolean opensWindow()
    {
        return PEER.equals(mode) || windowed && !MINIMAL.equals(mode);
    }

    /** @return whether this is a run of the libGDX peer rather than of the demo. */
    public boolean peer()
    {
        return PEER.equals(mode);
    }

    /** @return whether this is a run of the minimal first-frame program rather than of the demo. */
    public boolean minimal()
    {
        return MINIMAL.equals(mode);
    }

    /**
     * @return the configuration label shared by the engine, naive and peer runs, e.g. {@code single-g1}, with a
     * variant {@code multi-g1-null}, windowed {@code multi-g1-window-10k}.
     */
    public String configuration()
    {
        final String base = threading + "-" + gc.optionName() + (windowed ? "-window" : "");
        return variant.name().isEmpty() ? base : base + "-" + variant.name();
    }

    /** @return a file-name-safe id, e.g. {@code 03-sprites-single-g1-naive-r2}. */
    public String id()
    {
        return String.format(Locale.ROOT, "%02d-%s-%s-%s-r%d", index, scene, configuration(), mode, repeat);
    }

    @Override
    public String toString()
    {
        return id();
    }
}
