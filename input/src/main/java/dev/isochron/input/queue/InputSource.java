package dev.isochron.input.queue;

import dev.isochron.input.event.EventListener;
import dev.isochron.input.state.InputState;

/**
 * Where a tick's input comes from: the live {@link InputQueue}, or a replay of a recording.
 * <p>
 * Thread: called by the simulation thread, once per tick (and once per paused frame, so input keeps
 * draining while the loop is paused). Implementations are allocation-free.
 */
public interface InputSource
{
    /**
     * Starts a tick on {@code state} ({@link InputState#beginTick()}), then applies to it and passes to
     * {@code listener}, in order, the events that belong to this tick.
     *
     * @param tickIndex   the tick's index since the loop started (replay selects records by it).
     * @param state       the tick's input state.
     * @param tickTimeNs  the clock instant this tick's simulated time corresponds to: the live queue
     *                    consumes the events captured at or before it and leaves later ones for the next tick.
     * @param tickStartNs the clock time the tick started: input latency is measured to it.
     * @param listener    receives each event as a flyweight, after it has been applied to {@code state}.
     * @return the number of events applied.
     */
    int drainInto(long tickIndex, InputState state, long tickTimeNs, long tickStartNs, EventListener listener);
}
