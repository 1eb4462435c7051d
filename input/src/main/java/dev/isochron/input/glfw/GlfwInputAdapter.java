package dev.isochron.input.glfw;

import dev.isochron.input.event.InputRecordLayout;
import dev.isochron.input.queue.FileDropInbox;
import dev.isochron.input.queue.InputProducer;
import org.lwjgl.glfw.GLFW;
import org.lwjgl.glfw.GLFWCharCallback;
import org.lwjgl.glfw.GLFWCursorEnterCallback;
import org.lwjgl.glfw.GLFWCursorPosCallback;
import org.lwjgl.glfw.GLFWDropCallback;
import org.lwjgl.glfw.GLFWFramebufferSizeCallback;
import dev.isochron.engine.checked.CheckedMode;
import dev.isochron.engine.checked.GuardedRegion;
import org.lwjgl.glfw.GLFWGamepadState;
import org.lwjgl.glfw.GLFWKeyCallback;
import org.lwjgl.glfw.GLFWMouseButtonCallback;
import org.lwjgl.glfw.GLFWScrollCallback;
import org.lwjgl.glfw.GLFWWindowCloseCallback;
import org.lwjgl.glfw.GLFWWindowFocusCallback;
import org.lwjgl.glfw.GLFWWindowIconifyCallback;
import org.lwjgl.glfw.GLFWWindowSizeCallback;
import org.lwjgl.system.MemoryUtil;

import static dev.isochron.input.event.InputRecordLayout.GAMEPAD_FLAG_CONNECTED;
import static dev.isochron.input.event.InputRecordLayout.GAMEPAD_FLAG_MAPPED;
import static dev.isochron.input.event.InputRecordLayout.MAX_AXES;
import static dev.isochron.input.event.InputRecordLayout.MAX_BUTTONS;
import static dev.isochron.input.event.InputRecordLayout.MAX_JOYSTICKS;

/**
 * Connects a GLFW window to an {@link InputProducer}: its callbacks write one input record per GLFW
 * event, stamped with the producer's clock, and {@link #pollJoysticks()} writes a gamepad record
 * whenever a joystick's state changes.
 * <p>
 * Lifetime: made once (it creates every callback object and its small native scratch memory then),
 * {@link #install(long)} on each window it serves, {@link #uninstall(long)} before the window is
 * destroyed, {@link #close()} at shutdown (frees the callbacks and the scratch memory). After {@code close()},
 * {@link #install}, the per-frame polling and the callback getters throw {@link IllegalStateException} ("used after
 * close()"): a freed callback installed on a window, or the freed scratch memory written by the polling, would be
 * a use after free. {@link #uninstall} still works (it installs nothing). GLFW itself cannot be stopped from
 * calling a freed callback still installed on a window: uninstall before closing.
 * <p>
 * Thread: the main thread only (GLFW's rule for callbacks and joystick polling). Every callback but the
 * file drop one, and the polling, are allocation-free and never block; a full ring drops and counts.
 * The callbacks are exposed so the render-gl runtime can chain them and tests can invoke them directly.
 */
public final class GlfwInputAdapter implements AutoCloseable
{
    private final InputProducer producer;
    private final FileDropInbox dropInbox;

    private final GLFWKeyCallback keyCallback;
    private final GLFWCharCallback charCallback;
    private final GLFWCursorPosCallback cursorPosCallback;
    private final GLFWMouseButtonCallback mouseButtonCallback;
    private final GLFWScrollCallback scrollCallback;
    private final GLFWCursorEnterCallback cursorEnterCallback;
    private final GLFWWindowSizeCallback windowSizeCallback;
    private final GLFWFramebufferSizeCallback framebufferSizeCallback;
    private final GLFWWindowFocusCallback windowFocusCallback;
    private final GLFWWindowIconifyCallback windowIconifyCallback;
    private final GLFWWindowCloseCallback windowCloseCallback;
    private final GLFWDropCallback dropCallback;

