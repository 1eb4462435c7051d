/**
 * Lock-free hand-off of whole states between two long-lived threads, chiefly from the simulation thread to the
 * render thread ({@link dev.isochron.engine.handoff.TripleBuffer}).
 * <p>
 * Threading: each structure has exactly one writer thread and one reader thread, named in its javadoc; neither
 * side waits for the other and neither allocates after construction.
 */
package dev.isochron.engine.handoff;
