package dev.isochron.input.queue;

import dev.isochron.input.event.InputRecordLayout;
import org.agrona.concurrent.AtomicBuffer;
import org.agrona.concurrent.NanoClock;
import org.agrona.concurrent.ringbuffer.RingBuffer;

import java.util.concurrent.atomic.AtomicLongArray;

import static dev.isochron.input.event.InputRecordLayout.*;

/**
 * Writes input records into an {@link InputQueue}'s ring on behalf of one producer thread.
 * <p>
 * Thread: one producer per thread (the platform thread's GLFW callbacks, a synthetic source); a
 * producer is not thread-safe. Records of one producer reach the consumer in the order they were
 * written. Every write is allocation-free and never blocks: it claims space in the ring, writes the
 * record in place and commits it; when the ring is full it returns {@code false} at once and counts
 * a drop of that record type, or, for mouse moves when the queue coalesces them, adds the move's
 * motion to a running sum that the producer's next written move carries (a committed record is never
 * rewritten: the consumer may be reading it). Counters are readable from any thread.
 * <p>
 * The methods without a capture time read the queue's clock; the {@code ...At} forms take the
 * capture time from a caller that read the same clock once for several events.
 */
public final class InputProducer
{
    /** Index of the written-records counter in {@link #counters}; drops of type t are at index t. */
    private static final int WRITTEN = 0;
    private static final int COALESCED = TYPE_COUNT + 1;
    private static final int COUNTER_COUNT = TYPE_COUNT + 2;

    private final RingBuffer ring;
    private final AtomicBuffer buffer;
    private final NanoClock clock;
    private final boolean coalesceMouseMoves;
    private final int id;
    private final AtomicLongArray counters = new AtomicLongArray(COUNTER_COUNT);

    private boolean hasPosition;
    private double lastX;
    private double lastY;
    private boolean hasPendingMotion;
    private double pendingDx;
    private double pendingDy;

    InputProducer(final int id, final RingBuffer ring, final NanoClock clock, final boolean coalesceMouseMoves)
    {
        this.id = id;
        this.ring = ring;
        this.buffer = ring.buffer();
        this.clock = clock;
        this.coalesceMouseMoves = coalesceMouseMoves;
    }

    /** @return this producer's index in its queue, from 0 in order of creation. */
    public int id()
    {
        return id;
    }

    /** @return the clock this producer stamps records with. */
    public NanoClock clock()
    {
        return clock;
    }

    /**
     * Writes a key record stamped with the clock's time; allocation-free, never blocks.
     *
     * @return true if written, false if the ring was full (counted as a key drop).
     */
    public boolean key(final int key, final int scancode, final int action, final int mods)
    {
        return keyAt(clock.nanoTime(), key, scancode, action, mods);
    }

    /**
     * Writes a key record; allocation-free, never blocks.
     *
     * @return true if written, false if the ring was full (counted as a key drop).
     */
    public boolean keyAt(final long captureNs, final int key, final int scancode, final int action, final int mods)
    {
        final int index = ring.tryClaim(KEY, KEY_LENGTH);
        if (index < 0)
        {
            return dropped(KEY);
        }
        buffer.putLong(index + CAPTURE_NS_OFFSET, captureNs);
        buffer.putInt(index + KEY_KEY_OFFSET, key);
        buffer.putInt(index + KEY_SCANCODE_OFFSET, scancode);
        buffer.putInt(index + KEY_ACTION_OFFSET, action);
        buffer.putInt(index + KEY_MODS_OFFSET, mods);
        return committed(index);
    }

    /**
     * Writes a char record stamped with the clock's time; allocation-free, never blocks.
     *
     * @return true if written, false if the ring was full (counted as a char drop).
     */
    public boolean codePoint(final int codePoint)
    {
        return codePointAt(clock.nanoTime(), codePoint);
    }

    /**
     * Writes a char record; allocation-free, never blocks.
     *
     * @return true if written, false if the ring was full (counted as a char drop).
     */
    public boolean codePointAt(final long captureNs, final int codePoint)
    {
        final int index = ring.tryClaim(CHAR, CHAR_LENGTH);
        if (index < 0)
        {
            return dropped(CHAR);
        }
        buffer.putLong(index + CAPTURE_NS_OFFSET, captureNs);
        buffer.putInt(index + CHAR_CODE_POINT_OFFSET, codePoint);
        return committed(index);
    }

