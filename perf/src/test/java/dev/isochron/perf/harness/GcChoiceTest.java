package dev.isochron.perf.harness;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class GcChoiceTest
{
    @Test
    void shouldParseNamesCaseInsensitively()
    {
        assertEquals(GcChoice.G1, GcChoice.parse("g1"));
        assertEquals(GcChoice.PARALLEL, GcChoice.parse("Parallel"));
        assertEquals(GcChoice.ZGC, GcChoice.parse(" ZGC "));
    }

    @Test
    void shouldRefuseAnUnknownCollectorNamingTheChoices()
    {
        final IllegalArgumentException ex = assertThrows(IllegalArgumentException.class, () -> GcChoice.parse("cms"));
        assertEquals("--gc must be one of g1, parallel, zgc, was 'cms'", ex.getMessage());
    }

    @Test
    void shouldAskForGenerationalZgcOnlyOnJdk21To23()
    {
        assertEquals(List.of("-XX:+UseZGC"), GcChoice.ZGC.jvmFlags(17));
        assertEquals(List.of("-XX:+UseZGC", "-XX:+ZGenerational"), GcChoice.ZGC.jvmFlags(21));
        assertEquals(List.of("-XX:+UseZGC", "-XX:+ZGenerational"), GcChoice.ZGC.jvmFlags(23));
        assertEquals(List.of("-XX:+UseZGC"), GcChoice.ZGC.jvmFlags(24));
    }

    @Test
    void shouldSelectG1AndParallelWithOneFlag()
    {
        assertEquals(List.of("-XX:+UseG1GC"), GcChoice.G1.jvmFlags(21));
        assertEquals(List.of("-XX:+UseParallelGC"), GcChoice.PARALLEL.jvmFlags(17));
    }
}
