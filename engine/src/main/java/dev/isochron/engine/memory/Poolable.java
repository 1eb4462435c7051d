package dev.isochron.engine.memory;

/**
 * An object that an {@link ObjectPool} hands out and takes back.
 * <p>
 * {@link #reset()} is called by the pool when the object is released, so an acquired object is always in
 * its freshly reset state. It must be allocation-free: the pool calls it in the frame path.
 */
public interface Poolable
{
    /** Returns the object to the state it had when the pool's factory made it; allocation-free. */
    void reset();
}
