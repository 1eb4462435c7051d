package dev.isochron.input.queue;

import dev.isochron.engine.checked.CheckedMode;
import dev.isochron.engine.metrics.LatencySink;
import org.agrona.concurrent.NanoClock;
import org.agrona.concurrent.SystemNanoClock;

/**
 * Configuration of an {@link InputQueue}: fluent setters, validated when set, with defaults that
 * suit a desktop application (1 MiB ring, up to 4 producers, coalesced mouse moves, the system clock).
 * <p>
 * Thread: configure on one thread before constructing the queue; the queue copies what it needs.
 */
public final class InputQueueConfig
{
    /** Default ring capacity: 1 MiB, about 26,000 mouse moves. */
    public static final int DEFAULT_CAPACITY_BYTES = 1 << 20;
    /** Smallest ring capacity accepted. */
    public static final int MIN_CAPACITY_BYTES = 1024;
    /** Largest ring capacity accepted. */
    public static final int MAX_CAPACITY_BYTES = 1 << 30;
    /** Default number of producers: the platform thread, a synthetic source and two spare. */
    public static final int DEFAULT_MAX_PRODUCERS = 4;
    /** Most producers one queue accepts. */
    public static final int MAX_PRODUCERS = 64;

    private int capacityBytes = DEFAULT_CAPACITY_BYTES;
    private int maxProducers = DEFAULT_MAX_PRODUCERS;
    private boolean coalesceMouseMoves = true;
    private NanoClock clock = SystemNanoClock.INSTANCE;
    private LatencySink latencySink = LatencySink.NONE;
    private boolean checked = CheckedMode.ENABLED;

    /**
     * @param capacityBytes ring capacity in bytes: a power of two in [1024, 2^30].
     * @return this.
     */
    public InputQueueConfig capacityBytes(final int capacityBytes)
    {
        if (capacityBytes < MIN_CAPACITY_BYTES || capacityBytes > MAX_CAPACITY_BYTES ||
            Integer.bitCount(capacityBytes) != 1)
        {
            throw new IllegalArgumentException("capacityBytes must be a power of two in [" + MIN_CAPACITY_BYTES + ", " +
                MAX_CAPACITY_BYTES + "], was " + capacityBytes);
        }
        this.capacityBytes = capacityBytes;
        return this;
    }

    /**
     * @param maxProducers how many producers may be created, in [1, 64]; 1 selects a one-to-one ring
     *                     (cheaper, no compare-and-swap), more a many-to-one ring.
     * @return this.
     */
    public InputQueueConfig maxProducers(final int maxProducers)
    {
        if (maxProducers < 1 || maxProducers > MAX_PRODUCERS)
        {
            throw new IllegalArgumentException("maxProducers must be in [1, " + MAX_PRODUCERS + "], was " + maxProducers);
        }
        this.maxProducers = maxProducers;
        return this;
    }

    /**
     * @param coalesceMouseMoves true: a mouse move that finds the ring full is summed into the
     *                           producer's next written move (no motion lost, counted as coalesced);
     *                           false: it is dropped and counted as a mouse-move drop.
     * @return this.
     */
    public InputQueueConfig coalesceMouseMoves(final boolean coalesceMouseMoves)
    {
        this.coalesceMouseMoves = coalesceMouseMoves;
        return this;
    }

    /**
     * @param clock the engine's injectable clock; producers stamp every record with it.
     * @return this.
     */
    public InputQueueConfig clock(final NanoClock clock)
    {
        if (clock == null)
        {
            throw new IllegalArgumentException("clock must not be null; use SystemNanoClock.INSTANCE or a ManualClock");
        }
        this.clock = clock;
        return this;
    }

    /**
     * @param latencySink receives capture-to-tick-start latency of every consumed event, on the
     *                    simulation thread; {@link LatencySink#NONE} to not measure.
     * @return this.
     */
    public InputQueueConfig latencySink(final LatencySink latencySink)
    {
        if (latencySink == null)
        {
            throw new IllegalArgumentException("latencySink must not be null; use LatencySink.NONE to not measure");
        }
        this.latencySink = latencySink;
        return this;
    }

    /**
     * @param checked checking mode for the queue (default {@link CheckedMode#ENABLED}): a guard band on each side of
     *                the ring's memory, verified at every drain. The producers' writes are bounds-checked by Agrona
     *                either way (unless {@code agrona.disable.bounds.checks} is set).
     * @return this.
     */
    public InputQueueConfig checked(final boolean checked)
    {
        this.checked = checked;
        return this;
    }

    /** @return whether the queue guards its ring (checking mode). */
    public boolean checked()
    {
        return checked;
    }

    /** @return ring capacity in bytes. */
    public int capacityBytes()
    {
        return capacityBytes;
    }

    /** @return how many producers may be created. */
    public int maxProducers()
    {
        return maxProducers;
    }

    /** @return whether mouse moves that find the ring full are coalesced rather than dropped. */
    public boolean coalesceMouseMoves()
    {
        return coalesceMouseMoves;
    }

    /** @return the clock producers stamp records with. */
    public NanoClock clock()
    {
        return clock;
    }

    /** @return where input latency goes. */
    public LatencySink latencySink()
    {
        return latencySink;
    }
}
