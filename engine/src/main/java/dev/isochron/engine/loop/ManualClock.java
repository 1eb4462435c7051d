package dev.isochron.engine.loop;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.util.concurrent.TimeUnit;

import org.agrona.concurrent.NanoClock;

/**
 * A {@link NanoClock} that moves only when told to, for deterministic tests and replays of the loop.
 * <p>
 * Threading: any thread may read or advance it; the time is a volatile field and advances are atomic
 * ({@link VarHandle#getAndAdd}), so concurrent advances are never lost.
 * Allocation: none.
 */
public final class ManualClock implements NanoClock
{
    private static final VarHandle TIME_NS;

    static
    {
        try
        {
            TIME_NS = MethodHandles.lookup().findVarHandle(ManualClock.class, "timeNs", long.class);
        }
        catch (final ReflectiveOperationException ex)
        {
            throw new ExceptionInInitializerError(ex);
        }
    }

    private volatile long timeNs;

    /**
     * A clock starting at 0 ns.
     */
    public ManualClock()
    {
        this(0L);
    }

    /**
     * A clock starting at the given time.
     *
     * @param initialNs the first value {@link #nanoTime()} returns.
     */
    public ManualClock(final long initialNs)
    {
        timeNs = initialNs;
    }

    /**
     * {@inheritDoc}
     */
    public long nanoTime()
    {
        return timeNs;
    }

    /**
     * Sets the time.
     *
     * @param nowNs the new time; may go backwards (callers test how they cope with that).
     */
    public void setNs(final long nowNs)
    {
        timeNs = nowNs;
    }

    /**
     * Moves time forward.
     *
     * @param deltaNs nanoseconds to add; must be >= 0.
     * @return the new time.
     * @throws IllegalArgumentException if {@code deltaNs} is negative.
     */
    public long advanceNs(final long deltaNs)
    {
        if (deltaNs < 0)
        {
            throw new IllegalArgumentException("deltaNs must be >= 0, was " + deltaNs + "; use setNs to go back");
        }

        return (long)TIME_NS.getAndAdd(this, deltaNs) + deltaNs;
    }

    /**
     * Moves time forward by whole milliseconds.
     *
     * @param deltaMs milliseconds to add; must be >= 0.
     * @return the new time in nanoseconds.
     */
    public long advanceMillis(final long deltaMs)
    {
        return advanceNs(TimeUnit.MILLISECONDS.toNanos(deltaMs));
    }

    /**
     * Moves time forward by a (possibly fractional) number of seconds, rounded to the nearest nanosecond.
     *
     * @param deltaSeconds seconds to add; must be finite and >= 0.
     * @return the new time in nanoseconds.
     */
    public long advanceSeconds(final double deltaSeconds)
    {
        if (!(deltaSeconds >= 0.0) || Double.isInfinite(deltaSeconds))
        {
            throw new IllegalArgumentException("deltaSeconds must be finite and >= 0, was " + deltaSeconds);
        }

        return advanceNs(Math.round(deltaSeconds * 1e9));
    }

    /**
     * {@inheritDoc}
     */
    public String toString()
    {
        return "ManualClock{timeNs=" + timeNs + '}';
    }
}
