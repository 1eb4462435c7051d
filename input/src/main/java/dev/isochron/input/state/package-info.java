/**
 * The per-tick input state the simulation reads.
 * <p>
 * Threads: owned by the simulation thread (the one consumer of the input ring); not thread-safe and
 * never shared. Allocation-free after construction.
 */
package dev.isochron.input.state;
