package dev.isochron.perf.harness;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.isochron.engine.io.AtomicFileWriter;
import dev.isochron.engine.testing.ChildProcess;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Runs the plan of an invocation: checks the demo jar and the collectors, runs every engine/naive pair as
 * separate child JVMs in A B A B order with a progress line per run, then writes {@code aggregate.json},
 * {@code summary.md} and the plots into the output directory, next to each run's report, CSV and log under
 * {@code runs/}.
 */
public final class Harness
{
    /** Exit status when every run succeeded. */
    public static final int EXIT_OK = 0;
    /** Exit status when some run failed (the others are still aggregated). */
    public static final int EXIT_RUN_FAILED = 1;
    /** The minimal first-frame program's main class, on the harness's own class path. */
    static final String MINIMAL_FIRST_FRAME_CLASS = "dev.isochron.perf.ttff.MinimalFirstFrame";

    private final HarnessOptions options;
    private final PrintStream progress;
    private final ObjectMapper mapper = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    /** {@code xvfb-run} where installed: every windowed child runs under its own, on the same screen. */
    private final Path xvfbRun = ChildProcess.xvfbRun();

    /**
     * @param options  what to run (validated here).
     * @param progress where progress and messages go (stderr from the command line).
     */
    public Harness(final HarnessOptions options, final PrintStream progress)
    {
        options.validate();
        this.options = options;
        this.progress = progress;
    }

    /**
     * Runs the plan and writes the outputs.
     *
     * @return {@link #EXIT_OK} or {@link #EXIT_RUN_FAILED}.
     * @throws IllegalArgumentException naming the demo jar and how to build it when it is missing.
     * @throws UncheckedIOException naming the path when an output cannot be written.
     */
    public int run()
    {
        if (options.dryRun)
        {
            printPlan(options.plan(), true);
            return EXIT_OK;
        }
        final Path demoJar = options.demoJar.toAbsolutePath().normalize();
        if (!Files.isRegularFile(demoJar))
        {
            throw new IllegalArgumentException("--demo-jar " + demoJar + " does not exist: build it with " +
                "'mvn -pl demo -am package -DskipTests' or pass --demo-jar PATH");
        }
        final Path out = options.out.toAbsolutePath().normalize();
        final Path runsDir = out.resolve("runs");
        final Path plotsDir = out.resolve("plots");
        createDirectories(runsDir);

        final ChildJvm jvm = new ChildJvm(options.javaBinary, Runtime.version().feature(), options.heap,
            options.childJvmArgs(), options.llvmpipeThreads);
        final DemoCapabilities demo = DemoCapabilities.probe(jvm, demoJar, runsDir);
        final List<String> notes = new ArrayList<>();
        if (!demo.frameCsv())
        {
            message(notes, "the demo does not take --frame-csv: no per-frame CSV, frame-time plots skipped, " +
                "percentile plots drawn from the reports' percentiles");
        }
        if (!demo.warmup())
        {
            message(notes, "the demo does not take --warmup: warm-up is the demo's own default (see warmupFrames " +
                "in each report), --warmup " + options.warmupFrames + " not passed");
        }

        final List<GcChoice> gcs = new ArrayList<>();
        for (final GcChoice gc : options.gcs)
        {
            final String reason = jvm.gcUnavailableReason(gc, runsDir);
            if (null == reason)
            {
                gcs.add(gc);
            }
            else
            {
                message(notes, "skipping --gc " + gc.optionName() + ": not available on this JVM (" + reason + ")");
            }
        }
        options.gcs = gcs;
        final ObjectNode harnessInfo = harnessInfo(jvm, demoJar, demo);
        if (gcs.isEmpty())
        {
            message(notes, "no collector left to run: nothing measured");
            writeOutputs(out, harnessInfo, notes, Aggregate.of(List.of()));
            return EXIT_OK;
        }

        final List<RunSpec> plan = runnable(options.plan(), notes);
        printPlan(plan, false);
        final String loadAtStart = loadAverage();
        final List<RunResult> results = new ArrayList<>();
        final long started = System.nanoTime();
        for (final RunSpec spec : plan)
        {
            progress.printf(Locale.ROOT, "[%d/%d] %s %s %s r%d ... ", spec.index(), plan.size(), spec.scene(),
                spec.configuration(), spec.mode(), spec.repeat());
            progress.flush();
            final RunResult result = runOne(jvm, demoJar, demo, spec, runsDir);
            results.add(result);
            final double elapsed = (System.nanoTime() - started) / 1e9;
            final double left = elapsed / spec.index() * (plan.size() - spec.index());
            if (result.ok() && spec.minimal())
            {
                progress.printf(Locale.ROOT, "%.1f s: time to first frame %s ms (elapsed %.0f s, about %.0f s left)%n",
                    result.wallSeconds(), SummaryTable.fixed(Metric.TIME_TO_FIRST_FRAME_MS.read(result.report()), 0),
                    elapsed, left);
            }
            else if (result.ok())
            {
                progress.printf(Locale.ROOT, "%.1f s: %s FPS mean, p50 %s ms, p99 %s ms, max %s ms (elapsed %.0f s, " +
                    "about %.0f s left)%n", result.wallSeconds(), SummaryTable.fixed(Metric.FPS_MEAN.read(result.report()), 1),
                    SummaryTable.ms(Metric.FRAME_P50_MS.read(result.report())),
                    SummaryTable.ms(Metric.FRAME_P99_MS.read(result.report())),
                    SummaryTable.ms(Metric.FRAME_MAX_MS.read(result.report())), elapsed, left);
            }
            else
            {
                progress.printf(Locale.ROOT, "FAILED after %.1f s: %s (log: %s)%n", result.wallSeconds(), result.failure(),
                    result.logFile());
            }
        }

        message(notes, "load average (1/5/15 min) at the start " + loadAtStart + ", at the end " + loadAverage() + " on " +
            Runtime.getRuntime().availableProcessors() + " cores: other work on the machine shares the cores with the runs");
        final Aggregate aggregate = Aggregate.of(results);
        if (options.plots)
        {
            // before the outputs, so that they list any plot problem among the notes
            drawPlots(aggregate, plotsDir, notes);
        }
        writeOutputs(out, harnessInfo, notes, aggregate);
        progress.println("wrote " + out.resolve("summary.md") + " and " + out.resolve("aggregate.json"));
        return aggregate.failedRuns().isEmpty() ? EXIT_OK : EXIT_RUN_FAILED;
    }

