package dev.isochron.render.runtime;

import dev.isochron.engine.loop.StateWriter;
import dev.isochron.engine.loop.TickHandler;
import dev.isochron.engine.watchdog.Heartbeat;
import dev.isochron.input.event.EventListener;
import dev.isochron.input.queue.InputSource;
import dev.isochron.input.state.InputState;
import dev.isochron.render.hud.HudOverlay;

/**
 * The simulation's side of an application: each tick drains the tick's input (live queue or replay) into the
 * {@link InputState} and calls {@link Application#update}; after the ticks of a step it calls
 * {@link Application#writeRenderState}. The {@link PhaseTracker} says whether a failure came from the
 * application ({@link Phase#UPDATE}) or from input draining ({@link Phase#RUNTIME}). Each tick and each render-state
 * write is one unit of work for the stall watchdog's heartbeat, when there is one.
 * <p>
 * Threading: the simulation thread (the caller's thread in single-threaded mode). Allocation-free, given an
 * allocation-free application.
 *
 * @param <S> the render state type.
 */
final class SimulationStep<S> implements TickHandler, StateWriter<S>
{
    private final Application<S> app;
    private final InputSource input;
    private final InputState inputState = new InputState();
    private final ExitSignal exit;
    private final Tick tick;
    private final PhaseTracker phase;
    private final RuntimeStats stats;
    private final Heartbeat heartbeat;
    private final EventListener listener;
    private long ticks;
    private long lastPausedTickIndex;
    private HudOverlay hud;

    SimulationStep(
        final Application<S> app, final InputSource input, final ExitSignal exit, final PhaseTracker phase,
        final RuntimeStats stats, final Heartbeat heartbeat)
    {
        this.heartbeat = heartbeat;
        this.app = app;
        this.input = input;
        this.exit = exit;
        this.tick = new Tick(exit);
        this.phase = phase;
        this.stats = stats;
        this.listener = ApplicationEvents.of(Messages.requireListener(app.inputListener()), phase);
    }

    /** {@inheritDoc} Once the run's exit is set, later ticks (catch-up ticks of the same step) do nothing. */
    public void tick(final long tickIndex, final long tickTimeNs, final long tickStartNs, final double dtSeconds)
    {
        if (exit.isSet())
        {
            return;
        }
        final Heartbeat heartbeat = this.heartbeat;
        RuntimeWatchdog.begin(heartbeat);
        try
        {
            input.drainInto(tickIndex, inputState, tickTimeNs, tickStartNs, listener);
            if (null != hud && inputState.wasKeyPressed(HudOverlay.DEFAULT_TOGGLE_KEY))
            {
                hud.handleKey(HudOverlay.DEFAULT_TOGGLE_KEY);
            }
            tick.set(tickIndex, tickTimeNs, tickStartNs, dtSeconds);
            phase.enter(Phase.UPDATE);
            app.update(tick, inputState);
            phase.leave();
            ticks++;
            lastPausedTickIndex = tickIndex + 1;
        }
        finally
        {
            RuntimeWatchdog.end(heartbeat);
        }
    }

    /** {@inheritDoc} Keeps input draining while the loop is paused (into the next tick's index). */
    public void paused(final long nowNs)
    {
        input.drainInto(lastPausedTickIndex, inputState, nowNs, nowNs, listener);
    }

    /** {@inheritDoc} Allocation-free. */
    public void write(final S state, final long lastTickIndex, final long lastTickTimeNs)
    {
        final Heartbeat heartbeat = this.heartbeat;
        RuntimeWatchdog.begin(heartbeat);
        try
        {
            phase.enter(Phase.UPDATE);
            app.writeRenderState(state);
            phase.leave();
        }
        finally
        {
            RuntimeWatchdog.end(heartbeat);
        }
    }

    /** Publishes the tick counters to the live statistics. */
    void publishStats(final long droppedTicks)
    {
        stats.ticks(ticks, droppedTicks);
    }

    /** Sets the HUD that F3 toggles; start-up, before the first tick. */
    void hud(final HudOverlay hud)
    {
        this.hud = hud;
    }

    InputState inputState()
    {
        return inputState;
    }

    long ticks()
    {
        return ticks;
    }

    /** The message, in a class of its own so that SimulationStep holds no String constant (frame path). */
    private static final class Messages
    {
        static EventListener requireListener(final EventListener listener)
        {
            if (null == listener)
            {
                throw new IllegalStateException("Application.inputListener() returned null: return " +
                    "EventListener.NONE for an application that only polls InputState");
            }
            return listener;
        }
    }
}
