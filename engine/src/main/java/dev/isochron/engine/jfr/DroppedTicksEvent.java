package dev.isochron.engine.jfr;

import jdk.jfr.Category;
import jdk.jfr.Description;
import jdk.jfr.Label;
import jdk.jfr.Name;
import jdk.jfr.StackTrace;

/** Catch-up was clamped and ticks were skipped. */
@Name(DroppedTicksEvent.NAME)
@Label("Dropped Ticks")
@Category({"Isochron", "Engine"})
@Description("The fixed-step loop skipped ticks because catch-up was clamped")
@StackTrace(false)
public final class DroppedTicksEvent extends jdk.jfr.Event
{
    /** The event's name in recordings. */
    public static final String NAME = "dev.isochron.DroppedTicks";

    @Label("Dropped Ticks")
    @Description("Ticks skipped now")
    long droppedTicks;
}
