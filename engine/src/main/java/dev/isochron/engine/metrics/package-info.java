/**
 * Frame, tick, input-latency, allocation and GC measurements, and the run report built from them.
 * <p>
 * What each figure means is defined once, in {@code docs/report.md} and {@code docs/metrics.md};
 * the javadoc here says how it is measured. Recording is allocation-free and never blocks:
 * {@link dev.isochron.engine.metrics.FrameMetrics} is written by the loop's threads through
 * {@link dev.isochron.engine.loop.LoopObserver} (frames on the render thread, ticks on the simulation thread),
 * {@link dev.isochron.engine.metrics.LatencyHistogram} by the simulation thread,
 * {@link dev.isochron.engine.metrics.GcPauseMonitor} by the JMX notification thread (where allocation is fine).
 * Reading ({@link dev.isochron.engine.metrics.RunReport}) happens outside the frame path, after the measured
 * window has ended, on whatever thread writes the report.
 */
package dev.isochron.engine.metrics;
