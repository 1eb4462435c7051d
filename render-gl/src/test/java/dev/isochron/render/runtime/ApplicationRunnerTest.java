package dev.isochron.render.runtime;

import dev.isochron.engine.loop.LoopConfig;
import dev.isochron.render.Isochron;
import dev.isochron.render.context.ContextKind;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.isochron.input.synthetic.SyntheticInputConfig;
import dev.isochron.render.gl.Texture;
import dev.isochron.render.gl.TextureFilter;
import dev.isochron.render.gl.TextureWrap;

import java.nio.file.Files;
import java.nio.file.Path;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.*;

/** Headless runs of the whole runtime: failures per phase, clean ends, thread and GL object hygiene. */
class ApplicationRunnerTest
{
    private static final int FRAMES = 30;

    @AfterEach
    void noRuntimeThreadIsLeft()
    {
        assertEquals(List.of(), liveRuntimeThreads(), "runtime threads still alive after the run");
    }

    static RuntimeConfig headless(final Threading threading)
    {
        return new RuntimeConfig()
            .context(ContextKind.HEADLESS)
            .size(64, 48)
            .threading(threading)
            .measurement(measured())
            .loop(new LoopConfig().tickRateHz(240));
    }

    /** @return a measurement without warm-up, for the tests' short runs; add the run's limit to it. */
    static MeasurementConfig measured()
    {
        return new MeasurementConfig().warmupFrames(0);
    }

    static List<String> liveRuntimeThreads()
    {
        final List<String> names = new ArrayList<>();
        for (final Thread thread : Thread.getAllStackTraces().keySet())
        {
            if (thread.isAlive() && thread.getName().startsWith("isochron-"))
            {
                names.add(thread.getName());
            }
        }
        return names;
    }

    @Test
    void shouldEndAtTheFrameLimitWithAReport()
    {
        final TestScene scene = new TestScene(100);
        final RunResult result = Isochron.run(scene, headless(Threading.MULTI).measurement(measured().frames(FRAMES)));

        assertEquals(ExitCause.FRAME_LIMIT, result.exitCause());
        assertEquals(FRAMES, result.frames());
        assertEquals(3, scene.statesMade);
        assertTrue(scene.disposed);
        assertEquals(FRAMES - 1, result.report().frames(), "frames measured: each but the last, which has no successor");
        assertTrue(result.report().toJson().contains("\"glRenderer\": \"llvmpipe"), result.report().toJson());
    }

    @Test
    void shouldEndWhenRenderRequestsExit()
    {
        final TestScene scene = new TestScene(10);
        scene.exitAtFrame = 5;
        final RunResult result = Isochron.run(scene, headless(Threading.MULTI));

        assertEquals(ExitCause.EXIT_REQUESTED, result.exitCause());
        assertEquals(6, result.frames());
        assertTrue(scene.disposed);
    }

    @Test
    void shouldThrowInitFailureNamingPhaseAndRenderThread()
    {
        final TestScene scene = new TestScene(10);
        scene.throwInInit = true;
        final ApplicationFailure failure =
            assertThrows(ApplicationFailure.class, () -> Isochron.run(scene, headless(Threading.MULTI)
                .measurement(measured().frames(FRAMES))));

        assertEquals(Phase.INIT, failure.phase());
        assertEquals("isochron-render", failure.threadName());
        assertEquals("init failed on purpose", failure.getCause().getMessage());
        assertEquals(0, failure.getSuppressed().length, "no later failure (a GL object leak would be one)");
        assertFalse(scene.disposed, "dispose runs only after init returned");
    }

    @Test
    void shouldThrowUpdateFailureNamingPhaseAndSimulationThread()
    {
        final TestScene scene = new TestScene(10);
        scene.throwInUpdateAtTick = 3;
        final ApplicationFailure failure =
            assertThrows(ApplicationFailure.class, () -> Isochron.run(scene, headless(Threading.MULTI)));

        assertEquals(Phase.UPDATE, failure.phase());
        assertEquals("isochron-simulation", failure.threadName());
        assertEquals("update failed on purpose", failure.getCause().getMessage());
        assertEquals(0, failure.getSuppressed().length);
        assertTrue(scene.disposed);
    }

