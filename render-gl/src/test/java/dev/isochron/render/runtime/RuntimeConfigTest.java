package dev.isochron.render.runtime;

import dev.isochron.engine.testing.SpecialFiles;
import dev.isochron.render.Isochron;
import dev.isochron.render.context.ContextKind;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.InputStream;
import java.lang.invoke.MethodHandles;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import static org.junit.jupiter.api.Assertions.*;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/** Configuration errors (the embedder's and the measurement's) name the option, the allowed range and the value given. */
class RuntimeConfigTest
{
    @Test
    void shouldNameWidthAndRangeWhenSizeIsZero()
    {
        final IllegalArgumentException ex =
            assertThrows(IllegalArgumentException.class, () -> new RuntimeConfig().size(0, 10));
        assertEquals("width must be in [1, 16384], was 0", ex.getMessage());
    }

    @Test
    void shouldNameTheIndexOfANullFrameClass()
    {
        final IllegalArgumentException ex = assertThrows(IllegalArgumentException.class,
            () -> new MeasurementConfig().frameClasses(String.class, null));
        assertEquals("frameClasses[1] is null: pass the classes themselves", ex.getMessage());
    }

    @Test
    void shouldRefuseAnArrayFrameClassNamingItsElementClass()
    {
        final IllegalArgumentException ex = assertThrows(IllegalArgumentException.class,
            () -> new MeasurementConfig().frameClasses(String.class, Scenery[][].class));
        assertEquals("frameClasses[1] is the array class " + Scenery.class.getName() + "[][], which has no " +
            "constant pool: pass its element class " + Scenery.class.getName() + " instead", ex.getMessage());
    }

    @Test
    void shouldRefuseAnArrayOfAPrimitiveTypeAsAFrameClass()
    {
        final IllegalArgumentException ex = assertThrows(IllegalArgumentException.class,
            () -> new MeasurementConfig().frameClasses(float[].class));
        assertEquals("frameClasses[0] is the array class float[], which has no constant pool: pass the classes " +
            "whose methods use it instead", ex.getMessage());
    }

    @Test
    void shouldRefuseAPrimitiveTypeAsAFrameClass()
    {
        final IllegalArgumentException ex = assertThrows(IllegalArgumentException.class,
            () -> new MeasurementConfig().frameClasses(int.class));
        assertEquals("frameClasses[0] is the primitive type int, which has no constant pool: pass the classes " +
            "whose methods use it instead", ex.getMessage());
    }

    @Test
    void shouldRefuseALambdaProxyNamingTheClassThatDeclaresTheLambda()
    {
        final Runnable lambda = () -> System.out.println("a lambda's literal");
        final IllegalArgumentException ex = assertThrows(IllegalArgumentException.class,
            () -> new MeasurementConfig().frameClasses(lambda.getClass()));
        assertEquals("frameClasses[0] is the lambda proxy " + lambda.getClass().getName() + ", which holds none of " +
            "its lambda's literals: pass the class that declares the lambda (" + RuntimeConfigTest.class.getName() +
            ") instead", ex.getMessage());
    }

    @Test
    void shouldAddNoFrameClassWhenOneIsRefused()
    {
        final MeasurementConfig config = new MeasurementConfig();
        assertThrows(IllegalArgumentException.class, () -> config.frameClasses(Scenery.class, int.class));
        assertEquals(List.of(), config.frameClasses());
    }

    /** The kind that once crashed the resolving thread's JVM: see LiteralResolverKindTest in the engine. */
    @Test
    void shouldTakeAnInterfaceAsAFrameClass()
    {
        assertEquals(List.of(SceneStep.class), new MeasurementConfig().frameClasses(SceneStep.class).frameClasses());
    }

    @Test
    void shouldTakeAHiddenClassThatIsNotALambdaProxyAsAFrameClass() throws Exception
    {
        final byte[] bytes;
        final String resource = "/" + Scenery.class.getName().replace('.', '/') + ".class";
        try (InputStream in = Scenery.class.getResourceAsStream(resource))
        {
            bytes = in.readAllBytes();
        }
        final Class<?> hidden = MethodHandles.lookup().defineHiddenClass(bytes, false).lookupClass();
        assertEquals(List.of(hidden), new MeasurementConfig().frameClasses(hidden).frameClasses());
    }

    @Test
    void shouldNameWorkersAndRangeWhenNegative()
    {
        final IllegalArgumentException ex =
            assertThrows(IllegalArgumentException.class, () -> new RuntimeConfig().workers(-1));
        assertEquals("workers must be in [0, 64], was -1", ex.getMessage());
    }

    @Test
    void shouldNameSecondsWhenNaN()
    {
        final IllegalArgumentException ex =
            assertThrows(IllegalArgumentException.class, () -> new MeasurementConfig().seconds(Double.NaN));
        assertEquals("seconds must be finite and >= 0 (0 = no limit), was NaN", ex.getMessage());
    }

