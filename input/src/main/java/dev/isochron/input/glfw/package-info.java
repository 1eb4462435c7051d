/**
 * The GLFW adapter: callbacks that turn GLFW window events into input records, and joystick polling.
 * <p>
 * Threads: runs on the main (platform) thread only, as GLFW requires: callbacks fire inside
 * {@code glfwPollEvents}/{@code glfwWaitEvents} on that thread, and joystick/gamepad state is polled
 * there once per frame. Callback objects are made once; no callback allocates (file drops excepted,
 * see {@link dev.isochron.input.queue.FileDropInbox}).
 */
package dev.isochron.input.glfw;
