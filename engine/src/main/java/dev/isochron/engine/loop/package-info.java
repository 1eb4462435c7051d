/**
 * The fixed-step loop: clocks, the accumulator ({@link dev.isochron.engine.loop.FixedStepLoop}), frame pacing
 * ({@link dev.isochron.engine.loop.FramePacer}) and the drivers that run it.
 * <p>
 * Threading: {@link dev.isochron.engine.loop.SingleThreadedDriver} runs everything on the one thread that calls it.
 * In the two-thread model {@link dev.isochron.engine.loop.SimulationAgent} runs on the simulation thread and
 * {@link dev.isochron.engine.loop.RenderFrameDriver} on the render thread; they share state only through
 * {@link dev.isochron.engine.handoff.TripleBuffer}. Every class here is single-threaded unless its javadoc says
 * otherwise ({@link dev.isochron.engine.loop.ManualClock} may be read from any thread; the drivers' stop request
 * may come from any thread). Steady-state frame and tick paths allocate nothing.
 */
package dev.isochron.engine.loop;
