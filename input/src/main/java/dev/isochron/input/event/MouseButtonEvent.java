package dev.isochron.input.event;

/**
 * A mouse button was pressed or released.
 * <p>
 * Flyweight: valid only during the callback it is passed to (see {@link InputEvent}).
 */
public final class MouseButtonEvent extends InputEvent
{
    /** {@inheritDoc} */
    public int typeId()
    {
        return InputRecordLayout.MOUSE_BUTTON;
    }

    /** @return the GLFW mouse button, 0 to 7. */
    public int button()
    {
        return buffer.getInt(offset + InputRecordLayout.BUTTON_BUTTON_OFFSET);
    }

    /** @return {@code GLFW_PRESS} or {@code GLFW_RELEASE}. */
    public int action()
    {
        return buffer.getInt(offset + InputRecordLayout.BUTTON_ACTION_OFFSET);
    }

    /** @return the GLFW modifier bits. */
    public int mods()
    {
        return buffer.getInt(offset + InputRecordLayout.BUTTON_MODS_OFFSET);
    }
}
