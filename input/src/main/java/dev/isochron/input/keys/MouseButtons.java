package dev.isochron.input.keys;

/**
 * Isochron's mouse button codes, for {@code InputState.isButtonDown} and a {@code MouseButtonEvent}'s button, so that an
 * application never imports GLFW; the values are GLFW's ({@code KeyCodesTest} keeps them so). {@link #LEFT},
 * {@link #RIGHT} and {@link #MIDDLE} are {@link #BUTTON_1}, {@link #BUTTON_2} and {@link #BUTTON_3}.
 */
public final class MouseButtons
{
    public static final int BUTTON_1 = 0;
    public static final int BUTTON_2 = 1;
    public static final int BUTTON_3 = 2;
    public static final int BUTTON_4 = 3;
    public static final int BUTTON_5 = 4;
    public static final int BUTTON_6 = 5;
    public static final int BUTTON_7 = 6;
    public static final int BUTTON_8 = 7;
    public static final int LAST = 7;
    public static final int LEFT = 0;
    public static final int RIGHT = 1;
    public static final int MIDDLE = 2;

    private MouseButtons()
    {
    }
}