    @Test
    void shouldThrowRenderFailureNamingPhaseAndRenderThread()
    {
        final TestScene scene = new TestScene(10);
        scene.throwInRenderAtFrame = 4;
        final ApplicationFailure failure =
            assertThrows(ApplicationFailure.class, () -> Isochron.run(scene, headless(Threading.MULTI)));

        assertEquals(Phase.RENDER, failure.phase());
        assertEquals("isochron-render", failure.threadName());
        assertEquals("render failed on purpose", failure.getCause().getMessage());
        assertEquals(0, failure.getSuppressed().length);
        assertTrue(scene.disposed);
    }

    @Test
    void shouldThrowInitFailureOnTheCallersThreadSingleThreaded()
    {
        final TestScene scene = new TestScene(10);
        scene.throwInInit = true;
        final ApplicationFailure failure =
            assertThrows(ApplicationFailure.class, () -> Isochron.run(scene, headless(Threading.SINGLE)
                .measurement(measured().frames(FRAMES))));

        assertEquals(Phase.INIT, failure.phase());
        assertEquals(Thread.currentThread().getName(), failure.threadName());
        assertEquals(0, failure.getSuppressed().length);
    }

    @Test
    void shouldThrowUpdateFailureOnTheCallersThreadSingleThreaded()
    {
        final TestScene scene = new TestScene(10);
        scene.throwInUpdateAtTick = 3;
        final ApplicationFailure failure =
            assertThrows(ApplicationFailure.class, () -> Isochron.run(scene, headless(Threading.SINGLE)));

        assertEquals(Phase.UPDATE, failure.phase());
        assertEquals(Thread.currentThread().getName(), failure.threadName());
        assertEquals(0, failure.getSuppressed().length);
        assertTrue(scene.disposed);
    }

    @Test
    void shouldThrowRenderFailureOnTheCallersThreadSingleThreaded()
    {
        final TestScene scene = new TestScene(10);
        scene.throwInRenderAtFrame = 4;
        final ApplicationFailure failure =
            assertThrows(ApplicationFailure.class, () -> Isochron.run(scene, headless(Threading.SINGLE)));

        assertEquals(Phase.RENDER, failure.phase());
        assertEquals(Thread.currentThread().getName(), failure.threadName());
        assertEquals(0, failure.getSuppressed().length);
        assertTrue(scene.disposed);
    }

    @Test
    void shouldThrowDisposeFailureAfterARunThatEndedNormally()
    {
        final TestScene scene = new TestScene(10);
        scene.throwInDispose = true;
        final ApplicationFailure failure =
            assertThrows(ApplicationFailure.class, () -> Isochron.run(scene, headless(Threading.MULTI)
                .measurement(measured().frames(FRAMES))));

        assertEquals(Phase.DISPOSE, failure.phase());
        assertEquals("isochron-render", failure.threadName());
    }

    @Test
    void shouldKeepRenderFailureFirstAndAttachDisposeFailure()
    {
        final TestScene scene = new TestScene(10);
        scene.throwInRenderAtFrame = 2;
        scene.throwInDispose = true;
        final ApplicationFailure failure =
            assertThrows(ApplicationFailure.class, () -> Isochron.run(scene, headless(Threading.MULTI)));

        assertEquals(Phase.RENDER, failure.phase());
        assertEquals(1, failure.getSuppressed().length);
        assertEquals(Phase.DISPOSE, ((ApplicationFailure)failure.getSuppressed()[0]).phase());
    }

    @Test
    void shouldFailTheRunNamingAGlObjectTheApplicationLeaked()
    {
        final TestScene scene = new TestScene(10)
        {
            public void init(final Init init)
            {
                super.init(init);
                Texture.fromRgba("texture leaked on purpose", 1, 1, 0L, TextureFilter.NEAREST, TextureWrap.CLAMP_TO_EDGE);
            }
        };
        final ApplicationFailure failure =
            assertThrows(ApplicationFailure.class, () -> Isochron.run(scene, headless(Threading.MULTI)
                .measurement(measured().frames(3))));

        assertEquals(Phase.RUNTIME, failure.phase());
        assertTrue(failure.getCause().getMessage().contains("texture leaked on purpose"), failure.getCause().getMessage());
    }

