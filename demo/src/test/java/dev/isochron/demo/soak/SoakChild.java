package dev.isochron.demo.soak;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import dev.isochron.engine.testing.ChildProcess;

import static org.junit.jupiter.api.Assertions.fail;

/**
 * Runs {@link SoakMain} for one scene in a child JVM: headless EGL on llvmpipe with {@code LP_NUM_THREADS=1}, no
 * display, the JVM flags every engine JVM takes plus the caller's, its output (stdout and stderr) in
 * {@code <dir>/child-output.txt} and its GC log in {@code <dir>/gc.log}; its working directory is {@code <dir>}, so a
 * core file or an {@code hs_err} file lands there.
 * <p>
 * What the test JVM's system properties change in the child (the A/B switches of a crash hunt):
 * <ul>
 * <li>{@value #CHECKED_PROPERTY}{@code =true}: the child runs through {@code .ci/checked-run} (path in
 * {@value #CHECKED_RUN_PROPERTY}, set by the demo pom): glibc's checking allocator ({@code LD_PRELOAD} of
 * {@code libc_malloc_debug.so.0}, {@code MALLOC_CHECK_=3}, {@code MALLOC_PERTURB_}), core dumps on, and
 * {@code -Disochron.checked=true}, Isochron's checking mode;</li>
 * <li>{@value #LLVMPIPE_THREADS_PROPERTY}{@code =N}: llvmpipe's {@code LP_NUM_THREADS} (default 1; 0 rasterises on the
 * render thread itself);</li>
 * <li>{@value #ENVIRONMENT_PROPERTY}{@code =NAME=VALUE[,NAME=VALUE...]}: more of the child's environment, e.g.
 * {@code GALLIUM_DRIVER=softpipe};</li>
 * <li>{@value SoakMain#VERTEX_STREAMING_PROPERTY}{@code =auto|ring|staging}: how the child's renderer streams its
 * vertices (default {@code auto}: staging memory on llvmpipe, see {@code DriverWorkarounds.fenceRace});</li>
 * <li>{@value #CHILD_FLAGS_PROPERTY}{@code ='-Dx=y -Xint'}: more JVM flags for the child, split at spaces.</li>
 * </ul>
 */
final class SoakChild
{
    /** Runs the child under {@code .ci/checked-run}. */
    static final String CHECKED_PROPERTY = "isochron.soak.checked";
    /** Where {@code .ci/checked-run} is (the demo pom sets it). */
    static final String CHECKED_RUN_PROPERTY = "isochron.checkedRun";
    /** The child's {@code LP_NUM_THREADS}. */
    static final String LLVMPIPE_THREADS_PROPERTY = "isochron.soak.llvmpipeThreads";
    /** More of the child's environment, {@code NAME=VALUE} pairs separated by commas. */
    static final String ENVIRONMENT_PROPERTY = "isochron.soak.env";
    /** More JVM flags for the child, separated by spaces. */
    static final String CHILD_FLAGS_PROPERTY = "isochron.soak.childFlags";

    private SoakChild()
    {
    }

    /** What the child left: its exit status and its output. */
    static final class Result
    {
        final int exitCode;
        final String output;

        Result(final int exitCode, final String output)
        {
            this.exitCode = exitCode;
            this.output = output;
        }
    }

