package dev.isochron.input.event;

/**
 * The user scrolled (wheel or touchpad).
 * <p>
 * Flyweight: valid only during the callback it is passed to (see {@link InputEvent}).
 */
public final class ScrollEvent extends InputEvent
{
    /** {@inheritDoc} */
    public int typeId()
    {
        return InputRecordLayout.SCROLL;
    }

    /** @return the horizontal scroll offset. */
    public double xOffset()
    {
        return buffer.getDouble(offset + InputRecordLayout.SCROLL_X_OFFSET);
    }

    /** @return the vertical scroll offset. */
    public double yOffset()
    {
        return buffer.getDouble(offset + InputRecordLayout.SCROLL_Y_OFFSET);
    }
}
