package dev.isochron.input.state;

import dev.isochron.input.event.InputRecordLayout;
import org.lwjgl.glfw.GLFW;

/**
 * What the input looks like to one tick: keys and buttons down, those pressed and released during
 * the tick (a press and a release inside one tick are both seen), the cursor position and its motion
 * during the tick, accumulated scroll, the code points typed during the tick, window state and
 * joystick/gamepad state.
 * <p>
 * Thread: owned by the simulation thread. The drain calls {@link #beginTick()} and then applies each
 * consumed event; the tick's update then reads it. Lifetime: made once at start-up and reused for
 * every tick. Every method is allocation-free.
 */
public final class InputState
{
    /** The highest key code tracked ({@code GLFW_KEY_LAST}); other codes reach listeners only. */
    public static final int KEY_LAST = GLFW.GLFW_KEY_LAST;
    /** The highest mouse button tracked ({@code GLFW_MOUSE_BUTTON_LAST}). */
    public static final int MOUSE_BUTTON_LAST = GLFW.GLFW_MOUSE_BUTTON_LAST;
    /** Default capacity of the typed-text buffer, in code points per tick. */
    public static final int DEFAULT_TEXT_CAPACITY = 256;

    private static final int KEY_WORDS = (KEY_LAST >> 6) + 1;

    private final long[] keysDown = new long[KEY_WORDS];
    private final long[] keysPressed = new long[KEY_WORDS];
    private final long[] keysReleased = new long[KEY_WORDS];
    private int buttonsDown;
    private int buttonsPressed;
    private int buttonsReleased;
    private int modifiers;

    private double mouseX;
    private double mouseY;
    private double mouseDx;
    private double mouseDy;
    private double scrollX;
    private double scrollY;

    private final int[] text;
    private int textLength;
    private long textOverflow;

    private boolean cursorInside;
    private boolean focused = true;
    private boolean iconified;
    private boolean closeRequested;
    private int windowWidth;
    private int windowHeight;
    private int framebufferWidth;
    private int framebufferHeight;
    private boolean resizedThisTick;
    private int fileDropsThisTick;

    private int joysticksConnected;
    private int joysticksMapped;
    private final long[] joystickButtons = new long[InputRecordLayout.MAX_JOYSTICKS];
    private final int[] joystickAxisCount = new int[InputRecordLayout.MAX_JOYSTICKS];
    private final float[] joystickAxes = new float[InputRecordLayout.MAX_JOYSTICKS * InputRecordLayout.MAX_AXES];

    private int eventsThisTick;

    /** Makes a state with room for {@link #DEFAULT_TEXT_CAPACITY} typed code points per tick. */
    public InputState()
    {
        this(DEFAULT_TEXT_CAPACITY);
    }

    /**
     * @param textCapacity code points kept per tick; more are counted in {@link #textOverflow()}.
     * @throws IllegalArgumentException if {@code textCapacity} is not in [1, 65536].
     */
    public InputState(final int textCapacity)
    {
        if (textCapacity < 1 || textCapacity > 65536)
        {
            throw Messages.badTextCapacity(textCapacity);
        }
        text = new int[textCapacity];
    }

    /**
     * Starts a tick: forgets what happened during the previous tick (pressed, released, motion, scroll,
     * text) and keeps what persists (keys and buttons down, position, window and joystick state).
     */
    public void beginTick()
    {
        for (int i = 0; i < KEY_WORDS; i++)
        {
            keysPressed[i] = 0;
            keysReleased[i] = 0;
        }
        buttonsPressed = 0;
        buttonsReleased = 0;
        mouseDx = 0;
        mouseDy = 0;
        scrollX = 0;
        scrollY = 0;
        textLength = 0;
        resizedThisTick = false;
        fileDropsThisTick = 0;
        eventsThisTick = 0;
    }

    /** Forgets everything, as at start-up (window size and focus return to their initial values). */
    public void reset()
    {
        beginTick();
        for (int i = 0; i < KEY_WORDS; i++)
        {
            keysDown[i] = 0;
        }
        buttonsDown = 0;
        modifiers = 0;
        mouseX = 0;
        mouseY = 0;
        textOverflow = 0;
        cursorInside = false;
        focused = true;
        iconified = false;
        closeRequested = false;
        windowWidth = 0;
        windowHeight = 0;
        framebufferWidth = 0;
        framebufferHeight = 0;
        joysticksConnected = 0;
        joysticksMapped = 0;
        for (int i = 0; i < InputRecordLayout.MAX_JOYSTICKS; i++)
        {
            joystickButtons[i] = 0;
            joystickAxisCount[i] = 0;
        }
        for (int i = 0; i < joystickAxes.length; i++)
        {
            joystickAxes[i] = 0;
        }
    }