    /**
     * Leaves out what cannot run here, each with one line among the notes: the peer's runs when its jar is missing,
     * and every windowed run (the peer's, the engine's and naive's with {@code --window}) when there is neither
     * {@code xvfb-run} nor a display. The rest keep their order, renumbered.
     */
    List<RunSpec> runnable(final List<RunSpec> plan, final List<String> notes)
    {
        final List<RunSpec> kept = new ArrayList<>(plan);
        final long peerRuns = kept.stream().filter(RunSpec::peer).count();
        if (peerRuns > 0 && !Files.isRegularFile(options.peerJar))
        {
            message(notes, "the libGDX peer's jar " + options.peerJar.toAbsolutePath().normalize() + " is not there (build it " +
                "with 'mvn -B -q -pl perf-peer-gdx -am package -DskipTests' or pass --peer-jar PATH): its " + peerRuns +
                " runs are skipped, the rest run");
            kept.removeIf(RunSpec::peer);
        }
        final long windowRuns = kept.stream().filter(RunSpec::opensWindow).count();
        if (windowRuns > 0 && null == xvfbRun)
        {
            final String display = System.getenv("DISPLAY");
            if (null != display && !display.isEmpty())
            {
                message(notes, "xvfb-run is not installed: the " + windowRuns + " windowed runs open their windows on " +
                    "DISPLAY=" + display + " as it is, not on a fresh Xvfb each");
            }
            else
            {
                message(notes, "no xvfb-run and no DISPLAY: the " + windowRuns + " windowed runs (the libGDX peer, " +
                    "--window) are skipped, the rest run (" + ChildProcess.XVFB_INSTALL_HINT + ")");
                kept.removeIf(RunSpec::opensWindow);
            }
        }
        if (kept.size() == plan.size())
        {
            return plan;
        }
        final List<RunSpec> renumbered = new ArrayList<>(kept.size());
        for (int i = 0; i < kept.size(); i++)
        {
            renumbered.add(kept.get(i).withIndex(i + 1));
        }
        return renumbered;
    }

