package dev.isochron.perf.harness;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * All runs of one harness invocation, grouped by scene and configuration, with the median of every
 * {@link Metric} per mode across the successful repeats and the naive/engine ratio of those medians.
 * <p>
 * Medians across repeats, not means: one disturbed child JVM on a shared machine should not move the figure.
 * Failed runs are kept (listed with their reason) but never enter a median.
 */
public final class Aggregate
{
    private final List<RunResult> runs;
    private final List<Group> groups;
    private final List<RunResult> minimalRuns;

    private Aggregate(final List<RunResult> runs, final List<Group> groups, final List<RunResult> minimalRuns)
    {
        this.runs = runs;
        this.groups = groups;
        this.minimalRuns = minimalRuns;
    }

    /** @return the aggregate of {@code runs}, groups in the order their first run appears. */
    public static Aggregate of(final List<RunResult> runs)
    {
        final Map<String, List<RunResult>> byGroup = new LinkedHashMap<>();
        final List<RunResult> minimalRuns = new ArrayList<>();
        for (final RunResult run : runs)
        {
            if (run.spec().minimal())
            {
                minimalRuns.add(run);
                continue;
            }
            final String key = run.spec().scene() + "\u0000" + run.spec().configuration();
            byGroup.computeIfAbsent(key, k -> new ArrayList<>()).add(run);
        }
        final List<Group> groups = new ArrayList<>();
        for (final List<RunResult> members : byGroup.values())
        {
            final RunSpec first = members.get(0).spec();
            groups.add(new Group(first, ModeSummary.of(RunSpec.ENGINE, members), ModeSummary.of(RunSpec.NAIVE, members),
                ModeSummary.of(RunSpec.PEER, members)));
        }
        return new Aggregate(List.copyOf(runs), Collections.unmodifiableList(groups), List.copyOf(minimalRuns));
    }

    /**
     * @param gcOptionName the collector's option name, e.g. {@code g1}.
     * @return the runs of the minimal first-frame program under that collector, reduced like a mode.
     */
    public ModeSummary minimal(final String gcOptionName)
    {
        final List<RunResult> members = new ArrayList<>();
        for (final RunResult run : minimalRuns)
        {
            if (run.spec().gc().optionName().equals(gcOptionName))
            {
                members.add(run);
            }
        }
        return ModeSummary.of(RunSpec.MINIMAL, members);
    }

    /** @return the group of {@code scene} under {@code configuration}, or null when there is none. */
    public Group group(final String scene, final String configuration)
    {
        for (final Group group : groups)
        {
            if (group.scene().equals(scene) && group.configuration().equals(configuration))
            {
                return group;
            }
        }
        return null;
    }

    /** @return the collectors' option names in the order their first run appears. */
    public List<String> gcOptionNames()
    {
        final List<String> names = new ArrayList<>();
        for (final RunResult run : runs)
        {
            final String name = run.spec().gc().optionName();
            if (!names.contains(name))
            {
                names.add(name);
            }
        }
        return names;
    }

    /** @return every run, failed ones included, in plan order. */
    public List<RunResult> runs()
    {
        return runs;
    }

    /** @return the scene x configuration groups. */
    public List<Group> groups()
    {
        return groups;
    }

    /** @return the runs that failed. */
    public List<RunResult> failedRuns()
    {
        final List<RunResult> failed = new ArrayList<>();
        for (final RunResult run : runs)
        {
            if (!run.ok())
            {
                failed.add(run);
            }
        }
        return failed;
    }

