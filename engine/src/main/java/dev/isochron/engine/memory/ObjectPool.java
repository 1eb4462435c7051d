package dev.isochron.engine.memory;

import java.util.function.Supplier;

/**
 * A typed pool of reusable objects for the "short-lived, many" lifetime (game events, UI transitions).
 * <p>
 * All {@code capacity} objects are made by the factory at construction. {@link #acquire()} hands out a
 * free one; {@link #release(Poolable)} resets it ({@link Poolable#reset()}) and takes it back. Running dry
 * follows the pool's {@link ExhaustionPolicy}: {@code GROW} makes one more object and counts the growth,
 * {@code THROW} throws naming the pool and its capacity. Releasing an object twice, or one the pool never
 * made, throws naming the pool: the bug is caught where it happens, not when two owners later share one
 * object.
 * <p>
 * Ownership is tracked by identity (an open-addressing table keyed by {@link System#identityHashCode}),
 * so pooled classes may override {@code equals}/{@code hashCode} freely.
 * <p>
 * Threading: one owner thread; not thread-safe. Allocation: {@code acquire} and {@code release} are
 * allocation-free while the pool does not grow.
 *
 * @param <T> the pooled type.
 */
public final class ObjectPool<T extends Poolable>
{
    /** The largest capacity a pool may be constructed with. */
    public static final int MAX_CAPACITY = 1 << 24;

    private static final int NOT_FOUND = -1;

    private final String name;
    private final Supplier<? extends T> factory;
    private final ExhaustionPolicy exhaustionPolicy;
    private final int initialCapacity;

    /** Every object the pool made, by index. */
    private Object[] objects;
    /** Whether {@code objects[i]} is out (acquired) now. */
    private boolean[] acquired;
    /** Indices of free objects, a stack of {@code freeCount}. */
    private int[] freeStack;
    private int freeCount;
    private int size;
    /** Identity table: slot -> object index + 1 (0 = empty). */
    private int[] table;
    private int tableMask;
    private long growthCount;
    private int maxInUse;

    /**
     * Makes the pool and all its objects now (start-up).
     *
     * @param name             names the pool in error messages and reports.
     * @param capacity         objects made up front, in [1, {@link #MAX_CAPACITY}].
     * @param factory          makes one object; must not return null or the same object twice.
     * @param exhaustionPolicy what {@link #acquire()} does when every object is out.
     * @throws IllegalArgumentException naming the option and its range.
     */
    public ObjectPool(
        final String name,
        final int capacity,
        final Supplier<? extends T> factory,
        final ExhaustionPolicy exhaustionPolicy)
    {
        if (null == name || name.isEmpty())
        {
            throw Messages.badName(name);
        }
        if (capacity < 1 || capacity > MAX_CAPACITY)
        {
            throw Messages.badCapacity(name, capacity);
        }
        if (null == factory)
        {
            throw Messages.nullFactory(name);
        }
        if (null == exhaustionPolicy)
        {
            throw Messages.nullPolicy(name);
        }
        this.name = name;
        this.factory = factory;
        this.exhaustionPolicy = exhaustionPolicy;
        this.initialCapacity = capacity;
        allocateStorage(capacity);
        for (int i = 0; i < capacity; i++)
        {
            addNewObject();
        }
    }

    /** @return the pool's name. */
    public String name()
    {
        return name;
    }

    /** @return the exhaustion policy. */
    public ExhaustionPolicy exhaustionPolicy()
    {
        return exhaustionPolicy;
    }

    /** @return the number of objects made at construction. */
    public int initialCapacity()
    {
        return initialCapacity;
    }

    /** @return the number of objects the pool owns now (initial capacity plus growths). */
    public int size()
    {
        return size;
    }

    /** @return the number of objects free to acquire now. */
    public int available()
    {
        return freeCount;
    }

    /** @return the number of objects acquired and not yet released. */
    public int inUse()
    {
        return size - freeCount;
    }

    /** @return the most objects out at once since construction: size the pool from it. */
    public int maxInUse()
    {
        return maxInUse;
    }

    /** @return how many objects the {@link ExhaustionPolicy#GROW} policy had to make after construction. */
    public long growthCount()
    {
        return growthCount;
    }

    /**
     * Hands out a free object, in its reset state; allocation-free unless the pool grows.
     *
     * @return an object owned by the caller until it is released.
     * @throws IllegalStateException under {@link ExhaustionPolicy#THROW} when every object is out.
     */
    public T acquire()
    {
        if (0 == freeCount)
        {
            if (ExhaustionPolicy.THROW == exhaustionPolicy)
            {
                throw Messages.exhausted(name, size, initialCapacity);
            }
            grow();
        }
        final int index = freeStack[--freeCount];
        acquired[index] = true;
        final int inUse = size - freeCount;
        if (inUse > maxInUse)
        {
            maxInUse = inUse;
        }
        @SuppressWarnings("unchecked") final T object = (T)objects[index];
        return object;
    }

    /**
     * Resets {@code object} and takes it back; allocation-free.
     *
     * @param object an object acquired from this pool and not yet released.
     * @throws IllegalStateException    when it was already released (double release), naming the pool.
     * @throws IllegalArgumentException when it is null or was not made by this pool.
     */
    public void release(final T object)
    {
        if (null == object)
        {
            throw Messages.releaseNull(name);
        }
        final int index = indexOf(object);
        if (NOT_FOUND == index)
        {
            throw Messages.foreign(name, object);
        }
        if (!acquired[index])
        {
            throw Messages.doubleRelease(name, object);
        }
        object.reset();
        acquired[index] = false;
        freeStack[freeCount++] = index;
    }

