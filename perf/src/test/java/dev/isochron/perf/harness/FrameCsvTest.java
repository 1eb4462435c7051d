package dev.isochron.perf.harness;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class FrameCsvTest
{
    @Test
    void shouldReadTheFrameTimeColumnNamedInTheHeader()
    {
        assertArrayEquals(new double[]{16.5, 17.25},
            FrameCsv.parse("f.csv", List.of("frame,startNs,frameMs,stall", "0,100,16.5,0", "1,200,17.25,0")));
    }

    @Test
    void shouldConvertANanosecondFrameColumnToMilliseconds()
    {
        assertArrayEquals(new double[]{30.314424, 2.5},
            FrameCsv.parse("f.csv", List.of("frame,startNs,frameNs,updateNs,renderNs,stateAgeNs,stall",
                "0,6372599044839,30314424,4755486,25548462,0,render", "1,6372629359263,2500000,18179064,15274440,0,")),
            1e-12);
    }

    @Test
    void shouldPreferAMillisecondColumnOverANanosecondOne()
    {
        assertArrayEquals(new double[]{4.0}, FrameCsv.parse("f.csv", List.of("frameNs,frameMs", "4000000,4.0")));
    }

    @Test
    void shouldReadAColumnNamedMs()
    {
        assertArrayEquals(new double[]{3.0}, FrameCsv.parse("f.csv", List.of("index,ms", "0,3.0")));
    }

    @Test
    void shouldReadASingleColumnWithoutHeaderAndSkipBlankLines()
    {
        assertArrayEquals(new double[]{1.5, 2.5}, FrameCsv.parse("f.csv", List.of("", "1.5", "", "2.5", "")));
    }

    @Test
    void shouldRefuseSeveralColumnsWithoutHeader()
    {
        final IllegalArgumentException ex = assertThrows(IllegalArgumentException.class,
            () -> FrameCsv.parse("f.csv", List.of("1,2", "3,4")));
        assertEquals("frame CSV f.csv has 2 columns and no header: name the frame-time column (e.g. frameMs)", ex.getMessage());
    }

    @Test
    void shouldRefuseAHeaderWithoutFrameTimeColumn()
    {
        final IllegalArgumentException ex = assertThrows(IllegalArgumentException.class,
            () -> FrameCsv.parse("f.csv", List.of("a,b", "1,2")));
        assertEquals("frame CSV f.csv has no frame-time column (frameMs, ms, frameNs or ns); header was 'a,b'",
            ex.getMessage());
    }

    @Test
    void shouldNameTheLineOfAValueThatIsNotANumber()
    {
        final IllegalArgumentException ex = assertThrows(IllegalArgumentException.class,
            () -> FrameCsv.parse("f.csv", List.of("frameMs", "1.0", "oops")));
        assertEquals("frame CSV f.csv line 3: expected a number in column 1, was 'oops'", ex.getMessage());
    }

    @Test
    void shouldRefuseAnEmptyFile()
    {
        assertThrows(IllegalArgumentException.class, () -> FrameCsv.parse("f.csv", List.of("", " ")));
    }
}
