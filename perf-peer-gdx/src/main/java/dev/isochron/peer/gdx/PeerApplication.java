package dev.isochron.peer.gdx;

import com.badlogic.gdx.ApplicationListener;
import com.badlogic.gdx.Gdx;
import com.badlogic.gdx.graphics.GL20;

import java.lang.management.ManagementFactory;

/**
 * The libGDX {@link ApplicationListener} every peer scene runs in: libGDX calls {@link #render()} once per frame on its
 * main thread (input drained just before, buffers swapped and events polled just after), and this class does what
 * the demo's single-threaded loop does around the scene: marks the frame start, runs the fixed-step ticks due
 * (120 Hz, at most 8 per frame, the rest dropped and counted), draws with the interpolation factor, and marks the end
 * of the frame's work. The frame time is start to next start (docs/metrics.md), so it includes libGDX's input
 * drain, the buffer swap and the event poll, as the engine's frame time includes its own.
 * <p>
 * When the window holds every frame asked for it asks libGDX to exit; the report is written after
 * {@code Lwjgl3Application} returns. Thread: libGDX's main thread.
 */
final class PeerApplication implements ApplicationListener
{
    /** The demo's catch-up clamp ({@code LoopConfig.DEFAULT_MAX_TICKS_PER_FRAME}). */
    static final int MAX_TICKS_PER_FRAME = 8;

    private final PeerScene scene;
    private final int width;
    private final int height;
    private final long tickNs;
    private final float tickSeconds;
    private final long stallThresholdNs;
    private final FrameRecorder recorder;
    private final GcPauses gc;
    private final HudFigures hud = new HudFigures();

    private long previousNs;
    private long accumulatorNs;
    private long tickIndex;
    private long totalTicks;
    private long stalls;
    private boolean exitRequested;
    private double timeToFirstFrameMs;
    private String glRenderer = "";
    private String glVersion = "";
    private Throwable failure;

    PeerApplication(final PeerScene scene, final PeerArguments args, final FrameRecorder recorder, final GcPauses gc)
    {
        this.scene = scene;
        this.width = args.width;
        this.height = args.height;
        this.tickNs = Math.round(1e9 / args.tickRateHz);
        this.tickSeconds = (float)(1.0 / args.tickRateHz);
        this.stallThresholdNs = Math.round(PeerReport.stallThresholdMs(args.targetFps) * 1e6);
        this.recorder = recorder;
        this.gc = gc;
    }

    @Override
    public void create()
    {
        glRenderer = Gdx.gl.glGetString(GL20.GL_RENDERER);
        glVersion = Gdx.gl.glGetString(GL20.GL_VERSION);
        scene.create(width, height, recorder);
    }

    @Override
    public void render()
    {
        final long startNs = System.nanoTime();
        if (recorder.frameStart(startNs))
        {
            if (!exitRequested)
            {
                exitRequested = true;
                Gdx.app.exit();
            }
            return;
        }
        if (recorder.framesStarted() == 2)
        {
            // the first frame ended with its swap, just before this frame began
            timeToFirstFrameMs = System.currentTimeMillis() - ManagementFactory.getRuntimeMXBean().getStartTime();
        }
        final long lastFrameNs = recorder.lastFrameNs();
        if (lastFrameNs > stallThresholdNs)
        {
            stalls++;
        }

        // update: the fixed steps due, as the demo's loop runs them
        if (previousNs == 0)
        {
            previousNs = startNs;
        }
        accumulatorNs += startNs - previousNs;
        previousNs = startNs;
        scene.beforeTicks(recorder);
        long updateNs = 0;
        int ticks = 0;
        while (accumulatorNs >= tickNs && ticks < MAX_TICKS_PER_FRAME)
        {
            final long tickStart = System.nanoTime();
            scene.tick(tickSeconds, tickIndex++, tickStart, recorder);
            final long tickTime = System.nanoTime() - tickStart;
            recorder.tick(tickTime);
            updateNs += tickTime;
            accumulatorNs -= tickNs;
            ticks++;
        }
        if (accumulatorNs >= tickNs)
        {
            recorder.droppedTicks(accumulatorNs / tickNs);
            accumulatorNs %= tickNs;
        }
        totalTicks += ticks;

        // draw
        hud.lastFrameNs = lastFrameNs;
        hud.stalls = stalls;
        hud.gcCount = gc.recorded();
        hud.inputEvents = recorder.inputEvents();
        scene.draw((float)accumulatorNs / tickNs, hud);
        recorder.frameWorkEnd(System.nanoTime(), updateNs);
    }

    @Override
    public void resize(final int width, final int height)
    {
        // the window is not resizable; libGDX calls this once with the initial size
    }

    @Override
    public void pause()
    {
    }

    @Override
    public void resume()
    {
    }

    @Override
    public void dispose()
    {
        try
        {
            scene.dispose();
        }
        catch (final RuntimeException | Error ex)
        {
            failure = ex;
        }
    }

    /** @return what the scene's dispose threw, or null. */
    Throwable disposeFailure()
    {
        return failure;
    }

    double timeToFirstFrameMs()
    {
        return timeToFirstFrameMs;
    }

    String glRenderer()
    {
        return glRenderer;
    }

    String glVersion()
    {
        return glVersion;
    }

    long totalTicks()
    {
        return totalTicks;
    }
}