    @Test
    void shouldEndWhenUpdateRequestsExit()
    {
        final TestScene scene = new TestScene(10);
        scene.exitAtTick = 10;
        final RunResult result = Isochron.run(scene, headless(Threading.MULTI));

        assertEquals(ExitCause.EXIT_REQUESTED, result.exitCause());
        assertEquals(11, result.ticks());
    }

    /** llvmpipe's fences are unsafe to poll and free every frame (DriverWorkarounds.fenceRace): AUTO stages there. */
    @Test
    void shouldStageVerticesOnLlvmpipeUnlessTheRingIsAskedFor()
    {
        final RunResult auto = Isochron.run(new TestScene(10), headless(Threading.MULTI)
            .measurement(measured().frames(5)));
        final RunResult ring = Isochron.run(new TestScene(10), headless(Threading.MULTI)
            .measurement(measured().frames(5)).vertexStreaming(VertexStreaming.RING));
        final RunResult staging = Isochron.run(new TestScene(10), headless(Threading.MULTI)
            .measurement(measured().frames(5)).vertexStreaming(VertexStreaming.STAGING));

        assertTrue(auto.report().toJson().contains("\"glRenderer\": \"llvmpipe"), "the CI renderer");
        assertEquals(0.0, auto.report().extraValue("persistentVertexRing"));
        assertEquals(1.0, ring.report().extraValue("persistentVertexRing"), "llvmpipe has ARB_buffer_storage");
        assertEquals(0.0, staging.report().extraValue("persistentVertexRing"));
    }

    @Test
    void shouldStageOnlyWhereTheFenceRaceIsKnownOrWhenAsked()
    {
        assertTrue(FrameSubmission.stageVertices(VertexStreaming.AUTO, "llvmpipe (LLVM 15.0.6, 256 bits)"));
        assertFalse(FrameSubmission.stageVertices(VertexStreaming.AUTO, "AMD Radeon RX 6600 (radeonsi, navi23, LLVM 15)"));
        assertFalse(FrameSubmission.stageVertices(VertexStreaming.AUTO, "softpipe"));
        assertTrue(FrameSubmission.stageVertices(VertexStreaming.STAGING, "Mesa Intel(R) UHD Graphics 620 (KBL GT2)"));
        assertFalse(FrameSubmission.stageVertices(VertexStreaming.RING, "softpipe"));
    }

    /** llvmpipe runs an instanced draw once per instance (DriverWorkarounds.perInstanceDraws): AUTO makes vertices. */
    @Test
    void shouldDrawSpritesAsVerticesOnLlvmpipeUnlessInstancesAreAskedFor()
    {
        final RunResult auto = Isochron.run(new TestScene(10), headless(Threading.MULTI)
            .measurement(measured().frames(5)));
        final RunResult instanced = Isochron.run(new TestScene(10), headless(Threading.MULTI)
            .measurement(measured().frames(5)).spritePath(SpritePath.INSTANCED));
        final RunResult vertices = Isochron.run(new TestScene(10), headless(Threading.MULTI)
            .measurement(measured().frames(5)).spritePath(SpritePath.VERTICES));

        assertTrue(auto.report().toJson().contains("\"glRenderer\": \"llvmpipe"), "the CI renderer");
        assertEquals(0.0, auto.report().extraValue("instancedSprites"));
        assertEquals(1.0, instanced.report().extraValue("instancedSprites"), "llvmpipe draws instances");
        assertEquals(0.0, vertices.report().extraValue("instancedSprites"));
    }

