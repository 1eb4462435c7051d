package dev.isochron.engine.metrics;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;

class LatencySinkTest
{
    @Test
    void shouldAcceptAnySampleWhenSinkIsNone()
    {
        assertDoesNotThrow(() -> LatencySink.NONE.recordLatencyNs(-1L));
    }
}
