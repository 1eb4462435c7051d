package dev.isochron.demo.soak;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import dev.isochron.engine.metrics.ThreadRole;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * The bounded soak of one demo scene: runs {@link SoakMain} in a child JVM (headless EGL on llvmpipe with
 * {@code LP_NUM_THREADS=1}, engine mode, multi-threaded, under the synthetic input storm) once for the class, then
 * judges its {@link SoakRecord}, one behaviour per test.
 * <p>
 * Length: {@value #SECONDS_PROPERTY} seconds per scene from the child JVM's start (default
 * {@value #DEFAULT_SECONDS}, so the four scenes take about a minute in CI), measured in {@value #WINDOWS_PROPERTY}
 * windows (default: one per 30 s, at least 4, at most 20). A long local run:
 * {@code mvn -B -o -pl demo -am verify -Dit.test='Soak*' -Dtest=none -Dsurefire.failIfNoSpecifiedTests=false
 * -Dfailsafe.failIfNoSpecifiedTests=false -Disochron.soak.seconds=600} (the failsafe flag because render-gl, built by
 * {@code -am}, has ITs of its own and none named Soak). Outputs stay under {@code <build dir>/soak/<scene>/}: the record
 * ({@value SoakMain#RECORD_FILE}), the run report ({@value SoakMain#REPORT_FILE}, with the soak's figures as
 * {@code soak...} extras), LWJGL's live allocations with their stacks ({@value SoakMain#NATIVE_FILE}), the GC log and
 * the child's output.
 * <p>
 * Bounds, and why:
 * <ul>
 * <li>heap used after {@code System.gc()}: at most {@value #HEAP_GROWTH_BOUND_BYTES} bytes more at the last snapshot
 * than at the first, and not rising by more than {@value #HEAP_RISE_NOISE_BYTES} bytes in every window. A steady scene
 * measured within a few hundred bytes over ten windows; a JIT compile transition inside a window kept at most ~4 KiB
 * (interned strings, method-handle caches), once. A leak rises in every window by its size times the window's frames:
 * a 32-byte array kept every frame of the sprites scene (100-200 frames per second on a loaded machine) raised the heap
 * by 4 to 6 KiB in every CI window and failed the trend check; one kept every 10 frames (300-700 bytes per window)
 * stays under the noise in a CI run, and fails the allocation check instead. The total bound catches larger leaks,
 * and slower ones in the long run.</li>
 * <li>LWJGL's allocator (live allocations and bytes), the JDK's direct buffer pool and the live GL objects: exactly
 * equal at every snapshot. The frame path allocates none of them, so any change is growth.</li>
 * <li>no collection inside any window, and exactly 0 bytes allocated by every engine thread inside every window.</li>
 * </ul>
 * <p>
 * JIT: the child runs C1 only by default ({@value #JIT_PROPERTY}{@code =c1}). C1 does no escape analysis, so 0 bytes
 * there means the frame path's bytecode allocates nothing, a stronger claim than a zero that may rest on C2's scalar
 * replacement. Under the default tiered JIT the same scenes read 0 in most windows, but C2's compile and
 * deoptimization transitions allocated one-off Strings and byte[] (24 to 152 bytes each, up to ~3.7 KB in a window;
 * JFR placed them at frame-path call sites that allocate nothing, such as {@code TripleBuffer.frontSequence}) as late
 * as 35 s into a run on the loaded 2-core machine, which a strict per-window zero in a 15 s run cannot tell from a
 * real allocation. {@code -Disochron.soak.jit=tiered} runs the production JIT; give it a long run. The heap, native,
 * GL and GC checks do not depend on the JIT.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class SceneSoak
{
    /** Seconds per scene, from the child JVM's start to its end. */
    static final String SECONDS_PROPERTY = "isochron.soak.seconds";
    /** Measured windows per scene. */
    static final String WINDOWS_PROPERTY = "isochron.soak.windows";
    /** The fixed tick rate of the soak. */
    static final String TICK_RATE_PROPERTY = "isochron.soak.tickRateHz";
    /**
     * The child's JIT: {@code c1} (default) stops tiered compilation at C1 ({@code -XX:TieredStopAtLevel=1}),
     * {@code tiered} keeps the JVM's default (C1 then C2).
     */
    static final String JIT_PROPERTY = "isochron.soak.jit";
    /** Where the outputs go (set by the demo pom to the build directory's {@code soak}). */
    static final String DIR_PROPERTY = "isochron.soak.dir";
    static final double DEFAULT_SECONDS = 15;
    /**
     * As the smoke ITs: 1 kHz ticks compile the tick path within the short warm-up (a tick path still interpreted can
     * allocate what the compiled one does not).
     */
    static final double DEFAULT_TICK_RATE_HZ = 1000;
    static final long HEAP_GROWTH_BOUND_BYTES = 256 * 1024;
    static final long HEAP_RISE_NOISE_BYTES = 1024;
    /** Fewer frames in a window means the scene stopped rendering: the window would prove nothing. */
    static final long MIN_FRAMES_PER_WINDOW = 20;

    private final SoakScene scene;
    private Path dir;
    private String childOutput;
    private SoakRecord record;

    SceneSoak(final SoakScene scene)
    {
        this.scene = scene;
    }

    @BeforeAll
    void soak() throws IOException, InterruptedException
    {
        final double seconds = Double.parseDouble(System.getProperty(SECONDS_PROPERTY, Double.toString(DEFAULT_SECONDS)));
        final int windows = Integer.getInteger(WINDOWS_PROPERTY, (int)Math.max(4, Math.min(20, Math.round(seconds / 30))));
        final double tickRateHz = Double.parseDouble(
            System.getProperty(TICK_RATE_PROPERTY, Double.toString(DEFAULT_TICK_RATE_HZ)));
        dir = outputRoot().resolve(scene.cliName());
        Files.createDirectories(dir);
        Files.deleteIfExists(dir.resolve(SoakMain.RECORD_FILE));
        Files.deleteIfExists(dir.resolve(SoakMain.REPORT_FILE));

        final String jit = System.getProperty(JIT_PROPERTY, "c1");
        final List<String> jitFlags = new ArrayList<>();
        if ("c1".equals(jit))
        {
            jitFlags.add("-XX:TieredStopAtLevel=1");
        }
        else if (!"tiered".equals(jit))
        {
            throw new IllegalArgumentException(JIT_PROPERTY + " must be one of [c1, tiered], was '" + jit + "'");
        }
        final SoakChild.Result child = SoakChild.run(scene, seconds, windows, tickRateHz, dir, jitFlags);
        childOutput = child.output;
        System.out.println("---- soak " + scene.cliName() + ": " + seconds + " s, " + windows + " windows, JIT " + jit +
            ", ticks " + tickRateHz + " Hz, " + SoakChild.describeSwitches() + " (" + dir + ")");
        System.out.print(childOutput);
        if (child.exitCode != 0 || !Files.isRegularFile(dir.resolve(SoakMain.RECORD_FILE)))
        {
            fail("soak child of " + scene.cliName() + " exited with " + child.exitCode + ":\n" + childOutput);
        }
        record = SoakRecord.load(dir.resolve(SoakMain.RECORD_FILE));
        final Path report = dir.resolve(SoakMain.REPORT_FILE);
        System.out.println("soak report: " + report.toAbsolutePath() + " (" + reportLine(report) + ")");
    }

    @Test
    void shouldMeasureEveryWindowAndEndWhenAsked()
    {
        assertEquals("", record.failure, this::describe);
        assertTrue(record.complete(), this::describe);
        assertEquals("EXIT_REQUESTED", record.exitCause, this::describe);
        for (int w = 0; w < record.windows; w++)
        {
            assertTrue(record.windowFrames[w] >= MIN_FRAMES_PER_WINDOW,
                "window " + w + " ran " + record.windowFrames[w] + " frames, fewer than " + MIN_FRAMES_PER_WINDOW +
                    ":\n" + describe());
        }
        assertEquals(1, record.threadsPerRole[ThreadRole.SIM.ordinal()], this::describe);
        assertEquals(1, record.threadsPerRole[ThreadRole.RENDER.ordinal()], this::describe);
        assertEquals(1, record.threadsPerRole[ThreadRole.WORKERS.ordinal()], this::describe);
        assertTrue(record.threadsPerRole[ThreadRole.PRODUCERS.ordinal()] >= 1, this::describe);
    }

    @Test
    void shouldNotGrowTheHeapBetweenTheFirstAndLastSnapshot()
    {
        requireComplete();
        assertTrue(record.heapGrowthBytes() <= HEAP_GROWTH_BOUND_BYTES,
            "heap used after GC grew by " + record.heapGrowthBytes() + " bytes (bound " + HEAP_GROWTH_BOUND_BYTES +
                "):\n" + describe());
    }

    @Test
    void shouldNotRaiseTheHeapInEveryWindow()
    {
        requireComplete();
        assertTrue(!record.heapRoseInEveryWindow(HEAP_RISE_NOISE_BYTES),
            "heap used after GC rose by more than " + HEAP_RISE_NOISE_BYTES + " bytes in every window (a leak):\n" +
                describe());
    }

    @Test
    void shouldNotGrowLwjglNativeMemory()
    {
        requireComplete();
        for (int i = 1; i <= record.windows; i++)
        {
            assertEquals(record.lwjglBytes[0], record.lwjglBytes[i], () -> "LWJGL bytes changed:\n" + describe());
            assertEquals(record.lwjglAllocations[0], record.lwjglAllocations[i],
                () -> "LWJGL allocations changed:\n" + describe());
        }
    }

    @Test
    void shouldNotGrowTheDirectBufferPool()
    {
        requireComplete();
        for (int i = 1; i <= record.windows; i++)
        {
            assertEquals(record.directBytes[0], record.directBytes[i], () -> "direct buffer bytes changed:\n" + describe());
            assertEquals(record.directBuffers[0], record.directBuffers[i],
                () -> "direct buffer count changed:\n" + describe());
        }
    }

    @Test
    void shouldNotGrowLiveGlObjects()
    {
        requireComplete();
        assertTrue(record.glObjects[0] > 0, () -> "no live GL objects read on the render thread:\n" + describe());
        for (int i = 1; i <= record.windows; i++)
        {
            assertEquals(record.glObjects[0], record.glObjects[i], () -> "live GL objects changed:\n" + describe());
        }
    }

    @Test
    void shouldNotCollectGarbageInsideTheWindows()
    {
        requireComplete();
        assertEquals(0, record.gcInWindows(), this::describe);
    }

    @Test
    void shouldNotAllocateOnAnyEngineThreadInsideTheWindows()
    {
        requireComplete();
        final StringBuilder allocated = new StringBuilder();
        final ThreadRole[] roles = ThreadRole.values();
        for (int w = 0; w < record.windows; w++)
        {
            for (int r = 0; r < roles.length; r++)
            {
                if (record.windowBytes[w][r] != 0)
                {
                    allocated.append(String.format(Locale.ROOT, " window %d %s %d bytes (%d frames);", w,
                        roles[r].reportKey(), record.windowBytes[w][r], record.windowFrames[w]));
                }
            }
        }
        assertEquals("", allocated.toString(), this::describe);
    }

    @Test
    void shouldWriteTheRunReport() throws IOException
    {
        final Path report = dir.resolve(SoakMain.REPORT_FILE);
        assertTrue(Files.isRegularFile(report), "no run report at " + report);
        final String json = Files.readString(report, StandardCharsets.UTF_8);
        assertTrue(json.contains("\"scene\": \"" + scene.cliName() + "\""), json);
        assertTrue(json.contains("\"mode\": \"engine\""), json);
        assertTrue(number(json, "frames") > 0, json);
        assertTrue(number(json, "inputEvents") > 0, () -> "the storm's events never reached a tick: " + json);
        assertEquals(record.windowsDone, number(json, "soakWindows"), json);
    }

    private void requireComplete()
    {
        assertTrue(record.complete(), () -> "the soak did not finish its windows:\n" + describe());
    }

    private String describe()
    {
        return record.table() + "outputs: " + dir;
    }

    /** @return where the soak outputs go: the build directory's {@code soak}, or {@code target/soak}. */
    static Path outputRoot()
    {
        final String soakDir = System.getProperty(DIR_PROPERTY);
        if (null != soakDir && !soakDir.isEmpty())
        {
            return Path.of(soakDir);
        }
        return Path.of("target", "soak").toAbsolutePath();
    }

    /** @return the report's frames, FPS and input figures in one line. */
    private static String reportLine(final Path report) throws IOException
    {
        if (!Files.isRegularFile(report))
        {
            return "missing";
        }
        final String json = Files.readString(report, StandardCharsets.UTF_8);
        return String.format(Locale.ROOT, "%.0f frames, %.1f FPS mean, %.0f input events, %.0f dropped",
            number(json, "frames"), number(json, "fpsMean"), number(json, "inputEvents"), number(json, "inputDrops"));
    }

    private static double number(final String json, final String key)
    {
        final Matcher value = Pattern.compile("\"" + Pattern.quote(key) + "\"\\s*:\\s*(-?[0-9.eE+-]+)").matcher(json);
        if (!value.find())
        {
            throw new AssertionError("report has no number '" + key + "': " + json);
        }
        return Double.parseDouble(value.group(1));
    }
}
