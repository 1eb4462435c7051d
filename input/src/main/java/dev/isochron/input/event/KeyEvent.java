package dev.isochron.input.event;

/**
 * A key was pressed, released or repeated (GLFW key, scancode, action and mods).
 * <p>
 * Flyweight: valid only during the callback it is passed to (see {@link InputEvent}).
 */
public final class KeyEvent extends InputEvent
{
    /** {@inheritDoc} */
    public int typeId()
    {
        return InputRecordLayout.KEY;
    }

    /** @return the GLFW key code, or {@code GLFW_KEY_UNKNOWN} (-1). */
    public int key()
    {
        return buffer.getInt(offset + InputRecordLayout.KEY_KEY_OFFSET);
    }

    /** @return the platform scancode. */
    public int scancode()
    {
        return buffer.getInt(offset + InputRecordLayout.KEY_SCANCODE_OFFSET);
    }

    /** @return {@code GLFW_PRESS}, {@code GLFW_RELEASE} or {@code GLFW_REPEAT}. */
    public int action()
    {
        return buffer.getInt(offset + InputRecordLayout.KEY_ACTION_OFFSET);
    }

    /** @return the GLFW modifier bits. */
    public int mods()
    {
        return buffer.getInt(offset + InputRecordLayout.KEY_MODS_OFFSET);
    }
}
