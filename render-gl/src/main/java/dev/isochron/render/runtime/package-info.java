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
 * Shutdown: a closed window, {@link dev.isochron.render.runtime.Frame#requestExit()} or {@link
 * dev.isochron.render.runtime.Tick#requestExit()}, a frame or time limit, or a failure sets one exit signal that
 * every runtime thread polls; the render thread ends the measured window while all threads are alive, disposes the
 * application, releases every GL object and the context; the caller's thread then joins the simulation and input
 * threads, destroys the window, checks for leaked GL objects and returns the report, or throws the first
 * {@link dev.isochron.render.runtime.ApplicationFailure} (later ones attached as suppressed).
 * <p>
 * Allocation: the steady-state frame on every runtime thread allocates nothing; the run report's
 * {@code allocBytesPerFrame} measures it per thread role.
 */
package dev.isochron.render.runtime;