    @Test
    void shouldNameMeasurementWhenNull()
    {
        final IllegalArgumentException ex =
            assertThrows(IllegalArgumentException.class, () -> new RuntimeConfig().measurement(null));
        assertEquals("measurement must be a MeasurementConfig, was null", ex.getMessage());
    }

    @Test
    void shouldKeepOneMeasurementThatItsGetterChanges()
    {
        final RuntimeConfig config = new RuntimeConfig();
        config.measurement().frames(600);

        assertSame(config.measurement(), config.measurement());
        assertEquals(600, config.measurement().frames());
    }

    @Test
    void shouldNameThreadingWhenNull()
    {
        final IllegalArgumentException ex =
            assertThrows(IllegalArgumentException.class, () -> new RuntimeConfig().threading(null));
        assertEquals("threading must be SINGLE, MULTI, was null", ex.getMessage());
    }

    @Test
    void shouldRefuseRecordingAndReplayingTogether()
    {
        final RuntimeConfig config = new RuntimeConfig()
            .measurement(new MeasurementConfig().recordPath(Path.of("a.rec")).replayPath(Path.of("b.rec")));
        final IllegalArgumentException ex = assertThrows(IllegalArgumentException.class, config::conclude);
        assertTrue(ex.getMessage().startsWith("recordPath and replayPath must not both be set"), ex.getMessage());
    }

    @Test
    void shouldRefuseAWindowForTheNullRenderer()
    {
        final RuntimeConfig config = new RuntimeConfig().renderer(RendererKind.NULL).context(ContextKind.WINDOW);
        final IllegalArgumentException ex = assertThrows(IllegalArgumentException.class, config::conclude);
        assertEquals("context WINDOW needs renderer GL, was renderer NULL; the null renderer never opens a window",
            ex.getMessage());
    }

    @Test
    void shouldRefuseBatchesLargerThanTheVertexMemory()
    {
        final RuntimeConfig config = new RuntimeConfig().spriteCapacity(4_000_000).shapeCapacity(1_000_000);
        final IllegalArgumentException ex = assertThrows(IllegalArgumentException.class, config::conclude);
        assertTrue(ex.getMessage().startsWith("spriteCapacity + shapeCapacity + 2 x hudCapacity must be <= 4194304"),
            ex.getMessage());
    }

    @Test
    void shouldCheckTheCapacitiesOfABatchConfigThatReplacedTheDefault()
    {
        final RuntimeConfig config = new RuntimeConfig()
            .batches(new BatchConfig().spriteCapacity(4_000_000).shapeCapacity(1_000_000));
        final IllegalArgumentException ex = assertThrows(IllegalArgumentException.class, config::conclude);
        assertTrue(ex.getMessage().startsWith("spriteCapacity + shapeCapacity + 2 x hudCapacity must be <= 4194304"),
            ex.getMessage());
    }

    @Test
    void shouldSetTheBatchGroupThroughTheShorthands()
    {
        final RuntimeConfig config = new RuntimeConfig().hudCapacity(1024).vertexStreaming(VertexStreaming.STAGING);

        assertEquals(1024, config.batches().hudCapacity());
        assertEquals(VertexStreaming.STAGING, config.batches().vertexStreaming());
    }

    @Test
    void shouldReadTheReplacedWatchdogConfigThroughTheShorthands()
    {
        final RuntimeConfig config = new RuntimeConfig()
            .watchdog(new WatchdogConfig().threshold(Duration.ofMillis(40)).startUp(3, Duration.ofSeconds(1)));

        assertEquals(Duration.ofMillis(40), config.stallWatchdog());
        assertEquals(3, config.stallWatchdogStartUpUnits());
        assertEquals(Duration.ofSeconds(1), config.stallWatchdogStartUpBudget());
    }

    @Test
    void shouldNameTheCapacityAndRangeWhenAGroupSetterIsGivenZero()
    {
        final IllegalArgumentException ex =
            assertThrows(IllegalArgumentException.class, () -> new BatchConfig().shapeCapacity(0));
        assertEquals("shapeCapacity must be in [1, 4000000], was 0", ex.getMessage());
    }

    @Test
    void shouldNameWatchdogWhenNull()
    {
        final IllegalArgumentException ex =
            assertThrows(IllegalArgumentException.class, () -> new RuntimeConfig().watchdog(null));
        assertEquals("watchdog must be a WatchdogConfig, was null", ex.getMessage());
    }

    static final class Scenery
    {
        String describe()
        {
            return "some scenery";
        }
    }

    interface SceneStep
    {
        default String describe()
        {
            return "a step of the scene";
        }
    }