    @Test
    void shouldInstanceSpritesOnlyWhereTheRendererDrawsInstancesCheaplyOrWhenAsked()
    {
        assertFalse(FrameSubmission.instanceSprites(SpritePath.AUTO, true, "llvmpipe (LLVM 15.0.6, 256 bits)"));
        assertFalse(FrameSubmission.instanceSprites(SpritePath.AUTO, true, "softpipe"));
        assertTrue(FrameSubmission.instanceSprites(SpritePath.AUTO, true, "NVIDIA H200/PCIe/SSE2"));
        assertTrue(FrameSubmission.instanceSprites(SpritePath.AUTO, true, null), "the null renderer");
        assertTrue(FrameSubmission.instanceSprites(SpritePath.INSTANCED, true, "llvmpipe (LLVM 15.0.6, 256 bits)"));
        assertFalse(FrameSubmission.instanceSprites(SpritePath.INSTANCED, false, "NVIDIA H200/PCIe/SSE2"),
            "a backend without instanced arrays");
        assertFalse(FrameSubmission.instanceSprites(SpritePath.VERTICES, true, "NVIDIA H200/PCIe/SSE2"));
    }

    @Test
    void shouldEndAtTheTimeLimit()
    {
        final RunResult result = Isochron.run(new TestScene(10), headless(Threading.SINGLE)
            .measurement(measured().seconds(0.2)));

        assertEquals(ExitCause.TIME_LIMIT, result.exitCause());
    }

    @Test
    void shouldRunTheNullRendererWithoutAContext()
    {
        final TestScene scene = new TestScene(100);
        final RunResult result = Isochron.run(scene, headless(Threading.MULTI).renderer(RendererKind.NULL)
            .measurement(measured().frames(FRAMES)));

        assertEquals(ExitCause.FRAME_LIMIT, result.exitCause());
        assertTrue(scene.initialised);
        assertTrue(result.report().toJson().contains("\"glRenderer\": \"null\""), result.report().toJson());
    }

    @Test
    void shouldSkipFramesWhoseRenderThrowsUnderTheSkipPolicy()
    {
        final TestScene scene = new TestScene(10);
        scene.throwInRenderAtFrame = 3;
        final RunResult result = Isochron.run(scene,
            headless(Threading.MULTI).failurePolicy(FailurePolicy.SKIP_FRAME).measurement(measured().frames(FRAMES)));

        assertEquals(ExitCause.FRAME_LIMIT, result.exitCause());
        assertEquals(1, result.skippedFrames());
        assertEquals("render failed on purpose", result.firstSkippedFrameFailure().getMessage());
    }

    @Test
    void shouldWriteTheScreenshotAndReportOfTheLastFrame(@TempDir final Path directory) throws Exception
    {
        final Path png = directory.resolve("last.png");
        final Path json = directory.resolve("report.json");
        Isochron.run(new TestScene(100), headless(Threading.MULTI)
            .measurement(measured().frames(5).screenshotPath(png).reportPath(json))
            .hudVisible(true));

        assertTrue(Files.size(png) > 0);
        assertTrue(Files.readString(json).contains("\"allocBytesPerFrame\""));
    }

    @Test
    void shouldReplayTheRecordedInputTickByTick(@TempDir final Path directory)
    {
        final Path recording = directory.resolve("input.rec");
        final TestScene recorded = new TestScene(10);
        recorded.exitAtTick = 100;
        Isochron.run(recorded, headless(Threading.MULTI)
            .measurement(measured().recordPath(recording).syntheticInput(new SyntheticInputConfig()
                .mouseDragHz(2_000))));

        final TestScene replayed = new TestScene(10);
        replayed.exitAtTick = 100;
        Isochron.run(replayed, headless(Threading.MULTI).measurement(measured().replayPath(recording)));

        assertTrue(recorded.totalEventsSeen > 0);
        assertEquals(recorded.totalEventsSeen, replayed.totalEventsSeen);
    }

    @Test
    void shouldFreeTheDefaultFontsAtlasPixelsWhenTheRunEnds()
    {
        final dev.isochron.render.text.Font[] font = new dev.isochron.render.text.Font[1];
        final TestScene scene = new TestScene(10)
        {
            public void init(final Init init)
            {
                super.init(init);
                font[0] = init.defaultFont();
            }
        };
        Isochron.run(scene, headless(Threading.MULTI).measurement(measured().frames(3)));

        final IllegalStateException closed = assertThrows(IllegalStateException.class, () -> font[0].atlasRgba());
        assertTrue(closed.getMessage().contains("used after close(): its atlas pixels were freed"), closed.getMessage());
    }
}
