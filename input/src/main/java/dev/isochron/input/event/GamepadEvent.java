package dev.isochron.input.event;

/**
 * The state of one joystick or gamepad changed (polled once per frame on the main thread).
 * <p>
 * Flyweight: valid only during the callback it is passed to (see {@link InputEvent}).
 */
public final class GamepadEvent extends InputEvent
{
    /** {@inheritDoc} */
    public int typeId()
    {
        return InputRecordLayout.GAMEPAD;
    }

    /** @return the joystick id, 0 to 15. */
    public int joystickId()
    {
        return buffer.getInt(offset + InputRecordLayout.GAMEPAD_JID_OFFSET);
    }

    /** @return whether the joystick is connected (a disconnect is reported once, with no buttons or axes). */
    public boolean connected()
    {
        return (buffer.getInt(offset + InputRecordLayout.GAMEPAD_FLAGS_OFFSET) &
            InputRecordLayout.GAMEPAD_FLAG_CONNECTED) != 0;
    }

    /** @return whether it has a gamepad mapping, so buttons and axes follow GLFW's gamepad order. */
    public boolean mapped()
    {
        return (buffer.getInt(offset + InputRecordLayout.GAMEPAD_FLAGS_OFFSET) &
            InputRecordLayout.GAMEPAD_FLAG_MAPPED) != 0;
    }

    /** @return buttons down, bit i for button i (at most 64 buttons). */
    public long buttons()
    {
        return buffer.getLong(offset + InputRecordLayout.GAMEPAD_BUTTONS_OFFSET);
    }

    /** @return the number of valid axes, 0 to {@link InputRecordLayout#MAX_AXES}. */
    public int axisCount()
    {
        return buffer.getInt(offset + InputRecordLayout.GAMEPAD_AXIS_COUNT_OFFSET);
    }

    /**
     * @param axis index below {@link InputRecordLayout#MAX_AXES}.
     * @return the axis value in [-1, 1] (0 for axes at or beyond {@link #axisCount()}).
     */
    public float axis(final int axis)
    {
        if (axis < 0 || axis >= InputRecordLayout.MAX_AXES)
        {
            throw new IndexOutOfBoundsException("axis must be in [0, " + InputRecordLayout.MAX_AXES + "), was " + axis);
        }
        return buffer.getFloat(offset + InputRecordLayout.GAMEPAD_AXES_OFFSET + axis * 4);
    }
}
