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

    private SliceFault sliceFault;
    private ResetStatusSource resetStatus;

    /** @param sliceFault runs before each render slice, or null. */
    FaultInjection sliceFault(final SliceFault sliceFault)
    {
        this.sliceFault = sliceFault;
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

    ResetStatusSource resetStatus()
    {
        return resetStatus;
    }
}
