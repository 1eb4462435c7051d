package dev.isochron.render.runtime;

import dev.isochron.input.event.EventListener;
import dev.isochron.input.state.InputState;

/**
 * A program run by {@link dev.isochron.render.Isochron#run(Application, RuntimeConfig)}: a fixed-step simulation
 * that hands a render state {@code S} to a renderer through a lock-free triple buffer.
 * <p>
 * Lifecycle, in order: {@link #newRenderState()} three times (the triple buffer's slots, on the caller's thread;
 * once in single-threaded mode, where simulation and rendering share one state),
 * {@link #init(Init)} on the render thread, then concurrently {@link #update}/{@link #writeRenderState} on the
 * simulation thread and {@link #render} on the render thread until the run ends, then {@link #dispose()} on the
 * render thread. In single-threaded mode all of them run on the caller's thread. An exception thrown from any of
 * them ends the run: {@code Isochron.run} throws an {@link ApplicationFailure} naming the {@link Phase} and thread.
 * <p>
 * The first frame: {@link #render} never sees a state no tick has written. The runtime starts the first frame only
 * once the first {@link #update} has run and {@link #writeRenderState} has filled the state that frame draws, so the
 * fields of a state as {@link #newRenderState()} made it (zeros, empty ranges) never reach the screen. Multi-threaded,
 * the render thread waits for the simulation's first publication once, at start-up (about one tick period: the
 * loop's first tick runs one period after it starts); after that it never waits for the simulation, it draws the
 * newest state there is. Single-threaded, the runtime runs the loop until its first tick before the first frame. A
 * run that ends before its first tick (a failure in it, a closed window) renders no frame.
 * <p>
 * Allocation: {@link #update}, {@link #writeRenderState} and {@link #render} are the frame path and should
 * allocate nothing in the steady state (the run report measures it per thread).
 *
 * @param <S> the render state: everything the renderer reads, copied by the simulation each step.
 */
public interface Application<S>
{
    /**
     * Makes one render state. Called three times at start-up (once in single-threaded mode); the states live for
     * the whole run and are reused.
     *
     * @return a new, fully preallocated render state.
     */
    S newRenderState();

    /**
     * Loads GL resources (textures, fonts, shaders) before the first frame. Render thread, GL context current
     * (none with {@link RendererKind#NULL}: see {@link Init#hasGl()}).
     *
     * @param init the context's size and resource registration.
     */
    default void init(final Init init)
    {
    }

    /**
     * The application's listener for input events, beside {@link InputState} polling: each event a tick consumes, in the
     * order it was captured, on the simulation thread, before that tick's {@link #update} (events that arrive while
     * the loop is paused go to the listener as they are drained, before the next tick). Each event is a view over the
     * input ring's bytes, valid during the callback only: copy what you keep, keep no reference. Codes compare with
     * {@link dev.isochron.input.keys.Keys}, {@link dev.isochron.input.keys.MouseButtons} and
     * {@link dev.isochron.input.keys.Modifiers}. A listener that throws ends the run in {@link Phase#UPDATE}.
     * Called once, at start-up, on the thread that calls {@code Isochron.run}.
     *
     * @return the listener, {@link EventListener#NONE} (the default) for an application that only polls.
     */
    default EventListener inputListener()
    {
        return EventListener.NONE;
    }

    /**
     * Advances the simulation by one fixed tick. Simulation thread.
     *
     * @param tick  the tick's index, time and step; {@link Tick#requestExit()} ends the run.
     * @param input the input of this tick (events captured up to the tick's time, or replayed).
     */
    void update(Tick tick, InputState input);

    /**
     * Copies what the renderer needs into {@code dest}, after the ticks of one step ran. Simulation thread.
     * {@code dest} holds an older state: write every field the renderer reads (typically the previous and the
     * latest tick's values, to interpolate with {@link Frame#alpha()}).
     *
     * @param dest the triple buffer's back slot, this thread's alone during the call.
     */
    void writeRenderState(S dest);

    /**
     * Draws one frame from the newest state, which a tick has always written (see the first frame, above). Render
     * thread. Record sprites, shapes and text into the frame's
     * batches; the runtime sorts, fills vertices (with render workers when configured) and draws them after the
     * call returns.
     *
     * @param state the newest published state: read it during the call only, never write it, never keep it.
     * @param frame the frame's batches, camera, interpolation alpha and live statistics.
     */
    void render(S state, Frame frame);

    /**
     * Releases what {@link #init(Init)} made. Render thread, GL context current (when there is one). Called
     * whenever {@code init} returned normally, also when the run ends by a failure.
     */
    default void dispose()
    {
    }
}
