package dev.isochron.demo;

import dev.isochron.demo.chart.SeriesHistory;
import dev.isochron.demo.effects.EffectsScene;

/**
 * The demo scenes the launcher can start, by the names used on the command line.
 */
public enum SceneName
{
    /** 100,000 bouncing, rotating sprites from a procedural atlas, with pooled sparks. */
    SPRITES("sprites", 100_000, DemoRun.MAX_SPRITES, "sprites, bounded by the sprite batch"),
    /** Four series fed at 1 kHz each by a producer thread, a million points of history each. */
    CHART("chart", 1_000_000, SeriesHistory.MAX_CAPACITY, "points of history per series"),
    /** 100,000 rows with kinetic scrolling, hover and selection. */
    LIST("list", 100_000, Integer.MAX_VALUE, "rows"),
    /** Particle trails in a kept render target, a glow shader pass, additive sparks and a clipped panel (passes). */
    EFFECTS("effects", 2_000, EffectsScene.MAX_PARTICLES, "particles"),
    /** Another scene under a synthetic input storm (5,000-20,000 events/s). */
    STORM("storm", 100_000, Integer.MAX_VALUE, "of the scene under the storm");

    private final String cliName;
    private final int defaultCount;
    private final int maxCount;
    private final String countUnit;

    SceneName(final String cliName, final int defaultCount, final int maxCount, final String countUnit)
    {
        this.cliName = cliName;
        this.defaultCount = defaultCount;
        this.maxCount = maxCount;
        this.countUnit = countUnit;
    }

    /**
     * @return the largest {@code --count} the scene can run with: a limit of the runtime or of the scene's own
     * structures (memory is the other limit: the launcher reports running out of it, see {@link OutOfMemoryAdvice}).
     */
    public int maxCount()
    {
        return maxCount;
    }

    /** @return what {@code --count} counts in this scene, for messages. */
    public String countUnit()
    {
        return countUnit;
    }

    /** @return the name on the command line. */
    public String cliName()
    {
        return cliName;
    }

    /** @return the scene's size when {@code --count} is not given (sprites, points per series, rows). */
    public int defaultCount()
    {
        return defaultCount;
    }

    /**
     * @return the scene named {@code name} (as on the command line), or null when there is none.
     */
    public static SceneName byCliName(final String name)
    {
        final SceneName[] values = values();
        for (int i = 0; i < values.length; i++)
        {
            if (values[i].cliName.equals(name))
            {
                return values[i];
            }
        }
        return null;
    }

    /** @return the command-line names, comma-separated, for messages. */
    public static String cliNames()
    {
        final StringBuilder names = new StringBuilder();
        final SceneName[] values = values();
        for (int i = 0; i < values.length; i++)
        {
            if (i > 0)
            {
                names.append(", ");
            }
            names.append(values[i].cliName);
        }
        return names.toString();
    }
}
