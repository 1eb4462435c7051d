package dev.isochron.render.runtime;

import dev.isochron.engine.thread.WorkerFailureException;
import dev.isochron.engine.watchdog.StallReporter;
import dev.isochron.input.queue.InputQueueConfig;
import dev.isochron.input.synthetic.SyntheticInputConfig;
import dev.isochron.render.Isochron;
import dev.isochron.render.context.GlContextException;
import dev.isochron.render.gl.GlException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.*;
import static org.lwjgl.opengl.GL11C.GL_TEXTURE_2D;
import static org.lwjgl.opengl.GL11C.glBindTexture;
import static org.lwjgl.opengl.GL45C.GL_GUILTY_CONTEXT_RESET;

/**
 * Faults injected into whole headless runs (EGL, llvmpipe), each with its defined outcome: either the loop survives
 * and the event is reported (stalls, an input flood), or the run stops cleanly with the cause (a render worker that
 * throws, a GL error, a lost context); in every case no runtime thread is left running.
 */
class RuntimeFaultTest
{
    private static final int FRAMES = 30;
    private static final int FAULT_FRAME = 10;
    private static final long STALL_MILLIS = 200;
    /**
     * Half the injected stall's length and less: the monitor thread (polling every threshold / 4) then has 150 ms to
     * see the stall while it lasts, which it needs on a loaded 2-core machine where a parked thread can wake late.
     */
    private static final Duration WATCHDOG_THRESHOLD = Duration.ofMillis(50);

    /** Keeps what the watchdog reported, instead of printing it. */
    private static final class CollectingReporter implements StallReporter
    {
        final List<String> threads = new ArrayList<>();

        public synchronized void onStall(
            final String threadName, final Thread thread, final long stalledNs, final StackTraceElement[] stack,
            final long stallCount)
        {
            threads.add(threadName);
        }

        synchronized List<String> threads()
        {
            return new ArrayList<>(threads);
        }
    }

    private final CollectingReporter reporter = new CollectingReporter();

    @AfterEach
    void noRuntimeThreadIsLeft()
    {
        assertEquals(List.of(), ApplicationRunnerTest.liveRuntimeThreads(), "runtime threads still alive after the run");
    }

    /**
     * The watchdog at {@link #WATCHDOG_THRESHOLD} with no start-up allowance: the faults are injected in early ticks
     * and frames (tick 3, frame 10), which the default allowance would judge against its 2 s budget.
     */
    private RuntimeConfig watched(final Threading threading)
    {
        return ApplicationRunnerTest.headless(threading)
            .measurement(ApplicationRunnerTest.measured().frames(FRAMES))
            .stallWatchdog(WATCHDOG_THRESHOLD)
            .stallWatchdogStartUp(0, WATCHDOG_THRESHOLD)
            .stallReporter(reporter);
    }

    private void assertOneStallOf(final RunResult result, final String threadName, final String className,
        final String methodName)
    {
        assertEquals(ExitCause.FRAME_LIMIT, result.exitCause(), "the loop survives the stall");
        assertEquals(FRAMES, result.frames(), "the loop finishes its frame count");
        assertOneStallReported(result, threadName, className, methodName);
    }

    /**
     * Exactly one stall with the injected sleep in its stack, on the right thread, and every stall counted, kept and
     * reported alike. Other stalls are genuine and are not failures: on a loaded 2-core machine an llvmpipe frame
     * (its first draws compile shaders, then {@code glClientWaitSync} waits for them) can exceed the test's 50 ms.
     */
    private void assertOneStallReported(final RunResult result, final String threadName, final String className,
        final String methodName)
    {
        final List<WatchdogStall> stalls = result.watchdogStalls();
        assertEquals(stalls.size(), result.watchdogStallCount(), "every stall kept");
        final List<String> reported = reporter.threads();
        assertEquals(stalls.size(), reported.size(), "every stall reported once: " + reported);
        WatchdogStall injected = null;
        for (final WatchdogStall stall : stalls)
        {
            if (stall.stackContains("java.lang.Thread", "sleep"))
            {
                assertNull(injected, "the injected stall was reported more than once: " + stalls);
                injected = stall;
            }
        }
        assertNotNull(injected, "the injected stall was not reported: " + stalls);
        assertEquals(threadName, injected.threadName());
        assertEquals(1, injected.stallCount() - countBefore(stalls, injected), stalls.toString());
        assertTrue(injected.stalledNs() > WATCHDOG_THRESHOLD.toNanos(), injected.toString());
        assertTrue(injected.stackContains(className, methodName), "stack: " + injected.topFrames());
        assertTrue(result.report().toJson().contains("\"watchdogStalls\": " + (double)stalls.size() + ","),
            result.report().toJson());
    }