    /**
     * Runs the child to its end; fails the test when it runs past twice its seconds, the warm-up's grace and 90 s,
     * naming the stage the child was stuck in (its thread dump beside the output, in
     * {@code child-output.txt.timeout.txt}).
     *
     * @param jvmFlags the caller's flags (JIT choice, diagnostics), after the common ones.
     */
    static Result run(
        final SoakScene scene,
        final double seconds,
        final int windows,
        final double tickRateHz,
        final Path dir,
        final List<String> jvmFlags) throws InterruptedException
    {
        final Duration limit = Duration.ofSeconds((long)(2 * seconds + SoakMain.WARMUP_GRACE_SECONDS) + 90);
        final ChildProcess launcher = ChildProcess.javaMain(SoakMain.class)
            .jvmFlags("-Xmx512m").jvmFlags(ChildProcess.ENGINE_JVM_FLAGS)
            .jvmFlags("-Djava.awt.headless=true", "-Xlog:gc:file=" + dir.resolve("gc.log")).jvmFlags(jvmFlags)
            .args(scene.cliName(), Double.toString(seconds), Integer.toString(windows), Double.toString(tickRateHz), "0",
                dir.toString())
            .directory(dir).llvmpipeThreads(Integer.getInteger(LLVMPIPE_THREADS_PROPERTY, 1))
            .removeEnvironment("DISPLAY").removeEnvironment("WAYLAND_DISPLAY")
            .limit(limit).output(dir.resolve("child-output.txt"));
        configureFromProperties(launcher);
        final ChildProcess.Result child = launcher.run();
        if (child.timedOut())
        {
            fail("soak of " + scene.cliName() + " did not end within its limit: " + child.describe());
        }
        return new Result(child.exitCode(), child.output());
    }

    /** Applies the A/B switches the test JVM was given (see the class comment). */
    static void configureFromProperties(final ChildProcess launcher)
    {
        if (Boolean.getBoolean(CHECKED_PROPERTY))
        {
            launcher.wrapper(checkedRun());
        }
        final String environment = System.getProperty(ENVIRONMENT_PROPERTY, "").trim();
        if (!environment.isEmpty())
        {
            for (final String pair : environment.split(","))
            {
                final int equals = pair.indexOf('=');
                if (equals < 1)
                {
                    throw new IllegalArgumentException(ENVIRONMENT_PROPERTY + " takes NAME=VALUE pairs separated by " +
                        "commas, was '" + environment + "'");
                }
                launcher.environment(pair.substring(0, equals).trim(), pair.substring(equals + 1).trim());
            }
        }
        final String streaming = System.getProperty(SoakMain.VERTEX_STREAMING_PROPERTY, "").trim();
        if (!streaming.isEmpty())
        {
            launcher.jvmFlags("-D" + SoakMain.VERTEX_STREAMING_PROPERTY + "=" + streaming);
        }
        final String flags = System.getProperty(CHILD_FLAGS_PROPERTY, "").trim();
        if (!flags.isEmpty())
        {
            launcher.jvmFlags(flags.split("\\s+"));
        }
    }

    /** @return the A/B switches in force, for the soak's log: checked, LP_NUM_THREADS, environment, child flags. */
    static String describeSwitches()
    {
        return "checked=" + Boolean.getBoolean(CHECKED_PROPERTY) + ", LP_NUM_THREADS=" +
            Integer.getInteger(LLVMPIPE_THREADS_PROPERTY, 1) + ", vertexStreaming=" +
            System.getProperty(SoakMain.VERTEX_STREAMING_PROPERTY, "auto") + ", env=[" +
            System.getProperty(ENVIRONMENT_PROPERTY, "") + "], childFlags=[" + System.getProperty(CHILD_FLAGS_PROPERTY, "") +
            "]";
    }

    /** @return {@code .ci/checked-run}, from {@value #CHECKED_RUN_PROPERTY} or found above the working directory. */
    static Path checkedRun()
    {
        final String configured = System.getProperty(CHECKED_RUN_PROPERTY, "");
        if (!configured.isEmpty())
        {
            return Path.of(configured).toAbsolutePath().normalize();
        }
        for (Path at = Path.of("").toAbsolutePath(); null != at; at = at.getParent())
        {
            final Path script = at.resolve(".ci").resolve("checked-run");
            if (Files.isExecutable(script))
            {
                return script;
            }
        }
        throw new IllegalStateException(CHECKED_PROPERTY + " is set but .ci/checked-run was not found: set " +
            CHECKED_RUN_PROPERTY + " to its path");
    }
}
