package dev.isochron.input.event;

/**
 * Fixed binary layouts of the input records the OS thread writes into the input ring.
 * <p>
 * Every record begins with its capture time ({@link #CAPTURE_NS_OFFSET}, a {@code long} read from the
 * engine's injectable {@link org.agrona.concurrent.NanoClock}); the record's type travels as the ring's
 * message type id ({@code 1..}{@link #TYPE_COUNT}) and its length is fixed per type
 * ({@link #lengthOf(int)}). Values are stored in native byte order as Agrona's buffers write them.
 * <p>
 * The layouts are part of the record/replay file format: changing one requires a new format version.
 */
public final class InputRecordLayout
{
    /** Key: key, scancode, action, mods (GLFW values). */
    public static final int KEY = 1;
    /** Character typed: one Unicode code point. */
    public static final int CHAR = 2;
    /** Cursor moved: new position and the motion since the producer's previous written move. */
    public static final int MOUSE_MOVE = 3;
    /** Mouse button: button, action, mods. */
    public static final int MOUSE_BUTTON = 4;
    /** Scroll offsets. */
    public static final int SCROLL = 5;
    /** Cursor entered (1) or left (0) the window. */
    public static final int CURSOR_ENTER = 6;
    /** Window size in screen coordinates. */
    public static final int WINDOW_RESIZE = 7;
    /** Framebuffer size in pixels. */
    public static final int FRAMEBUFFER_RESIZE = 8;
    /** Window gained (1) or lost (0) focus. */
    public static final int FOCUS = 9;
    /** Window iconified (1) or restored (0). */
    public static final int ICONIFY = 10;
    /** The user asked to close the window. */
    public static final int CLOSE_REQUEST = 11;
    /** Joystick or gamepad state, polled once per frame on the main thread. */
    public static final int GAMEPAD = 12;
    /** Files were dropped on the window; the paths travel out of band, see {@code FileDropInbox}. */
    public static final int FILE_DROP = 13;
    /** Number of record types; type ids run from 1 to this value. */
    public static final int TYPE_COUNT = 13;

    /** Offset of the capture time, common to all records. */
    public static final int CAPTURE_NS_OFFSET = 0;
    /** Offset of the first payload field, common to all records. */
    public static final int PAYLOAD_OFFSET = 8;

    /** Key record: key code ({@code int}). */
    public static final int KEY_KEY_OFFSET = 8;
    /** Key record: platform scancode ({@code int}). */
    public static final int KEY_SCANCODE_OFFSET = 12;
    /** Key record: action, GLFW_PRESS / GLFW_RELEASE / GLFW_REPEAT ({@code int}). */
    public static final int KEY_ACTION_OFFSET = 16;
    /** Key record: modifier bits ({@code int}). */
    public static final int KEY_MODS_OFFSET = 20;
    /** Key record length. */
    public static final int KEY_LENGTH = 24;

    /** Char record: Unicode code point ({@code int}). */
    public static final int CHAR_CODE_POINT_OFFSET = 8;
    /** Char record length. */
    public static final int CHAR_LENGTH = 12;

    /** Move record: cursor x ({@code double}). */
    public static final int MOVE_X_OFFSET = 8;
    /** Move record: cursor y ({@code double}). */
    public static final int MOVE_Y_OFFSET = 16;
    /** Move record: motion in x since the previous written move, coalesced motion included ({@code double}). */
    public static final int MOVE_DX_OFFSET = 24;
    /** Move record: motion in y since the previous written move, coalesced motion included ({@code double}). */
    public static final int MOVE_DY_OFFSET = 32;
    /** Move record length. */
    public static final int MOVE_LENGTH = 40;

    /** Button record: button ({@code int}). */
    public static final int BUTTON_BUTTON_OFFSET = 8;
    /** Button record: action ({@code int}). */
    public static final int BUTTON_ACTION_OFFSET = 12;
    /** Button record: modifier bits ({@code int}). */
    public static final int BUTTON_MODS_OFFSET = 16;
    /** Button record length. */
    public static final int BUTTON_LENGTH = 20;

    /** Scroll record: x offset ({@code double}). */
    public static final int SCROLL_X_OFFSET = 8;
    /** Scroll record: y offset ({@code double}). */
    public static final int SCROLL_Y_OFFSET = 16;
    /** Scroll record length. */
    public static final int SCROLL_LENGTH = 24;

