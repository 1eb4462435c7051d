package dev.isochron.engine.jit;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;

/**
 * Resolves a class's String literals now, on the calling thread, so that the first C2 compile of one of its methods
 * later finds them resolved and allocates nothing on the engine thread that requested it.
 * <p>
 * Why: {@code CompileBroker::compile_method} resolves every {@code CONSTANT_String} of a method's class on the
 * requesting Java thread before a C2 compile. For a third-party class on the frame path (Agrona's ring buffer and idle
 * strategy, JOML, HdrHistogram) that is a few hundred bytes, once, on the render or simulation thread, inside a
 * measured window that should read 0 bytes per frame. The JDK resolves a literal for good the first time any code
 * asks for it, so asking early moves the allocation to start-up.
 * <p>
 * How: through the JDK's internal constant-pool reader ({@code jdk.internal.reflect.ConstantPool}, reached via
 * {@code jdk.internal.access.SharedSecrets}), which needs the JVM flags in {@link #REQUIRED_FLAGS} (the demo's jar
 * declares them in its manifest). Without them {@link #available()} is false, {@link #unavailableReason()} names the
 * flags, and resolving does nothing: the run is correct, it may allocate those bytes once.
 * <p>
 * Threads: any thread; it loads and links classes but never initializes one. Allocation: yes (the literals
 * themselves, and reflection), once per class.
 */
public final class LiteralResolver
{
    /** The JVM flags this needs, as they go on a {@code java} command line. */
    public static final String REQUIRED_FLAGS =
        "--add-exports java.base/jdk.internal.access=ALL-UNNAMED --add-exports java.base/jdk.internal.reflect=ALL-UNNAMED";

    private static final String STRING_TAG = "STRING";

    private final Object javaLangAccess;
    private final Method getConstantPool;
    private final Method getSize;
    private final Method getTagAt;
    private final Method getStringAt;
    private final String unavailableReason;

    private LiteralResolver(
        final Object javaLangAccess,
        final Method getConstantPool,
        final Method getSize,
        final Method getTagAt,
        final Method getStringAt,
        final String unavailableReason)
    {
        this.javaLangAccess = javaLangAccess;
        this.getConstantPool = getConstantPool;
        this.getSize = getSize;
        this.getTagAt = getTagAt;
        this.getStringAt = getStringAt;
        this.unavailableReason = unavailableReason;
    }

    /**
     * Finds the JDK's constant-pool reader.
     *
     * @return a resolver; when the JDK does not let this code reach the reader, an unavailable one that says why.
     */
    public static LiteralResolver probe()
    {
        try
        {
            final Class<?> sharedSecrets = Class.forName("jdk.internal.access.SharedSecrets");
            final Object javaLangAccess = sharedSecrets.getMethod("getJavaLangAccess").invoke(null);
            final Class<?> accessType = Class.forName("jdk.internal.access.JavaLangAccess");
            final Method getConstantPool = accessType.getMethod("getConstantPool", Class.class);
            final Class<?> poolType = Class.forName("jdk.internal.reflect.ConstantPool");
            final Method getSize = poolType.getMethod("getSize");
            final Method getTagAt = poolType.getMethod("getTagAt", int.class);
            final Method getStringAt = poolType.getMethod("getStringAt", int.class);
            // fail here, not at the first class, when the pool's package is not exported to us
            getSize.invoke(getConstantPool.invoke(javaLangAccess, LiteralResolver.class));
            return new LiteralResolver(javaLangAccess, getConstantPool, getSize, getTagAt, getStringAt, "");
        }
        catch (final IllegalAccessException | ClassNotFoundException | NoSuchMethodException ex)
        {
            return unavailable("the JDK's constant pool is not reachable (" + ex + "): run the JVM with " +
                REQUIRED_FLAGS + " to resolve third-party frame-path literals before the first frame");
        }
        catch (final InvocationTargetException ex)
        {
            throw new IllegalStateException("the JDK's constant pool reader failed on LiteralResolver itself", ex.getCause());
        }
    }

    /** @return a resolver that resolves nothing, for runs that turn resolution off; {@code reason} says why. */
    public static LiteralResolver unavailable(final String reason)
    {
        return new LiteralResolver(null, null, null, null, null, reason);
    }

    /** @return whether {@link #resolve} resolves anything. */
    public boolean available()
    {
        return null != getConstantPool;
    }

    /** @return why {@link #available()} is false, with the fix; empty when it is true. */
    public String unavailableReason()
    {
        return unavailableReason;
    }

    /**
     * Links {@code type} (its constant pool needs it) without initializing it, and resolves every String literal in
     * its constant pool. Not initializing matters: this runs beside the engine's threads, and initializing a class
     * here while an engine thread initializes one it depends on deadlocks both (JOML's {@code MemUtil} and its
     * subclass {@code MemUtil$MemUtilUnsafe} did).
     *
     * @return the literals resolved (already resolved ones included); 0 when {@link #available()} is false.
     * @throws IllegalStateException when the JDK's reader fails on {@code type}.
     */
    public int resolve(final Class<?> type)
    {
        if (!available())
        {
            return 0;
        }
        try
        {
            // resolving needs a linked class (an unlinked one crashes the 17 VM): asking for its declared
            // constructors links it without running its static initializer
            type.getDeclaredConstructors();
            final Object pool = getConstantPool.invoke(javaLangAccess, type);
            final int size = (int)getSize.invoke(pool);
            int resolved = 0;
            for (int i = 1; i < size; i++)
            {
                if (STRING_TAG.equals(getTagAt.invoke(pool, i).toString()))
                {
                    getStringAt.invoke(pool, i);
                    resolved++;
                }
            }
            return resolved;
        }
        catch (final IllegalAccessException | LinkageError | SecurityException ex)
        {
            throw new IllegalStateException("cannot resolve the literals of " + type.getName() + ": " + ex, ex);
        }
        catch (final InvocationTargetException ex)
        {
            throw new IllegalStateException(
                "the JDK's constant pool reader failed on " + type.getName() + ": " + ex.getCause(), ex.getCause());
        }
    }

    /**
     * {@link #resolve(Class)} for a class named {@code className} in {@code loader}, skipped when it is not there
     * (an optional dependency).
     *
     * @return the literals resolved, or -1 when no such class is on the class path.
     */
    public int resolve(final String className, final ClassLoader loader)
    {
        final Class<?> type;
        try
        {
            type = Class.forName(className, false, loader);
        }
        catch (final ClassNotFoundException ex)
        {
            return -1;
        }
        return resolve(type);
    }
}
