/**
 * Synthetic input: a producer that injects realistic input streams for demos, tests and the perf harness.
 * <p>
 * Threads: a {@link dev.isochron.input.synthetic.SyntheticInputSource} is an Agrona {@code Agent} run by
 * its own {@code AgentRunner} thread (an engine producer thread), or stepped by a test with
 * {@code produceUntil(nowNs)} under a manual clock. Allocation-free per event.
 */
package dev.isochron.input.synthetic;