    @Test
    void shouldRefuseAFifoAsReplayPathInsteadOfBlockingTheRun(@TempDir final Path dir) throws Exception
    {
        final Path fifo = SpecialFiles.mkfifo(dir.resolve("input.fifo"));
        final RuntimeConfig config = ApplicationRunnerTest.headless(Threading.MULTI)
            .measurement(ApplicationRunnerTest.measured().frames(1).replayPath(fifo));

        final IllegalArgumentException ex = assertTimeoutPreemptively(Duration.ofSeconds(10),
            () -> assertThrows(IllegalArgumentException.class, () -> Isochron.run(new TestScene(1), config)));

        assertEquals("replayPath " + fifo + " is a FIFO (named pipe), not a regular file; give a recording made with " +
            "recordPath", ex.getMessage());
    }

    @Test
    void shouldRefuseAMissingReplayPath(@TempDir final Path dir)
    {
        final Path missing = dir.resolve("missing.isoinput");
        final RuntimeConfig config = new RuntimeConfig().measurement(new MeasurementConfig().replayPath(missing));

        final IllegalArgumentException ex = assertThrows(IllegalArgumentException.class, config::conclude);

        assertEquals("replayPath " + missing + " does not exist; give a recording made with recordPath", ex.getMessage());
    }

    @Test
    void shouldRefuseDevFullAsReportPathBeforeTheRun()
    {
        assumeTrue(Files.exists(Path.of("/dev/full")), "/dev/full is absent here");
        final RuntimeConfig config = new RuntimeConfig()
            .measurement(new MeasurementConfig().reportPath(Path.of("/dev/full")));

        final IllegalArgumentException ex = assertThrows(IllegalArgumentException.class, config::conclude);

        assertEquals("reportPath /dev/full: it is a character device, not a regular file; give the path of a " +
            "regular file", ex.getMessage());
    }

    @Test
    void shouldRefuseAScreenshotPathInAMissingDirectoryBeforeTheRun(@TempDir final Path dir)
    {
        final Path png = dir.resolve("missing").resolve("shot.png");
        final RuntimeConfig config = new RuntimeConfig().measurement(new MeasurementConfig().screenshotPath(png));

        final IllegalArgumentException ex = assertThrows(IllegalArgumentException.class, config::conclude);

        assertEquals("screenshotPath " + png + ": directory " + png.getParent() + " does not exist (create it first)",
            ex.getMessage());
    }

    @Test
    void shouldRefuseAFrameLimitAtTheWarmUpNamingBothAndTheFix()
    {
        final RuntimeConfig config = new RuntimeConfig().measurement(new MeasurementConfig().frames(300));

        final IllegalArgumentException ex = assertThrows(IllegalArgumentException.class, config::conclude);

        assertEquals("frames 300 leaves the report no frame to measure after warmupFrames 300 (a run measures the " +
            "frames after the warm-up but the last, which no next frame times): frames must be 0 (no limit) or at " +
            "least warmupFrames + 2 = 302; raise frames to 302 or lower warmupFrames to 298 (warmupFrames(0) for a " +
            "short run)", ex.getMessage());
    }

    @Test
    void shouldRefuseAFrameLimitOneAboveTheWarmUpWhichMeasuresNothing()
    {
        final RuntimeConfig config = new RuntimeConfig().measurement(new MeasurementConfig().warmupFrames(0).frames(1));

        final IllegalArgumentException ex = assertThrows(IllegalArgumentException.class, config::conclude);

        assertEquals("frames 1 leaves the report no frame to measure after warmupFrames 0 (a run measures the " +
            "frames after the warm-up but the last, which no next frame times): frames must be 0 (no limit) or at " +
            "least warmupFrames + 2 = 2; raise frames to 2 (warmupFrames(0) for a short run)", ex.getMessage());
    }

    @Test
    void shouldRefuseAShortRunBeforeAnythingStarts()
    {
        final IllegalArgumentException ex = assertThrows(IllegalArgumentException.class, () -> Isochron.run(
            new TestScene(1), new RuntimeConfig().renderer(RendererKind.NULL)
                .measurement(new MeasurementConfig().frames(10))));

        assertTrue(ex.getMessage().startsWith("frames 10 leaves the report no frame to measure after warmupFrames 300"),
            ex.getMessage());
        assertEquals(List.of(), ApplicationRunnerTest.liveRuntimeThreads());
    }

    @Test
    void shouldTakeTheShortestFrameLimitThatMeasuresAFrame()
    {
        final RunResult result = Isochron.run(new TestScene(1), new RuntimeConfig().renderer(RendererKind.NULL)
            .measurement(new MeasurementConfig().warmupFrames(3).frames(5)));

        assertEquals(ExitCause.FRAME_LIMIT, result.exitCause());
        assertEquals(1, result.report().frames());
    }

    @Test
    void shouldTakeNoFrameLimitWhateverTheWarmUp()
    {
        assertDoesNotThrow(() -> new RuntimeConfig()
            .measurement(new MeasurementConfig().warmupFrames(1000).frames(0)).conclude());
    }
}
