package dev.isochron.perf.harness;

import org.junit.jupiter.api.Test;

import java.util.List;

import static dev.isochron.perf.harness.SyntheticReports.run;
import static dev.isochron.perf.harness.SyntheticReports.spec;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SummaryTableTest
{
    private static String render(final List<RunResult> runs)
    {
        return SummaryTable.render("Title", List.of("preset quick"), Aggregate.of(runs));
    }

    private static String lineStartingWith(final String markdown, final String prefix)
    {
        for (final String line : markdown.split("\n"))
        {
            if (line.startsWith(prefix))
            {
                return line;
            }
        }
        throw new AssertionError("no line starting with '" + prefix + "' in:\n" + markdown);
    }

    @Test
    void shouldWriteOneRowPerSceneConfigurationAndMode()
    {
        final String md = render(List.of(run(1, "sprites", "engine", 1, 4.0, 0.0), run(2, "sprites", "naive", 1, 40.0, 3000.0)));

        assertEquals("| sprites | single-g1 | G1 | engine | 1 | 1.00 | 4.00 | 8.00 | 12.00 | 125.0 | 0 (0/0/0) | 0.40 | " +
            "0/0/0/0/0 | 0 / 0.00 | 800 |", lineStartingWith(md, "| sprites | single-g1 | G1 | engine"));
        assertEquals("| sprites | single-g1 | G1 | naive | 1 | 10.00 | 40.00 | 80.00 | 120.00 | 12.5 | 3 (2/0/1) | 4.00 | " +
            "0/3000/0/0/0 | 4 / 12.00 | 800 |", lineStartingWith(md, "| sprites | single-g1 | G1 | naive"));
    }

    @Test
    void shouldWriteNaiveOverEngineRatios()
    {
        final String md = render(List.of(run(1, "sprites", "engine", 1, 4.0, 0.0), run(2, "sprites", "naive", 1, 40.0, 3000.0)));

        assertEquals("| sprites | single-g1 | 10.00x | 10.00x | 10.00x | 10.00x | 0.10x | n/a | n/a | 1.00x |",
            lineStartingWith(md, "| sprites | single-g1 | 10"));
    }

    @Test
    void shouldStateTheEngineAllocationVerdict()
    {
        final String clean = render(List.of(run(1, "list", "engine", 1, 4.0, 0.0)));
        assertTrue(clean.contains("- list single-g1: 0 bytes per frame on every thread in every run\n"), clean);

        final String dirty = render(List.of(run(1, "list", "engine", 1, 4.0, 24.0)));
        assertTrue(dirty.contains("- list single-g1: ALLOCATES in the measured window (see the table)\n"), dirty);
    }

    @Test
    void shouldListFailedRunsWithTheirReason()
    {
        final RunResult failed = new RunResult(spec(2, "list", "naive", 1), null, null, 1, 1.0, "demo exited 1: boom",
            null, null, null);
        final String md = render(List.of(run(1, "list", "engine", 1, 4.0, 0.0), failed));

        assertTrue(md.contains("## Failed runs\n\n- 02-list-single-g1-naive-r1: demo exited 1: boom\n"), md);
        assertTrue(md.contains("| list | single-g1 | n/a | naive | 0 (+1 failed) | n/a |"), md);
    }

    @Test
    void shouldPrintNotesAsBullets()
    {
        assertTrue(render(List.of()).startsWith("# Title\n\n- preset quick\n\n"));
    }

    @Test
    void shouldFormatMissingAndFractionalFigures()
    {
        assertEquals("n/a", SummaryTable.ms(Double.NaN));
        assertEquals("n/a", SummaryTable.ratio(Double.POSITIVE_INFINITY));
        assertEquals("2.5", SummaryTable.count(2.5));
        assertEquals("3", SummaryTable.count(3.0));
    }

    @Test
    void shouldNeverPrintANonZeroAllocationAsZero()
    {
        assertEquals("0", SummaryTable.bytes(0.0));
        assertEquals("<0.1", SummaryTable.bytes(0.04));
        assertEquals("0.6", SummaryTable.bytes(0.6421));
        assertEquals("176583", SummaryTable.bytes(176582.8));
    }
}
