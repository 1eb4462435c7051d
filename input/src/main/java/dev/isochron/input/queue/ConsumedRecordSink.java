package dev.isochron.input.queue;

import org.agrona.DirectBuffer;

/**
 * Receives a copy-able view of every record a tick consumes, tick by tick: the recorder of
 * record/replay implements it.
 * <p>
 * Thread: called by the simulation thread during {@link InputQueue#drainInto}; the buffer region is
 * valid only during {@link #onRecord} (copy it). Implementations should not allocate.
 */
public interface ConsumedRecordSink
{
    /**
     * A tick's drain begins.
     *
     * @param tickIndex the tick's index since the loop started.
     */
    void beginTick(long tickIndex);

    /**
     * One record was consumed by the current tick (before it is applied).
     *
     * @param typeId the record's type, an {@code InputRecordLayout} constant.
     * @param buffer holding the record.
     * @param offset of the record's first byte.
     * @param length of the record in bytes.
     */
    void onRecord(int typeId, DirectBuffer buffer, int offset, int length);

    /** The current tick's drain is over. */
    void endTick();
}
