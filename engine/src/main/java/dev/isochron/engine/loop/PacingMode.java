package dev.isochron.engine.loop;

/**
 * How the frame loop waits between frames.
 */
public enum PacingMode
{
    /** No wait: the next frame starts as soon as the previous one ends. */
    UNCAPPED,

    /** Wait until the next deadline of a fixed frame period: park, then spin the last stretch (see {@link FramePacer}). */
    TARGET_FPS,

    /** No wait in the loop: the buffer swap waits for the display's vertical blank. */
    VSYNC
}
