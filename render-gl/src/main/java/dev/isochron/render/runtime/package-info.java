/**
 * The application runtime: {@link dev.isochron.render.Isochron#run} wires a window or headless context, input,
 * the fixed-step simulation, the render thread, render workers and metrics around one {@link
 * dev.isochron.render.runtime.Application}.
 * <p>
 * Threads (multi-threaded mode): the caller's thread is the platform thread (creates the context and window,
 * polls OS events, destroys the window last); {@code isochron-simulation} runs {@link
 * dev.isochron.render.runtime.Application#update} and {@link dev.isochron.render.runtime.Application#writeRenderState};
 * {@code isochron-render} owns the GL context for its whole life and runs {@link
 * dev.isochron.render.runtime.Application#init}, {@link dev.isochron.render.runtime.Application#render} and {@link
 * dev.isochron.render.runtime.Application#dispose}; {@code isochron-render-worker-N} fill vertex slices. In
 * single-threaded mode the caller's thread does all of it. Each type's javadoc names the thread its methods run on.
 * <p>
 * Start-up: {@code Isochron.run} checks the JVM's flags first (Agrona needs {@code jdk.internal.misc}), then the
 * configuration; the first frame starts only once the first tick has written a render state, so
 * {@link dev.isochron.render.runtime.Application#render} never sees a state no tick wrote.
 * <p>
 * Shutdown: a closed window, {@link dev.isochron.render.runtime.Frame#requestExit()} or {@link
 * dev.isochron.render.runtime.Tick#requestExit()}, a frame or time limit, or a failure sets one exit signal that
 * every runtime thread polls; the render thread ends the measured window while all threads are alive, disposes the
 * application, releases every GL object and the context; the caller's thread then joins the simulation and input
 * threads, destroys the window, checks for leaked GL objects and returns the report, or throws the first
 * {@link dev.isochron.render.runtime.ApplicationFailure} (later ones attached as suppressed).
 * <p>
 * The runner, one idea per class: {@link dev.isochron.render.runtime.ApplicationRunner} checks and concludes the
 * configuration; {@code RunContext} makes the run's objects in start-up order and closes them last made first;
 * {@code MultiThreadedRunner} or {@code SingleThreadedRunner} makes, runs and joins the threads of its mode, with
 * {@code PlatformPoll} (the platform thread's event duty), {@code ProducerThreads} (the input producers) and
 * {@code FrameLoopEnd} (limits after each frame, the end of the frames); {@code RunReportAssembly} fills the report
 * once every thread has ended.
 * <p>
 * Stalls: with {@link dev.isochron.render.runtime.RuntimeConfig#stallWatchdog(java.time.Duration)} on (250 ms by
 * default) the simulation thread (each tick and state write), the render thread (each frame, less the time it waits
 * for the workers) and each render worker (each vertex slice) publish a heartbeat; the {@code isochron-watchdog}
 * thread reports a unit of work longer than the threshold once, with the thread's stack, and the run result keeps
 * it ({@link dev.isochron.render.runtime.RunResult#watchdogStalls()}). The watchdog observes; it never interrupts.
 * <p>
 * Faults and their outcomes: a render worker that throws stops the run with an
 * {@link dev.isochron.render.runtime.ApplicationFailure} ({@code RUNTIME}) naming the worker thread; a GL error
 * raised during a frame stops it ({@code RENDER}), naming the application's call in debug mode and the frame
 * otherwise; a lost GL context (robustness reset status, checked once per frame) stops it ({@code RUNTIME}) with a
 * {@link dev.isochron.render.context.GlContextException}; a context that cannot be made is thrown by
 * {@code Isochron.run} as that exception itself; a full input queue drops and counts
 * ({@link dev.isochron.render.runtime.RunResult#input()} accounts for every event); a closed window ends the run
 * after the frame in flight. In each case every runtime thread has ended when {@code Isochron.run} returns or throws.
 * <p>
 * Allocation: the steady-state frame on every runtime thread allocates nothing, the watchdog's heartbeats included;
 * the run report's {@code allocBytesPerFrame} measures it per thread role.
 */
package dev.isochron.render.runtime;
