package dev.isochron.render.runtime;

import dev.isochron.render.context.ContextKind;

/**
 * The checks the configuration contexts ({@link RuntimeConfig}, {@link MeasurementConfig}, {@link WindowConfig},
 * {@link BatchConfig}) share, and the checks of {@link RuntimeConfig#conclude()} that span them: each failure an
 * {@link IllegalArgumentException} naming the option, what it allows and the value given.
 * <p>
 * Threading: the thread that builds the configuration; start-up only.
 */
final class ConfigChecks
{
    private ConfigChecks()
    {
    }

    /**
     * @param value   the option's value.
     * @param name    the option's name.
     * @param allowed what it allows, for the message.
     * @return {@code value}, when it is not null.
     */
    static <T> T requireNonNull(final T value, final String name, final String allowed)
    {
        if (null == value)
        {
            throw new IllegalArgumentException(name + " must be " + allowed + ", was null");
        }
        return value;
    }

    /** @return {@code value}, when it is in [{@code min}, {@code max}]. */
    static int requireInRange(final String name, final int value, final int min, final int max)
    {
        if (value < min || value > max)
        {
            throw new IllegalArgumentException(name + " must be in [" + min + ", " + max + "], was " + value);
        }
        return value;
    }

    /**
     * Checks the options of {@code config} that constrain each other, its groups' own checks included, in the order
     * {@link RuntimeConfig#conclude()} documents.
     */
    static void concludeAll(final RuntimeConfig config)
    {
        config.loop().conclude();
        if (0.0 == config.loop().timeScale())
        {
            throw new IllegalArgumentException("loop timeScale must be > 0 for a run, was 0.0: a run renders its " +
                "first frame once its first tick has written the render state (see Application), and time scale 0 " +
                "runs no tick; nothing in a run changes the time scale later");
        }
        config.batches().conclude();
        final MeasurementConfig measurement = config.measurement();
        measurement.checkRecordAndReplay();
        if (RendererKind.NULL == config.renderer() && null != measurement.screenshotPath())
        {
            throw new IllegalArgumentException("screenshotPath needs renderer GL, was renderer NULL with " +
                "screenshotPath " + measurement.screenshotPath());
        }
        if (RendererKind.NULL == config.renderer() && ContextKind.WINDOW == config.context())
        {
            throw new IllegalArgumentException(
                "context WINDOW needs renderer GL, was renderer NULL; the null renderer never opens a window");
        }
        measurement.checkFilesAndFrames();
        config.window().conclude();
    }
}
