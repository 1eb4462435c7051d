package dev.isochron.render.runtime;

import dev.isochron.input.glfw.GlfwInputAdapter;
import dev.isochron.render.context.GlfwWindowContext;

/**
 * The platform thread's duty after each event poll of a windowed run, in either threading mode: the input adapter's
 * after-poll work (joystick polling, dropped files), the application's {@link PlatformHook}, and a closed window
 * turned into the run's exit.
 * <p>
 * Threading: the platform thread (the caller of {@code Isochron.run}) only, where GLFW wants its event calls.
 * Allocation-free, given an allocation-free hook.
 */
final class PlatformPoll
{
    /** How long the multi-threaded platform thread waits for events before it looks at the exit signal again. */
    private static final double EVENT_WAIT_SECONDS = 0.005;

    private final GlfwWindowContext window;
    private final GlfwInputAdapter adapter;
    private final PlatformHook hook;
    private final ExitSignal exit;
    private long polls;

    /**
     * @param window  the run's window; not null.
     * @param adapter its input adapter; not null.
     * @param hook    the application's hook, or null.
     * @param exit    the run's exit signal.
     */
    PlatformPoll(
        final GlfwWindowContext window, final GlfwInputAdapter adapter, final PlatformHook hook, final ExitSignal exit)
    {
        this.window = window;
        this.adapter = adapter;
        this.hook = hook;
        this.exit = exit;
    }

    /** @return the duty for {@code run}'s window, or null for a run without one. */
    static PlatformPoll of(final RunContext<?> run)
    {
        return null == run.window() ? null :
            new PlatformPoll(run.window(), run.input().adapter(), run.config().platformHook(), run.exit());
    }

    /** Polls the window's events, then does the duty (single-threaded mode, once per frame). */
    void pollEvents()
    {
        window.pollEvents();
        afterPoll();
    }

    /**
     * Multi-threaded mode: waits for events and does the duty until the run's exit is set or the render thread has
     * ended.
     */
    void pumpUntilExit(final Thread renderThread)
    {
        while (!exit.isSet() && renderThread.isAlive())
        {
            window.waitEvents(EVENT_WAIT_SECONDS);
            afterPoll();
        }
    }

    private void afterPoll()
    {
        adapter.afterPollEvents();
        polls++;
        if (null != hook)
        {
            hook.afterPoll(window.windowHandle(), polls);
        }
        if (window.shouldClose())
        {
            exit.request(ExitCause.WINDOW_CLOSED);
        }
    }
}