    /**
     * Applies a key event. A press sets down and pressed; a release clears down and sets released;
     * a repeat changes nothing but the modifiers. Keys outside [0, {@link #KEY_LAST}] are ignored here.
     */
    public void onKey(final int key, final int action, final int mods)
    {
        eventsThisTick++;
        modifiers = mods;
        if (key < 0 || key > KEY_LAST)
        {
            return;
        }
        final int word = key >> 6;
        final long bit = 1L << (key & 63);
        if (action == GLFW.GLFW_PRESS)
        {
            keysDown[word] |= bit;
            keysPressed[word] |= bit;
        }
        else if (action == GLFW.GLFW_RELEASE)
        {
            keysDown[word] &= ~bit;
            keysReleased[word] |= bit;
        }
    }

    /** Applies a typed code point: kept if the tick's text buffer has room, else counted as overflow. */
    public void onChar(final int codePoint)
    {
        eventsThisTick++;
        if (textLength < text.length)
        {
            text[textLength++] = codePoint;
        }
        else
        {
            textOverflow++;
        }
    }

    /** Applies a cursor move: the new position, and its motion added to the tick's motion. */
    public void onMouseMove(final double x, final double y, final double dx, final double dy)
    {
        eventsThisTick++;
        mouseX = x;
        mouseY = y;
        mouseDx += dx;
        mouseDy += dy;
    }

    /** Applies a mouse button event; buttons outside [0, {@link #MOUSE_BUTTON_LAST}] are ignored here. */
    public void onMouseButton(final int button, final int action, final int mods)
    {
        eventsThisTick++;
        modifiers = mods;
        if (button < 0 || button > MOUSE_BUTTON_LAST)
        {
            return;
        }
        final int bit = 1 << button;
        if (action == GLFW.GLFW_PRESS)
        {
            buttonsDown |= bit;
            buttonsPressed |= bit;
        }
        else if (action == GLFW.GLFW_RELEASE)
        {
            buttonsDown &= ~bit;
            buttonsReleased |= bit;
        }
    }

    /** Applies a scroll: added to the tick's scroll. */
    public void onScroll(final double xOffset, final double yOffset)
    {
        eventsThisTick++;
        scrollX += xOffset;
        scrollY += yOffset;
    }

    /** Applies a window event of one of the window record types (see {@code WindowEvent}). */
    public void onWindow(final int typeId, final boolean flag, final int width, final int height)
    {
        eventsThisTick++;
        switch (typeId)
        {
            case InputRecordLayout.CURSOR_ENTER:
                cursorInside = flag;
                break;
            case InputRecordLayout.FOCUS:
                focused = flag;
                break;
            case InputRecordLayout.ICONIFY:
                iconified = flag;
                break;
            case InputRecordLayout.CLOSE_REQUEST:
                closeRequested = true;
                break;
            case InputRecordLayout.WINDOW_RESIZE:
                windowWidth = width;
                windowHeight = height;
                resizedThisTick = true;
                break;
            case InputRecordLayout.FRAMEBUFFER_RESIZE:
                framebufferWidth = width;
                framebufferHeight = height;
                resizedThisTick = true;
                break;
            default:
                break;
        }
    }