    /** Prints the run count, the estimated duration and, for a dry run, every run with its own estimate. */
    private void printPlan(final List<RunSpec> plan, final boolean listRuns)
    {
        final double seconds = RunEstimate.seconds(options, plan);
        progress.printf(Locale.ROOT, "plan: %d runs (preset %s, %d measured frames after %d warm-up at %dx%d, %d repeat(s)), " +
            "estimated %.0f s (about %.0f min) on 2 cores%n", plan.size(), options.preset.name(), options.frames,
            options.warmupFrames, options.width, options.height, options.repeats, seconds, seconds / 60.0);
        if (listRuns)
        {
            for (final RunSpec spec : plan)
            {
                final String what = spec.minimal() ? "MinimalFirstFrame " + options.width + "x" + options.height :
                    spec.peer() ? "libGDX peer: " + String.join(" ", peerArguments(spec, Path.of(spec.id() + ".json"), null)) :
                    String.join(" ", demoArguments(spec, Path.of(spec.id() + ".json"), null, true));
                progress.printf(Locale.ROOT, "  %s  ~%.0f s  %s%n", spec.id(), RunEstimate.seconds(options, spec), what);
            }
            progress.println("child JVM flags: -Xms" + options.heap + " -Xmx" + options.heap + ", the collector's" +
                (options.childJvmArgs().isEmpty() ? "" : ", " + String.join(" ", options.childJvmArgs())));
        }
        progress.flush();
    }

    private RunResult runOne(
        final ChildJvm jvm, final Path demoJar, final DemoCapabilities demo, final RunSpec spec, final Path runsDir)
    {
        final Path report = runsDir.resolve(spec.id() + ".json");
        final Path csv = (demo.frameCsv() || spec.peer()) && !spec.minimal() ? runsDir.resolve(spec.id() + ".csv") : null;
        final Path log = runsDir.resolve(spec.id() + ".log");
        final List<String> command;
        if (spec.minimal())
        {
            command = jvm.classCommand(spec.gc(), options.perfClassPath, MINIMAL_FIRST_FRAME_CLASS, List.of(
                "--width", Integer.toString(options.width), "--height", Integer.toString(options.height),
                "--report", report.toString()));
        }
        else if (spec.peer())
        {
            command = jvm.command(spec.gc(), options.peerJar.toAbsolutePath().normalize(),
                peerArguments(spec, report, runsDir.resolve(spec.id() + ".csv")));
        }
        else
        {
            command = jvm.command(spec.gc(), demoJar, demoArguments(spec, report, csv, demo.warmup()));
        }
        final long start = System.nanoTime();
        final ChildProcess.Result child = jvm.runChild(command, log, options.runTimeoutSeconds,
            spec.opensWindow() && null != xvfbRun);
        final int status = child.exitCode();
        final double seconds = (System.nanoTime() - start) / 1e9;
        if (status != 0)
        {
            final String why = child.timedOut() ? "killed after --run-timeout " + options.runTimeoutSeconds +
                " s, stuck in: " + child.stage() + " (thread dumps: " + child.diagnosis() + ")" :
                (spec.peer() ? "peer" : "demo") + " exited " + status + lastLine(log);
            return new RunResult(spec, readReport(report), null, status, seconds, why, report, csv, log);
        }
        final JsonNode parsed = readReport(report);
        if (null == parsed)
        {
            return new RunResult(spec, null, null, status, seconds, "demo exited 0 but wrote no readable report " + report,
                report, csv, log);
        }
        double[] frameMs = null;
        String failure = null;
        if (null != csv && Files.isRegularFile(csv))
        {
            try
            {
                frameMs = FrameCsv.read(csv);
            }
            catch (final IllegalArgumentException | UncheckedIOException ex)
            {
                failure = ex.getMessage();
            }
        }
        return new RunResult(spec, parsed, frameMs, status, seconds, failure, report, csv, log);
    }

