package dev.isochron.input.event;

/**
 * Files were dropped on the window. The paths are not in the record: take them from the {@code FileDropInbox} with {@link #sequence()} during the callback.
 * <p>
 * Flyweight: valid only during the callback it is passed to (see {@link InputEvent}).
 */
public final class FileDropEvent extends InputEvent
{
    /** {@inheritDoc} */
    public int typeId()
    {
        return InputRecordLayout.FILE_DROP;
    }

    /** @return the drop's sequence number in the file drop inbox. */
    public long sequence()
    {
        return buffer.getLong(offset + InputRecordLayout.DROP_SEQUENCE_OFFSET);
    }

    /** @return how many paths were dropped. */
    public int pathCount()
    {
        return buffer.getInt(offset + InputRecordLayout.DROP_COUNT_OFFSET);
    }
}
