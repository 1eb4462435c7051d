package dev.isochron.demo.soak;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import dev.isochron.demo.DemoRun;
import dev.isochron.demo.DemoSettings;
import dev.isochron.engine.testing.ClassConstants;
import dev.isochron.render.runtime.FramePathLiterals;
import dev.isochron.render.runtime.MeasurementConfig;
import dev.isochron.render.runtime.RuntimeConfig;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Every class that C2 compiles while a demo scene's frames run either holds no String literal or has its literals
 * resolved before the first frame, so that no first C2 compile allocates on an engine thread mid-run (see
 * {@link dev.isochron.engine.jit}).
 * <p>
 * How: {@link SoakMain} runs the scene in a child JVM for {@value #SECONDS} s with {@code -XX:+PrintCompilation} and
 * C2 thresholds about twenty times lower than the defaults, so that methods called once per frame or tick reach C2
 * within the run. Every class with a compile at tier 2 to 4 (C1 with profiling, on its way to C2, or C2) between the
 * end of frame {@value SoakApplication#STEADY_FRAME} (start-up's own compiles are over) and the last frame is a
 * frame-path class: a method C2 did not compile on its own in this run (it was inlined) may be in another. Isochron's engine, input and
 * render-gl classes must hold no literal at all (embedders may run without the flags the resolver needs); a demo or
 * third-party class may instead be one the runtime resolves ({@link FramePathLiterals#runtimeClasses()} or the scene's
 * {@link MeasurementConfig#frameClasses}).
 * <p>
 * JDK classes are listed, not judged: the log does not say which thread asked for a compile, and the soak's own
 * controller thread (snapshots, class loading, lambdas) compiles JDK code beside the frames. Most JDK classes come
 * with their literals already resolved from the CDS archive; those seen on the frame path are in
 * {@link FramePathLiterals#runtimeClasses()}, and the harness's 0 bytes per frame is the end-to-end check. Outputs,
 * with every compiled class: {@code <build dir>/soak/literals/<scene>/frame-path-classes.txt}.
 * <p>
 * Not part of {@code mvn verify}: which classes C2 compiles while frames run depends on the JIT's timing and the
 * machine's load, so a verdict here is a finding to act on, not a build's. Run it with
 * {@code mvn -B verify -pl demo -am -DskipTests -Pjit-literals} (docs/perf.md, "Zero bytes per frame and the JIT").
 */
@Tag(FramePathLiteralsIT.TAG)
class FramePathLiteralsIT
{
    /** The JUnit tag that keeps this check out of the default build; the {@code jit-literals} profile runs it. */
    static final String TAG = "jit-literals";
    static final double SECONDS = 8;
    static final double TICK_RATE_HZ = 1000;
    static final List<String> JIT_FLAGS = List.of(
        "-XX:+PrintCompilation",
        "-XX:Tier3InvocationThreshold=100", "-XX:Tier3MinInvocationThreshold=50", "-XX:Tier3CompileThreshold=200",
        "-XX:Tier4InvocationThreshold=300", "-XX:Tier4MinInvocationThreshold=100", "-XX:Tier4CompileThreshold=500");
    /** {@code uptime-ms compile-id flags tier class::method}, as -XX:+PrintCompilation prints a compile. */
    private static final Pattern COMPILE = Pattern.compile("^\\s*(\\d+)\\s+\\d+\\s+[ %sbn!]*?([0-4])\\s+([\\w.$/]+)::");
    private static final Pattern FRAMES = Pattern.compile(Pattern.quote(SoakMain.FRAMES_LINE) +
        " steadyFromUptimeMs=(-?\\d+) lastFrameUptimeMs=(-?\\d+)");
    private static final List<String> LITERAL_FREE_PACKAGES =
        List.of("dev.isochron.engine.", "dev.isochron.input.", "dev.isochron.render.");
    /** What the soak's own probes run between the frames (LWJGL's debug allocator, which it turns on to count). */
    private static final Set<String> SOAK_PROBE_CLASSES =
        Set.of("org.lwjgl.system.MemoryManage$DebugAllocator", "org.lwjgl.system.StackWalkUtil");

    @ParameterizedTest
    @EnumSource(SoakScene.class)
    void shouldCompileNoFramePathClassWhoseLiteralsAreLeftToResolve(final SoakScene scene)
        throws IOException, InterruptedException
    {
        final Path out = SceneSoak.outputRoot().resolve("literals").resolve(scene.cliName());
        Files.createDirectories(out);
        final SoakChild.Result child = SoakChild.run(scene, SECONDS, 2, TICK_RATE_HZ, out, JIT_FLAGS);
        assertEquals(0, child.exitCode, child.output);

        final Matcher frames = FRAMES.matcher(child.output);
        assertTrue(frames.find(), () -> "the child did not say when its frames ran:\n" + child.output);
        final long steadyFromMs = Long.parseLong(frames.group(1));
        final long lastFrameMs = Long.parseLong(frames.group(2));
        assertTrue(steadyFromMs > 0 && lastFrameMs > steadyFromMs,
            () -> "frames ran from " + steadyFromMs + " to " + lastFrameMs + " ms:\n" + child.output);

        final Set<String> resolved = resolvedClasses(scene);
        final Map<String, List<String>> unresolved = new LinkedHashMap<>();
        final List<String> compiled = new ArrayList<>();
        for (final String name : compiledClasses(child.output, steadyFromMs, lastFrameMs))
        {
            final Class<?> type = loadable(name);
            if (null == type)
            {
                continue;
            }
            final List<String> literals = ClassConstants.stringConstants(type);
            final boolean jdk = null == type.getClassLoader() || ClassLoader.getPlatformClassLoader() == type.getClassLoader();
            compiled.add(name + " (" + literals.size() + " literals" + (resolved.contains(name) ? ", resolved" : "") +
                (jdk ? ", JDK" : "") + ")");
            if (!literals.isEmpty() && !jdk && !SOAK_PROBE_CLASSES.contains(name) &&
                (mustBeLiteralFree(name) || !resolved.contains(name)))
            {
                unresolved.put(name, literals);
            }
        }
        Files.write(out.resolve("frame-path-classes.txt"), compiled);
        assertTrue(compiled.size() > 10, () -> "too few classes compiled while frames ran, the run proves nothing: " +
            compiled + "\n" + child.output);
        assertEquals(Map.of(), unresolved, () -> "C2 compiled these classes while " + scene.cliName() + "'s frames ran " +
            "(" + steadyFromMs + "-" + lastFrameMs + " ms), and their literals would be resolved on the engine " +
            "thread that asked: make an engine/input/render-gl class literal-free (nested Messages class, " +
            "FramePathConstantPoolTest), add a demo class to its scene's frameClasses in DemoRun, add a third-party " +
            "or JDK class to FramePathLiterals.RUNTIME_CLASSES. All compiled classes: " + out.resolve("frame-path-classes.txt"));
    }

    /**
     * @return the classes with a compile at tier 2 to 4 logged between the two uptimes, in first-compile order: a
     * method at tier 2 or 3 is on its way to C2 (tier 1 is C1's final tier for trivial methods).
     */
    static Set<String> compiledClasses(final String printCompilation, final long fromMs, final long toMs)
    {
        final Set<String> classes = new LinkedHashSet<>();
        for (final String line : printCompilation.split("\n"))
        {
            final Matcher compile = COMPILE.matcher(line);
            if (compile.find() && compile.group(2).compareTo("2") >= 0 && !line.contains("made not entrant"))
            {
                final long atMs = Long.parseLong(compile.group(1));
                if (atMs >= fromMs && atMs <= toMs)
                {
                    classes.add(compile.group(3));
                }
            }
        }
        return classes;
    }

    private static Set<String> resolvedClasses(final SoakScene scene)
    {
        final DemoSettings settings = SoakMain.settings(scene, TICK_RATE_HZ, 0);
        final RuntimeConfig config = DemoRun.config(settings);
        DemoRun.application(settings, config);
        final Set<String> names = new TreeSet<>(FramePathLiterals.runtimeClasses());
        for (final Class<?> type : config.measurement().frameClasses())
        {
            names.add(type.getName());
        }
        return names;
    }

    private static boolean mustBeLiteralFree(final String name)
    {
        for (final String prefix : LITERAL_FREE_PACKAGES)
        {
            if (name.startsWith(prefix))
            {
                return true;
            }
        }
        return false;
    }

    /** @return the class, or null for one with no class file to read (hidden, generated, lambda forms). */
    private static Class<?> loadable(final String name)
    {
        if (name.contains("$$Lambda") || name.contains("/") || name.startsWith("java.lang.invoke.LambdaForm$") ||
            name.startsWith("jdk.internal.reflect.Generated"))
        {
            return null;
        }
        try
        {
            return Class.forName(name, false, FramePathLiteralsIT.class.getClassLoader());
        }
        catch (final ClassNotFoundException ex)
        {
            throw new AssertionError("compiled class " + name + " is not on the test class path", ex);
        }
    }
}
