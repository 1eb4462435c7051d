package dev.isochron.input.event;

import org.agrona.DirectBuffer;

/**
 * A flyweight view over one input record in a buffer (the input ring, or a replay file's memory).
 * <p>
 * Lifetime: valid only during the listener callback it is passed to; the bytes under it are reused
 * as soon as the callback returns, so copy out what must outlive it (into pooled game events). The
 * view itself is owned by the consuming thread and re-pointed at each record, never allocated per event.
 */
public abstract class InputEvent
{
    DirectBuffer buffer;
    int offset;

    InputEvent()
    {
    }

    /**
     * Points this view at a record. Called by the dispatcher; allocation-free.
     *
     * @param buffer holding the record.
     * @param offset of the record's first byte.
     * @return this view.
     */
    public InputEvent wrap(final DirectBuffer buffer, final int offset)
    {
        this.buffer = buffer;
        this.offset = offset;
        return this;
    }

    /** @return the record's type id, one of the {@link InputRecordLayout} constants. */
    public abstract int typeId();

    /** @return when the event was captured, in the engine clock's nanoseconds. */
    public final long captureNs()
    {
        return buffer.getLong(offset + InputRecordLayout.CAPTURE_NS_OFFSET);
    }
}
