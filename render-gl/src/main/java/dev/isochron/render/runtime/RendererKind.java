package dev.isochron.render.runtime;

/** What draws the frame's batches. */
public enum RendererKind
{
    /** OpenGL through a window or a headless EGL context. */
    GL,
    /**
     * The same pipeline (sorting, vertex generation by workers, batching) into off-heap memory with no GL context
     * and no draw calls: runs anywhere, measures the engine's own CPU cost.
     */
    NULL
}
