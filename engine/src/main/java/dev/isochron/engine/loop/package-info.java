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
 * <p>
 * One thread:
 * <pre>{@code
 * SingleThreadedDriver driver = new SingleThreadedDriver(
 *     new LoopConfig().tickRateHz(120).pacing(PacingMode.TARGET_FPS).targetFps(60),
 *     world::update,            // TickHandler: (tickIndex, tickTimeNs, tickStartNs, dtSeconds)
 *     view::draw,               // FrameRenderer: (alpha, frameStartNs)
 *     SystemNanoClock.INSTANCE,
 *     LoopObserver.NONE);
 * driver.run(Long.MAX_VALUE);   // until driver.requestStop() from any thread
 * }</pre>
 * Two threads:
 * <pre>{@code
 * TripleBuffer<RenderState> buffer = new TripleBuffer<>(RenderState::new);
 * FixedStepLoop loop = new FixedStepLoop(config, world::update, clock, observer);
 * AgentRunner sim = new AgentRunner(new SleepingIdleStrategy(100_000), errors::add, null,
 *     new SimulationAgent<>(loop, buffer, world::copyTo, clock));      // StateWriter: (state, tick, tickTimeNs)
 * RenderFrameDriver<RenderState> render = new RenderFrameDriver<>(
 *     buffer, view::draw, new FramePacer(config, clock), loop, clock, observer);
 * AgentRunner.startOnThread(sim);
 * render.run(Long.MAX_VALUE);   // on the thread that owns the GL context
 * }</pre>
 */
package dev.isochron.engine.loop;
