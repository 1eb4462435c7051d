package dev.isochron.render.runtime;

import dev.isochron.engine.thread.WorkerGroup;
import dev.isochron.render.batch.DrawBackend;
import dev.isochron.render.context.GlContext;

/**
 * The end of the render thread: releases the render workers, the resources the runtime made (fonts' atlases,
 * render targets, pass shaders), the draw backend and the context, in that order, recording each failure
 * ({@link Phase#RUNTIME}) and going on with the rest. Render thread, GL context current.
 */
final class RenderTearDown
{
    private RenderTearDown()
    {
    }

    /** Any of them may be null (not made, or no GL). */
    static void release(
        final FailureRecorder failures, final WorkerGroup workers, final RuntimeResources resources,
        final DrawBackend backend, final GlContext context)
    {
        if (null != workers)
        {
            try
            {
                workers.close();
            }
            catch (final Throwable ex)
            {
                failures.record(Phase.RUNTIME, ex);
            }
        }
        if (null != resources)
        {
            try
            {
                resources.close();
            }
            catch (final Throwable ex)
            {
                failures.record(Phase.RUNTIME, ex);
            }
        }
        if (null != backend)
        {
            try
            {
                backend.close();
            }
            catch (final Throwable ex)
            {
                failures.record(Phase.RUNTIME, ex);
            }
        }
        if (null != context)
        {
            try
            {
                context.disposeAndRelease();
            }
            catch (final Throwable ex)
            {
                failures.record(Phase.RUNTIME, ex);
            }
        }
    }
}
