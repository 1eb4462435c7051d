/**
 * Keeping the JIT's own allocations off the frame path: HotSpot resolves every String literal of a class on the
 * Java thread whose call requests the class's first C2 compile, so a class with a per-frame method allocates its
 * literals once on an engine thread, thousands of frames into a run. Isochron's own frame-path classes hold no
 * literal (their messages live in nested classes, and a test per module reads their class files);
 * {@link dev.isochron.engine.jit.LiteralResolver} resolves the literals of third-party frame-path classes before
 * the first frame.
 * <p>
 * Threads: start-up only, on the thread that starts the runtime; it allocates, once.
 */
package dev.isochron.engine.jit;
