/**
 * The floor for time to first frame: {@link dev.isochron.perf.ttff.MinimalFirstFrame}, a program that does no
 * more than a JVM, a surfaceless EGL context and one cleared frame need, measured the way the demo measures its own
 * first frame. The perf harness runs it as a child JVM with the demo's flags, interleaved with the scenes.
 * <p>
 * Thread: the child JVM's main thread only. Runs once per process; allocation is irrelevant here.
 */
package dev.isochron.perf.ttff;
