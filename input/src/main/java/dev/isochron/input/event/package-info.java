/**
 * Input event record layouts and the flyweight views listeners receive.
 * <p>
 * Threads: the layouts are constants used by every thread; the flyweights are owned by the one
 * thread that consumes input (the simulation thread, or the replaying thread) and are only valid
 * during the listener callback they are passed to. Nothing here allocates per event.
 */
package dev.isochron.input.event;