    /**
     * Applies a joystick/gamepad state; joystick ids outside [0, 16) are ignored here. Of the eight axis
     * values only the first {@code axisCount} are kept; the rest read as 0. (Eight parameters rather than
     * an array keep the flyweight-to-state path free of a scratch array.)
     */
    public void onGamepad(
        final int joystickId, final boolean connected, final boolean mapped, final long buttons,
        final int axisCount, final float axis0, final float axis1, final float axis2, final float axis3,
        final float axis4, final float axis5, final float axis6, final float axis7)
    {
        eventsThisTick++;
        if (joystickId < 0 || joystickId >= InputRecordLayout.MAX_JOYSTICKS)
        {
            return;
        }
        final int bit = 1 << joystickId;
        joysticksConnected = connected ? joysticksConnected | bit : joysticksConnected & ~bit;
        joysticksMapped = connected && mapped ? joysticksMapped | bit : joysticksMapped & ~bit;
        joystickButtons[joystickId] = connected ? buttons : 0;
        final int count = connected ? Math.max(0, Math.min(axisCount, InputRecordLayout.MAX_AXES)) : 0;
        joystickAxisCount[joystickId] = count;
        final int base = joystickId * InputRecordLayout.MAX_AXES;
        joystickAxes[base] = count > 0 ? axis0 : 0;
        joystickAxes[base + 1] = count > 1 ? axis1 : 0;
        joystickAxes[base + 2] = count > 2 ? axis2 : 0;
        joystickAxes[base + 3] = count > 3 ? axis3 : 0;
        joystickAxes[base + 4] = count > 4 ? axis4 : 0;
        joystickAxes[base + 5] = count > 5 ? axis5 : 0;
        joystickAxes[base + 6] = count > 6 ? axis6 : 0;
        joystickAxes[base + 7] = count > 7 ? axis7 : 0;
    }

    /** Applies a file drop: counted in {@link #fileDropsThisTick()} (the paths are in the inbox). */
    public void onFileDrop()
    {
        eventsThisTick++;
        fileDropsThisTick++;
    }

    /** @return whether {@code key} is down at the end of the events this tick consumed. */
    public boolean isKeyDown(final int key)
    {
        return testBit(keysDown, key);
    }

    /** @return whether {@code key} was pressed during this tick (even if released again in it). */
    public boolean wasKeyPressed(final int key)
    {
        return testBit(keysPressed, key);
    }

    /** @return whether {@code key} was released during this tick (even if pressed again in it). */
    public boolean wasKeyReleased(final int key)
    {
        return testBit(keysReleased, key);
    }

    /** @return the number of tracked keys down. */
    public int keysDownCount()
    {
        int count = 0;
        for (int i = 0; i < KEY_WORDS; i++)
        {
            count += Long.bitCount(keysDown[i]);
        }
        return count;
    }

    /** @return the GLFW modifier bits of the latest key or button event. */
    public int modifiers()
    {
        return modifiers;
    }

    /** @return whether mouse {@code button} is down. */
    public boolean isButtonDown(final int button)
    {
        return button >= 0 && button <= MOUSE_BUTTON_LAST && (buttonsDown & (1 << button)) != 0;
    }

    /** @return whether mouse {@code button} was pressed during this tick. */
    public boolean wasButtonPressed(final int button)
    {
        return button >= 0 && button <= MOUSE_BUTTON_LAST && (buttonsPressed & (1 << button)) != 0;
    }

    /** @return whether mouse {@code button} was released during this tick. */
    public boolean wasButtonReleased(final int button)
    {
        return button >= 0 && button <= MOUSE_BUTTON_LAST && (buttonsReleased & (1 << button)) != 0;
    }

    /** @return mouse buttons down, bit i for button i. */
    public int buttonsDown()
    {
        return buttonsDown;
    }

    /** @return the cursor x at the end of this tick's events. */
    public double mouseX()
    {
        return mouseX;
    }

    /** @return the cursor y at the end of this tick's events. */
    public double mouseY()
    {
        return mouseY;
    }

    /** @return the cursor motion in x during this tick (coalesced motion included). */
    public double mouseDx()
    {
        return mouseDx;
    }

    /** @return the cursor motion in y during this tick (coalesced motion included). */
    public double mouseDy()
    {
        return mouseDy;
    }

    /** @return horizontal scroll accumulated during this tick. */
    public double scrollX()
    {
        return scrollX;
    }

    /** @return vertical scroll accumulated during this tick. */
    public double scrollY()
    {
        return scrollY;
    }

    /** @return the number of code points typed during this tick and kept (see {@link #textCodePoint(int)}). */
    public int textLength()
    {
        return textLength;
    }

    /**
     * @param index in [0, {@link #textLength()}).
     * @return the code point typed at {@code index} during this tick.
     */
    public int textCodePoint(final int index)
    {
        if (index < 0 || index >= textLength)
        {
            throw Messages.badTextIndex(textLength, index);
        }
        return text[index];
    }

    /**
     * Copies this tick's code points into {@code dest}.
     *
     * @return the number copied: the smaller of {@link #textLength()} and {@code dest.length}.
     */
    public int copyText(final int[] dest)
    {
        final int count = Math.min(textLength, dest.length);
        System.arraycopy(text, 0, dest, 0, count);
        return count;
    }

