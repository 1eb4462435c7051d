package dev.isochron.render.runtime;

import dev.isochron.input.synthetic.SyntheticInputSource;
import org.agrona.DirectBuffer;
import org.agrona.concurrent.Agent;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;

/**
 * The runner's String constants (thread names, the run report's keys) and its messages, in a class of their own so
 * that none of the classes that run frames or ticks ({@link MultiThreadedRunner}, {@link SingleThreadedRunner},
 * {@link FrameLoopEnd}, {@link PlatformPoll}) nor {@link RunContext} holds a String constant: the first C2 compile of
 * a per-frame method would otherwise resolve it on an engine thread mid-run (see {@code ClassConstants} in the engine
 * test-jar; {@code FramePathConstantPoolTest} checks those classes). The names are assigned in the static
 * initialiser, not the declarations, so that javac does not copy them into the classes that read them as constants.
 * <p>
 * Threading: any thread. Allocation: the factories build messages and exceptions, at start-up and shutdown only.
 */
final class RuntimeMessages
{
    /** The render thread's name (multi-threaded mode). */
    static final String RENDER_THREAD;
    /** The simulation thread's name (multi-threaded mode). */
    static final String SIMULATION_THREAD;

    // the run report's keys: docs/report.md names each
    static final String SKIPPED_FRAMES;
    static final String TOTAL_FRAMES;
    static final String TOTAL_TICKS;
    static final String WATCHDOG_STALLS;
    static final String WATCHDOG_THRESHOLD_MS;
    static final String INPUT_WRITTEN;
    static final String INPUT_DISCARDED_AT_END;
    static final String LITERAL_CLASSES_RESOLVED;
    static final String LITERALS_RESOLVED;
    static final String WORKER_FRAMES;
    static final String NATIVE_HEAP_RETAINED;
    static final String PHASE_RECORD_MS;
    static final String PHASE_FILL_MS;
    static final String PHASE_SUBMIT_MS;
    static final String PHASE_PRESENT_MS;
    static final String PERSISTENT_VERTEX_RING;
    static final String INSTANCED_SPRITES;
    static final String INSTANCED_SPRITE_FALLBACK_FRAMES;
    static final String CHECKED;

    static
    {
        RENDER_THREAD = "isochron-render";
        SIMULATION_THREAD = "isochron-simulation";
        SKIPPED_FRAMES = "skippedFrames";
        TOTAL_FRAMES = "totalFrames";
        TOTAL_TICKS = "totalTicks";
        WATCHDOG_STALLS = "watchdogStalls";
        WATCHDOG_THRESHOLD_MS = "watchdogThresholdMs";
        INPUT_WRITTEN = "inputWritten";
        INPUT_DISCARDED_AT_END = "inputDiscardedAtEnd";
        LITERAL_CLASSES_RESOLVED = "literalClassesResolved";
        LITERALS_RESOLVED = "literalsResolved";
        WORKER_FRAMES = "workerFrames";
        NATIVE_HEAP_RETAINED = "nativeHeapRetained";
        PHASE_RECORD_MS = "renderRecordMs";
        PHASE_FILL_MS = "renderFillMs";
        PHASE_SUBMIT_MS = "renderSubmitMs";
        PHASE_PRESENT_MS = "renderPresentMs";
        PERSISTENT_VERTEX_RING = "persistentVertexRing";
        INSTANCED_SPRITES = "instancedSprites";
        INSTANCED_SPRITE_FALLBACK_FRAMES = "instancedSpriteFallbackFrames";
        CHECKED = "checked";
    }

    private RuntimeMessages()
    {
    }

    static IllegalStateException agronaUnchecked()
    {
        return new IllegalStateException("checking mode needs Agrona's bounds checks, which " +
            DirectBuffer.DISABLE_BOUNDS_CHECKS_PROP_NAME + "=true turned off: the input ring's and the frame " +
            "arenas' writes would go unchecked; drop that property or run without checking mode");
    }

    static String producerName(final Agent agent, final int index)
    {
        return agent instanceof SyntheticInputSource ? "isochron-input-synthetic" : "isochron-input-" + index;
    }

    /** @return the report's {@code threading} value. */
    static String threading(final Threading threading)
    {
        return Threading.SINGLE == threading ? "single" : "multi";
    }

    static IllegalArgumentException nullApp()
    {
        return new IllegalArgumentException("app must not be null");
    }

    static IllegalArgumentException nullConfig()
    {
        return new IllegalArgumentException("config must not be null");
    }

    static UncheckedIOException cannotReadReplay(final Path replayPath, final IOException ex)
    {
        return new UncheckedIOException("cannot read replay " + replayPath + ": " + ex, ex);
    }

    /** {@code ex} names the recording, its path and the reason (AtomicFileWriter): its message is the message. */
    static UncheckedIOException cannotRecord(final Path recordPath, final IOException ex)
    {
        return new UncheckedIOException(ex.getMessage(), ex);
    }

    static IllegalArgumentException nullAgent(final int index)
    {
        return new IllegalArgumentException("input source " + index + " made a null agent");
    }

    static IllegalStateException nullRenderState()
    {
        return new IllegalStateException("Application.newRenderState() returned null");
    }

    /** {@code ex} names the report, its path and the reason (AtomicFileWriter): its message is the message. */
    static UncheckedIOException cannotWriteReport(final Path reportPath, final IOException ex)
    {
        return new UncheckedIOException(ex.getMessage(), ex);
    }
}
