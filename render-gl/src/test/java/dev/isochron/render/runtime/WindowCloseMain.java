package dev.isochron.render.runtime;

import dev.isochron.engine.loop.LoopConfig;
import dev.isochron.engine.loop.PacingMode;
import dev.isochron.input.state.InputState;
import dev.isochron.render.Isochron;
import dev.isochron.render.batch.Rgba;
import dev.isochron.render.context.ContextKind;
import org.lwjgl.glfw.GLFW;

/**
 * Child-JVM program for {@link WindowCloseTest}, run under xvfb-run: the window is closed while a frame is in flight
 * (the render thread sleeps inside frame {@value #SLOW_FRAME}; the platform hook, on the main thread, sets the
 * window's close flag meanwhile). Prints one result line; exits 0 when the run ended with
 * {@link ExitCause#WINDOW_CLOSED}, the close was requested during the frame, that frame finished (every frame begun
 * ended), {@code dispose} ran and no runtime thread is left; 1 otherwise.
 */
public final class WindowCloseMain
{
    static final int SLOW_FRAME = 10;
    static final long SLOW_FRAME_MILLIS = 150;

    private WindowCloseMain()
    {
    }

    /** Counts frames begun and ended; render thread writes, platform thread reads. */
    static final class SlowFrameApp implements Application<long[]>
    {
        volatile boolean inSlowFrame;
        volatile long framesBegun;
        volatile long framesEnded;
        volatile boolean disposed;

        public long[] newRenderState()
        {
            return new long[1];
        }

        public void update(final Tick tick, final InputState input)
        {
        }

        public void writeRenderState(final long[] dest)
        {
            dest[0]++;
        }

        public void render(final long[] state, final Frame frame)
        {
            framesBegun++;
            frame.shapes().rect(4f, 4f, 20f, 10f, Rgba.WHITE);
            if (SLOW_FRAME == frame.index())
            {
                inSlowFrame = true;
                TestScene.sleep(SLOW_FRAME_MILLIS);
                inSlowFrame = false;
            }
            framesEnded++;
        }

        public void dispose()
        {
            disposed = true;
        }
    }

    public static void main(final String[] args)
    {
        final SlowFrameApp app = new SlowFrameApp();
        final boolean[] closedDuringFrame = new boolean[1];
        final PlatformHook hook = (window, polls) ->
        {
            if (app.inSlowFrame && !closedDuringFrame[0])
            {
                GLFW.glfwSetWindowShouldClose(window, true);
                closedDuringFrame[0] = app.inSlowFrame;
            }
        };
        final RunResult result = Isochron.run(app, new RuntimeConfig()
            .context(ContextKind.WINDOW)
            .size(64, 48)
            .measurement(new MeasurementConfig().warmupFrames(0))
            .loop(new LoopConfig().pacing(PacingMode.TARGET_FPS).targetFps(120))
            .platformHook(hook));
        final boolean ok = ExitCause.WINDOW_CLOSED == result.exitCause() && closedDuringFrame[0] &&
            app.framesBegun == app.framesEnded && app.framesEnded == SLOW_FRAME + 1 && result.frames() == SLOW_FRAME + 1 &&
            app.disposed && ApplicationRunnerTest.liveRuntimeThreads().isEmpty();
        System.out.println((ok ? "OK" : "FAIL") + " exit=" + result.exitCause() + " closedDuringFrame=" +
            closedDuringFrame[0] + " framesBegun=" + app.framesBegun + " framesEnded=" + app.framesEnded +
            " frames=" + result.frames() + " disposed=" + app.disposed + " threads=" +
            ApplicationRunnerTest.liveRuntimeThreads());
        System.exit(ok ? 0 : 1);
    }
}
