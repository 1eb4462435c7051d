/**
 * The frame-time harness: runs demo scenes in engine and naive mode side by side, each run in its own child
 * JVM, and turns the children's run reports ({@code docs/report.md}) into an aggregate JSON, a Markdown summary with
 * naive/engine ratios, per-frame CSV copies and PNG plots drawn by the engine itself.
 * <p>
 * Everything here runs on the harness's main thread, outside any frame path: allocation is of no concern and
 * clarity wins. The measured code runs in the child JVMs, never in this process.
 */
package dev.isochron.perf.harness;