    private final GLFWGamepadState gamepadState;
    private final long countAddress;
    private final GuardedRegion gamepadGuards;
    private final GuardedRegion countGuards;
    private final int[] lastFlags = new int[MAX_JOYSTICKS];
    private final long[] lastButtons = new long[MAX_JOYSTICKS];
    private final int[] lastAxisCount = new int[MAX_JOYSTICKS];
    private final float[] lastAxes = new float[MAX_JOYSTICKS * MAX_AXES];
    private final float[] axes = new float[MAX_AXES];
    private boolean closed;

    /**
     * Creates the callback objects and the joystick scratch memory.
     *
     * @param producer  the producer the callbacks write to; used by the main thread only from now on.
     * @param dropInbox where dropped file paths go.
     */
    public GlfwInputAdapter(final InputProducer producer, final FileDropInbox dropInbox)
    {
        this(producer, dropInbox, CheckedMode.ENABLED);
    }

    /**
     * As {@link #GlfwInputAdapter(InputProducer, FileDropInbox)}; {@code checked} (checking mode, whatever
     * {@link CheckedMode#ENABLED} says) puts guard bands around the scratch memory GLFW writes when joysticks are
     * polled (the gamepad state and the count), verified after every {@link #pollJoysticks()} and at {@link #close()}.
     */
    public GlfwInputAdapter(final InputProducer producer, final FileDropInbox dropInbox, final boolean checked)
    {
        if (producer == null || dropInbox == null)
        {
            throw Messages.nullArgument();
        }
        this.producer = producer;
        this.dropInbox = dropInbox;
        keyCallback = new GLFWKeyCallback()
        {
            public void invoke(final long window, final int key, final int scancode, final int action, final int mods)
            {
                producer.key(key, scancode, action, mods);
            }
        };
        charCallback = new GLFWCharCallback()
        {
            public void invoke(final long window, final int codepoint)
            {
                producer.codePoint(codepoint);
            }
        };
        cursorPosCallback = new GLFWCursorPosCallback()
        {
            public void invoke(final long window, final double x, final double y)
            {
                producer.mouseMove(x, y);
            }
        };
        mouseButtonCallback = new GLFWMouseButtonCallback()
        {
            public void invoke(final long window, final int button, final int action, final int mods)
            {
                producer.mouseButton(button, action, mods);
            }
        };
        scrollCallback = new GLFWScrollCallback()
        {
            public void invoke(final long window, final double xOffset, final double yOffset)
            {
                producer.scroll(xOffset, yOffset);
            }
        };
        cursorEnterCallback = new GLFWCursorEnterCallback()
        {
            public void invoke(final long window, final boolean entered)
            {
                producer.cursorEnter(entered);
            }
        };
        windowSizeCallback = new GLFWWindowSizeCallback()
        {
            public void invoke(final long window, final int width, final int height)
            {
                producer.windowResize(width, height);
            }
        };
        framebufferSizeCallback = new GLFWFramebufferSizeCallback()
        {
            public void invoke(final long window, final int width, final int height)
            {
                producer.framebufferResize(width, height);
            }
        };
        windowFocusCallback = new GLFWWindowFocusCallback()
        {
            public void invoke(final long window, final boolean focused)
            {
                producer.focus(focused);
            }
        };
        windowIconifyCallback = new GLFWWindowIconifyCallback()
        {
            public void invoke(final long window, final boolean iconified)
            {
                producer.iconify(iconified);
            }
        };
        windowCloseCallback = new GLFWWindowCloseCallback()
        {
            public void invoke(final long window)
            {
                producer.closeRequest();
            }
        };
        dropCallback = new GLFWDropCallback()
        {
            public void invoke(final long window, final int count, final long names)
            {
                onDrop(count, names);
            }
        };
        if (checked)
        {
            gamepadGuards = new GuardedRegion(Messages.gamepadStateName(),
                MemoryUtil.nmemCalloc(1, GuardedRegion.allocationBytes(GLFWGamepadState.SIZEOF)), GLFWGamepadState.SIZEOF);
            countGuards = new GuardedRegion(Messages.countName(),
                MemoryUtil.nmemCalloc(1, GuardedRegion.allocationBytes(Integer.BYTES)), Integer.BYTES);
            gamepadState = GLFWGamepadState.create(gamepadGuards.address());
            countAddress = countGuards.address();
        }
        else
        {
            gamepadGuards = null;
            countGuards = null;
            gamepadState = GLFWGamepadState.calloc();
            countAddress = MemoryUtil.nmemCalloc(1, Integer.BYTES);
        }
    }