    /** @return stalls of the same thread kept before {@code stall}. */
    private static long countBefore(final List<WatchdogStall> stalls, final WatchdogStall stall)
    {
        long count = 0;
        for (final WatchdogStall other : stalls)
        {
            if (other == stall)
            {
                break;
            }
            if (other.threadName().equals(stall.threadName()))
            {
                count++;
            }
        }
        return count;
    }

    // ---------------------------------------------------------------------------------------------- workers

    @Test
    void shouldStopCleanlyNamingTheWorkerWhenARenderWorkerThrows()
    {
        final TestScene scene = new TestScene(100);
        final RuntimeConfig config = ApplicationRunnerTest.headless(Threading.MULTI).workers(2).forkMinQuads(0)
            .measurement(ApplicationRunnerTest.measured().frames(FRAMES));
        config.faults().sliceFault((slice, slices, frame) ->
        {
            if (2 == slice && FAULT_FRAME == frame)
            {
                throw new IllegalStateException("slice failed on purpose");
            }
        });

        final ApplicationFailure failure = assertThrows(ApplicationFailure.class, () -> Isochron.run(scene, config));

        assertEquals(Phase.RUNTIME, failure.phase());
        assertEquals("isochron-render-worker-1", failure.threadName());
        final WorkerFailureException cause = assertInstanceOf(WorkerFailureException.class, failure.getCause());
        assertEquals(FAULT_FRAME, cause.frameIndex());
        assertEquals("slice failed on purpose", cause.getCause().getMessage());
        assertEquals(0, failure.getSuppressed().length, "no later failure (a GL object leak would be one)");
        assertTrue(scene.disposed, "dispose ran");
    }

    // ---------------------------------------------------------------------------------------------- stalls

    @Test
    void shouldReportOneStallOfTheRenderWorkerThatSleeps()
    {
        final RuntimeConfig config = watched(Threading.MULTI).workers(1).forkMinQuads(0);
        config.faults().sliceFault((slice, slices, frame) ->
        {
            if (1 == slice && FAULT_FRAME == frame)
            {
                TestScene.sleep(STALL_MILLIS);
            }
        });

        final RunResult result = Isochron.run(new TestScene(100), config);

        assertOneStallOf(result, "isochron-render-worker-0", RenderSliceWork.class.getName(), "run");
    }

    @Test
    void shouldReportOneStallOfTheSimulationThreadWhenUpdateSleeps()
    {
        final TestScene scene = new TestScene(100);
        scene.sleepInUpdateAtTick = 3;
        scene.sleepMillis = STALL_MILLIS;
        scene.exitAtTick = 20;

        // the render thread keeps drawing while the simulation sleeps: the run ends by a tick, after the stall
        final RuntimeConfig config = watched(Threading.MULTI);
        config.measurement().frames(0);
        final RunResult result = Isochron.run(scene, config);

        assertEquals(ExitCause.EXIT_REQUESTED, result.exitCause(), "the loop survives the stall");
        assertEquals(21, result.ticks(), "the simulation finishes its ticks");
        assertOneStallReported(result, "isochron-simulation", TestScene.class.getName(), "update");
    }

    @Test
    void shouldReportOneStallOfTheRenderThreadWhenRenderSleeps()
    {
        final TestScene scene = new TestScene(100);
        scene.sleepInRenderAtFrame = FAULT_FRAME;
        scene.sleepMillis = STALL_MILLIS;

        final RunResult result = Isochron.run(scene, watched(Threading.MULTI));

        assertOneStallOf(result, "isochron-render", TestScene.class.getName(), "render");
    }

    @Test
    void shouldReportOneStallOfTheCallersThreadWhenRenderSleepsSingleThreaded()
    {
        final TestScene scene = new TestScene(100);
        scene.sleepInRenderAtFrame = FAULT_FRAME;
        scene.sleepMillis = STALL_MILLIS;

        final RunResult result = Isochron.run(scene, watched(Threading.SINGLE));

        assertOneStallOf(result, Thread.currentThread().getName(), TestScene.class.getName(), "render");
    }

    @Test
    void shouldTreatASlowFirstFrameWithinTheStartUpBudgetAsStartUpNotAStall()
    {
        final TestScene scene = new TestScene(100);
        scene.sleepInRenderAtFrame = 0;
        scene.sleepMillis = STALL_MILLIS;

        final RunResult result = Isochron.run(scene, watched(Threading.MULTI)
            .stallWatchdogStartUp(5, Duration.ofSeconds(2)));

        for (final WatchdogStall stall : result.watchdogStalls())
        {
            assertFalse(stall.stackContains("java.lang.Thread", "sleep"), "the slow first frame was reported: " + stall);
        }
    }

