package dev.isochron.perf.ttff;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class MinimalFirstFrameTest
{
    @Test
    void shouldRefuseASizeOutsideTheDemosRange()
    {
        final IllegalArgumentException ex = assertThrows(IllegalArgumentException.class,
            () -> MinimalFirstFrame.size("--width", "8"));
        assertEquals("--width must be in [16, 16384] pixels, was 8", ex.getMessage());
    }

    @Test
    void shouldRefuseASizeThatIsNotANumber()
    {
        final IllegalArgumentException ex = assertThrows(IllegalArgumentException.class,
            () -> MinimalFirstFrame.size("--height", "big"));
        assertEquals("--height must be an integer in [16, 16384], was 'big'", ex.getMessage());
    }

    @Test
    void shouldQuoteJsonStringsWithEscapes()
    {
        assertEquals("\"llvmpipe \\\"x\\\" \\\\ \\u000a\"", MinimalFirstFrame.quote("llvmpipe \"x\" \\ \n"));
        assertEquals("null", MinimalFirstFrame.quote(null));
    }
}
