package dev.isochron.input.event;

/**
 * The cursor moved: its new position, and the motion since the producer'\''s previous written move (which includes the motion of any moves coalesced when the ring was full).
 * <p>
 * Flyweight: valid only during the callback it is passed to (see {@link InputEvent}).
 */
public final class MouseMoveEvent extends InputEvent
{
    /** {@inheritDoc} */
    public int typeId()
    {
        return InputRecordLayout.MOUSE_MOVE;
    }

    /** @return the cursor x in screen coordinates. */
    public double x()
    {
        return buffer.getDouble(offset + InputRecordLayout.MOVE_X_OFFSET);
    }

    /** @return the cursor y in screen coordinates. */
    public double y()
    {
        return buffer.getDouble(offset + InputRecordLayout.MOVE_Y_OFFSET);
    }

    /** @return motion in x since the previous written move, coalesced motion included. */
    public double dx()
    {
        return buffer.getDouble(offset + InputRecordLayout.MOVE_DX_OFFSET);
    }

    /** @return motion in y since the previous written move, coalesced motion included. */
    public double dy()
    {
        return buffer.getDouble(offset + InputRecordLayout.MOVE_DY_OFFSET);
    }
}
