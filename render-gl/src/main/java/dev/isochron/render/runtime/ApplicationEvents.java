package dev.isochron.render.runtime;

import dev.isochron.input.event.CharEvent;
import dev.isochron.input.event.EventListener;
import dev.isochron.input.event.FileDropEvent;
import dev.isochron.input.event.GamepadEvent;
import dev.isochron.input.event.KeyEvent;
import dev.isochron.input.event.MouseButtonEvent;
import dev.isochron.input.event.MouseMoveEvent;
import dev.isochron.input.event.ScrollEvent;
import dev.isochron.input.event.WindowEvent;

/**
 * The application's {@link Application#inputListener() input listener} as the input drain calls it: each callback
 * runs in {@link Phase#UPDATE}, so that a listener that throws is reported as the application's failure, not the
 * runtime's (the drain around it is the runtime's own work).
 * <p>
 * Threading: the simulation thread. Allocation-free.
 */
final class ApplicationEvents implements EventListener
{
    private final EventListener app;
    private final PhaseTracker phase;

    ApplicationEvents(final EventListener app, final PhaseTracker phase)
    {
        this.app = app;
        this.phase = phase;
    }

    /** @return {@code app} wrapped, or {@link EventListener#NONE} itself (nothing to call, nothing to attribute). */
    static EventListener of(final EventListener app, final PhaseTracker phase)
    {
        return EventListener.NONE == app ? EventListener.NONE : new ApplicationEvents(app, phase);
    }

    public void onKey(final KeyEvent event)
    {
        phase.enter(Phase.UPDATE);
        app.onKey(event);
        phase.leave();
    }

    public void onChar(final CharEvent event)
    {
        phase.enter(Phase.UPDATE);
        app.onChar(event);
        phase.leave();
    }

    public void onMouseMove(final MouseMoveEvent event)
    {
        phase.enter(Phase.UPDATE);
        app.onMouseMove(event);
        phase.leave();
    }

    public void onMouseButton(final MouseButtonEvent event)
    {
        phase.enter(Phase.UPDATE);
        app.onMouseButton(event);
        phase.leave();
    }

    public void onScroll(final ScrollEvent event)
    {
        phase.enter(Phase.UPDATE);
        app.onScroll(event);
        phase.leave();
    }

    public void onWindow(final WindowEvent event)
    {
        phase.enter(Phase.UPDATE);
        app.onWindow(event);
        phase.leave();
    }

    public void onGamepad(final GamepadEvent event)
    {
        phase.enter(Phase.UPDATE);
        app.onGamepad(event);
        phase.leave();
    }

    public void onFileDrop(final FileDropEvent event)
    {
        phase.enter(Phase.UPDATE);
        app.onFileDrop(event);
        phase.leave();
    }
}
