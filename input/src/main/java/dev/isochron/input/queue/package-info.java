/**
 * The input queue: Agrona ring buffers over preallocated memory carrying fixed-size input records
 * from the threads that capture input to the simulation thread that consumes them.
 * <p>
 * Threads: each {@link dev.isochron.input.queue.InputProducer} is used by exactly one producer thread
 * (the main/platform thread running GLFW callbacks, or a synthetic source's thread); the
 * {@link dev.isochron.input.queue.InputQueue}'s drain and the {@link dev.isochron.input.queue.InputDispatcher}
 * run on the one consuming thread (the simulation thread). Counters may be read from any thread.
 * Neither side allocates per event, and a full ring never blocks a producer.
 */
package dev.isochron.input.queue;
