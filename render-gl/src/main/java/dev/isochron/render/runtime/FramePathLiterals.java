package dev.isochron.render.runtime;

import dev.isochron.engine.jit.LiteralResolver;
import dev.isochron.engine.jit.ThirdPartyFramePathClasses;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

/**
 * Resolves, once before the first frame, the String literals of the classes the frame path calls that hold any: the
 * application's class, the configured {@link MeasurementConfig#frameClasses}, and the third-party and JDK classes the
 * runtime's own frame path reaches ({@link #RUNTIME_CLASSES}). Isochron's own frame-path classes hold no literal, so
 * they need none of this (a test per module reads their class files).
 * <p>
 * Why: see {@link dev.isochron.engine.jit}. When: on a thread of its own ({@value #THREAD_NAME}), once the first
 * frame has ended, so that it costs the time to first frame nothing (resolving ~600 literals, with initializing
 * their classes, took 230-330 ms here). The literals only need to be resolved before the first C2 compile of a
 * per-frame method, thousands of frames later. It links classes but never initializes one: initializing beside the
 * engine's threads can deadlock with them (see {@link LiteralResolver#resolve(Class)}).
 * <p>
 * Threading: {@link #start} and {@link #close()} on the thread that runs the run; {@link #firstFrameEnded()} on the
 * render thread, once (allocation-free); the results after {@link #close()}.
 */
public final class FramePathLiterals implements Runnable
{
    /** The resolving thread's name. */
    public static final String THREAD_NAME = "isochron-literals";
    private static final long POLL_NS = TimeUnit.MILLISECONDS.toNanos(20);

    /**
     * Isochron's own enums on the frame path: an enum's class holds its constants' names as String literals, which
     * the first C2 compile of one of its methods resolves on the calling thread (the constant-pool test cannot hold
     * an enum to "no String constant", so they are resolved instead).
     */
    static final List<String> OWN_ENUMS = List.of(
        "dev.isochron.render.camera.ViewportKind",
        "dev.isochron.render.pass.BlendMode",
        "dev.isochron.render.pass.PassOrder",
        "dev.isochron.render.text.TextAlign");

    /**
     * The classes whose literals every run resolves besides the application's: those outside Isochron whose methods the
     * runtime's frame path runs often enough for C2 and whose class files hold String literals
     * ({@link ThirdPartyFramePathClasses}, in the engine, so that the zero-allocation gate of every module's tests
     * resolves the same ones), then {@link #OWN_ENUMS}.
     */
    static final List<String> RUNTIME_CLASSES = thirdPartyAndOwnEnums();

    private static List<String> thirdPartyAndOwnEnums()
    {
        final List<String> names = new ArrayList<>(ThirdPartyFramePathClasses.NAMES);
        names.addAll(OWN_ENUMS);
        return List.copyOf(names);
    }

    private final MeasurementConfig config;
    private final Class<?> applicationClass;
    private final Thread thread;
    private volatile boolean firstFrameEnded;
    private volatile boolean closing;
    private boolean available;
    private int classes;
    private int literals;

    private FramePathLiterals(final MeasurementConfig config, final Class<?> applicationClass)
    {
        this.config = config;
        this.applicationClass = applicationClass;
        this.thread = config.resolveLiterals() ? new Thread(this, THREAD_NAME) : null;
    }

    /**
     * Starts resolving the literals of {@code application}'s class, the configured frame classes and
     * {@link #RUNTIME_CLASSES} once {@link #firstFrameEnded()} is called; nothing when
     * {@link MeasurementConfig#resolveLiterals} is off.
     */
    static FramePathLiterals start(final MeasurementConfig config, final Object application)
    {
        final FramePathLiterals literals = new FramePathLiterals(config, application.getClass());
        if (null != literals.thread)
        {
            literals.thread.setDaemon(true);
            literals.thread.start();
        }
        return literals;
    }

    /** Render thread, after the first frame: lets the resolving begin. Allocation-free. */
    void firstFrameEnded()
    {
        firstFrameEnded = true;
        if (null != thread)
        {
            LockSupport.unpark(thread);
        }
    }

    /** Waits for the resolving to end (it resolves nothing more once closing, if the first frame never ended). */
    void close()
    {
        closing = true;
        if (null != thread)
        {
            LockSupport.unpark(thread);
            Uninterruptible.join(thread);
        }
    }

    /**
     * The resolving thread: waits for the first frame, then resolves; says on System.err when the JDK hides its
     * constant pool (with the flags to add), or which class it could not resolve and why (and goes on with the next).
     */
    public void run()
    {
        while (!firstFrameEnded && !closing)
        {
            LockSupport.parkNanos(this, POLL_NS);
        }
        if (!firstFrameEnded)
        {
            return;
        }
        final LiteralResolver resolver = LiteralResolver.probe();
        if (!resolver.available())
        {
            System.err.println("isochron: " + resolver.unavailableReason());
            return;
        }
        final List<Class<?>> types = new ArrayList<>();
        types.add(applicationClass);
        types.addAll(config.frameClasses());
        final ClassLoader loader = FramePathLiterals.class.getClassLoader();
        for (int i = 0; i < RUNTIME_CLASSES.size(); i++)
        {
            try
            {
                types.add(Class.forName(RUNTIME_CLASSES.get(i), false, loader));
            }
            catch (final ClassNotFoundException ex)
            {
                // another version of a library: nothing of its to resolve
            }
        }
        int classes = 0;
        int literals = 0;
        for (int i = 0; i < types.size(); i++)
        {
            try
            {
                literals += resolver.resolve(types.get(i));
                classes++;
            }
            catch (final RuntimeException ex)
            {
                System.err.println("isochron: cannot resolve the literals of " + types.get(i).getName() +
                    " (its first C2 compile may allocate once on an engine thread): " + ex.getMessage());
            }
        }
        this.classes = classes;
        this.literals = literals;
        this.available = true;
    }

    /** @return the names of {@link #RUNTIME_CLASSES}: the classes outside Isochron whose literals every run resolves. */
    public static List<String> runtimeClasses()
    {
        return RUNTIME_CLASSES;
    }

    /** @return whether literals were resolved (on, the first frame ended, and the JDK let the resolver reach them). */
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
