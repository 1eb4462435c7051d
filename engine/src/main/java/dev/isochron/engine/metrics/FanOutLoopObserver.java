package dev.isochron.engine.metrics;

import dev.isochron.engine.loop.LoopObserver;

/**
 * Passes every {@link LoopObserver} call to several observers, in the order given, so a loop can feed
 * {@link FrameMetrics}, the JFR observer and a HUD at once.
 * <p>
 * Allocation-free; threading as {@link LoopObserver} (each observer sees each method from the same thread
 * the loop calls it on). The array is copied at construction.
 */
public final class FanOutLoopObserver implements LoopObserver
{
    private final LoopObserver[] observers;

    /**
     * @param observers the observers, none null.
     * @throws IllegalArgumentException when the array or one of its elements is null.
     */
    public FanOutLoopObserver(final LoopObserver... observers)
    {
        if (null == observers)
        {
            throw Messages.nullObservers();
        }
        for (int i = 0; i < observers.length; i++)
        {
            if (null == observers[i])
            {
                throw Messages.nullObserver(i);
            }
        }
        this.observers = observers.clone();
    }

    /** {@inheritDoc} Allocation-free. */
    public void onFrameStart(final long frameStartNs, final long stateAgeNs)
    {
        for (final LoopObserver observer : observers)
        {
            observer.onFrameStart(frameStartNs, stateAgeNs);
        }
    }

    /** {@inheritDoc} Allocation-free. */
    public void onFrameEnd(final long frameEndNs)
    {
        for (final LoopObserver observer : observers)
        {
            observer.onFrameEnd(frameEndNs);
        }
    }

    /** {@inheritDoc} Allocation-free. */
    public void onTick(final long tickIndex, final long tickStartNs, final long tickEndNs)
    {
        for (final LoopObserver observer : observers)
        {
            observer.onTick(tickIndex, tickStartNs, tickEndNs);
        }
    }

    /** {@inheritDoc} Allocation-free. */
    public void onDroppedTicks(final long droppedTicks)
    {
        for (final LoopObserver observer : observers)
        {
            observer.onDroppedTicks(droppedTicks);
        }
    }

    /**
     * The messages, in a class of their own so that FanOutLoopObserver holds no String constant: the first C2
     * compile of a per-frame or per-tick method would otherwise resolve them on the engine thread that calls it,
     * allocating there once mid-run (see {@code ClassConstants} in the engine test-jar).
     */
    private static final class Messages
    {
        private Messages()
        {
        }

        static IllegalArgumentException nullObservers()
        {
            return new IllegalArgumentException("observers must not be null");
        }

        static IllegalArgumentException nullObserver(final int index)
        {
            return new IllegalArgumentException("observers[" + index + "] must not be null");
        }
    }
}
