package dev.isochron.engine.jit;

import java.util.List;

/**
 * The classes outside Isochron whose methods the runtime's frame path runs often enough for C2 and whose class files
 * hold String literals: what {@link LiteralResolver} must resolve before the first C2 compile of a per-frame method
 * (the runtime does it once per run; the zero-allocation gate of the tests does it before its measured windows).
 * Found by {@code FramePathLiteralsIT} (demo), which runs every demo scene with low C2 thresholds and fails on a
 * compiled class with literals that is neither literal-free nor listed here; the windowed platform thread's
 * (GLFW, Checks) and the HUD's histogram iteration were found by a windowed run under a real XTest input storm with
 * {@code -XX:+PrintCompilation} (C2-compiled, holding literals, not listed; docs/perf.md). Names, not classes: the engine does not
 * depend on LWJGL or JOML, and a class missing from the class path (another library version) is skipped.
 */
public final class ThirdPartyFramePathClasses
{
    /** Binary class names. */
    public static final List<String> NAMES = List.of(
        // Agrona: the worker and producer agents' loops, the input ring, the buffers over it
        "org.agrona.AbstractMutableDirectBuffer",
        "org.agrona.BitUtil",
        "org.agrona.UnsafeApi",
        "org.agrona.concurrent.AgentRunner",
        "org.agrona.concurrent.BackoffIdleStrategy",
        "org.agrona.concurrent.UnsafeBuffer",
        "org.agrona.concurrent.ringbuffer.ManyToOneRingBuffer",
        "org.agrona.concurrent.ringbuffer.OneToOneRingBuffer",
        "org.agrona.concurrent.ringbuffer.RecordDescriptor",
        // HdrHistogram: frame times and input latency, recorded every frame
        "org.HdrHistogram.AbstractHistogram",
        "org.HdrHistogram.HistogramIterationValue",
        "org.HdrHistogram.SingleWriterRecorder",
        "org.HdrHistogram.WriterReaderPhaser",
        // JOML: the camera's projection, uploaded every frame
        "org.joml.Matrix4f",
        "org.joml.MemUtil$MemUtilUnsafe",
        // LWJGL: off-heap vertex and uniform writes; the window's event poll and size queries (platform thread)
        "org.lwjgl.glfw.GLFW",
        "org.lwjgl.system.Checks",
        "org.lwjgl.system.Configuration",
        "org.lwjgl.system.MemoryUtil",
        "org.lwjgl.system.MultiReleaseMemCopy",
        // the JDK (most of its classes come with their literals resolved from the CDS archive; these may not)
        "java.lang.Integer",
        "java.lang.Long",
        "java.lang.Math",
        "java.lang.System",
        "java.nio.Buffer",
        "java.nio.ByteOrder",
        "java.nio.DirectByteBuffer",
        "java.util.Arrays",
        "java.util.Objects",
        "java.util.concurrent.atomic.AtomicInteger", // run-time textures' states and request counter
        "java.util.concurrent.atomic.AtomicLong",
        "java.util.concurrent.atomic.AtomicLongArray",
        "java.util.concurrent.atomic.AtomicLongFieldUpdater$CASUpdater",
        "java.util.concurrent.locks.LockSupport",
        "jdk.internal.misc.ScopedMemoryAccess",
        "jdk.internal.misc.Unsafe",
        "jdk.internal.util.Preconditions",
        "sun.misc.Unsafe");

    private ThirdPartyFramePathClasses()
    {
    }
}
