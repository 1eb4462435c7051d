package dev.isochron.demo.list;

import dev.isochron.engine.testing.AllocationGate;
import dev.isochron.render.text.TextBuffer;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

class ListRowsTest
{
    @Test
    void shouldWriteTheSameRowTextInEngineAndNaiveMode()
    {
        final TextBuffer buffer = new TextBuffer(64);
        final int[] rows = {0, 1, 42, 999, 12_345, 99_999};
        for (final int row : rows)
        {
            assertEquals(ListRows.naiveText(row), ListRows.text(row, buffer).toString(), "row " + row);
        }
    }

    @Test
    void shouldPadTheRowNumberToSixDigits()
    {
        assertEquals("#000042", ListRows.text(42, new TextBuffer(64)).toString().substring(0, 7));
    }

    @Test
    void shouldWriteRowTextWithoutAllocating() throws Exception
    {
        final TextBuffer buffer = new TextBuffer(64);

        AllocationGate.assertSteadyZero("list row text", 20_000, 5_000, iteration -> ListRows.text(iteration, buffer));
    }
}
