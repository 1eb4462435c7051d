package dev.isochron.render.text;

import dev.isochron.engine.testing.AllocationGate;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class TextBufferTest
{
    private final TextBuffer text = new TextBuffer(64);

    @Test
    void shouldFormatIntegersIncludingTheExtremes()
    {
        text.append(0).append(' ').append(-42).append(' ').append(Integer.MAX_VALUE).append(' ').append(Long.MIN_VALUE);
        assertEquals("0 -42 2147483647 -9223372036854775808", text.toString());
    }

    @Test
    void shouldRoundFixedPointHalfAwayFromZero()
    {
        text.appendFixed(3.14159, 2).append(' ').appendFixed(-2.5, 0).append(' ').appendFixed(0.125, 2)
            .append(' ').appendFixed(16.6667, 1).append(' ').appendFixed(7, 3);
        assertEquals("3.14 -3 0.13 16.7 7.000", text.toString());
    }

    @Test
    void shouldDropTheSignOfAValueThatRoundsToZero()
    {
        text.appendFixed(-0.004, 2);
        assertEquals("0.00", text.toString());
    }

    @Test
    void shouldSpellNonFiniteAndHugeValues()
    {
        text.appendFixed(Double.NaN, 2).append(' ').appendFixed(Double.NEGATIVE_INFINITY, 1).append(' ')
            .appendFixed(1e300, 2);
        assertEquals("NaN -Infinity ##", text.toString());
    }

    @Test
    void shouldPadNumbersToAWidth()
    {
        text.append(7, 4, ' ').append('|').append(-7, 3, ' ').append('|').append(12345, 2, ' ');
        assertEquals("   7| -7|12345", text.toString());
    }

    @Test
    void shouldThrowNamingTheCapacityWhenFull()
    {
        final TextBuffer small = new TextBuffer(3);
        final IllegalStateException ex = assertThrows(IllegalStateException.class, () -> small.append(12345));
        assertEquals("TextBuffer capacity of 3 characters exceeded (0 held, 5 more): construct it with a larger capacity",
            ex.getMessage());
    }

    @Test
    void shouldFormatAHudLineWithoutAllocating() throws Exception
    {
        final AllocationGate.Body line = i ->
            text.clear().append("fps ").appendFixed(59.94 + i * 0.001, 1).append(" frame ").append(i)
                .append(" ms ").appendFixed(16.6 - i * 1e-4, 3);
        AllocationGate.assertSteadyZero("TextBuffer HUD line", 20_000, 10_000, line);
    }
}