    /**
     * Installs every callback on {@code window}, replacing any installed before (main thread).
     *
     * @param window a GLFW window handle.
     */
    public void install(final long window)
    {
        requireOpen();
        GLFW.nglfwSetKeyCallback(window, keyCallback.address());
        GLFW.nglfwSetCharCallback(window, charCallback.address());
        GLFW.nglfwSetCursorPosCallback(window, cursorPosCallback.address());
        GLFW.nglfwSetMouseButtonCallback(window, mouseButtonCallback.address());
        GLFW.nglfwSetScrollCallback(window, scrollCallback.address());
        GLFW.nglfwSetCursorEnterCallback(window, cursorEnterCallback.address());
        GLFW.nglfwSetWindowSizeCallback(window, windowSizeCallback.address());
        GLFW.nglfwSetFramebufferSizeCallback(window, framebufferSizeCallback.address());
        GLFW.nglfwSetWindowFocusCallback(window, windowFocusCallback.address());
        GLFW.nglfwSetWindowIconifyCallback(window, windowIconifyCallback.address());
        GLFW.nglfwSetWindowCloseCallback(window, windowCloseCallback.address());
        GLFW.nglfwSetDropCallback(window, dropCallback.address());
    }

    /**
     * Removes every callback from {@code window} (main thread); call before destroying the window.
     *
     * @param window a GLFW window handle this adapter was installed on.
     */
    public void uninstall(final long window)
    {
        GLFW.nglfwSetKeyCallback(window, MemoryUtil.NULL);
        GLFW.nglfwSetCharCallback(window, MemoryUtil.NULL);
        GLFW.nglfwSetCursorPosCallback(window, MemoryUtil.NULL);
        GLFW.nglfwSetMouseButtonCallback(window, MemoryUtil.NULL);
        GLFW.nglfwSetScrollCallback(window, MemoryUtil.NULL);
        GLFW.nglfwSetCursorEnterCallback(window, MemoryUtil.NULL);
        GLFW.nglfwSetWindowSizeCallback(window, MemoryUtil.NULL);
        GLFW.nglfwSetFramebufferSizeCallback(window, MemoryUtil.NULL);
        GLFW.nglfwSetWindowFocusCallback(window, MemoryUtil.NULL);
        GLFW.nglfwSetWindowIconifyCallback(window, MemoryUtil.NULL);
        GLFW.nglfwSetWindowCloseCallback(window, MemoryUtil.NULL);
        GLFW.nglfwSetDropCallback(window, MemoryUtil.NULL);
    }

    /**
     * The main thread's per-frame duty after {@code glfwPollEvents}: writes motion coalesced during the
     * poll (so it is not held back until the next move) and polls joysticks. Allocation-free.
     */
    public void afterPollEvents()
    {
        requireOpen();
        producer.flushMotion();
        pollJoysticks();
    }

