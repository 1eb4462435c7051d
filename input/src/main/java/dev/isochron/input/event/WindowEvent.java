package dev.isochron.input.event;

import org.agrona.DirectBuffer;

/**
 * A window event: cursor enter/leave, window or framebuffer resize, focus, iconify, or close request
 * ({@link #typeId()} says which).
 * <p>
 * Flyweight: valid only during the callback it is passed to (see {@link InputEvent}).
 */
public final class WindowEvent extends InputEvent
{
    private int typeId;

    /**
     * Points this view at a window record of the given type; allocation-free.
     *
     * @param typeId one of the window record types.
     * @param buffer holding the record.
     * @param offset of the record's first byte.
     * @return this view.
     */
    public WindowEvent wrap(final int typeId, final DirectBuffer buffer, final int offset)
    {
        this.typeId = typeId;
        wrap(buffer, offset);
        return this;
    }

    /**
     * @return {@link InputRecordLayout#CURSOR_ENTER}, {@link InputRecordLayout#WINDOW_RESIZE},
     * {@link InputRecordLayout#FRAMEBUFFER_RESIZE}, {@link InputRecordLayout#FOCUS},
     * {@link InputRecordLayout#ICONIFY} or {@link InputRecordLayout#CLOSE_REQUEST}.
     */
    public int typeId()
    {
        return typeId;
    }

    /** @return for cursor enter, focus and iconify: whether it entered, gained focus, iconified; else false. */
    public boolean flag()
    {
        return (typeId == InputRecordLayout.CURSOR_ENTER || typeId == InputRecordLayout.FOCUS ||
            typeId == InputRecordLayout.ICONIFY) && buffer.getInt(offset + InputRecordLayout.FLAG_OFFSET) != 0;
    }

    /** @return for resizes: the new width (screen coordinates, or pixels for the framebuffer); else 0. */
    public int width()
    {
        return isResize() ? buffer.getInt(offset + InputRecordLayout.SIZE_WIDTH_OFFSET) : 0;
    }

    /** @return for resizes: the new height (screen coordinates, or pixels for the framebuffer); else 0. */
    public int height()
    {
        return isResize() ? buffer.getInt(offset + InputRecordLayout.SIZE_HEIGHT_OFFSET) : 0;
    }

    private boolean isResize()
    {
        return typeId == InputRecordLayout.WINDOW_RESIZE || typeId == InputRecordLayout.FRAMEBUFFER_RESIZE;
    }
}