    /**
     * Writes a mouse move record stamped with the clock's time; allocation-free, never blocks.
     *
     * @return true if written; false if the ring was full (coalesced or dropped, see the class javadoc).
     * @see #mouseMoveAt(long, double, double)
     */
    public boolean mouseMove(final double x, final double y)
    {
        return mouseMoveAt(clock.nanoTime(), x, y);
    }

    /**
     * Writes a mouse move record whose motion is the change from this producer's previous move (zero
     * for its first) plus any motion coalesced since its last written move; allocation-free, never blocks.
     *
     * @param x cursor x in screen coordinates.
     * @param y cursor y in screen coordinates.
     * @return true if written; false if the ring was full: when the queue coalesces moves, the motion is
     * kept for the next written move and counted as coalesced, otherwise it is counted as a mouse-move drop.
     */
    public boolean mouseMoveAt(final long captureNs, final double x, final double y)
    {
        double dx = 0;
        double dy = 0;
        if (hasPosition)
        {
            dx = x - lastX;
            dy = y - lastY;
        }
        hasPosition = true;
        lastX = x;
        lastY = y;
        if (hasPendingMotion)
        {
            dx += pendingDx;
            dy += pendingDy;
        }
        return writeMove(captureNs, x, y, dx, dy, true);
    }

    /**
     * Writes the motion coalesced since the last written move, if any, as a move to the last position,
     * stamped with the clock's time. Call it after a batch of events (the GLFW adapter does after each
     * poll; a synthetic source at the end of each duty cycle) so coalesced motion is not held back until
     * the next move. Allocation-free, never blocks.
     *
     * @return true if nothing was pending or the pending motion was written; false if the ring is still full.
     */
    public boolean flushMotion()
    {
        if (!hasPendingMotion)
        {
            return true;
        }
        return writeMove(clock.nanoTime(), lastX, lastY, pendingDx, pendingDy, false);
    }

    /** @return whether some coalesced motion waits for the next written move. */
    public boolean hasPendingMotion()
    {
        return hasPendingMotion;
    }

    /**
     * Writes a mouse button record stamped with the clock's time; allocation-free, never blocks.
     *
     * @return true if written, false if the ring was full (counted as a mouse-button drop).
     */
    public boolean mouseButton(final int button, final int action, final int mods)
    {
        return mouseButtonAt(clock.nanoTime(), button, action, mods);
    }

    /**
     * Writes a mouse button record; allocation-free, never blocks.
     *
     * @return true if written, false if the ring was full (counted as a mouse-button drop).
     */
    public boolean mouseButtonAt(final long captureNs, final int button, final int action, final int mods)
    {
        final int index = ring.tryClaim(MOUSE_BUTTON, BUTTON_LENGTH);
        if (index < 0)
        {
            return dropped(MOUSE_BUTTON);
        }
        buffer.putLong(index + CAPTURE_NS_OFFSET, captureNs);
        buffer.putInt(index + BUTTON_BUTTON_OFFSET, button);
        buffer.putInt(index + BUTTON_ACTION_OFFSET, action);
        buffer.putInt(index + BUTTON_MODS_OFFSET, mods);
        return committed(index);
    }

    /**
     * Writes a scroll record stamped with the clock's time; allocation-free, never blocks.
     *
     * @return true if written, false if the ring was full (counted as a scroll drop).
     */
    public boolean scroll(final double xOffset, final double yOffset)
    {
        return scrollAt(clock.nanoTime(), xOffset, yOffset);
    }

    /**
     * Writes a scroll record; allocation-free, never blocks.
     *
     * @return true if written, false if the ring was full (counted as a scroll drop).
     */
    public boolean scrollAt(final long captureNs, final double xOffset, final double yOffset)
    {
        final int index = ring.tryClaim(SCROLL, SCROLL_LENGTH);
        if (index < 0)
        {
            return dropped(SCROLL);
        }
        buffer.putLong(index + CAPTURE_NS_OFFSET, captureNs);
        buffer.putDouble(index + SCROLL_X_OFFSET, xOffset);
        buffer.putDouble(index + SCROLL_Y_OFFSET, yOffset);
        return committed(index);
    }

