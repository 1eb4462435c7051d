package dev.isochron.input.queue;

import dev.isochron.input.event.CharEvent;
import dev.isochron.input.event.EventListener;
import dev.isochron.input.event.FileDropEvent;
import dev.isochron.input.event.GamepadEvent;
import dev.isochron.input.event.KeyEvent;
import dev.isochron.input.event.MouseButtonEvent;
import dev.isochron.input.event.MouseMoveEvent;
import dev.isochron.input.event.ScrollEvent;
import dev.isochron.input.event.WindowEvent;
import dev.isochron.input.state.InputState;
import org.agrona.DirectBuffer;

import static dev.isochron.input.event.InputRecordLayout.*;

/**
 * Applies one input record to an {@link InputState} and passes it to an {@link EventListener} as a
 * flyweight: the one decoding path shared by the live queue and by replay, so both give a tick the
 * same state from the same records.
 * <p>
 * Thread: owned by the consuming thread (it holds one reusable flyweight per event kind).
 * Allocation-free.
 */
public final class InputDispatcher
{
    private final KeyEvent keyEvent = new KeyEvent();
    private final CharEvent charEvent = new CharEvent();
    private final MouseMoveEvent mouseMoveEvent = new MouseMoveEvent();
    private final MouseButtonEvent mouseButtonEvent = new MouseButtonEvent();
    private final ScrollEvent scrollEvent = new ScrollEvent();
    private final WindowEvent windowEvent = new WindowEvent();
    private final GamepadEvent gamepadEvent = new GamepadEvent();
    private final FileDropEvent fileDropEvent = new FileDropEvent();
    private long unknownRecords;

    /**
     * Applies the record to {@code state}, then passes its flyweight to {@code listener}.
     * Records of unknown type are skipped and counted ({@link #unknownRecords()}). Allocation-free.
     *
     * @param typeId   the record's type.
     * @param buffer   holding the record.
     * @param offset   of the record's first byte; the record has the type's fixed length.
     * @param state    to apply the record to.
     * @param listener to pass the record to.
     */
    public void dispatch(
        final int typeId, final DirectBuffer buffer, final int offset, final InputState state, final EventListener listener)
    {
        switch (typeId)
        {
            case KEY:
            {
                final KeyEvent e = keyEvent;
                e.wrap(buffer, offset);
                state.onKey(e.key(), e.action(), e.mods());
                listener.onKey(e);
                break;
            }
            case CHAR:
            {
                final CharEvent e = charEvent;
                e.wrap(buffer, offset);
                state.onChar(e.codePoint());
                listener.onChar(e);
                break;
            }
            case MOUSE_MOVE:
            {
                final MouseMoveEvent e = mouseMoveEvent;
                e.wrap(buffer, offset);
                state.onMouseMove(e.x(), e.y(), e.dx(), e.dy());
                listener.onMouseMove(e);
                break;
            }
            case MOUSE_BUTTON:
            {
                final MouseButtonEvent e = mouseButtonEvent;
                e.wrap(buffer, offset);
                state.onMouseButton(e.button(), e.action(), e.mods());
                listener.onMouseButton(e);
                break;
            }
            case SCROLL:
            {
                final ScrollEvent e = scrollEvent;
                e.wrap(buffer, offset);
                state.onScroll(e.xOffset(), e.yOffset());
                listener.onScroll(e);
                break;
            }
            case CURSOR_ENTER:
            case WINDOW_RESIZE:
            case FRAMEBUFFER_RESIZE:
            case FOCUS:
            case ICONIFY:
            case CLOSE_REQUEST:
            {
                final WindowEvent e = windowEvent;
                e.wrap(typeId, buffer, offset);
                state.onWindow(typeId, e.flag(), e.width(), e.height());
                listener.onWindow(e);
                break;
            }
            case GAMEPAD:
            {
                final GamepadEvent e = gamepadEvent;
                e.wrap(buffer, offset);
                state.onGamepad(e.joystickId(), e.connected(), e.mapped(), e.buttons(), e.axisCount(),
                    e.axis(0), e.axis(1), e.axis(2), e.axis(3), e.axis(4), e.axis(5), e.axis(6), e.axis(7));
                listener.onGamepad(e);
                break;
            }
            case FILE_DROP:
            {
                final FileDropEvent e = fileDropEvent;
                e.wrap(buffer, offset);
                state.onFileDrop();
                listener.onFileDrop(e);
                break;
            }
            default:
                unknownRecords++;
                break;
        }
    }

    /** @return records of unknown type skipped so far (none unless the ring is written by foreign code). */
    public long unknownRecords()
    {
        return unknownRecords;
    }
}