    @Test
    void shouldReportAFirstFrameThatOutlastsEvenTheStartUpBudgetAsAStartUpStall()
    {
        final TestScene scene = new TestScene(100);
        scene.sleepInRenderAtFrame = 0;
        scene.sleepMillis = STALL_MILLIS;

        final RunResult result = Isochron.run(scene, watched(Threading.MULTI)
            .stallWatchdogStartUp(5, WATCHDOG_THRESHOLD));

        assertOneStallOf(result, "isochron-render", TestScene.class.getName(), "render");
        for (final WatchdogStall stall : result.watchdogStalls())
        {
            if (stall.stackContains("java.lang.Thread", "sleep"))
            {
                assertTrue(stall.startUp(), stall.toString());
                assertEquals("frame", stall.phase(), stall.toString());
            }
        }
    }

    @Test
    void shouldFailTheRunAtShutdownWhenTheStallReporterThrows()
    {
        final TestScene scene = new TestScene(100);
        scene.sleepInRenderAtFrame = FAULT_FRAME;
        scene.sleepMillis = STALL_MILLIS;
        final RuntimeConfig config = watched(Threading.MULTI).stallReporter((name, thread, ns, stack, count) ->
        {
            throw new IllegalStateException("reporter failed on purpose");
        });

        final ApplicationFailure failure = assertThrows(ApplicationFailure.class, () -> Isochron.run(scene, config));

        assertEquals(Phase.RUNTIME, failure.phase());
        assertTrue(failure.getCause().getMessage().contains("isochron-watchdog"), failure.getCause().getMessage());
    }

    @Test
    void shouldRunTheWatchdogThreadOnlyWhileTheRunLasts()
    {
        final List<String> seen = new ArrayList<>();

        Isochron.run(threadsAtFrameOne(seen), ApplicationRunnerTest.headless(Threading.MULTI)
            .measurement(ApplicationRunnerTest.measured().frames(3)));

        assertTrue(seen.contains(RuntimeWatchdog.THREAD_NAME), seen.toString());
    }

    @Test
    void shouldRunNoWatchdogThreadWhenItIsOff()
    {
        final List<String> seen = new ArrayList<>();

        final RunResult result = Isochron.run(threadsAtFrameOne(seen),
            ApplicationRunnerTest.headless(Threading.MULTI)
                .measurement(ApplicationRunnerTest.measured().frames(3)).stallWatchdog(Duration.ZERO));

        assertFalse(seen.contains(RuntimeWatchdog.THREAD_NAME), seen.toString());
        assertTrue(seen.contains("isochron-render"), seen.toString());
        assertEquals(0, result.watchdogStallCount());
    }

    /** @return a scene whose render thread lists the live runtime threads into {@code seen} in frame 1. */
    private static TestScene threadsAtFrameOne(final List<String> seen)
    {
        return new TestScene(1)
        {
            public void render(final State state, final Frame frame)
            {
                super.render(state, frame);
                if (1 == frame.index())
                {
                    seen.addAll(ApplicationRunnerTest.liveRuntimeThreads());
                }
            }
        };
    }

    @Test
    void shouldRefuseAStallThresholdOutOfRange()
    {
        final IllegalArgumentException negative = assertThrows(IllegalArgumentException.class,
            () -> new RuntimeConfig().stallWatchdog(Duration.ofMillis(-1)));
        assertEquals("stallWatchdog threshold must be Duration.ZERO (off) or in [PT0.001S, PT1H], was PT-0.001S",
            negative.getMessage());
        assertThrows(IllegalArgumentException.class, () -> new RuntimeConfig().stallWatchdog(null));
        assertThrows(IllegalArgumentException.class, () -> new RuntimeConfig().stallWatchdog(Duration.ofNanos(999_999)));
        assertThrows(IllegalArgumentException.class, () -> new RuntimeConfig().stallWatchdog(Duration.ofMinutes(61)));
    }

    // ---------------------------------------------------------------------------------------------- GL errors

    /** Binds a texture name that was never generated: GL_INVALID_OPERATION in a core profile. */
    private static final class BadBindScene extends TestScene
    {
        BadBindScene()
        {
            super(10);
        }

        public void render(final State state, final Frame frame)
        {
            super.render(state, frame);
            if (FAULT_FRAME == frame.index())
            {
                glBindTexture(GL_TEXTURE_2D, 999_999);
            }
        }
    }