    /**
     * @param mapper  creates the nodes.
     * @param harness what the harness was asked to do (preset, frames, flags ...), copied in as {@code harness}.
     * @return {@code {"harness": ..., "runs": [...], "groups": [...]}}: each run with its report embedded, each
     * group with per-mode medians and naive/engine ratios (null where undefined).
     */
    public ObjectNode toJson(final ObjectMapper mapper, final JsonNode harness)
    {
        final ObjectNode root = mapper.createObjectNode();
        root.set("harness", harness);
        final ArrayNode runArray = root.putArray("runs");
        for (final RunResult run : runs)
        {
            final RunSpec spec = run.spec();
            final ObjectNode node = runArray.addObject();
            node.put("id", spec.id());
            node.put("scene", spec.scene());
            node.put("configuration", spec.configuration());
            node.put("threading", spec.threading());
            node.put("gc", spec.gc().optionName());
            node.put("mode", spec.mode());
            node.put("repeat", spec.repeat());
            node.put("ok", run.ok());
            node.put("exitCode", run.exitCode());
            node.put("wallSeconds", run.wallSeconds());
            if (null != run.failure())
            {
                node.put("failure", run.failure());
            }
            putPath(node, "reportFile", run.reportFile());
            putPath(node, "csvFile", null == run.frameMs() ? null : run.csvFile());
            putPath(node, "logFile", run.logFile());
            if (null != run.report())
            {
                node.set("report", run.report());
            }
        }
        final ObjectNode minimal = root.putObject("minimalFirstFrame");
        for (final String gc : gcOptionNames())
        {
            final ModeSummary summary = minimal(gc);
            if (summary.okRuns() + summary.failedRuns() > 0)
            {
                final ObjectNode node = minimal.putObject(gc);
                node.put("runs", summary.okRuns());
                node.put("failedRuns", summary.failedRuns());
                putNumber(node, "timeToFirstFrameMsMedian", summary.median(Metric.TIME_TO_FIRST_FRAME_MS));
            }
        }
        final ArrayNode groupArray = root.putArray("groups");
        for (final Group group : groups)
        {
            final ObjectNode node = groupArray.addObject();
            node.put("scene", group.scene());
            node.put("configuration", group.configuration());
            node.put("threading", group.spec().threading());
            node.put("gc", group.spec().gc().optionName());
            node.put("variant", group.spec().variant().toString());
            node.put("renderer", group.spec().variant().renderer());
            final ObjectNode modes = node.putObject("modes");
            for (final ModeSummary summary : group.modes())
            {
                final ObjectNode mode = modes.putObject(summary.mode());
                mode.put("runs", summary.okRuns());
                mode.put("failedRuns", summary.failedRuns());
                mode.put("zeroAllocation", summary.zeroAllocation());
                mode.put("gcName", summary.gcName());
                final ObjectNode medians = mode.putObject("medians");
                for (final Metric metric : Metric.values())
                {
                    putNumber(medians, metric.key(), summary.median(metric));
                }
            }
            final ObjectNode ratios = node.putObject("ratiosNaiveOverEngine");
            for (final Metric metric : Metric.values())
            {
                putNumber(ratios, metric.key(), group.ratio(metric));
            }
            if (group.hasPeer())
            {
                final ObjectNode peerRatios = node.putObject("ratiosEngineOverPeer");
                for (final Metric metric : Metric.values())
                {
                    putNumber(peerRatios, metric.key(), group.enginePerPeer(metric));
                }
            }
        }
        return root;
    }

    private static void putPath(final ObjectNode node, final String key, final java.nio.file.Path path)
    {
        if (null != path)
        {
            node.put(key, path.toString());
        }
    }

    static void putNumber(final ObjectNode node, final String key, final double value)
    {
        if (Double.isFinite(value))
        {
            node.put(key, value);
        }
        else
        {
            node.putNull(key);
        }
    }

    /** One scene under one configuration: the engine and the naive mode side by side, and the libGDX peer where it ran. */
    public static final class Group
    {
        private final RunSpec spec;
        private final String scene;
        private final String configuration;
        private final ModeSummary engine;
        private final ModeSummary naive;
        private final ModeSummary peer;

        Group(final RunSpec spec, final ModeSummary engine, final ModeSummary naive)
        {
            this(spec, engine, naive, ModeSummary.of(RunSpec.PEER, List.of()));
        }

        Group(final RunSpec spec, final ModeSummary engine, final ModeSummary naive, final ModeSummary peer)
        {
            this.spec = spec;
            this.scene = spec.scene();
            this.configuration = spec.configuration();
            this.engine = engine;
            this.naive = naive;
            this.peer = peer;
        }

        /** @return the first run's spec: the scene, threading, collector and variant every member shares. */
        public RunSpec spec()
        {
            return spec;
        }

        /** @return the scene. */
        public String scene()
        {
            return scene;
        }

        /** @return the configuration label, e.g. {@code single-g1}. */
        public String configuration()
        {
            return configuration;
        }

        /** @return the engine runs' summary. */
        public ModeSummary engine()
        {
            return engine;
        }

        /** @return the naive runs' summary. */
        public ModeSummary naive()
        {
            return naive;
        }

        /** @return the libGDX peer's runs' summary (no runs where the peer did not run). */
        public ModeSummary peer()
        {
            return peer;
        }

        /** @return whether the peer ran in this group (successfully or not). */
        public boolean hasPeer()
        {
            return peer.okRuns() + peer.failedRuns() > 0;
        }

        /** @return engine then naive, then the peer where it ran. */
        public List<ModeSummary> modes()
        {
            return hasPeer() ? List.of(engine, naive, peer) : List.of(engine, naive);
        }