    /**
     * Writes a cursor enter (true) or leave (false) record stamped with the clock's time.
     *
     * @return true if written, false if the ring was full (counted as a cursor-enter drop).
     */
    public boolean cursorEnter(final boolean entered)
    {
        return flagAt(CURSOR_ENTER, clock.nanoTime(), entered);
    }

    /**
     * Writes a focus gained (true) or lost (false) record stamped with the clock's time.
     *
     * @return true if written, false if the ring was full (counted as a focus drop).
     */
    public boolean focus(final boolean focused)
    {
        return flagAt(FOCUS, clock.nanoTime(), focused);
    }

    /**
     * Writes an iconified (true) or restored (false) record stamped with the clock's time.
     *
     * @return true if written, false if the ring was full (counted as an iconify drop).
     */
    public boolean iconify(final boolean iconified)
    {
        return flagAt(ICONIFY, clock.nanoTime(), iconified);
    }

    /**
     * Writes a window resize record (screen coordinates) stamped with the clock's time.
     *
     * @return true if written, false if the ring was full (counted as a window-resize drop).
     */
    public boolean windowResize(final int width, final int height)
    {
        return sizeAt(WINDOW_RESIZE, clock.nanoTime(), width, height);
    }

    /**
     * Writes a framebuffer resize record (pixels) stamped with the clock's time.
     *
     * @return true if written, false if the ring was full (counted as a framebuffer-resize drop).
     */
    public boolean framebufferResize(final int width, final int height)
    {
        return sizeAt(FRAMEBUFFER_RESIZE, clock.nanoTime(), width, height);
    }

    /**
     * Writes a close request record stamped with the clock's time.
     *
     * @return true if written, false if the ring was full (counted as a close-request drop).
     */
    public boolean closeRequest()
    {
        final int index = ring.tryClaim(CLOSE_REQUEST, CLOSE_LENGTH);
        if (index < 0)
        {
            return dropped(CLOSE_REQUEST);
        }
        buffer.putLong(index + CAPTURE_NS_OFFSET, clock.nanoTime());
        return committed(index);
    }

    /**
     * Writes a joystick/gamepad state record stamped with the clock's time; allocation-free, never blocks.
     *
     * @param joystickId the joystick, 0 to 15.
     * @param flags      {@code GAMEPAD_FLAG_CONNECTED} and {@code GAMEPAD_FLAG_MAPPED} bits.
     * @param buttons    buttons down, bit i for button i.
     * @param axisCount  valid axes in {@code axes}; at most {@code MAX_AXES} are recorded.
     * @param axes       axis values; only the first {@code min(axisCount, MAX_AXES)} are read.
     * @return true if written, false if the ring was full (counted as a gamepad drop).
     */
    public boolean gamepad(final int joystickId, final int flags, final long buttons, final int axisCount, final float[] axes)
    {
        final int index = ring.tryClaim(GAMEPAD, GAMEPAD_LENGTH);
        if (index < 0)
        {
            return dropped(GAMEPAD);
        }
        final int count = Math.max(0, Math.min(Math.min(axisCount, MAX_AXES), axes.length));
        buffer.putLong(index + CAPTURE_NS_OFFSET, clock.nanoTime());
        buffer.putInt(index + GAMEPAD_JID_OFFSET, joystickId);
        buffer.putInt(index + GAMEPAD_FLAGS_OFFSET, flags);
        buffer.putLong(index + GAMEPAD_BUTTONS_OFFSET, buttons);
        buffer.putInt(index + GAMEPAD_AXIS_COUNT_OFFSET, count);
        for (int i = 0; i < MAX_AXES; i++)
        {
            buffer.putFloat(index + GAMEPAD_AXES_OFFSET + i * 4, i < count ? axes[i] : 0.0f);
        }
        return committed(index);
    }

