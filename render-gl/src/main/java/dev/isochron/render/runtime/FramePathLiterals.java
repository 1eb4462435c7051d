package dev.isochron.render.runtime;

import dev.isochron.engine.jit.LiteralResolver;

import java.util.List;

/**
 * Resolves, once before the first frame, the String literals of the classes the frame path calls that hold any: the
 * application's class, the configured {@link RuntimeConfig#frameClasses}, and the third-party and JDK classes the
 * runtime's own frame path reaches ({@link #RUNTIME_CLASSES}). Isochron's own frame-path classes hold no literal, so
 * they need none of this (a test per module reads their class files).
 * <p>
 * Why: see {@link dev.isochron.engine.jit}. Threading: the thread that starts the run, before any engine thread.
 */
public final class FramePathLiterals
{
    /**
     * The classes outside Isochron whose methods the runtime's frame path runs often enough for C2 and whose class
     * files hold String literals: found by {@code FramePathLiteralsIT} (demo), which runs every demo scene with low C2
     * thresholds and fails on a compiled class with literals that is neither literal-free nor listed here. A class
     * missing from the class path (another library version) is skipped.
     */
    static final List<String> RUNTIME_CLASSES = List.of(
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
        "org.HdrHistogram.SingleWriterRecorder",
        // JOML: the camera's projection, uploaded every frame
        "org.joml.Matrix4f",
        "org.joml.MemUtil$MemUtilUnsafe",
        // LWJGL: off-heap vertex and uniform writes
        "org.lwjgl.system.MemoryUtil",
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
        "java.util.concurrent.atomic.AtomicLong",
        "java.util.concurrent.atomic.AtomicLongArray",
        "java.util.concurrent.atomic.AtomicLongFieldUpdater$CASUpdater",
        "java.util.concurrent.locks.LockSupport",
        "jdk.internal.misc.ScopedMemoryAccess",
        "jdk.internal.misc.Unsafe",
        "jdk.internal.util.Preconditions",
        "sun.misc.Unsafe");

    private final boolean available;
    private final int classes;
    private final int literals;

    private FramePathLiterals(final boolean available, final int classes, final int literals)
    {
        this.available = available;
        this.classes = classes;
        this.literals = literals;
    }

    /**
     * Resolves the literals of {@code application}'s class, the configured frame classes and {@link #RUNTIME_CLASSES};
     * when the JDK hides its constant pool, says so once on System.err (with the flags to add) and resolves nothing.
     */
    static FramePathLiterals resolve(final RuntimeConfig config, final Object application)
    {
        if (!config.resolveLiterals())
        {
            return new FramePathLiterals(false, 0, 0);
        }
        final LiteralResolver resolver = LiteralResolver.probe();
        if (!resolver.available())
        {
            System.err.println("isochron: " + resolver.unavailableReason());
            return new FramePathLiterals(false, 0, 0);
        }
        int classes = 0;
        int literals = resolver.resolve(application.getClass());
        classes++;
        final List<Class<?>> frameClasses = config.frameClasses();
        for (int i = 0; i < frameClasses.size(); i++)
        {
            literals += resolver.resolve(frameClasses.get(i));
            classes++;
        }
        final ClassLoader loader = FramePathLiterals.class.getClassLoader();
        for (int i = 0; i < RUNTIME_CLASSES.size(); i++)
        {
            final int resolved = resolver.resolve(RUNTIME_CLASSES.get(i), loader);
            if (resolved >= 0)
            {
                literals += resolved;
                classes++;
            }
        }
        return new FramePathLiterals(true, classes, literals);
    }

    /** @return the names of {@link #RUNTIME_CLASSES}: the classes outside Isochron whose literals every run resolves. */
    public static List<String> runtimeClasses()
    {
        return RUNTIME_CLASSES;
    }

    /** @return whether literals were resolved (on, and the JDK let the resolver reach its constant pool). */
    boolean available()
    {
        return available;
    }

    /** @return the classes whose literals were resolved. */
    int classes()
    {
        return classes;
    }

    /** @return the literals resolved. */
    int literals()
    {
        return literals;
    }
}
