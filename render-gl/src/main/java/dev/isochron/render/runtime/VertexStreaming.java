package dev.isochron.render.runtime;

/**
 * How the GL renderer streams each frame's vertices to the driver ({@link RuntimeConfig#vertexStreaming}).
 */
public enum VertexStreaming
{
    /**
     * The persistent-mapped ring where the driver offers it and it is safe, staging memory otherwise: on Mesa's
     * llvmpipe the ring's per-frame fences make llvmpipe free a fence its rasterizer thread is still signalling, which
     * corrupts the C heap ({@link dev.isochron.render.gl.DriverWorkarounds#fenceRace}), so AUTO stages there.
     */
    AUTO,
    /**
     * The persistent-mapped ring wherever the driver offers {@code ARB_buffer_storage}: the render workers write the
     * memory GL reads, one fence per frame guards each segment. Staging memory where the driver lacks it.
     */
    RING,
    /** Off-heap staging memory uploaded once per frame ({@code glBufferSubData} into an orphaned buffer); no fences. */
    STAGING
}