    /** For humans; not for the frame path. */
    public String toString()
    {
        return Messages.describe(this);
    }

    private void grow()
    {
        if (size == MAX_CAPACITY)
        {
            throw Messages.leaking(name);
        }
        if (size == objects.length)
        {
            final Object[] oldObjects = objects;
            final boolean[] oldAcquired = acquired;
            final int oldSize = size;
            allocateStorage(Math.min(MAX_CAPACITY, oldObjects.length * 2));
            for (int i = 0; i < oldSize; i++)
            {
                objects[i] = oldObjects[i];
                acquired[i] = oldAcquired[i];
                insert(oldObjects[i], i);
                if (!oldAcquired[i])
                {
                    freeStack[freeCount++] = i;
                }
            }
            size = oldSize;
        }
        addNewObject();
        growthCount++;
    }

    private void allocateStorage(final int capacity)
    {
        objects = new Object[capacity];
        acquired = new boolean[capacity];
        freeStack = new int[capacity];
        freeCount = 0;
        size = 0;
        final int tableLength = Integer.highestOneBit(Math.max(2, capacity) * 2 - 1) * 2;
        table = new int[tableLength];
        tableMask = tableLength - 1;
    }

    private void addNewObject()
    {
        final T object = factory.get();
        if (null == object)
        {
            throw Messages.factoryNull(name);
        }
        if (NOT_FOUND != indexOf(object))
        {
            throw Messages.factoryRepeated(name);
        }
        final int index = size++;
        objects[index] = object;
        acquired[index] = false;
        insert(object, index);
        freeStack[freeCount++] = index;
    }

    private void insert(final Object object, final int index)
    {
        int slot = mix(System.identityHashCode(object)) & tableMask;
        while (0 != table[slot])
        {
            slot = (slot + 1) & tableMask;
        }
        table[slot] = index + 1;
    }

    private int indexOf(final Object object)
    {
        int slot = mix(System.identityHashCode(object)) & tableMask;
        int entry;
        while (0 != (entry = table[slot]))
        {
            if (objects[entry - 1] == object)
            {
                return entry - 1;
            }
            slot = (slot + 1) & tableMask;
        }
        return NOT_FOUND;
    }

    private static int mix(final int hash)
    {
        final int h = hash * 0x9E3779B9;
        return h ^ (h >>> 16);
    }

    /**
     * The messages and the description, in a class of their own so that ObjectPool holds no String constant: the first
     * C2 compile of {@link #acquire()} or {@link #release} would otherwise resolve them on the engine thread that calls
     * it, allocating there once mid-run (see {@code ClassConstants} in the engine test-jar).
     */
    private static final class Messages
    {
        private Messages()
        {
        }

        static IllegalArgumentException badName(final String name)
        {
            return new IllegalArgumentException("pool name must be a non-empty string, was " +
                (null == name ? "null" : "\"\""));
        }

        static IllegalArgumentException badCapacity(final String name, final int capacity)
        {
            return new IllegalArgumentException("object pool '" + name + "': capacity must be in [1, " + MAX_CAPACITY +
                "], was " + capacity);
        }

        static IllegalArgumentException nullFactory(final String name)
        {
            return new IllegalArgumentException("object pool '" + name + "': factory must not be null");
        }

        static IllegalArgumentException nullPolicy(final String name)
        {
            return new IllegalArgumentException("object pool '" + name +
                "': exhaustionPolicy must be GROW or THROW, was null");
        }

        static IllegalStateException exhausted(final String name, final int size, final int initialCapacity)
        {
            return new IllegalStateException("object pool '" + name + "' exhausted: all " + size +
                " objects are acquired (capacity " + initialCapacity +
                "); release objects, raise the capacity or use ExhaustionPolicy.GROW");
        }

        static IllegalArgumentException releaseNull(final String name)
        {
            return new IllegalArgumentException("object pool '" + name + "': cannot release null");
        }

        static IllegalArgumentException foreign(final String name, final Object object)
        {
            return new IllegalArgumentException("object pool '" + name + "': cannot release an object it did not make: " +
                identity(object));
        }

        static IllegalStateException doubleRelease(final String name, final Object object)
        {
            return new IllegalStateException("object pool '" + name + "': double release of " + identity(object) +
                " (it is already free); each acquire must be matched by exactly one release");
        }

        static IllegalStateException leaking(final String name)
        {
            return new IllegalStateException("object pool '" + name + "' cannot grow beyond " + MAX_CAPACITY +
                " objects; objects are leaking (acquired and never released)");
        }

        static IllegalStateException factoryNull(final String name)
        {
            return new IllegalStateException("object pool '" + name + "': factory returned null");
        }

        static IllegalStateException factoryRepeated(final String name)
        {
            return new IllegalStateException("object pool '" + name + "': factory returned the same object twice");
        }

        static String describe(final ObjectPool<?> pool)
        {
            return "ObjectPool{name='" + pool.name + "', size=" + pool.size + ", inUse=" + pool.inUse() +
                ", maxInUse=" + pool.maxInUse + ", growthCount=" + pool.growthCount + ", exhaustionPolicy=" +
                pool.exhaustionPolicy + '}';
        }

        private static String identity(final Object object)
        {
            return object.getClass().getName() + '@' + Integer.toHexString(System.identityHashCode(object));
        }
    }
}
