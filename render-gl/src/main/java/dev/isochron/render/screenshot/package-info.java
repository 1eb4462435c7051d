/**
 * Screenshots: the frame read back from the window's back buffer or a framebuffer object and written as PNG
 * encoded into memory by stb_image_write, top row first, and written whole or not at all (AtomicFileWriter).
 * <p>
 * Threads: the render thread, with the context current. Taking a screenshot waits for the GPU and
 * allocates native memory for the image; it is an occasional action (a key press, a test), not per frame.
 */
package dev.isochron.render.screenshot;
