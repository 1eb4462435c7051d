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

    private final int index;
    private final String scene;
    private final String threading;
    private final GcChoice gc;
    private final String mode;
    private final int repeat;

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
        if (!ENGINE.equals(mode) && !NAIVE.equals(mode))
        {
            throw new IllegalArgumentException("mode must be engine or naive, was '" + mode + "'");
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

    /** @return engine or naive. */
    public String mode()
    {
        return mode;
    }

    /** @return which repeat, from 1. */
    public int repeat()
    {
        return repeat;
    }

    /** @return the configuration label shared by the A and B runs, e.g. {@code single-g1}. */
    public String configuration()
    {
        return threading + "-" + gc.optionName();
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