    /** @return the demo's arguments for {@code spec}: scene, headless GL, size, frames, threading, mode, outputs. */
    List<String> demoArguments(final RunSpec spec, final Path report, final Path csv, final boolean passWarmup)
    {
        final List<String> args = new ArrayList<>(sceneArguments(spec.scene()));
        args.add(spec.windowed() ? "--window" : "--headless");
        args.add("--renderer");
        args.add(spec.variant().renderer());
        args.add("--frames");
        args.add(Integer.toString(options.frames));
        if (passWarmup)
        {
            args.add("--warmup");
            args.add(Integer.toString(options.warmupFrames));
        }
        args.add("--width");
        args.add(Integer.toString(options.width));
        args.add("--height");
        args.add(Integer.toString(options.height));
        final int count = options.count(spec);
        if (count > 0)
        {
            args.add("--count");
            args.add(Integer.toString(count));
        }
        args.add("--target-fps");
        args.add(Integer.toString(options.targetFps(spec)));
        if (!Double.isNaN(spec.variant().inputRate()))
        {
            args.add("--input-rate");
            args.add(SummaryTable.count(spec.variant().inputRate()));
        }
        args.add("--threading");
        args.add(spec.threading());
        if (RunSpec.NAIVE.equals(spec.mode()))
        {
            args.add("--naive");
        }
        args.add("--report");
        args.add(report.toString());
        if (null != csv)
        {
            args.add("--frame-csv");
            args.add(csv.toString());
        }
        args.addAll(options.demoArgs);
        return args;
    }

    /**
     * @return the libGDX peer's arguments for {@code spec}: the scene, the same frames, warm-up, size, count, cap and
     * input rate as the demo's, and its outputs. The peer is always windowed and single-threaded (libGDX updates and
     * draws on its one thread), so neither threading nor renderer is passed.
     */
    List<String> peerArguments(final RunSpec spec, final Path report, final Path csv)
    {
        final List<String> args = new ArrayList<>();
        args.add(spec.scene());
        args.add("--frames");
        args.add(Integer.toString(options.frames));
        args.add("--warmup");
        args.add(Integer.toString(options.warmupFrames));
        args.add("--width");
        args.add(Integer.toString(options.width));
        args.add("--height");
        args.add(Integer.toString(options.height));
        final int count = options.count(spec);
        if (count > 0)
        {
            args.add("--count");
            args.add(Integer.toString(count));
        }
        args.add("--target-fps");
        args.add(Integer.toString(options.targetFps(spec)));
        if (!Double.isNaN(spec.variant().inputRate()))
        {
            args.add("--input-rate");
            args.add(SummaryTable.count(spec.variant().inputRate()));
        }
        args.add("--report");
        args.add(report.toString());
        if (null != csv)
        {
            args.add("--frame-csv");
            args.add(csv.toString());
        }
        return args;
    }

    /** @return the positional arguments that select {@code scene}: the storm scene is {@code storm --scene list}. */
    static List<String> sceneArguments(final String scene)
    {
        return "storm".equals(scene) ? List.of("storm", "--scene", "list") : List.of(scene);
    }

