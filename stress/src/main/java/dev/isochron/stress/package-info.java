/**
 * jcstress tests of the engine's lock-free hand-offs, run by {@code JcstressRunTest} in {@code mvn verify}:
 * the {@link dev.isochron.engine.handoff.TripleBuffer} (no torn or stale reads, the latest state arrives), the
 * {@link dev.isochron.input.queue.InputQueue} ring as the engine uses it (one producer thread writes records, the
 * simulation thread drains them: none lost or duplicated below capacity, exact drop counts at overflow), and
 * {@link dev.isochron.engine.thread.WorkerGroup} fork/join (each slice exactly once per frame, its writes visible
 * after join).
 * <p>
 * Threads: each test's {@code @Actor} methods run concurrently on jcstress's actor threads, its {@code @Arbiter}
 * after all of them; the roles each actor plays (writer, reader, producer, simulation, coordinator) are named in
 * the test's javadoc. Tests are not part of the engine's frame path and may allocate.
 */
package dev.isochron.stress;
