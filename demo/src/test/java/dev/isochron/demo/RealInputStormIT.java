package dev.isochron.demo;

import dev.isochron.engine.testing.ChildProcess;
import dev.isochron.input.event.EventListener;
import dev.isochron.input.event.MouseButtonEvent;
import dev.isochron.input.event.MouseMoveEvent;
import dev.isochron.input.event.ScrollEvent;
import dev.isochron.input.replay.InputReplay;
import dev.isochron.input.state.InputState;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Real window-system input reaches the runtime whole: the packaged demo's list scene runs windowed under Xvfb while
 * {@link XStorm} injects pointer motion, drags, clicks and wheel steps through XTest, and the run records its input
 * ({@code --record}). Every press, release and wheel step the X server was sent is in the recording, in the counts
 * sent (none dropped on the way through GLFW, the platform thread's producer and the input ring), pointer motion
 * arrived, and the run report counts no drop.
 */
class RealInputStormIT
{
    private static final int WIDTH = 640;
    private static final int HEIGHT = 480;
    private static final Duration LIMIT = Duration.ofSeconds(120);

    @TempDir
    Path directory;

    @Test
    void shouldDeliverEveryRealClickAndWheelStepThroughTheRing() throws IOException, InterruptedException
    {
        if (null == System.getenv("CI"))
        {
            assumeTrue(XStorm.xvfbAvailable(), "xvfb-run is not installed: real-input storm skipped");
            assumeTrue(XStorm.buildable(), "cannot build x-storm (" + XStorm.INSTALL_HINT + "): skipped");
        }
        final Path storm = XStorm.build(directory);
        final Path recording = directory.resolve("storm.isoinput");
        final Path report = directory.resolve("storm.json");
        final String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        final String script = String.join(" ",
            java, "-Xmx512m", "-jar", DemoProcess.jar().toString(), "list", "--window",
            "--width", Integer.toString(WIDTH), "--height", Integer.toString(HEIGHT), "--seconds", "7",
            "--record", recording.toString(), "--report", report.toString(), "&",
            storm.toString(), "4000", "2", Integer.toString(WIDTH), Integer.toString(HEIGHT), ";",
            "wait $!");
        final ChildProcess.Result run = ChildProcess.command(List.of("sh", "-c", script))
            .directory(directory)
            .llvmpipeThreads(1)
            .underXvfb()
            .limit(LIMIT)
            .output(directory.resolve("storm.log"))
            .run()
            .requireFinished();

        assertEquals(0, run.exitCode(), run::describe);
        final XStorm.Sent sent = XStorm.Sent.parse(run.output());
        assertNotNull(sent, run::describe);
        final Counts received = count(recording);
        assertEquals(sent.presses + sent.releases, received.buttons, run::describe);
        assertEquals(sent.wheels, received.scrolls, run::describe);
        assertTrue(received.moves > 0, run::describe);
        final String json = Files.readString(report);
        assertEquals(0.0, DemoProcess.number(json, "inputDrops"), json);
    }

    /** Replays the recording tick by tick and counts what it holds by kind. */
    private static Counts count(final Path recording) throws IOException
    {
        final InputReplay replay = InputReplay.open(recording);
        final InputState state = new InputState();
        final Counts counts = new Counts();
        for (long tick = 0; !replay.isFinished(); tick++)
        {
            replay.drainInto(tick, state, 0L, 0L, counts);
        }
        return counts;
    }

    private static final class Counts implements EventListener
    {
        long buttons;
        long scrolls;
        long moves;

        public void onMouseButton(final MouseButtonEvent event)
        {
            buttons++;
        }

        public void onScroll(final ScrollEvent event)
        {
            scrolls++;
        }

        public void onMouseMove(final MouseMoveEvent event)
        {
            moves++;
        }
    }
}