    private ObjectNode harnessInfo(final ChildJvm jvm, final Path demoJar, final DemoCapabilities demo)
    {
        final ObjectNode info = mapper.createObjectNode();
        info.put("preset", options.preset.name());
        info.put("startedAt", Instant.now().toString());
        final ArrayNode scenes = info.putArray("scenes");
        options.scenes.forEach(scenes::add);
        info.put("frames", options.frames);
        info.put("warmupFrames", options.warmupFrames);
        info.put("warmupPassedToDemo", demo.warmup());
        info.put("frameCsv", demo.frameCsv());
        info.put("width", options.width);
        info.put("height", options.height);
        final ObjectNode counts = info.putObject("counts");
        for (final String scene : options.scenes)
        {
            final int count = options.count(scene);
            if (count > 0)
            {
                counts.put(scene, count);
            }
        }
        info.put("targetFps", options.targetFps);
        final ArrayNode threadings = info.putArray("threading");
        options.threadings.forEach(threadings::add);
        final ArrayNode gcs = info.putArray("gc");
        for (final GcChoice gc : options.gcs)
        {
            gcs.add(gc.optionName());
        }
        info.put("repeats", options.repeats);
        final ArrayNode variants = info.putArray("variants");
        for (final Variant variant : options.variants)
        {
            variants.addObject().put("name", variant.toString()).put("description", variant.description())
                .put("renderer", variant.renderer()).put("repeats", variant.repeats(options.repeats));
        }
        info.put("minimalFirstFrame", options.ttff);
        info.put("order", options.peer ? "interleaved: engine, naive, then the libGDX peer (where it has the scene) for " +
            "each repeat, scene and configuration" : "A/B interleaved: engine then naive for each repeat, scene and configuration");
        info.put("windowed", options.windowed);
        info.put("peer", options.peer);
        info.put("peerJar", options.peerJar.toAbsolutePath().normalize().toString());
        final ArrayNode peerSprites = info.putArray("peerSprites");
        options.peerSprites.forEach(peerSprites::add);
        info.put("xvfb", null == xvfbRun ? "" : xvfbRun + " -a -s '" + ChildProcess.XVFB_SCREEN + "'");
        info.put("demoJar", demoJar.toString());
        info.put("java", jvm.javaBinary().toString());
        info.put("javaVersion", System.getProperty("java.version"));
        info.put("heap", options.heap);
        final ArrayNode jvmArgs = info.putArray("jvmArgs");
        options.childJvmArgs().forEach(jvmArgs::add);
        info.put("lpNumThreads", jvm.llvmpipeThreads());
        info.put("availableProcessors", Runtime.getRuntime().availableProcessors());
        return info;
    }

    private void writeOutputs(final Path out, final ObjectNode harnessInfo, final List<String> notes, final Aggregate aggregate)
    {
        final ArrayNode noteArray = harnessInfo.putArray("notes");
        notes.forEach(noteArray::add);
        try
        {
            final ObjectNode root = aggregate.toJson(mapper, harnessInfo);
            Targets.toJson(Targets.evaluate(aggregate), root.putArray("targets"));
            AtomicFileWriter.write("aggregate JSON", out.resolve("aggregate.json"), stream -> mapper.writeValue(stream, root));
        }
        catch (final IOException ex)
        {
            throw new UncheckedIOException(ex.getMessage(), ex);
        }
        writeSummary(out, notes, aggregate);
    }

    private void writeSummary(final Path out, final List<String> notes, final Aggregate aggregate)
    {
        final List<String> lines = new ArrayList<>();
        lines.add(String.format(Locale.ROOT, "preset %s: %d measured frames (warm-up %d) at %dx%d, %d A/B repeat(s), " +
            "heap %s, LP_NUM_THREADS=%d, java %s", options.preset.name(), options.frames, options.warmupFrames,
            options.width, options.height, options.repeats, options.heap, options.llvmpipeThreads,
            System.getProperty("java.version")));
        if (!options.childJvmArgs().isEmpty())
        {
            lines.add("JVM flags for every child (engine and naive alike): " + String.join(" ", options.childJvmArgs()));
        }
        final StringBuilder sizes = new StringBuilder("scene sizes (--count): ");
        for (int i = 0; i < options.scenes.size(); i++)
        {
            final String scene = options.scenes.get(i);
            final int count = options.count(scene);
            sizes.append(i == 0 ? "" : ", ").append(scene).append(' ')
                .append(count > 0 ? String.format(Locale.ROOT, "%,d", count) : "default");
            if ("sprites".equals(scene) && !options.peerSprites.isEmpty())
            {
                sizes.append(" (").append(options.peerSprites.size()).append(" configurations: ");
                for (int c = 0; c < options.peerSprites.size(); c++)
                {
                    sizes.append(c == 0 ? "" : ", ").append(String.format(Locale.ROOT, "%,d", options.peerSprites.get(c)));
                }
                sizes.append(')');
            }
        }
        lines.add(sizes.toString());
        final List<Variant> described = new ArrayList<>();
        for (final String scene : options.scenes)
        {
            for (final Variant variant : options.variants(scene))
            {
                if (!variant.name().isEmpty() && !described.contains(variant))
                {
                    described.add(variant);
                    lines.add("configuration suffix -" + variant.name() + ": " + variant.description() + ", " +
                        variant.repeats(options.repeats) + " repeat(s)");
                }
            }
        }
        lines.add(options.windowed ? "engine and naive windowed (--window), each under its own xvfb-run -a -s '" +
            ChildProcess.XVFB_SCREEN + "' (suffix -window)" : "engine and naive headless (EGL, no window)");
        if (options.peer)
        {
            lines.add("peer: the same scenes as idiomatic libGDX programs (" + options.peerJar.getFileName() + ": libGDX " +
                "lwjgl3 backend, single-threaded, always windowed under its own xvfb-run on the same screen, vsync off), " +
                "same JVM flags, heap, collector, LP_NUM_THREADS, size, frames and warm-up, run after the engine and " +
                "naive runs of each repeat; it has no program for list alone (storm is the list under the storm)");
        }
        lines.addAll(notes);
        final Path summary = out.resolve("summary.md");
        try
        {
            AtomicFileWriter.writeString("summary", summary,
                SummaryTable.render(options.peer ? "Isochron frame times: engine vs naive vs libGDX" :
                    "Isochron frame times: engine vs naive", lines, aggregate));
        }
        catch (final IOException ex)
        {
            throw new UncheckedIOException(ex.getMessage(), ex);
        }
    }

