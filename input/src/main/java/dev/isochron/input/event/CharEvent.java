package dev.isochron.input.event;

/**
 * A character was typed: one Unicode code point, after the platform's keyboard layout and input method.
 * <p>
 * Flyweight: valid only during the callback it is passed to (see {@link InputEvent}).
 */
public final class CharEvent extends InputEvent
{
    /** {@inheritDoc} */
    public int typeId()
    {
        return InputRecordLayout.CHAR;
    }

    /** @return the Unicode code point. */
    public int codePoint()
    {
        return buffer.getInt(offset + InputRecordLayout.CHAR_CODE_POINT_OFFSET);
    }
}
