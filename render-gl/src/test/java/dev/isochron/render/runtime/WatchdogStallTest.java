package dev.isochron.render.runtime;

import dev.isochron.engine.watchdog.Heartbeat;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A stall is reported in one line by default: thread, kind of work, duration, the top Isochron frame. */
class WatchdogStallTest
{
    private static final long MS = 1_000_000L;
    private static final long THRESHOLD_NS = 250 * MS;

    /** The render thread waiting in the GL driver, as the watchdog saw it on llvmpipe. */
    private static final StackTraceElement[] RENDER_STACK = {
        new StackTraceElement("org.lwjgl.opengl.GL32C", "nglDrawElementsBaseVertex", "GL32C.java", -2),
        new StackTraceElement("org.lwjgl.opengl.GL32C", "glDrawElementsBaseVertex", "GL32C.java", 264),
        new StackTraceElement("dev.isochron.render.batch.GlDrawBackend", "endFrame", "GlDrawBackend.java", 303),
        new StackTraceElement("dev.isochron.render.batch.BatchRenderer", "endFrame", "BatchRenderer.java", 111),
        new StackTraceElement(RenderPipeline.class.getName(), "renderFrame", "RenderPipeline.java", 332),
        new StackTraceElement(RenderPipeline.class.getName(), "render", "RenderPipeline.java", 261),
        new StackTraceElement("dev.isochron.engine.loop.RenderFrameDriver", "runFrame", "RenderFrameDriver.java", 96),
        new StackTraceElement("java.lang.Thread", "run", "Thread.java", 840)};

    /** The simulation thread inside the application's update. */
    private static final StackTraceElement[] TICK_STACK = {
        new StackTraceElement("java.lang.Thread", "sleep", "Thread.java", -2),
        new StackTraceElement("com.example.Game", "update", "Game.java", 42),
        new StackTraceElement(SimulationStep.class.getName(), "tick", "SimulationStep.java", 66),
        new StackTraceElement("dev.isochron.engine.loop.FixedStepLoop", "advance", "FixedStepLoop.java", 120)};

    @Test
    void shouldSummariseARenderStallInOneLineAtTheTopIsochronFrame()
    {
        final WatchdogStall stall = new WatchdogStall("isochron-render", 312 * MS, 2, RENDER_STACK, false);

        assertEquals("[isochron watchdog] thread 'isochron-render' stalled 312 ms in a frame (stall #2) at " +
            "dev.isochron.render.batch.GlDrawBackend.endFrame(GlDrawBackend.java:303)", stall.summary());
    }

    @Test
    void shouldPointAtTheApplicationFrameOfATickAndSayItWasStartUp()
    {
        final WatchdogStall stall = new WatchdogStall("isochron-simulation", 2_104 * MS, 1, TICK_STACK, true);

        assertEquals("[isochron watchdog] thread 'isochron-simulation' stalled 2104 ms in a start-up tick " +
            "(stall #1) at com.example.Game.update(Game.java:42)", stall.summary());
        assertEquals("tick", stall.phase());
        assertTrue(stall.startUp());
    }

    @Test
    void shouldSayWhereWhenTheStackWasEmpty()
    {
        final WatchdogStall stall = new WatchdogStall("isochron-render-worker-0", 300 * MS, 1,
            new StackTraceElement[0], false);

        assertEquals("[isochron watchdog] thread 'isochron-render-worker-0' stalled 300 ms in a unit of work " +
            "(stall #1) at an unknown place (the thread's stack was empty)", stall.summary());
        assertNull(stall.codeFrame());
    }

    @Test
    void shouldPrintOneLinePerStallByDefault()
    {
        final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        final RuntimeWatchdog watchdog = new RuntimeWatchdog(THRESHOLD_NS, 0, THRESHOLD_NS, null, false,
            new PrintStream(bytes, true, StandardCharsets.UTF_8));

        watchdog.onStall("isochron-render", null, 312 * MS, RENDER_STACK, 2);

        assertEquals("[isochron watchdog] thread 'isochron-render' stalled 312 ms in a frame (stall #2) at " +
            "dev.isochron.render.batch.GlDrawBackend.endFrame(GlDrawBackend.java:303)" + System.lineSeparator(),
            bytes.toString(StandardCharsets.UTF_8));
        assertEquals(1, watchdog.stalls().size());
    }

    @Test
    void shouldPrintTheWholeStackAfterTheLineWhenAskedFor()
    {
        final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        final RuntimeWatchdog watchdog = new RuntimeWatchdog(THRESHOLD_NS, 0, THRESHOLD_NS, null, true,
            new PrintStream(bytes, true, StandardCharsets.UTF_8));

        watchdog.onStall("isochron-render", null, 312 * MS, RENDER_STACK, 2);

        final String[] lines = bytes.toString(StandardCharsets.UTF_8).split(System.lineSeparator());
        assertEquals(1 + RENDER_STACK.length, lines.length, String.join("\n", lines));
        assertEquals("\tat org.lwjgl.opengl.GL32C.nglDrawElementsBaseVertex(Native Method)", lines[1]);
    }

    @Test
    void shouldTagAStallOfAThreadStillInItsStartUpUnits()
    {
        final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        final RuntimeWatchdog watchdog = new RuntimeWatchdog(THRESHOLD_NS, 3, 2_000 * MS, null, false,
            new PrintStream(bytes, true, StandardCharsets.UTF_8));
        final Heartbeat render = watchdog.register("isochron-render", Thread.currentThread());
        render.beginWork(0);
        render.endWork(1);

        watchdog.onStall("isochron-render", null, 2_500 * MS, RENDER_STACK, 1);

        assertTrue(watchdog.stalls().get(0).startUp());
        assertTrue(bytes.toString(StandardCharsets.UTF_8).contains(" in a start-up frame "),
            bytes.toString(StandardCharsets.UTF_8));
    }
}