    private void drawPlots(final Aggregate aggregate, final Path plotsDir, final List<String> notes)
    {
        if (aggregate.groups().isEmpty())
        {
            return;
        }
        createDirectories(plotsDir);
        try (PlotRenderer plots = new PlotRenderer(1200, 600))
        {
            for (final Aggregate.Group group : aggregate.groups())
            {
                final String name = group.scene() + "-" + group.configuration();
                final Chart frameTimes = Plots.frameTimes(group);
                if (null != frameTimes)
                {
                    plots.render(frameTimes, plotsDir.resolve(name + "-frametime.png"));
                }
                final Chart percentiles = Plots.percentiles(group);
                if (null != percentiles)
                {
                    plots.render(percentiles, plotsDir.resolve(name + "-percentiles.png"));
                }
            }
        }
        catch (final RuntimeException ex)
        {
            message(notes, "plots not drawn: " + ex);
        }
    }

    private void message(final List<String> notes, final String note)
    {
        notes.add(note);
        progress.println("note: " + note);
    }

    private JsonNode readReport(final Path report)
    {
        if (!Files.isRegularFile(report))
        {
            return null;
        }
        try
        {
            final JsonNode node = mapper.readTree(report.toFile());
            return null != node && node.isObject() ? node : null;
        }
        catch (final IOException ex)
        {
            progress.println("note: cannot parse report " + report + ": " + ex.getMessage());
            return null;
        }
    }

    /** @return the 1, 5 and 15 minute load averages from /proc/loadavg, or "unknown" where it cannot be read. */
    static String loadAverage()
    {
        try
        {
            final String[] fields = Files.readString(Path.of("/proc/loadavg"), StandardCharsets.US_ASCII).trim().split("\\s+");
            return fields.length >= 3 ? fields[0] + " / " + fields[1] + " / " + fields[2] : "unknown";
        }
        catch (final IOException | RuntimeException ex)
        {
            return "unknown";
        }
    }

    private static String lastLine(final Path log)
    {
        try
        {
            final List<String> lines = Files.readAllLines(log, StandardCharsets.UTF_8);
            for (int i = lines.size() - 1; i >= 0; i--)
            {
                if (!lines.get(i).isBlank())
                {
                    return ": " + lines.get(i).trim();
                }
            }
            return "";
        }
        catch (final IOException ex)
        {
            return " (log unreadable: " + ex.getMessage() + ")";
        }
    }

    private static void createDirectories(final Path dir)
    {
        try
        {
            Files.createDirectories(dir);
        }
        catch (final IOException ex)
        {
            throw new UncheckedIOException("cannot create output directory " + dir + ": " + ex.getMessage(), ex);
        }
    }
}
