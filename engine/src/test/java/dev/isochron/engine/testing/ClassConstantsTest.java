package dev.isochron.engine.testing;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ClassConstantsTest
{
    @Test
    void shouldReadTheStringConstantsOfAClassInPoolOrder() throws IOException
    {
        assertEquals(List.of("first literal", "second literal"), ClassConstants.stringConstants(WithLiterals.class));
    }

    @Test
    void shouldReadNoStringConstantFromAClassWithoutLiterals() throws IOException
    {
        assertEquals(List.of(), ClassConstants.stringConstants(WithoutLiterals.class));
    }

    @Test
    void shouldFailNamingTheClassAndItsConstants()
    {
        final AssertionError error =
            assertThrows(AssertionError.class, () -> ClassConstants.assertNoStringConstants(WithLiterals.class));

        assertTrue(error.getMessage().startsWith(WithLiterals.class.getName() +
            " runs on the frame path but holds String constants [first literal, second literal]"), error.getMessage());
    }

    static final class WithLiterals
    {
        static String first()
        {
            return "first literal";
        }

        static String second()
        {
            return "second literal";
        }
    }

    static final class WithoutLiterals
    {
        static int answer(final int x)
        {
            return x + 1;
        }
    }
}