    /**
     * Polls every joystick slot (main thread, once per frame, GLFW initialised) and writes a gamepad
     * record for each whose connection, buttons or axes changed since the last poll. Gamepads with a
     * mapping are read through a reused {@link GLFWGamepadState}; raw joysticks through the address
     * variants {@code nglfwGetJoystickAxes/Buttons} (the plain ones make a new Buffer per call), their
     * first {@value InputRecordLayout#MAX_AXES} axes and {@value InputRecordLayout#MAX_BUTTONS} buttons.
     * Allocation-free.
     */
    public void pollJoysticks()
    {
        requireOpen();
        for (int jid = 0; jid < MAX_JOYSTICKS; jid++)
        {
            if (!GLFW.glfwJoystickPresent(jid))
            {
                publishJoystick(jid, 0, 0, 0, axes);
                continue;
            }
            if (GLFW.glfwJoystickIsGamepad(jid) && GLFW.nglfwGetGamepadState(jid, gamepadState.address()) != 0)
            {
                long buttons = 0;
                for (int b = 0; b <= GLFW.GLFW_GAMEPAD_BUTTON_LAST; b++)
                {
                    if (gamepadState.buttons(b) == GLFW.GLFW_PRESS)
                    {
                        buttons |= 1L << b;
                    }
                }
                final int axisCount = GLFW.GLFW_GAMEPAD_AXIS_LAST + 1;
                for (int a = 0; a < axisCount; a++)
                {
                    axes[a] = gamepadState.axes(a);
                }
                publishJoystick(jid, GAMEPAD_FLAG_CONNECTED | GAMEPAD_FLAG_MAPPED, buttons, axisCount, axes);
                continue;
            }
            int axisCount = 0;
            final long axesAddress = GLFW.nglfwGetJoystickAxes(jid, countAddress);
            if (axesAddress != MemoryUtil.NULL)
            {
                axisCount = Math.min(MemoryUtil.memGetInt(countAddress), MAX_AXES);
                for (int a = 0; a < axisCount; a++)
                {
                    axes[a] = MemoryUtil.memGetFloat(axesAddress + (long)a * Float.BYTES);
                }
            }
            long buttons = 0;
            final long buttonsAddress = GLFW.nglfwGetJoystickButtons(jid, countAddress);
            if (buttonsAddress != MemoryUtil.NULL)
            {
                final int buttonCount = Math.min(MemoryUtil.memGetInt(countAddress), MAX_BUTTONS);
                for (int b = 0; b < buttonCount; b++)
                {
                    if (MemoryUtil.memGetByte(buttonsAddress + b) == GLFW.GLFW_PRESS)
                    {
                        buttons |= 1L << b;
                    }
                }
            }
            publishJoystick(jid, GAMEPAD_FLAG_CONNECTED, buttons, axisCount, axes);
        }
        verifyGuards();
    }

    /** For tests of the guard bands: the 4 bytes GLFW writes a joystick's axis or button count into. */
    long countAddress()
    {
        return countAddress;
    }

    /**
     * Verifies the guard bands around the joystick scratch memory; nothing without checking mode. Allocation-free.
     *
     * @throws dev.isochron.engine.checked.GuardBandException naming the memory, the offset and the bytes found.
     */
    public void verifyGuards()
    {
        if (null != gamepadGuards && !closed)
        {
            gamepadGuards.verify();
            countGuards.verify();
        }
    }

    /** @return the key callback (main thread; invoke directly to inject a key). */
    public GLFWKeyCallback keyCallback()
    {
        requireOpen();
        return keyCallback;
    }

    /** @return the char callback. */
    public GLFWCharCallback charCallback()
    {
        requireOpen();
        return charCallback;
    }

    /** @return the cursor position callback. */
    public GLFWCursorPosCallback cursorPosCallback()
    {
        requireOpen();
        return cursorPosCallback;
    }

    /** @return the mouse button callback. */
    public GLFWMouseButtonCallback mouseButtonCallback()
    {
        requireOpen();
        return mouseButtonCallback;
    }

    /** @return the scroll callback. */
    public GLFWScrollCallback scrollCallback()
    {
        requireOpen();
        return scrollCallback;
    }

    /** @return the cursor enter callback. */
    public GLFWCursorEnterCallback cursorEnterCallback()
    {
        requireOpen();
        return cursorEnterCallback;
    }

    /** @return the window size callback. */
    public GLFWWindowSizeCallback windowSizeCallback()
    {
        requireOpen();
        return windowSizeCallback;
    }

    /** @return the framebuffer size callback. */
    public GLFWFramebufferSizeCallback framebufferSizeCallback()
    {
        requireOpen();
        return framebufferSizeCallback;
    }

    /** @return the window focus callback. */
    public GLFWWindowFocusCallback windowFocusCallback()
    {
        requireOpen();
        return windowFocusCallback;
    }