    /** @return code points that did not fit the per-tick text buffer, since start-up or {@link #reset()}. */
    public long textOverflow()
    {
        return textOverflow;
    }

    /** @return whether the cursor is inside the window. */
    public boolean isCursorInside()
    {
        return cursorInside;
    }

    /** @return whether the window has focus (true until told otherwise). */
    public boolean isFocused()
    {
        return focused;
    }

    /** @return whether the window is iconified. */
    public boolean isIconified()
    {
        return iconified;
    }

    /** @return whether a close was requested; stays true until {@link #clearCloseRequested()}. */
    public boolean isCloseRequested()
    {
        return closeRequested;
    }

    /** Forgets a close request, e.g. when the application asked the user and they declined. */
    public void clearCloseRequested()
    {
        closeRequested = false;
    }

    /** @return the latest window width in screen coordinates (0 until a resize event). */
    public int windowWidth()
    {
        return windowWidth;
    }

    /** @return the latest window height in screen coordinates (0 until a resize event). */
    public int windowHeight()
    {
        return windowHeight;
    }

    /** @return the latest framebuffer width in pixels (0 until a framebuffer resize event). */
    public int framebufferWidth()
    {
        return framebufferWidth;
    }

    /** @return the latest framebuffer height in pixels (0 until a framebuffer resize event). */
    public int framebufferHeight()
    {
        return framebufferHeight;
    }

    /** @return whether the window or framebuffer was resized during this tick. */
    public boolean wasResized()
    {
        return resizedThisTick;
    }

    /** @return the number of file drops during this tick. */
    public int fileDropsThisTick()
    {
        return fileDropsThisTick;
    }

    /** @return whether joystick {@code joystickId} is connected. */
    public boolean isJoystickConnected(final int joystickId)
    {
        return joystickId >= 0 && joystickId < InputRecordLayout.MAX_JOYSTICKS &&
            (joysticksConnected & (1 << joystickId)) != 0;
    }

    /** @return whether joystick {@code joystickId} has a gamepad mapping. */
    public boolean isGamepad(final int joystickId)
    {
        return joystickId >= 0 && joystickId < InputRecordLayout.MAX_JOYSTICKS &&
            (joysticksMapped & (1 << joystickId)) != 0;
    }

    /** @return buttons down on joystick {@code joystickId}, bit i for button i (0 if not connected). */
    public long joystickButtons(final int joystickId)
    {
        return joystickId >= 0 && joystickId < InputRecordLayout.MAX_JOYSTICKS ? joystickButtons[joystickId] : 0;
    }

    /** @return the number of valid axes of joystick {@code joystickId} (0 if not connected). */
    public int joystickAxisCount(final int joystickId)
    {
        return joystickId >= 0 && joystickId < InputRecordLayout.MAX_JOYSTICKS ? joystickAxisCount[joystickId] : 0;
    }

    /** @return axis {@code axis} of joystick {@code joystickId}, 0 if absent. */
    public float joystickAxis(final int joystickId, final int axis)
    {
        if (joystickId < 0 || joystickId >= InputRecordLayout.MAX_JOYSTICKS || axis < 0 ||
            axis >= InputRecordLayout.MAX_AXES)
        {
            return 0;
        }
        return joystickAxes[joystickId * InputRecordLayout.MAX_AXES + axis];
    }

    /** @return the number of events applied during this tick. */
    public int eventsThisTick()
    {
        return eventsThisTick;
    }

    private static boolean testBit(final long[] bits, final int key)
    {
        return key >= 0 && key <= KEY_LAST && (bits[key >> 6] & (1L << (key & 63))) != 0;
    }

    /**
     * The error messages, in a class of their own so that InputState holds no String constant: the first C2
     * compile of a per-tick query (e.g. {@code isKeyDown}) would otherwise resolve them on the simulation thread.
     */
    private static final class Messages
    {
        static IllegalArgumentException badTextCapacity(final int textCapacity)
        {
            return new IllegalArgumentException("textCapacity must be in [1, 65536], was " + textCapacity);
        }

        static IndexOutOfBoundsException badTextIndex(final int textLength, final int index)
        {
            return new IndexOutOfBoundsException("text index must be in [0, " + textLength + "), was " + index);
        }
    }
}
