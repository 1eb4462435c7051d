package dev.isochron.render.runtime;

import dev.isochron.input.event.EventListener;
import dev.isochron.input.event.MouseMoveEvent;
import dev.isochron.input.state.InputState;
import dev.isochron.render.batch.Rgba;
import dev.isochron.render.text.Font;
import dev.isochron.render.text.TextBuffer;

/**
 * A test application: {@code sprites} small sprites moving with the ticks (interpolated), a line grid, a text
 * line of counters and a HUD panel, with switches that make one callback throw, or sleep (a stall), at a chosen
 * count.
 */
class TestScene implements Application<TestScene.State>
{
    static final class State
    {
        long tick;
        double previousX;
        double x;
        int mouseX;
        int eventsSeen;
    }

    private final int sprites;
    private final TextBuffer text = new TextBuffer(64);
    private Font font;
    private long ticks;
    private double x;
    private int eventsSeen;
    volatile int throwInUpdateAtTick = -1;
    volatile int throwInRenderAtFrame = -1;
    volatile boolean throwInInit;
    volatile boolean throwInDispose;
    volatile int sleepInUpdateAtTick = -1;
    volatile int sleepInRenderAtFrame = -1;
    volatile long sleepMillis;
    volatile int exitAtFrame = -1;
    volatile int exitAtTick = -1;
    volatile int statesMade;
    volatile boolean initialised;
    volatile boolean disposed;
    volatile long framesRendered;
    volatile long totalEventsSeen;
    volatile long listenerMouseMoves;
    private long mouseMovesHeard;
    private final EventListener counting = new EventListener()
    {
        public void onMouseMove(final MouseMoveEvent event)
        {
            mouseMovesHeard++;
            listenerMouseMoves = mouseMovesHeard;
        }
    };

    TestScene(final int sprites)
    {
        this.sprites = sprites;
    }

    /** Counts mouse moves: every run of the scene goes through the application listener path too. */
    public EventListener inputListener()
    {
        return counting;
    }

    public State newRenderState()
    {
        statesMade++;
        return new State();
    }

    public void init(final Init init)
    {
        if (throwInInit)
        {
            throw new IllegalStateException("init failed on purpose");
        }
        font = init.defaultFont();
        initialised = true;
    }

    public void update(final Tick tick, final InputState input)
    {
        if (tick.index() == throwInUpdateAtTick)
        {
            throw new IllegalStateException("update failed on purpose");
        }
        if (tick.index() == sleepInUpdateAtTick)
        {
            sleep(sleepMillis);
        }
        if (tick.index() == exitAtTick)
        {
            tick.requestExit();
        }
        ticks++;
        x += 100.0 * tick.dtSeconds();
        if (x > 60.0)
        {
            x -= 60.0;
        }
        eventsSeen += input.eventsThisTick();
        totalEventsSeen = eventsSeen;
    }

    public void writeRenderState(final State dest)
    {
        dest.previousX = dest.x;
        dest.tick = ticks;
        dest.x = x;
        dest.eventsSeen = eventsSeen;
    }

    public void render(final State state, final Frame frame)
    {
        if (frame.index() == throwInRenderAtFrame)
        {
            throw new IllegalStateException("render failed on purpose");
        }
        if (frame.index() == sleepInRenderAtFrame)
        {
            sleep(sleepMillis);
        }
        final float base = (float)(state.x);
        for (int i = 0; i < sprites; i++)
        {
            final float sx = (base + (i * 7) % 61) % 64f;
            final float sy = (i * 13) % 47;
            frame.sprites().draw(0, 0f, 0f, 1f, 1f, sx, sy, 1f, 1f, 0.5f, 0.5f, i * 0.01f, Rgba.WHITE);
        }
        for (int i = 0; i < 8; i++)
        {
            frame.shapes().line(0f, i * 6f, 63f, i * 6f, 1f, Rgba.pack(0, 128, 255, 255));
        }
        text.clear().append("T").append(state.tick).append(" E").append(state.eventsSeen);
        frame.text(font, text, 1f, 1f, 1f, Rgba.WHITE);
        frame.hudShapes().rect(0f, 0f, 10f, 4f, Rgba.pack(255, 0, 0, 128));
        frame.hudText(font, text, 1f, 30f, 1f, Rgba.WHITE);
        framesRendered++;
        if (frame.index() == exitAtFrame)
        {
            frame.requestExit();
        }
    }

    /** Sleeps on purpose (a stall the watchdog must see); the interrupt flag is restored, never swallowed. */
    static void sleep(final long millis)
    {
        try
        {
            Thread.sleep(millis);
        }
        catch (final InterruptedException ex)
        {
            Thread.currentThread().interrupt();
        }
    }

    public void dispose()
    {
        disposed = true;
        if (throwInDispose)
        {
            throw new IllegalStateException("dispose failed on purpose");
        }
    }
}
