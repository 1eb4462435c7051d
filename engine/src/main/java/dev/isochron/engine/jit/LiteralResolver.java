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
 * Threads: any thread; it loads and links classes but never initializes one. Kinds: every class and interface,
 * hidden classes included; array classes and primitive types are refused (see {@link #resolve(Class)}).
 * Allocation: yes (the literals themselves, and reflection), once per class.
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
     * <p>
     * What each kind of class gets:
     * <ul>
     * <li>a class of any kind (top-level, nested, inner, local, anonymous, abstract, enum, record, from any class
     *     loader) and an interface (annotation types included): linked, then resolved;</li>
     * <li>a hidden class (a lambda proxy among them): the JVM links it when it is defined; resolved like a class. A
     *     lambda proxy holds none of its lambda's literals (they are in the class that declares the lambda), so it
     *     resolves few or none;</li>
     * <li>an array class or a primitive type: refused with an {@link IllegalArgumentException} that says what to
     *     resolve instead, available or not. Neither has a constant pool of its own, and the JDK's reader returns no
     *     pool for them.</li>
     * </ul>
     *
     * @return the literals resolved (already resolved ones included); 0 when {@link #available()} is false.
     * @throws IllegalArgumentException when {@code type} is an array class or a primitive type.
     * @throws IllegalStateException when {@code type} cannot be linked (the {@link LinkageError} is the cause; its
     *                               pool is then not read) or the JDK's reader fails on it.
     */
    public int resolve(final Class<?> type)
    {
        requireConstantPool(type);
        if (!available())
        {
            return 0;
        }
        try
        {
            link(type);
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
     * Links {@code type} without initializing it, or throws the {@link LinkageError} that stops it. Reading a String
     * of an unlinked class's pool crashes the JDK 17 VM (SIGSEGV in {@code ConstantPool::cp_to_object_index}: the
     * pool's cache, whose map it reads, is made when the class is linked).
     * <p>
     * How: the VM's {@code JVM_GetClassDeclaredConstructors} and {@code JVM_GetClassDeclaredMethods} call
     * {@code link_class} before they build a reflective object, and link, never initialize. But
     * {@link Class#getDeclaredConstructors()} answers an interface itself (it has none) without asking the VM, which
     * left interfaces unlinked and crashed; an interface is linked through its declared methods, which the JDK
     * always asks the VM for. A class keeps the constructors, which load fewer of the classes its signatures name.
     * A result the JDK cached was made by the same VM call, so the class was linked then. When the call throws,
     * the class may not be linked, so its pool is not read.
     */
    private static void link(final Class<?> type)
    {
        if (type.isInterface())
        {
            type.getDeclaredMethods();
        }
        else
        {
            type.getDeclaredConstructors();
        }
    }

    /** Refuses the kinds of class that have no constant pool, saying what to resolve instead. */
    private static void requireConstantPool(final Class<?> type)
    {
        if (type.isArray())
        {
            Class<?> element = type.getComponentType();
            while (element.isArray())
            {
                element = element.getComponentType();
            }
            throw new IllegalArgumentException("cannot resolve the literals of " + type.getTypeName() + ": " +
                (element.isPrimitive() ?
                "an array class has no constant pool, nor has its element type " + element.getName() +
                    "; resolve the classes whose methods use it instead" :
                "an array class has no constant pool; resolve its element class " + element.getName() + " instead"));
        }
        if (type.isPrimitive())
        {
            throw new IllegalArgumentException("cannot resolve the literals of " + type.getName() +
                ": a primitive type has no constant pool; resolve the classes whose methods use it instead");
        }
    }

    /**
     * {@link #resolve(Class)} for a class named {@code className} in {@code loader}, skipped when it is not there
     * (an optional dependency).
     *
     * @return the literals resolved, or -1 when no such class is on the class path.
     * @throws IllegalArgumentException when {@code className} names an array class.
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
