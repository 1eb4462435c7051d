package dev.isochron.input.keys;

/**
 * Isochron's modifier bits, as a {@code KeyEvent} or {@code MouseButtonEvent} carries them (several or-ed together);
 * the values are GLFW's ({@code KeyCodesTest} keeps them so), so that an application never imports GLFW.
 */
public final class Modifiers
{
    public static final int SHIFT = 1;
    public static final int CONTROL = 2;
    public static final int ALT = 4;
    public static final int SUPER = 8;
    public static final int CAPS_LOCK = 16;
    public static final int NUM_LOCK = 32;

    private Modifiers()
    {
    }
}