    /** Flag records (cursor enter, focus, iconify): the flag, 0 or 1 ({@code int}). */
    public static final int FLAG_OFFSET = 8;
    /** Flag record length. */
    public static final int FLAG_LENGTH = 12;

    /** Size records (window, framebuffer): width ({@code int}). */
    public static final int SIZE_WIDTH_OFFSET = 8;
    /** Size records: height ({@code int}). */
    public static final int SIZE_HEIGHT_OFFSET = 12;
    /** Size record length. */
    public static final int SIZE_LENGTH = 16;

    /** Close request record length (capture time only). */
    public static final int CLOSE_LENGTH = 8;

    /** Most joysticks GLFW reports ({@code GLFW_JOYSTICK_LAST + 1}). */
    public static final int MAX_JOYSTICKS = 16;
    /** Most axes a gamepad record carries; further axes of raw joysticks are not recorded. */
    public static final int MAX_AXES = 8;
    /** Most buttons a gamepad record carries (one bit each); further buttons are not recorded. */
    public static final int MAX_BUTTONS = 64;
    /** Gamepad flag bit: the joystick is connected. */
    public static final int GAMEPAD_FLAG_CONNECTED = 1;
    /** Gamepad flag bit: the joystick has a gamepad mapping (buttons and axes follow GLFW's gamepad order). */
    public static final int GAMEPAD_FLAG_MAPPED = 2;
    /** Gamepad record: joystick id ({@code int}). */
    public static final int GAMEPAD_JID_OFFSET = 8;
    /** Gamepad record: flags ({@code int}). */
    public static final int GAMEPAD_FLAGS_OFFSET = 12;
    /** Gamepad record: buttons down, bit i for button i ({@code long}). */
    public static final int GAMEPAD_BUTTONS_OFFSET = 16;
    /** Gamepad record: number of valid axes, at most {@link #MAX_AXES} ({@code int}). */
    public static final int GAMEPAD_AXIS_COUNT_OFFSET = 24;
    /** Gamepad record: first axis value ({@code float} each, {@link #MAX_AXES} of them). */
    public static final int GAMEPAD_AXES_OFFSET = 28;
    /** Gamepad record length. */
    public static final int GAMEPAD_LENGTH = GAMEPAD_AXES_OFFSET + MAX_AXES * 4;

    /** File drop record: sequence number of the drop in the {@code FileDropInbox} ({@code long}). */
    public static final int DROP_SEQUENCE_OFFSET = 8;
    /** File drop record: number of paths dropped ({@code int}). */
    public static final int DROP_COUNT_OFFSET = 16;
    /** File drop record length. */
    public static final int DROP_LENGTH = 20;

    /** The longest record of any type. */
    public static final int MAX_LENGTH = GAMEPAD_LENGTH;

    private static final int[] LENGTHS =
    {
        0, KEY_LENGTH, CHAR_LENGTH, MOVE_LENGTH, BUTTON_LENGTH, SCROLL_LENGTH, FLAG_LENGTH, SIZE_LENGTH,
        SIZE_LENGTH, FLAG_LENGTH, FLAG_LENGTH, CLOSE_LENGTH, GAMEPAD_LENGTH, DROP_LENGTH
    };

    private static final String[] NAMES =
    {
        "none", "key", "char", "mouseMove", "mouseButton", "scroll", "cursorEnter", "windowResize",
        "framebufferResize", "focus", "iconify", "closeRequest", "gamepad", "fileDrop"
    };

    private InputRecordLayout()
    {
    }

    /**
     * @param typeId a record type id.
     * @return the fixed length of records of that type, or -1 if {@code typeId} is not a record type.
     */
    public static int lengthOf(final int typeId)
    {
        return typeId >= 1 && typeId <= TYPE_COUNT ? LENGTHS[typeId] : -1;
    }

    /**
     * @param typeId a record type id.
     * @return a constant name for humans and reports ("mouseMove"), or "unknown"; allocation-free.
     */
    public static String nameOf(final int typeId)
    {
        return typeId >= 1 && typeId <= TYPE_COUNT ? NAMES[typeId] : "unknown";
    }
}
