package dev.isochron.render.runtime;

/** How the runtime places the simulation and the rendering on threads. */
public enum Threading
{
    /** Simulation and rendering on the caller's thread, one after the other each frame (deterministic, small apps). */
    SINGLE,
    /** Simulation thread and render thread (the default), the caller's thread pumps OS events. */
    MULTI
}
