package dev.isochron.engine.jfr;

import jdk.jfr.Category;
import jdk.jfr.Description;
import jdk.jfr.Label;
import jdk.jfr.Name;
import jdk.jfr.StackTrace;
import jdk.jfr.Timespan;

/**
 * One frame's work on the render thread. JFR's own start and duration span {@code onFrameStart} to
 * {@code onFrameEnd} on the JVM's ticks clock; the fields carry the same frame on the engine's clock.
 * No stack trace: it would cost a walk per frame and say nothing (the frame loop is always the caller).
 */
@Name(FrameEvent.NAME)
@Label("Frame")
@Category({"Isochron", "Engine"})
@Description("The work of one frame on the render thread (pacing waits excluded)")
@StackTrace(false)
public final class FrameEvent extends jdk.jfr.Event
{
    /** The event's name in recordings. */
    public static final String NAME = "dev.isochron.Frame";

    @Label("Frame Index")
    @Description("Frames started since the observer was made, from 0")
    long frameIndex;

    @Label("Start (engine clock)")
    @Description("Frame start on the engine's clock, ns")
    long frameStartNs;

    @Label("Work")
    @Description("From the frame's start to the end of its work, on the engine's clock")
    @Timespan(Timespan.NANOSECONDS)
    long workNs;

    @Label("State Age")
    @Description("How old the simulation state drawn by the frame was at its start (0 single-threaded)")
    @Timespan(Timespan.NANOSECONDS)
    long stateAgeNs;
}
