package dev.isochron.input.event;

/**
 * Receives the input events a tick consumes, in ring order (which is capture order per producer).
 * <p>
 * Called on the consuming thread (the simulation thread) during the drain, after the event has been
 * applied to the tick's {@code InputState}. Every argument is a flyweight valid only during the call:
 * copy out what must outlive the tick into pooled game events. Implementations must not allocate or
 * block if the tick is to stay allocation-free. Every method defaults to doing nothing.
 */
public interface EventListener
{
    /** Listens to nothing: for ticks that only read the {@code InputState}. */
    EventListener NONE = new EventListener()
    {
    };

    /** @param event a key press, release or repeat. */
    default void onKey(final KeyEvent event)
    {
    }

    /** @param event a typed code point. */
    default void onChar(final CharEvent event)
    {
    }

    /** @param event a cursor move. */
    default void onMouseMove(final MouseMoveEvent event)
    {
    }

    /** @param event a mouse button press or release. */
    default void onMouseButton(final MouseButtonEvent event)
    {
    }

    /** @param event a scroll. */
    default void onScroll(final ScrollEvent event)
    {
    }

    /** @param event cursor enter/leave, resize, framebuffer resize, focus, iconify or close request. */
    default void onWindow(final WindowEvent event)
    {
    }

    /** @param event a joystick or gamepad state change. */
    default void onGamepad(final GamepadEvent event)
    {
    }

    /** @param event a file drop; its paths are in the file drop inbox. */
    default void onFileDrop(final FileDropEvent event)
    {
    }
}
