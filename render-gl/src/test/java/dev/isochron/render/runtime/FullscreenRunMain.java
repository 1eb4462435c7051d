package dev.isochron.render.runtime;

import dev.isochron.engine.loop.LoopConfig;
import dev.isochron.engine.loop.PacingMode;
import dev.isochron.input.event.EventListener;
import dev.isochron.input.event.WindowEvent;
import dev.isochron.input.event.InputRecordLayout;
import dev.isochron.input.state.InputState;
import dev.isochron.render.Isochron;
import dev.isochron.render.batch.Rgba;
import dev.isochron.render.context.ContextKind;
import dev.isochron.render.context.WindowControl;
import dev.isochron.render.context.XpropIcon;

import java.nio.file.Path;

/**
 * Child-JVM program for {@link FullscreenRunTest}, run under xvfb-run (a 1280x720 screen): {@link Isochron#run} with a
 * 64x48 window and an icon from {@link WindowConfig}, read back from the X server at the first event poll. The application keeps {@link Init#window()}, asks for fullscreen
 * from {@code render} (the render thread); once a frame is 1280x720 it asks for the window back from {@code update}
 * (the simulation thread); once a frame is 64x48 again it ends the run. The resizes must reach the input listener as
 * framebuffer-resize window events, and each frame's size must follow (the draw target's). Prints one result line;
 * exits 0 when all of it happened and the run ended as asked, 1 otherwise.
 */
public final class FullscreenRunMain
{
    static final int WIDTH = 64;
    static final int HEIGHT = 48;
    static final int SCREEN_WIDTH = 1280;
    static final int SCREEN_HEIGHT = 720;
    static final long GIVE_UP_FRAMES = 5_000;

    private FullscreenRunMain()
    {
    }

    /** The toggling application; fields written by one thread and read by others are volatile. */
    static final class Toggler implements Application<long[]>, EventListener
    {
        volatile WindowControl window;
        volatile boolean fullscreenFrame;
        volatile boolean fullscreenEvent;
        volatile boolean windowedRequested;
        volatile boolean windowedFrame;
        volatile boolean windowedEvent;
        volatile boolean requestedFromRender;

        public long[] newRenderState()
        {
            return new long[1];
        }

        public void init(final Init init)
        {
            window = init.window();
        }

        public EventListener inputListener()
        {
            return this;
        }

        public void onWindow(final WindowEvent event)
        {
            if (InputRecordLayout.FRAMEBUFFER_RESIZE == event.typeId())
            {
                if (SCREEN_WIDTH == event.width() && SCREEN_HEIGHT == event.height())
                {
                    fullscreenEvent = true;
                }
                else if (fullscreenEvent && WIDTH == event.width() && HEIGHT == event.height())
                {
                    windowedEvent = true;
                }
            }
        }

        public void update(final Tick tick, final InputState input)
        {
            if (fullscreenFrame && !windowedRequested)
            {
                windowedRequested = true;
                window.requestFullscreen(false);
            }
        }

        public void writeRenderState(final long[] dest)
        {
            dest[0]++;
        }

        public void render(final long[] state, final Frame frame)
        {
            frame.shapes().rect(4f, 4f, 20f, 10f, Rgba.WHITE);
            if (!requestedFromRender && frame.index() == 3)
            {
                requestedFromRender = true;
                window.requestFullscreen(true);
            }
            if (SCREEN_WIDTH == frame.framebufferWidth() && SCREEN_HEIGHT == frame.framebufferHeight())
            {
                fullscreenFrame = window.isFullscreen();
            }
            if (windowedRequested && WIDTH == frame.framebufferWidth() && HEIGHT == frame.framebufferHeight())
            {
                windowedFrame = !window.isFullscreen();
            }
            if ((windowedFrame && windowedEvent) || frame.index() > GIVE_UP_FRAMES)
            {
                frame.requestExit();
            }
        }
    }

    public static void main(final String[] args)
    {
        final Toggler app = new Toggler();
        final String[] icon = {"unread"};
        final RunResult result = Isochron.run(app, new RuntimeConfig()
            .context(ContextKind.WINDOW)
            .size(WIDTH, HEIGHT)
            .title("isochron fullscreen run")
            .window(new WindowConfig().icons(Path.of(args[0])))
            .measurement(new MeasurementConfig().warmupFrames(0))
            .loop(new LoopConfig().pacing(PacingMode.TARGET_FPS).targetFps(120))
            .platformHook((window, polls) -> readIconOnce(window, polls, icon)));
        final boolean ok = ExitCause.EXIT_REQUESTED == result.exitCause() && app.window.hasWindow() &&
            app.requestedFromRender && app.fullscreenFrame && app.fullscreenEvent && app.windowedRequested &&
            app.windowedFrame && app.windowedEvent;
        System.out.println((ok ? "OK" : "FAIL") + " exit=" + result.exitCause() + " fullscreenFrame=" +
            app.fullscreenFrame + " fullscreenEvent=" + app.fullscreenEvent + " windowedFrame=" + app.windowedFrame +
            " windowedEvent=" + app.windowedEvent + " icon=" + icon[0] + " frames=" + result.frames());
        System.exit(ok ? 0 : 1);
    }

    /** At the first poll, on the platform thread: the window's icon as the X server has it. */
    private static void readIconOnce(final long window, final long polls, final String[] icon)
    {
        if (1 == polls)
        {
            try
            {
                icon[0] = XpropIcon.read(window);
            }
            catch (final Exception ex)
            {
                icon[0] = "failed(" + ex + ")";
            }
        }
    }
}
