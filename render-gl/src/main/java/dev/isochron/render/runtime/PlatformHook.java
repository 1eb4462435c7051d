package dev.isochron.render.runtime;

/**
 * Runs on the platform (main) thread after each event poll of a windowed run, for the GLFW calls GLFW confines to
 * that thread: cursor modes, window attributes, or a test that injects input through the window's installed
 * callbacks. Not called in headless multi-threaded runs (the platform thread has no events to poll). Keep it
 * short and allocation-free: it delays event handling.
 */
@FunctionalInterface
public interface PlatformHook
{
    /**
     * @param windowHandle the GLFW window handle (0 when headless).
     * @param polls        event polls so far, this one included.
     */
    void afterPoll(long windowHandle, long polls);
}
