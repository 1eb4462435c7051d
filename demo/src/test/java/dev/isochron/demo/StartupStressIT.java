package dev.isochron.demo;

import dev.isochron.engine.testing.ChildProcess;
import dev.isochron.render.natives.LoaderWatch;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The packaged demo started many times, windowed under Xvfb and headless, each start a child JVM with a hard limit,
 * with the loader watch preloaded ({@link LoaderWatch}): every start reaches its first frame and ends with exit 0, none
 * hangs, and no library is loaded or unloaded outside the native-loading lock, nor two threads inside the dynamic
 * loader at once. The scenes take turns.
 * <p>
 * {@value #STARTS_PROPERTY} starts of each kind (default {@value #DEFAULT_STARTS}, the short check in
 * {@code mvn verify}); the long one, recorded in docs/reliability.md:
 * {@code mvn -B verify -pl demo -am -Dtest=none -Dsurefire.failIfNoSpecifiedTests=false -Dit.test=StartupStressIT
 * -Disochron.startupStress.starts=30}. Each start's log and report stay in {@code target/startup-stress}.
 */
class StartupStressIT
{
    static final String STARTS_PROPERTY = "isochron.startupStress.starts";
    static final int DEFAULT_STARTS = 3;
    /** A start that has not ended by then is hung: the demo runs 30 frames of a small scene. */
    private static final Duration LIMIT = Duration.ofSeconds(90);
    private static final String[] SCENES = {"sprites", "chart", "list", "storm"};
    private static final Pattern TTFF = Pattern.compile("\"timeToFirstFrameMs\"\\s*:\\s*([0-9.]+)");

    @TempDir
    Path directory;

    @Test
    void shouldStartEveryTimeWindowedAndHeadlessWithoutHangsOrUnguardedLoads() throws IOException, InterruptedException
    {
        final boolean ci = null != System.getenv("CI");
        if (!ci)
        {
            assumeTrue(null != ChildProcess.xvfbRun(), "xvfb-run is not installed (" +
                ChildProcess.XVFB_INSTALL_HINT + "): start-up stress skipped");
            assumeTrue(LoaderWatch.compilerAvailable(), "gcc is not installed (" + LoaderWatch.INSTALL_HINT +
                "): start-up stress skipped");
        }
        final int starts = Integer.getInteger(STARTS_PROPERTY, DEFAULT_STARTS);
        final Path out = Files.createDirectories(Path.of(System.getProperty("isochron.soak.dir", "target/soak"))
            .resolveSibling("startup-stress"));
        final LoaderWatch watch = LoaderWatch.build(directory);
        final List<String> failures = new ArrayList<>();
        final List<String> lines = new ArrayList<>();
        for (int i = 0; i < starts; i++)
        {
            for (final boolean windowed : new boolean[] {true, false})
            {
                final String scene = SCENES[i % SCENES.length];
                final String name = (windowed ? "window-" : "headless-") + i + "-" + scene;
                final Path report = out.resolve(name + ".json");
                Files.deleteIfExists(report);
                ChildProcess child = ChildProcess.javaJar(DemoProcess.jar())
                    .jvmFlags("-Xmx512m")
                    .args(scene, windowed ? "--window" : "--headless", "--frames", "30", "--warmup", "5",
                        "--width", "320", "--height", "240", "--report", report.toString())
                    .directory(out)
                    .llvmpipeThreads(1)
                    .removeEnvironment("DISPLAY")
                    .removeEnvironment("WAYLAND_DISPLAY")
                    .limit(LIMIT)
                    .output(out.resolve(name + ".log"));
                for (final java.util.Map.Entry<String, String> variable :
                    watch.environment(out.resolve(name + ".holder")).entrySet())
                {
                    child = child.environment(variable.getKey(), variable.getValue());
                }
                if (windowed)
                {
                    child = child.underXvfb();
                }
                final ChildProcess.Result result = child.run();
                final String verdict = verdict(result, report);
                lines.add(name + ": " + verdict);
                if (!verdict.startsWith("ok"))
                {
                    failures.add(name + ": " + verdict + "\n" + result.describe());
                }
            }
        }
        Files.write(out.resolve("summary.txt"), lines);
        System.out.println("start-up stress, " + starts + " windowed + " + starts + " headless starts:");
        lines.forEach(line -> System.out.println("  " + line));
        assertEquals(List.of(), failures, "start-up stress: " + failures.size() + " of " + 2 * starts +
            " starts failed (summary: " + out.resolve("summary.txt") + ")");
    }

    private static String verdict(final ChildProcess.Result result, final Path report) throws IOException
    {
        if (!result.finished())
        {
            return "HUNG at the " + LIMIT.toSeconds() + " s limit, stuck in: " + result.stage();
        }
        if (0 != result.exitCode())
        {
            return "exit " + result.exitCode();
        }
        final List<String> findings = LoaderWatch.findings(result.output());
        if (!findings.isEmpty())
        {
            return "loader watch: " + findings;
        }
        if (!Files.isRegularFile(report))
        {
            return "no report written";
        }
        final Matcher ttff = TTFF.matcher(Files.readString(report));
        if (!ttff.find() || Double.parseDouble(ttff.group(1)) <= 0)
        {
            return "no first frame in the report";
        }
        return "ok, first frame at " + ttff.group(1) + " ms, " + result.elapsed().toMillis() + " ms in all";
    }
}
