package dev.isochron.render.runtime;

import dev.isochron.engine.loop.LoopConfig;
import dev.isochron.engine.loop.PacingMode;
import dev.isochron.input.state.InputState;
import dev.isochron.render.Isochron;
import dev.isochron.render.batch.Rgba;
import dev.isochron.render.context.ContextKind;
import org.lwjgl.glfw.GLFW;
import org.lwjgl.glfw.GLFWCursorPosCallback;
import org.lwjgl.glfw.GLFWKeyCallback;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Child-JVM program for {@link WindowedRunTest}, run under xvfb-run: {@link Isochron#run} with a real window; the
 * platform hook injects a cursor move and a key press through the callbacks the runtime installed on the window
 * (on the main thread, as GLFW delivers them), the simulation sees them in its {@link InputState}; the hook then
 * resizes the window, which must reach both the simulation (input record) and the render thread's frame size
 * (the context's size channel, chained behind the input adapter's callback), and finally closes the window. Prints one result line; exits 0 when the run ended by the window closing with the input
 * seen and a screenshot written, 1 otherwise.
 */
public final class WindowedRunMain
{
    static final double CURSOR_X = 23.0;
    static final double CURSOR_Y = 17.0;
    static final int GIVE_UP_POLLS = 4_000;
    static final int RESIZED_WIDTH = 80;
    static final int RESIZED_HEIGHT = 60;

    private WindowedRunMain()
    {
    }

    /** Records what the simulation saw; simulation thread writes, platform thread reads. */
    static final class InputProbe implements Application<long[]>
    {
        volatile boolean sawCursor;
        volatile boolean sawKey;
        volatile int framebufferWidth;
        volatile boolean sawResize;

        public long[] newRenderState()
        {
            return new long[1];
        }

        public void update(final Tick tick, final InputState input)
        {
            if (input.mouseX() == CURSOR_X && input.mouseY() == CURSOR_Y)
            {
                sawCursor = true;
            }
            if (input.wasKeyPressed(GLFW.GLFW_KEY_A))
            {
                sawKey = true;
            }
            if (input.framebufferWidth() == RESIZED_WIDTH)
            {
                sawResize = true;
            }
        }

        public void writeRenderState(final long[] dest)
        {
            dest[0]++;
        }

        public void render(final long[] state, final Frame frame)
        {
            framebufferWidth = frame.framebufferWidth();
            frame.shapes().rect(4f, 4f, 20f, 10f, Rgba.WHITE);
        }
    }

    public static void main(final String[] args) throws Exception
    {
        final Path screenshot = Path.of(args[0]);
        final InputProbe app = new InputProbe();
        final boolean[] resizeRequested = new boolean[1];
        final PlatformHook hook = (window, polls) ->
        {
            if (polls == 5)
            {
                // the callbacks the runtime installed, read back by replacing and restoring them
                final GLFWCursorPosCallback cursor = GLFW.glfwSetCursorPosCallback(window, null);
                GLFW.glfwSetCursorPosCallback(window, cursor);
                final GLFWKeyCallback key = GLFW.glfwSetKeyCallback(window, null);
                GLFW.glfwSetKeyCallback(window, key);
                cursor.invoke(window, CURSOR_X, CURSOR_Y);
                key.invoke(window, GLFW.GLFW_KEY_A, 0, GLFW.GLFW_PRESS, 0);
            }
            if (app.sawCursor && app.sawKey && !resizeRequested[0])
            {
                resizeRequested[0] = true;
                GLFW.glfwSetWindowSize(window, RESIZED_WIDTH, RESIZED_HEIGHT);
            }
            if ((app.framebufferWidth == RESIZED_WIDTH && app.sawResize) || polls > GIVE_UP_POLLS)
            {
                GLFW.glfwSetWindowShouldClose(window, true);
            }
        };
        final RunResult result = Isochron.run(app, new RuntimeConfig()
            .context(ContextKind.WINDOW)
            .size(64, 48)
            .title("isochron windowed run")
            .measurement(new MeasurementConfig().warmupFrames(0).screenshotPath(screenshot))
            .loop(new LoopConfig().pacing(PacingMode.TARGET_FPS).targetFps(120))
            .platformHook(hook));
        final boolean ok = ExitCause.WINDOW_CLOSED == result.exitCause() && app.sawCursor && app.sawKey &&
            app.sawResize && app.framebufferWidth == RESIZED_WIDTH &&
            !result.report().toJson().contains("\"headless\": true") && Files.size(screenshot) > 0 &&
            result.frames() > 0;
        System.out.println((ok ? "OK" : "FAIL") + " exit=" + result.exitCause() + " sawCursor=" + app.sawCursor +
            " sawKey=" + app.sawKey + " sawResize=" + app.sawResize + " frames=" + result.frames() +
            " width=" + app.framebufferWidth);
        System.exit(ok ? 0 : 1);
    }
}
