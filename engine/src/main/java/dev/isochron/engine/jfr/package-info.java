/**
 * JDK Flight Recorder events for every frame and tick, for JDK Mission Control.
 * <p>
 * {@link dev.isochron.engine.jfr.JfrLoopObserver} is a {@link dev.isochron.engine.loop.LoopObserver}: its frame
 * methods run on the render thread, its tick methods on the simulation thread, each with one event instance
 * that it reuses for the life of the observer, so nothing is allocated per frame whether a recording is
 * running or not. Reuse is sound on JDK 17 when each use calls {@code begin()}, {@code end()} and
 * {@code commit()} in turn: {@code begin()} resets the start time and {@code end()} overwrites the duration
 * (measured: a reused event that skips {@code end()} keeps its first duration forever).
 */
package dev.isochron.engine.jfr;
