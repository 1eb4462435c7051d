package dev.isochron.engine.jfr;

import jdk.jfr.Category;
import jdk.jfr.Description;
import jdk.jfr.Label;
import jdk.jfr.Name;
import jdk.jfr.StackTrace;
import jdk.jfr.Timespan;

/**
 * One update of the fixed-step loop. The loop reports a tick after it ran, so JFR's own timestamps mark
 * that moment (duration about zero); the fields carry the tick's start and duration on the engine's clock.
 */
@Name(TickEvent.NAME)
@Label("Tick")
@Category({"Isochron", "Engine"})
@Description("One update of the fixed-step loop on the simulation thread")
@StackTrace(false)
public final class TickEvent extends jdk.jfr.Event
{
    /** The event's name in recordings. */
    public static final String NAME = "dev.isochron.Tick";

    @Label("Tick Index")
    @Description("Index of the tick since the loop started, from 0")
    long tickIndex;

    @Label("Start (engine clock)")
    @Description("Tick start on the engine's clock, ns")
    long tickStartNs;

    @Label("Update")
    @Description("Wall time the update took, on the engine's clock")
    @Timespan(Timespan.NANOSECONDS)
    long tickNs;
}
