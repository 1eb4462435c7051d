package dev.isochron.input.keys;

import org.junit.jupiter.api.Test;
import org.lwjgl.glfw.GLFW;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;

import static org.junit.jupiter.api.Assertions.*;

/** Isochron's key, button and modifier codes are GLFW's, name for name, and none of GLFW's is missing. */
class KeyCodesTest
{
    @Test
    void shouldGiveEveryKeyGlfwsCode() throws IllegalAccessException
    {
        assertSameCodes(Keys.class, "GLFW_KEY_");
    }

    @Test
    void shouldGiveEveryMouseButtonGlfwsCode() throws IllegalAccessException
    {
        assertSameCodes(MouseButtons.class, "GLFW_MOUSE_BUTTON_");
    }

    @Test
    void shouldGiveEachActionGlfwsCode()
    {
        assertEquals(GLFW.GLFW_RELEASE, Actions.RELEASE);
        assertEquals(GLFW.GLFW_PRESS, Actions.PRESS);
        assertEquals(GLFW.GLFW_REPEAT, Actions.REPEAT);
    }

    @Test
    void shouldGiveEveryModifierGlfwsBit() throws IllegalAccessException
    {
        assertSameCodes(Modifiers.class, "GLFW_MOD_");
    }

    /** Both ways: each constant equals GLFW's of the same name, and each GLFW constant with the prefix has one. */
    private static void assertSameCodes(final Class<?> type, final String glfwPrefix) throws IllegalAccessException
    {
        int glfwCount = 0;
        for (final Field glfw : GLFW.class.getFields())
        {
            if (glfw.getName().startsWith(glfwPrefix) && glfw.getType() == int.class)
            {
                glfwCount++;
                final String name = nameOf(glfw.getName().substring(glfwPrefix.length()), type);
                final Field ours = assertDoesNotThrow(() -> type.getField(name),
                    type.getSimpleName() + " lacks " + glfw.getName());
                assertEquals(glfw.getInt(null), ours.getInt(null), type.getSimpleName() + "." + name);
            }
        }
        int ourCount = 0;
        for (final Field ours : type.getFields())
        {
            if (Modifier.isStatic(ours.getModifiers()) && ours.getType() == int.class)
            {
                ourCount++;
            }
        }
        assertEquals(glfwCount, ourCount, type.getSimpleName() + " constants");
        assertTrue(ourCount > 0);
    }

    /** GLFW's name less its prefix; a leading digit (the digit keys, the numbered buttons) gets a word before it. */
    private static String nameOf(final String glfwSuffix, final Class<?> type)
    {
        if (!Character.isDigit(glfwSuffix.charAt(0)))
        {
            return glfwSuffix;
        }
        return (type == Keys.class ? "DIGIT_" : "BUTTON_") + glfwSuffix;
    }
}
