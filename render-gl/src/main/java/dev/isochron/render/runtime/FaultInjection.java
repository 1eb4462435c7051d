package dev.isochron.render.runtime;

/**
 * Test seam: faults the reliability tests inject into a run where no real fault can be provoked on demand (a render
 * worker's slice that throws or stalls, a GL context reset that llvmpipe never reports). Package-private: set through
 * {@code RuntimeConfig.faults()} by tests in this package; a production run has none (every hook null).
 * <p>
 * Threading: configured before the run; each hook runs on the thread named in its javadoc.
 */
final class FaultInjection
{
    /** Runs on the thread of a render slice, before the slice fills its vertices. */
    @FunctionalInterface
    interface SliceFault
    {
        /**
         * @param sliceIndex the slice (0 runs on the render thread, k on worker k - 1).
         * @param sliceCount slices per frame.
         * @param frameIndex the frame.
         */
        void beforeSlice(int sliceIndex, int sliceCount, long frameIndex);
    }

    /** Runs on the render thread once the frame's vertices are written, before they are drawn. */
    @FunctionalInterface
    interface VertexFault
    {
        /**
         * @param vertexMemory where the frame's vertex memory starts (its first reservation).
         * @param vertexBytes  the frame's vertex memory's length (every batch's capacity, 80 bytes a quad).
         * @param frameIndex   the frame.
         */
        void afterVertices(long vertexMemory, long vertexBytes, long frameIndex);
    }

    private SliceFault sliceFault;
    private VertexFault vertexFault;
    private ResetStatusSource resetStatus;

    /** @param sliceFault runs before each render slice, or null. */
    FaultInjection sliceFault(final SliceFault sliceFault)
    {
        this.sliceFault = sliceFault;
        return this;
    }

    /** @param vertexFault runs on the render thread after each frame's vertices are written, or null. */
    FaultInjection vertexFault(final VertexFault vertexFault)
    {
        this.vertexFault = vertexFault;
        return this;
    }

    /** @param resetStatus replaces the GL query of the context's reset status, or null for the real one. */
    FaultInjection resetStatus(final ResetStatusSource resetStatus)
    {
        this.resetStatus = resetStatus;
        return this;
    }

    SliceFault sliceFault()
    {
        return sliceFault;
    }

    VertexFault vertexFault()
    {
        return vertexFault;
    }

    ResetStatusSource resetStatus()
    {
        return resetStatus;
    }
}