    /** @return the window iconify callback. */
    public GLFWWindowIconifyCallback windowIconifyCallback()
    {
        requireOpen();
        return windowIconifyCallback;
    }

    /** @return the window close callback. */
    public GLFWWindowCloseCallback windowCloseCallback()
    {
        requireOpen();
        return windowCloseCallback;
    }

    /** @return the file drop callback. */
    public GLFWDropCallback dropCallback()
    {
        requireOpen();
        return dropCallback;
    }

    /** Frees the callbacks and the scratch memory; uninstall from every window first. Idempotent. */
    public void close()
    {
        if (closed)
        {
            return;
        }
        closed = true;
        keyCallback.free();
        charCallback.free();
        cursorPosCallback.free();
        mouseButtonCallback.free();
        scrollCallback.free();
        cursorEnterCallback.free();
        windowSizeCallback.free();
        framebufferSizeCallback.free();
        windowFocusCallback.free();
        windowIconifyCallback.free();
        windowCloseCallback.free();
        dropCallback.free();
        if (null == gamepadGuards)
        {
            gamepadState.free();
            MemoryUtil.nmemFree(countAddress);
            return;
        }
        try
        {
            gamepadGuards.verify();
            countGuards.verify();
        }
        finally
        {
            MemoryUtil.nmemFree(gamepadGuards.allocation());
            MemoryUtil.nmemFree(countGuards.allocation());
        }
    }

    /**
     * Writes a gamepad record if this joystick's state differs from the last one published (main thread).
     * A joystick never seen connected publishes nothing while absent. Allocation-free.
     *
     * @return whether a record was attempted (the state changed).
     */
    boolean publishJoystick(final int jid, final int flags, final long buttons, final int axisCount, final float[] axes)
    {
        final int count = Math.max(0, Math.min(axisCount, MAX_AXES));
        final int base = jid * MAX_AXES;
        boolean changed = flags != lastFlags[jid] || buttons != lastButtons[jid] || count != lastAxisCount[jid];
        for (int a = 0; a < count && !changed; a++)
        {
            changed = Float.floatToRawIntBits(axes[a]) != Float.floatToRawIntBits(lastAxes[base + a]);
        }
        if (!changed)
        {
            return false;
        }
        lastFlags[jid] = flags;
        lastButtons[jid] = buttons;
        lastAxisCount[jid] = count;
        for (int a = 0; a < MAX_AXES; a++)
        {
            lastAxes[base + a] = a < count ? axes[a] : 0;
        }
        if (!producer.gamepad(jid, flags, buttons, count, axes))
        {
            // Not written: forget it so the next poll tries again (the drop is already counted).
            lastFlags[jid] = -1;
        }
        return true;
    }

    private void onDrop(final int count, final long names)
    {
        // Rare user gesture, off the frame path: decoding the paths allocates, by design (see FileDropInbox).
        final String[] paths = new String[count];
        for (int i = 0; i < count; i++)
        {
            paths[i] = GLFWDropCallback.getName(names, i);
        }
        final long sequence = dropInbox.offer(paths);
        if (sequence >= 0)
        {
            producer.fileDrop(sequence, count);
        }
    }

    private void requireOpen()
    {
        if (closed)
        {
            throw Messages.usedAfterClose();
        }
    }

    /**
     * The messages, in a class of their own so that GlfwInputAdapter holds no String constant: the first C2 compile
     * of {@link #pollJoysticks()}, which runs every frame, would otherwise resolve them on the main thread mid-run
     * (see {@code ClassConstants} in the engine test-jar).
     */
    private static final class Messages
    {
        private Messages()
        {
        }

        static String gamepadStateName()
        {
            return "GlfwInputAdapter gamepad state (GLFW writes it)";
        }

        static String countName()
        {
            return "GlfwInputAdapter joystick count (GLFW writes it)";
        }

        static IllegalArgumentException nullArgument()
        {
            return new IllegalArgumentException("producer and dropInbox must not be null");
        }

        static IllegalStateException usedAfterClose()
        {
            return new IllegalStateException("GlfwInputAdapter used after close(): its callbacks and joystick " +
                "scratch memory are freed");
        }
    }
}
