package dev.isochron.render.gl;

/**
 * Driver defects Isochron works around, each named by what it breaks, with the renderers it applies to.
 * <p>
 * Thread: any (pure functions of the renderer string); start-up only.
 */
public final class DriverWorkarounds
{
    private DriverWorkarounds()
    {
    }

    /**
     * Mesa llvmpipe frees a fence while its rasterizer thread is still signalling it (seen on Mesa 22.3.6, Debian 12,
     * with {@code LP_NUM_THREADS} of 1 or more): {@code lp_fence_signal} increments the fence's count, then
     * broadcasts its condition variable and unlocks its mutex, all under that mutex; {@code glClientWaitSync} (and
     * {@code glGetSynciv}) on the render thread reads the count without the mutex ({@code lp_fence_signalled}), and
     * on a match drops the sync object's reference to the fence inside the call; when that was the last reference the
     * fence is freed ({@code lp_fence_destroy}) while the rasterizer is still between the increment and the unlock, and
     * its broadcast and unlock write into the freed chunk. The C heap is then corrupt: the next {@code malloc} on the
     * render thread (the next {@code glFenceSync} allocates the next fence) crashes in glibc's {@code _int_malloc} or
     * {@code unlink_chunk}, and HotSpot's error report hangs in {@code malloc} too. A frame loop that fences every frame
     * and polls each fence a few frames later (the persistent ring's pattern) crashes within about a million fences;
     * with {@code LP_NUM_THREADS=0} (no rasterizer thread), without fences, or with a second sync object keeping the
     * fence referenced, it does not. docs/reliability.md has the evidence.
     *
     * @param glRenderer the context's {@code GL_RENDERER}.
     * @return whether per-frame fences on this renderer can corrupt the C heap (stream vertices without them).
     */
    public static boolean fenceRace(final String glRenderer)
    {
        return null != glRenderer && glRenderer.startsWith("llvmpipe");
    }

    /**
     * Mesa's CPU rasterisers (llvmpipe, softpipe) run an instanced draw through their draw module one instance at a
     * time ({@code draw_instances} in {@code src/gallium/auxiliary/draw/draw_pt.c} calls the whole vertex pipeline per
     * instance), so 10,000 four-vertex sprite instances cost 10,000 pipeline runs on the submitting thread: measured
     * on llvmpipe at 10,000 sprites, 5.2-5.4 ms of submit against 3.8-3.9 ms for the same sprites as one draw of
     * CPU-made vertices (docs/perf.md).
     *
     * @param glRenderer the context's {@code GL_RENDERER}; null for the null renderer.
     * @return whether instanced sprites cost more than vertices on this renderer.
     */
    public static boolean perInstanceDraws(final String glRenderer)
    {
        return null != glRenderer && (glRenderer.startsWith("llvmpipe") || glRenderer.startsWith("softpipe"));
    }
}