        /**
         * @return engine median / peer median of {@code metric}: for FPS above 1 means the engine is faster, for frame
         * times above 1 means the engine is slower. NaN when either median is missing or the peer's is 0.
         */
        public double enginePerPeer(final Metric metric)
        {
            return ratio(engine.median(metric), peer.median(metric));
        }

        /**
         * @return naive median / engine median of {@code metric}: above 1 means naive is higher (slower frames,
         * more allocation; for FPS figures, better). NaN when either median is missing or the engine's is 0.
         */
        public double ratio(final Metric metric)
        {
            return ratio(naive.median(metric), engine.median(metric));
        }

        /** @return {@code numerator / denominator}, NaN when either is NaN or the denominator is 0. */
        public static double ratio(final double numerator, final double denominator)
        {
            if (Double.isNaN(numerator) || Double.isNaN(denominator) || denominator == 0.0)
            {
                return Double.NaN;
            }
            return numerator / denominator;
        }
    }

    /** The successful runs of one mode in a group, reduced to medians. */
    public static final class ModeSummary
    {
        private final String mode;
        private final List<RunResult> ok;
        private final int failed;
        private final EnumMap<Metric, Double> medians;

        private ModeSummary(final String mode, final List<RunResult> ok, final int failed)
        {
            this.mode = mode;
            this.ok = ok;
            this.failed = failed;
            this.medians = new EnumMap<>(Metric.class);
            for (final Metric metric : Metric.values())
            {
                final double[] values = new double[ok.size()];
                int count = 0;
                for (final RunResult run : ok)
                {
                    final double value = metric.read(run.report());
                    if (!Double.isNaN(value))
                    {
                        values[count++] = value;
                    }
                }
                medians.put(metric, count == 0 ? Double.NaN : Percentiles.median(java.util.Arrays.copyOf(values, count)));
            }
        }

        static ModeSummary of(final String mode, final List<RunResult> members)
        {
            final List<RunResult> ok = new ArrayList<>();
            int failed = 0;
            for (final RunResult run : members)
            {
                if (mode.equals(run.spec().mode()))
                {
                    if (run.ok())
                    {
                        ok.add(run);
                    }
                    else
                    {
                        failed++;
                    }
                }
            }
            return new ModeSummary(mode, Collections.unmodifiableList(ok), failed);
        }

        /** @return engine, naive or peer. */
        public String mode()
        {
            return mode;
        }

        /** @return how many runs succeeded. */
        public int okRuns()
        {
            return ok.size();
        }

        /** @return how many runs failed. */
        public int failedRuns()
        {
            return failed;
        }

        /** @return {@code metric} of every successful run in plan order (NaN where a run did not report it). */
        public double[] values(final Metric metric)
        {
            final double[] values = new double[ok.size()];
            for (int i = 0; i < values.length; i++)
            {
                values[i] = metric.read(ok.get(i).report());
            }
            return values;
        }

        /** @return the successful runs in plan order. */
        public List<RunResult> runs()
        {
            return ok;
        }

        /** @return the median of {@code metric} over the successful runs, NaN when none reported it. */
        public double median(final Metric metric)
        {
            return medians.get(metric);
        }

        /**
         * @return whether there was at least one successful run and every one reported 0 bytes per frame on
         * every thread role (a missing figure is not zero).
         */
        public boolean zeroAllocation()
        {
            if (ok.isEmpty())
            {
                return false;
            }
            for (final RunResult run : ok)
            {
                for (final Metric metric : Metric.ALLOCATION)
                {
                    if (metric.read(run.report()) != 0.0)
                    {
                        return false;
                    }
                }
            }
            return true;
        }

        /** @return the collector the children reported ({@code gcName}), distinct names joined by '/', or "". */
        public String gcName()
        {
            final List<String> names = new ArrayList<>();
            for (final RunResult run : ok)
            {
                final JsonNode name = run.report().get("gcName");
                if (null != name && name.isTextual() && !names.contains(name.asText()))
                {
                    names.add(name.asText());
                }
            }
            return String.join("/", names);
        }

        /** @return every successful run's per-frame times concatenated, or null when no run had a CSV. */
        public double[] pooledFrameMs()
        {
            int total = 0;
            for (final RunResult run : ok)
            {
                total += null == run.frameMs() ? 0 : run.frameMs().length;
            }
            if (total == 0)
            {
                return null;
            }
            final double[] pooled = new double[total];
            int at = 0;
            for (final RunResult run : ok)
            {
                if (null != run.frameMs())
                {
                    System.arraycopy(run.frameMs(), 0, pooled, at, run.frameMs().length);
                    at += run.frameMs().length;
                }
            }
            return pooled;
        }
    }
}
