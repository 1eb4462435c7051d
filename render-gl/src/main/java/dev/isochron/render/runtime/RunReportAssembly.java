package dev.isochron.render.runtime;

import dev.isochron.engine.metrics.LatencyHistogram;
import dev.isochron.engine.metrics.RunReport;
import dev.isochron.input.event.EventListener;
import dev.isochron.input.queue.InputQueue;
import dev.isochron.input.state.InputState;
import dev.isochron.render.natives.NativeHeap;

import java.io.IOException;
import java.util.List;

/**
 * Fills a finished run's {@link RunReport} (the frame metrics, GC pauses, allocation and input latency, then the
 * runtime's extras: docs/report.md names each key), accounts for the input left in the ring, measures the heap when
 * asked, writes the report's JSON when a path is set, and builds the {@link RunResult}.
 * <p>
 * Threading: the caller's thread, once every engine thread has been joined and the run's context closed.
 */
final class RunReportAssembly
{
    private RunReportAssembly()
    {
    }

    /**
     * @param run the run, ended without a failure.
     * @return why it ended, its report and its counts.
     * @throws java.io.UncheckedIOException when the report's JSON cannot be written.
     */
    static RunResult finish(final RunContext<?> run)
    {
        final RuntimeConfig config = run.config();
        final MeasurementConfig measurement = run.measurement();
        final RenderPipeline<?> pipeline = run.pipeline();
        final RunMetrics metrics = run.metrics();
        final RunInput input = run.input();
        final InputQueue queue = input.queue();
        final RuntimeWatchdog watchdog = run.watchdog();
        final FramePathLiterals literals = run.literals();
        final boolean live = null == input.replay();
        final RunReport report = metrics.report();

        metrics.frameMetrics().endWindow();
        final LatencyHistogram latency = live ? input.inputLatency() : null;
        report.collect(metrics.frameMetrics(), metrics.gcPauses(), metrics.allocation(), latency)
            .threading(RuntimeMessages.threading(config.threading()))
            .workers(config.workers())
            .headless(null == run.window())
            .glRenderer(pipeline.glRenderer())
            .glVersion(pipeline.glVersion())
            .contextApi(pipeline.contextApi())
            .gcName(metrics.gcPauses().gcName())
            .inputEvents(queue.events())
            .inputDrops(queue.drops())
            .inputCoalesced(queue.coalesced())
            .extra(RuntimeMessages.SKIPPED_FRAMES, pipeline.skippedFrames())
            .extra(RuntimeMessages.TOTAL_FRAMES, pipeline.frames())
            .extra(RuntimeMessages.TOTAL_TICKS, run.simulation().ticks())
            .extra(RuntimeMessages.WATCHDOG_STALLS, null == watchdog ? 0 : watchdog.stallCount())
            .extra(RuntimeMessages.WATCHDOG_THRESHOLD_MS, config.stallWatchdog().toNanos() / 1e6)
            .extra(RuntimeMessages.LITERAL_CLASSES_RESOLVED,
                null != literals && literals.available() ? literals.classes() : -1)
            .extra(RuntimeMessages.LITERALS_RESOLVED, null == literals ? 0 : literals.literals())
            .extra(RuntimeMessages.WORKER_FRAMES, pipeline.workerFrames())
            .extra(RuntimeMessages.NATIVE_HEAP_RETAINED, NativeHeap.isRetained() ? 1 : 0)
            .extra(RuntimeMessages.PHASE_RECORD_MS, pipeline.phaseTimes().meanMs(FramePhaseTimes.RECORD))
            .extra(RuntimeMessages.PHASE_FILL_MS, pipeline.phaseTimes().meanMs(FramePhaseTimes.FILL))
            .extra(RuntimeMessages.PHASE_SUBMIT_MS, pipeline.phaseTimes().meanMs(FramePhaseTimes.SUBMIT))
            .extra(RuntimeMessages.PHASE_PRESENT_MS, pipeline.phaseTimes().meanMs(FramePhaseTimes.PRESENT))
            .extra(RuntimeMessages.PERSISTENT_VERTEX_RING, pipeline.persistentVertexRing() ? 1 : 0)
            .extra(RuntimeMessages.INSTANCED_SPRITES, pipeline.instancedSprites() ? 1 : 0)
            .extra(RuntimeMessages.INSTANCED_SPRITE_FALLBACK_FRAMES, pipeline.instancedSpriteFallbackFrames())
            .extra(RuntimeMessages.CHECKED, config.checked() ? 1 : 0);
        final long consumed = queue.events();
        final long discarded = live ? discardInputLeftInRing(queue) : 0L;
        report.extra(RuntimeMessages.INPUT_WRITTEN, queue.written())
            .extra(RuntimeMessages.INPUT_DISCARDED_AT_END, discarded)
            .measureRss();
        if (measurement.measureHeapAfterRun())
        {
            report.measureHeapAfterGc();
        }
        if (null != measurement.reportPath())
        {
            try
            {
                report.writeJson(measurement.reportPath());
            }
            catch (final IOException ex)
            {
                throw RuntimeMessages.cannotWriteReport(measurement.reportPath(), ex);
            }
        }
        final ExitCause cause = null == run.exit().cause() ? ExitCause.EXIT_REQUESTED : run.exit().cause();
        final long synthetic = null == input.synthetic() ? 0L : input.synthetic().emitted();
        return new RunResult(cause, report, pipeline.frames(), run.simulation().ticks(), pipeline.skippedFrames(),
            pipeline.firstSkippedFailure(),
            null == watchdog ? 0L : watchdog.stallCount(), null == watchdog ? List.of() : watchdog.stalls(),
            new RunResult.InputCounts(synthetic, queue.written(), queue.drops(), queue.coalesced(), consumed,
                discarded));
    }

    /**
     * After every producer and the simulation have stopped: drains what the ticks did not consume, so the run's input
     * is accounted for exactly (produced = consumed + discarded + dropped + coalesced). Runs after the report
     * collected the input latency, which these records must not enter.
     */
    private static long discardInputLeftInRing(final InputQueue queue)
    {
        final InputState scratch = new InputState();
        long discarded = 0;
        int drained;
        do
        {
            drained = queue.drainInto(Long.MAX_VALUE, scratch, Long.MAX_VALUE, Long.MAX_VALUE, EventListener.NONE);
            discarded += drained;
        }
        while (drained > 0);
        return discarded;
    }
}
