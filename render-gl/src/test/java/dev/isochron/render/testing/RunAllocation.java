package dev.isochron.render.testing;

import dev.isochron.engine.metrics.RunReport;
import dev.isochron.engine.metrics.ThreadRole;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The runtime tests' one check of a measured run's allocation: the measured frames, and 0 B/frame on every role. */
public final class RunAllocation
{
    private RunAllocation()
    {
    }

    /**
     * Asserts that the report measured {@code measuredFrames} frames and that every engine thread role allocated 0
     * bytes per frame in them; a failure names the role and shows the whole report.
     */
    public static void assertZeroPerFrame(final RunReport report, final int measuredFrames)
    {
        assertEquals(measuredFrames, report.frames(), "measured frames");
        final ThreadRole[] roles = ThreadRole.values();
        for (int i = 0; i < roles.length; i++)
        {
            assertEquals(0.0, report.allocBytesPerFrame(roles[i]), "bytes per frame on " + roles[i].reportKey() +
                " threads: " + report.toJson());
        }
    }
}
