package dev.isochron.perf.harness;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

/**
 * {@code java -jar perf/target/isochron-perf.jar --quick --out DIR}: the frame-time harness's command line.
 * A preset gives the defaults; every other option overrides one of them.
 */
@Command(
    name = "isochron-perf",
    mixinStandardHelpOptions = true,
    description = "Runs demo scenes in engine and naive mode side by side (each run a child JVM, A/B interleaved), " +
        "optionally beside the same scenes written for libGDX (--peer), and writes per-run reports, an aggregate JSON, " +
        "a Markdown summary and PNG plots.")
public final class HarnessMain implements Callable<Integer>
{
    @Option(names = "--quick", description = "Preset: under 2 minutes on 2 cores (default).")
    private boolean quick;

    @Option(names = "--full", description = "Preset: every scene, single and multi, engine vs naive, one A/B pair " +
        "after 3000 warm-up frames at 1280x720, plus the target configurations and the minimal first-frame program " +
        "(about 25 minutes on 2 cores).")
    private boolean full;

    @Option(names = "--targets", negatable = true, description = "Add (or with --no-targets drop) the configurations " +
        "issue 6's targets need and the minimal first-frame runs (default: on with --full, off with --quick).")
    private Boolean targets;

    @Option(names = "--dry-run", description = "Print the run list and the estimated duration, run nothing.")
    private boolean dryRun;

    @Option(names = "--out", required = true, description = "Output directory (created).")
    private Path out;

    @Option(names = "--scenes", split = ",", description = "Scenes, comma-separated (sprites, chart, list, storm).")
    private List<String> scenes;

    @Option(names = "--frames", description = "Measured frames per run.")
    private Integer frames;

    @Option(names = "--warmup", description = "Warm-up frames per run (passed when the demo takes --warmup).")
    private Integer warmup;

    @Option(names = "--width", description = "Framebuffer width.")
    private Integer width;

    @Option(names = "--height", description = "Framebuffer height.")
    private Integer height;

    @Option(names = "--count", description = "Scene object count (default: the scene's own).")
    private Integer count;

    @Option(names = "--target-fps", description = "Demo frame-rate cap, 0 = uncapped (default 0).")
    private int targetFps;

    @Option(names = "--threading", split = ",", description = "Threading configurations: single, multi.")
    private List<String> threading;

    @Option(names = "--gc", split = ",", description = "Collectors: g1, parallel, zgc (default g1).")
    private List<String> gc;

    @Option(names = "--repeats", description = "A/B pairs per scene and configuration.")
    private Integer repeats;

    @Option(names = "--demo-jar", description = "The demo launcher (default demo/target/isochron-demo.jar).")
    private Path demoJar = Path.of("demo", "target", "isochron-demo.jar");

    @Option(names = "--jvm-arg", description = "Extra child JVM flag (repeatable), e.g. --jvm-arg=-XX:+AlwaysPreTouch.")
    private List<String> jvmArgs = new ArrayList<>();

    @Option(names = "--demo-arg", description = "Extra demo argument (repeatable), after the harness's own.")
    private List<String> demoArgs = new ArrayList<>();

    @Option(names = "--heap", description = "Child heap, -Xms and -Xmx (default 1g).")
    private String heap = "1g";

    @Option(names = "--lp-threads", description = "LP_NUM_THREADS for llvmpipe in the children (default: cores / 2).")
    private Integer lpThreads;

    @Option(names = "--run-timeout", description = "Seconds after which a child run is killed (default 300).")
    private long runTimeoutSeconds = 300;

    @Option(names = "--no-plots", description = "Do not draw PNG plots.")
    private boolean noPlots;

    @Option(names = "--peer", negatable = true, description = "Run the libGDX peer (perf-peer-gdx) after the engine " +
        "and naive runs of the scenes it has (sprites, storm, chart), always windowed under xvfb-run (default: off, on " +
        "with --peer-sprites).")
    private Boolean peer;

    @Option(names = "--peer-jar", description = "The peer's jar (default perf-peer-gdx/target/isochron-peer-gdx.jar); " +
        "when it is missing the peer's runs are skipped and the rest run.")
    private Path peerJar = Path.of("perf-peer-gdx", "target", "isochron-peer-gdx.jar");

    @Option(names = "--peer-sprites", split = ",", description = "Sprite counts, comma-separated (e.g. 2000,10000,100000): " +
        "the sprites scene runs once per count, engine, naive and peer interleaved; turns the peer on and, without " +
        "--scenes, runs the sprites scene alone.")
    private List<Integer> peerSprites;

    @Option(names = "--window", description = "Run the engine and naive modes windowed, each under its own xvfb-run " +
        "on the same screen as the peer, rather than headless (EGL).")
    private boolean window;

    /**
     * Runs the harness and exits with its status: 0 all runs succeeded, 1 a run failed, 2 bad options or setup.
     */
    public static void main(final String[] args)
    {
        System.exit(execute(args));
    }

    /** @return the exit status for {@code args}, without exiting. */
    public static int execute(final String... args)
    {
        return new CommandLine(new HarnessMain()).execute(args);
    }

    @Override
    public Integer call()
    {
        if (quick && full)
        {
            throw new CommandLine.ParameterException(new CommandLine(this), "choose one of --quick and --full, not both");
        }
        try
        {
            return new Harness(toOptions(), System.err).run();
        }
        catch (final IllegalArgumentException | IllegalStateException ex)
        {
            System.err.println("isochron-perf: " + ex.getMessage());
            return 2;
        }
    }

    HarnessOptions toOptions()
    {
        final HarnessOptions options = new HarnessOptions().apply(full ? Preset.FULL : Preset.QUICK);
        options.out = out;
        options.demoJar = demoJar;
        if (null != scenes)
        {
            options.scenes = new ArrayList<>(scenes);
        }
        else if (null != peerSprites && !peerSprites.isEmpty())
        {
            options.scenes = new ArrayList<>(List.of("sprites"));
        }
        if (null != peerSprites)
        {
            options.peerSprites = new ArrayList<>(peerSprites);
        }
        options.peer = null != peer ? peer : null != peerSprites && !peerSprites.isEmpty();
        options.peerJar = peerJar;
        options.windowed = window;
        if (null != frames)
        {
            options.frames = frames;
        }
        if (null != warmup)
        {
            options.warmupFrames = warmup;
        }
        if (null != width)
        {
            options.width = width;
        }
        if (null != height)
        {
            options.height = height;
        }
        if (null != count)
        {
            options.count = count;
        }
        if (null != threading)
        {
            options.threadings = new ArrayList<>(threading);
        }
        if (null != gc)
        {
            final List<GcChoice> gcs = new ArrayList<>();
            for (final String name : gc)
            {
                gcs.add(GcChoice.parse(name));
            }
            options.gcs = gcs;
        }
        if (null != repeats)
        {
            options.repeats = repeats;
        }
        options.jvmArgs = new ArrayList<>(jvmArgs);
        options.demoArgs = new ArrayList<>(demoArgs);
        options.heap = heap;
        if (null != lpThreads)
        {
            options.llvmpipeThreads = lpThreads;
        }
        options.targetFps = targetFps;
        options.runTimeoutSeconds = runTimeoutSeconds;
        options.plots = !noPlots;
        options.dryRun = dryRun;
        if (null != targets)
        {
            options.variants = new ArrayList<>(List.of(Variant.STANDARD));
            if (targets)
            {
                options.variants.addAll(Variant.TARGETS);
            }
            options.ttff = targets;
        }
        return options;
    }
}
