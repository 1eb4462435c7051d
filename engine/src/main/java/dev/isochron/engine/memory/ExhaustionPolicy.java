package dev.isochron.engine.memory;

/**
 * What an {@link ObjectPool} does when {@code acquire()} finds no free object. There is no silent default:
 * every pool names its policy.
 */
public enum ExhaustionPolicy
{
    /**
     * Make a new object with the pool's factory (an allocation, outside the zero-allocation promise), keep it
     * in the pool from then on and count the growth ({@link ObjectPool#growthCount()}) so a report shows it.
     */
    GROW,

    /**
     * Throw an {@link IllegalStateException} naming the pool and its capacity. For pools sized to a hard
     * bound, where running dry is a bug.
     */
    THROW
}