    @Test
    void shouldStopNamingTheGlCallInDebugMode()
    {
        final BadBindScene scene = new BadBindScene();

        final ApplicationFailure failure = assertThrows(ApplicationFailure.class,
            () -> Isochron.run(scene, ApplicationRunnerTest.headless(Threading.MULTI).debugGl(true)
                .measurement(ApplicationRunnerTest.measured().frames(FRAMES))));

        assertEquals(Phase.RENDER, failure.phase());
        assertEquals("isochron-render", failure.threadName());
        final GlException cause = assertInstanceOf(GlException.class, failure.getCause());
        assertTrue(cause.getMessage().startsWith("Application.render failed: GL_INVALID_OPERATION"), cause.getMessage());
        assertTrue(cause.getMessage().contains("glBindTexture"), cause.getMessage());
        assertEquals(FAULT_FRAME + 1, scene.framesRendered, "the run stopped in the frame that made the error");
        assertTrue(scene.disposed);
        assertEquals(0, failure.getSuppressed().length);
    }

    @Test
    void shouldStopAtTheEndOfTheFrameOnAGlErrorWithoutDebugMode()
    {
        final BadBindScene scene = new BadBindScene();

        final ApplicationFailure failure = assertThrows(ApplicationFailure.class,
            () -> Isochron.run(scene, ApplicationRunnerTest.headless(Threading.MULTI)
                .measurement(ApplicationRunnerTest.measured().frames(FRAMES))));

        assertEquals(Phase.RENDER, failure.phase());
        assertEquals("isochron-render", failure.threadName());
        final GlException cause = assertInstanceOf(GlException.class, failure.getCause());
        assertEquals("GL error GL_INVALID_OPERATION was raised during frame " + FAULT_FRAME + " (found by the " +
            "runtime's end-of-frame glGetError check, which cannot name the call); run with " +
            "RuntimeConfig.debugGl(true) to have the failing call named", cause.getMessage());
        assertEquals(FAULT_FRAME + 1, scene.framesRendered);
        assertTrue(scene.disposed);
    }

    // ---------------------------------------------------------------------------------------------- context lost

    @Test
    void shouldStopWhenTheDriverReportsTheContextLost()
    {
        final TestScene scene = new TestScene(10);
        final AtomicInteger checks = new AtomicInteger();
        final RuntimeConfig config = ApplicationRunnerTest.headless(Threading.MULTI)
            .measurement(ApplicationRunnerTest.measured().frames(FRAMES));
        config.faults().resetStatus(() -> checks.getAndIncrement() == FAULT_FRAME ? GL_GUILTY_CONTEXT_RESET : 0);

        final ApplicationFailure failure = assertThrows(ApplicationFailure.class, () -> Isochron.run(scene, config));

        assertEquals(Phase.RUNTIME, failure.phase());
        assertEquals("isochron-render", failure.threadName());
        final GlContextException cause = assertInstanceOf(GlContextException.class, failure.getCause());
        assertEquals("GL context lost during frame " + FAULT_FRAME + " (GL_GUILTY_CONTEXT_RESET: this context caused " +
            "the reset); the device was reset and every GL object of this run is gone; end this run and start a new " +
            "one (Isochron.run) to recreate the context and resources", cause.getMessage());
        assertEquals(FAULT_FRAME + 1, checks.get(), "checked once per frame, and the run stopped at the reset");
        assertTrue(scene.disposed);
    }

    @Test
    void shouldReportNoResetFromTheRealDriverQuery()
    {
        final RunResult result = Isochron.run(new TestScene(10), ApplicationRunnerTest.headless(Threading.SINGLE)
            .measurement(ApplicationRunnerTest.measured().frames(FRAMES)));

        assertEquals(ExitCause.FRAME_LIMIT, result.exitCause(), "llvmpipe's glGetGraphicsResetStatus reads GL_NO_ERROR");
    }

    // ---------------------------------------------------------------------------------------------- input flood

    @Test
    void shouldSurviveAnInputFloodAndAccountForEveryEvent()
    {
        final TestScene scene = new TestScene(10);
        final RunResult result = Isochron.run(scene, ApplicationRunnerTest.headless(Threading.MULTI)
            .measurement(ApplicationRunnerTest.measured().frames(60).syntheticInput(new SyntheticInputConfig()
                .mouseDragHz(0).keyMashHz(SyntheticInputConfig.MAX_RATE_HZ)))
            .inputQueue(new InputQueueConfig().capacityBytes(InputQueueConfig.MIN_CAPACITY_BYTES)));

        final RunResult.InputCounts input = result.input();
        assertEquals(ExitCause.FRAME_LIMIT, result.exitCause(), "the loop survives the flood");
        assertTrue(input.drops() > input.consumed(), "far past capacity: " + input);
        assertEquals(input.syntheticProduced(),
            input.consumed() + input.discardedAtEnd() + input.drops() + input.coalesced(), input.toString());
        assertEquals(input.written(), input.consumed() + input.discardedAtEnd(), input.toString());
        assertEquals(input.consumed(), scene.totalEventsSeen, "what the ticks consumed reached the application");
        assertTrue(result.report().toJson().contains("\"inputDrops\": " + input.drops() + ","), result.report().toJson());
    }
}
