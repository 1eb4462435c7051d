package dev.isochron.perf.harness;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * What one harness invocation does, resolved from a {@link Preset} and the command line. Plain mutable holder
 * filled by {@link HarnessMain}; {@link #validate()} checks it before anything runs.
 */
public final class HarnessOptions
{
    /** The preset the defaults came from. */
    Preset preset = Preset.QUICK;
    /** Demo scenes. */
    List<String> scenes = new ArrayList<>(Preset.QUICK.scenes());
    /** Measured frames per run. */
    int frames = Preset.QUICK.frames();
    /** Warm-up frames per run (passed only when the demo takes {@code --warmup}). */
    int warmupFrames = Preset.QUICK.warmupFrames();
    /** Framebuffer width. */
    int width = Preset.QUICK.width();
    /** Framebuffer height. */
    int height = Preset.QUICK.height();
    /** Threading configurations: single, multi. */
    List<String> threadings = new ArrayList<>(Preset.QUICK.threadings());
    /** Collector configurations. */
    List<GcChoice> gcs = new ArrayList<>(List.of(GcChoice.G1));
    /** A/B pairs per scene and configuration. */
    int repeats = Preset.QUICK.repeats();
    /** The demo's frame-rate cap: 0 uncapped (the default, so frame time is the work of a frame), else frames per second. */
    int targetFps;
    /** Scene object count for every scene, or 0 for the preset's per-scene count (or the scene's default). */
    int count;
    /** The demo launcher jar. */
    Path demoJar = Path.of("demo", "target", "isochron-demo.jar");
    /** Output directory. */
    Path out = Path.of("perf-out");
    /** The java launcher children run: this process's own. */
    Path javaBinary = ChildJvm.currentJava();
    /** Extra child JVM flags. */
    List<String> jvmArgs = new ArrayList<>();
    /** Extra demo arguments, after the harness's own. */
    List<String> demoArgs = new ArrayList<>();
    /** Child heap (-Xms and -Xmx). */
    String heap = "1g";
    /** LP_NUM_THREADS for the children. */
    int llvmpipeThreads = Math.max(1, Runtime.getRuntime().availableProcessors() / 2);
    /** Seconds after which a child is killed. */
    long runTimeoutSeconds = 300;
    /** Whether to draw PNG plots. */
    boolean plots = true;
    /** The variants each scene runs in ({@link Variant#STANDARD} and, for the targets, the others). */
    List<Variant> variants = new ArrayList<>(Preset.QUICK.variants());
    /** Whether the minimal first-frame program runs before each scene block. */
    boolean ttff = Preset.QUICK.ttff();
    /** The preset's JVM flags for every child (the user's {@code --jvm-arg}s come after them). */
    List<String> presetJvmArgs = new ArrayList<>(Preset.QUICK.jvmArgs());
    /** Class path that holds {@code dev.isochron.perf.ttff.MinimalFirstFrame}: the harness's own. */
    String perfClassPath = ChildJvm.ownClassPath();
    /** Print the plan and its estimate, run nothing. */
    boolean dryRun;
    /** Whether the libGDX peer runs after the engine and naive runs, for the scenes it has a program for. */
    boolean peer;
    /** The peer's shaded jar (perf-peer-gdx). */
    Path peerJar = Path.of("perf-peer-gdx", "target", "isochron-peer-gdx.jar");
    /**
     * Sprite counts the sprites scene runs at, one configuration each ({@link Variant#sprites}), in place of its
     * standard configuration; empty for the scene's one count.
     */
    List<Integer> peerSprites = new ArrayList<>();
    /** Whether the engine and naive runs open a window (under Xvfb) rather than render headless. */
    boolean windowed;

    /** Applies {@code preset}'s defaults (scenes, frames, warm-up, size, threading, repeats). */
    public HarnessOptions apply(final Preset preset)
    {
        this.preset = preset;
        scenes = new ArrayList<>(preset.scenes());
        frames = preset.frames();
        warmupFrames = preset.warmupFrames();
        width = preset.width();
        height = preset.height();
        threadings = new ArrayList<>(preset.threadings());
        repeats = preset.repeats();
        variants = new ArrayList<>(preset.variants());
        ttff = preset.ttff();
        presetJvmArgs = new ArrayList<>(preset.jvmArgs());
        return this;
    }

    /** @return the {@code --count} to pass for {@code scene}, or 0 to pass none. */
    public int count(final String scene)
    {
        return count > 0 ? count : preset.count(scene);
    }

    /** @return the {@code --count} to pass for {@code spec}: its variant's, else {@link #count(String)}. */
    public int count(final RunSpec spec)
    {
        return spec.variant().count() > 0 ? spec.variant().count() : count(spec.scene());
    }

    /** @return the variants {@code scene} runs in: the sprite counts of {@link #peerSprites} in place of the standard. */
    public List<Variant> variants(final String scene)
    {
        if (peerSprites.isEmpty() || !"sprites".equals(scene))
        {
            return variants;
        }
        final List<Variant> chosen = new ArrayList<>();
        for (final Variant variant : variants)
        {
            if (variant == Variant.STANDARD)
            {
                for (final int sprites : peerSprites)
                {
                    chosen.add(Variant.sprites(sprites));
                }
            }
            else
            {
                chosen.add(variant);
            }
        }
        return chosen;
    }

    /**
     * @throws IllegalArgumentException naming the option, the value and what is accepted.
     */
    public void validate()
    {
        if (scenes.isEmpty())
        {
            throw new IllegalArgumentException("--scenes must name at least one scene, was empty");
        }
        for (final String scene : scenes)
        {
            if (!scene.matches("[A-Za-z0-9_-]+"))
            {
                throw new IllegalArgumentException("--scenes: scene names are letters, digits, '-' and '_', was '" + scene + "'");
            }
        }
        if (frames < 1)
        {
            throw new IllegalArgumentException("--frames must be >= 1, was " + frames);
        }
        if (warmupFrames < 0)
        {
            throw new IllegalArgumentException("--warmup must be >= 0, was " + warmupFrames);
        }
        if (width < 1 || height < 1)
        {
            throw new IllegalArgumentException("--width and --height must be >= 1, were " + width + "x" + height);
        }
        if (repeats < 1)
        {
            throw new IllegalArgumentException("--repeats must be >= 1, was " + repeats);
        }
        if (targetFps < 0 || targetFps > 1000)
        {
            throw new IllegalArgumentException("--target-fps must be in [0, 1000] (0: uncapped), was " + targetFps);
        }
        if (count < 0)
        {
            throw new IllegalArgumentException("--count must be >= 0 (0: the scene's default), was " + count);
        }
        if (threadings.isEmpty() || gcs.isEmpty())
        {
            throw new IllegalArgumentException("--threading and --gc must each name at least one value");
        }
        for (final String threading : threadings)
        {
            if (!"single".equals(threading) && !"multi".equals(threading))
            {
                throw new IllegalArgumentException("--threading must be single or multi, was '" + threading + "'");
            }
        }
        if (runTimeoutSeconds < 1)
        {
            throw new IllegalArgumentException("--run-timeout must be >= 1 second, was " + runTimeoutSeconds);
        }
        for (final int sprites : peerSprites)
        {
            if (sprites < 1)
            {
                throw new IllegalArgumentException("--peer-sprites counts must be >= 1, was " + sprites);
            }
        }
        if (!heap.matches("[0-9]+[kKmMgG]?"))
        {
            throw new IllegalArgumentException("--heap must be a JVM size such as 512m or 1g, was '" + heap + "'");
        }
    }

    /** @return the JVM flags every child gets: the preset's, then the user's. */
    public List<String> childJvmArgs()
    {
        final List<String> all = new ArrayList<>(presetJvmArgs);
        all.addAll(jvmArgs);
        return all;
    }

    /**
     * @return the plan: for each repeat and scene, the minimal first-frame program (when {@link #ttff}, once per
     * collector), then for each threading, collector and variant that applies, the engine run, the naive run and,
     * with {@link #peer} where the peer has the scene, the libGDX run (engine, naive, peer, engine, naive, peer ...),
     * indexed from 1. A variant with more repeats than the others (the cheap null-renderer storm) runs in the later
     * rounds alone.
     */
    public List<RunSpec> plan()
    {
        int rounds = repeats;
        for (final String scene : scenes)
        {
            for (final Variant variant : variants(scene))
            {
                rounds = Math.max(rounds, variant.repeats(repeats));
            }
        }
        final List<RunSpec> plan = new ArrayList<>();
        int index = 1;
        for (int repeat = 1; repeat <= rounds; repeat++)
        {
            for (final String scene : scenes)
            {
                if (ttff && repeat <= repeats)
                {
                    for (final GcChoice gc : gcs)
                    {
                        plan.add(new RunSpec(index++, RunSpec.TTFF_SCENE, "single", gc, Variant.STANDARD, RunSpec.MINIMAL,
                            repeat));
                    }
                }
                for (final String threading : threadings)
                {
                    for (final GcChoice gc : gcs)
                    {
                        for (final Variant variant : variants(scene))
                        {
                            if (variant.appliesTo(scene, threading) && repeat <= variant.repeats(repeats))
                            {
                                plan.add(new RunSpec(index++, scene, threading, gc, variant, RunSpec.ENGINE, repeat, windowed));
                                plan.add(new RunSpec(index++, scene, threading, gc, variant, RunSpec.NAIVE, repeat, windowed));
                                if (peer && variant.peerApplies(scene))
                                {
                                    plan.add(new RunSpec(index++, scene, threading, gc, variant, RunSpec.PEER, repeat,
                                        windowed));
                                }
                            }
                        }
                    }
                }
            }
        }
        return plan;
    }

    /** @return the cap {@code spec} runs at. */
    public int targetFps(final RunSpec spec)
    {
        return spec.variant().targetFps(targetFps);
    }
}
