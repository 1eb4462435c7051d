package dev.isochron.render.runtime;

import dev.isochron.render.context.GlContext;
import dev.isochron.render.screenshot.Screenshot;

import java.nio.file.Path;

/**
 * The run's screenshot ({@link MeasurementConfig#screenshotPath}): a window's last frame is captured before its swap;
 * a headless context's after the loop, from the framebuffer that keeps it, so that the read-back and PNG encoding are
 * not counted as the last frame's allocation. Render thread.
 */
final class FrameCapture
{
    private final MeasurementConfig measurement;
    private final GlContext context;
    private final ExitSignal exit;
    private boolean captureRequested;
    private boolean captured;

    FrameCapture(final MeasurementConfig measurement, final GlContext context, final ExitSignal exit)
    {
        this.measurement = measurement;
        this.context = context;
        this.exit = exit;
    }

    /** @return whether frame {@code index} is to be captured before its swap (a GL context is there). */
    boolean isCaptureFrame(final long index)
    {
        if (null == measurement.screenshotPath() || captured)
        {
            return false;
        }
        if (captureRequested)
        {
            return true;
        }
        if (context.isHeadless())
        {
            // the FBO keeps the last frame: captureAfterLoop reads it once the measured window has ended,
            // so the read-back and PNG encoding are not counted as the last frame's allocation
            return false;
        }
        final long limit = measurement.frames();
        return (limit > 0 && index + 1 >= limit) || (exit.isSet() && !exit.isFailed());
    }

    void capture()
    {
        final Path path = measurement.screenshotPath();
        Screenshot.write(context, path);
        captured = true;
    }

    /** @return whether a screenshot is configured and not yet written. */
    boolean needsScreenshot()
    {
        return null != measurement.screenshotPath() && null != context && !captured;
    }

    /**
     * After the loop ({@code frames} rendered): writes the screenshot of a headless context's last frame (its FBO keeps it); a window's back
     * buffer is undefined after the swap, so it asks for the next frame to be captured and returns false.
     *
     * @return whether the screenshot was written.
     */
    boolean captureAfterLoop(final long frames)
    {
        if (context.isHeadless() && frames > 0)
        {
            capture();
            return true;
        }
        captureRequested = true;
        return false;
    }
}
