package dev.isochron.input.keys;

/**
 * What happened to a key or a mouse button, as a {@code KeyEvent}'s or {@code MouseButtonEvent}'s {@code action()}
 * says it, so that an application never imports GLFW; the values are GLFW's ({@code KeyCodesTest} keeps them so).
 */
public final class Actions
{
    public static final int RELEASE = 0;
    public static final int PRESS = 1;
    /** A key held long enough for the platform's key repeat (keys only). */
    public static final int REPEAT = 2;

    private Actions()
    {
    }
}