    /**
     * Writes a file drop record pointing at a drop already placed in a {@code FileDropInbox}.
     *
     * @return true if written, false if the ring was full (counted as a file-drop drop).
     */
    public boolean fileDrop(final long sequence, final int pathCount)
    {
        final int index = ring.tryClaim(FILE_DROP, DROP_LENGTH);
        if (index < 0)
        {
            return dropped(FILE_DROP);
        }
        buffer.putLong(index + CAPTURE_NS_OFFSET, clock.nanoTime());
        buffer.putLong(index + DROP_SEQUENCE_OFFSET, sequence);
        buffer.putInt(index + DROP_COUNT_OFFSET, pathCount);
        return committed(index);
    }

    /** @return records this producer wrote. */
    public long written()
    {
        return counters.get(WRITTEN);
    }

    /**
     * @param typeId an {@link InputRecordLayout} type.
     * @return records of that type this producer dropped because the ring was full.
     */
    public long drops(final int typeId)
    {
        if (typeId < 1 || typeId > TYPE_COUNT)
        {
            throw Messages.badTypeId(typeId);
        }
        return counters.get(typeId);
    }

    /** @return records of all types this producer dropped. */
    public long drops()
    {
        long sum = 0;
        for (int t = 1; t <= TYPE_COUNT; t++)
        {
            sum += counters.get(t);
        }
        return sum;
    }

    /** @return mouse moves that found the ring full and were summed into a later move. */
    public long coalesced()
    {
        return counters.get(COALESCED);
    }

    private boolean writeMove(
        final long captureNs, final double x, final double y, final double dx, final double dy, final boolean isNewMove)
    {
        final int index = ring.tryClaim(MOUSE_MOVE, MOVE_LENGTH);
        if (index < 0)
        {
            if (coalesceMouseMoves)
            {
                hasPendingMotion = true;
                pendingDx = dx;
                pendingDy = dy;
                if (isNewMove)
                {
                    increment(COALESCED);
                }
                return false;
            }
            return dropped(MOUSE_MOVE);
        }
        buffer.putLong(index + CAPTURE_NS_OFFSET, captureNs);
        buffer.putDouble(index + MOVE_X_OFFSET, x);
        buffer.putDouble(index + MOVE_Y_OFFSET, y);
        buffer.putDouble(index + MOVE_DX_OFFSET, dx);
        buffer.putDouble(index + MOVE_DY_OFFSET, dy);
        hasPendingMotion = false;
        pendingDx = 0;
        pendingDy = 0;
        return committed(index);
    }

    private boolean flagAt(final int typeId, final long captureNs, final boolean flag)
    {
        final int index = ring.tryClaim(typeId, FLAG_LENGTH);
        if (index < 0)
        {
            return dropped(typeId);
        }
        buffer.putLong(index + CAPTURE_NS_OFFSET, captureNs);
        buffer.putInt(index + FLAG_OFFSET, flag ? 1 : 0);
        return committed(index);
    }

    private boolean sizeAt(final int typeId, final long captureNs, final int width, final int height)
    {
        final int index = ring.tryClaim(typeId, SIZE_LENGTH);
        if (index < 0)
        {
            return dropped(typeId);
        }
        buffer.putLong(index + CAPTURE_NS_OFFSET, captureNs);
        buffer.putInt(index + SIZE_WIDTH_OFFSET, width);
        buffer.putInt(index + SIZE_HEIGHT_OFFSET, height);
        return committed(index);
    }

    private boolean committed(final int index)
    {
        ring.commit(index);
        increment(WRITTEN);
        return true;
    }

    private boolean dropped(final int typeId)
    {
        increment(typeId);
        return false;
    }

    private void increment(final int counter)
    {
        // Single writer: a plain read and an ordered write publish the count without a CAS.
        counters.setRelease(counter, counters.getPlain(counter) + 1);
    }

    /**
     * The message, in a class of its own so that InputProducer holds no String constant: the first C2 compile of a
     * per-event write would otherwise resolve it on the input thread, allocating there once mid-run (see
     * {@code ClassConstants} in the engine test-jar).
     */
    private static final class Messages
    {
        private Messages()
        {
        }

        static IllegalArgumentException badTypeId(final int typeId)
        {
            return new IllegalArgumentException("typeId must be in [1, " + TYPE_COUNT + "], was " + typeId);
        }
    }
}
