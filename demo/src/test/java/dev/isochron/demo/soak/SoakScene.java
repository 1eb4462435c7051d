package dev.isochron.demo.soak;

/**
 * The demo scenes the soak runs, at small but real sizes for a 320x240 llvmpipe framebuffer, each under a synthetic
 * input storm: the three scenes at the storm scene's default rate (10,000 events/s), and the storm scene itself (the
 * list under the storm) at the top of its documented range (20,000 events/s).
 */
enum SoakScene
{
    /** 2,000 bouncing sprites plus the pooled sparks the storm's clicks and drags emit. */
    SPRITES("sprites", 2_000, 10_000),
    /** Four series fed at 1 kHz each by the chart's own producer thread, 100,000 points of history each. */
    CHART("chart", 100_000, 10_000),
    /** 100,000 rows with kinetic scrolling, hover and selection. */
    LIST("list", 100_000, 10_000),
    /** The list scene (100,000 rows) under 20,000 synthetic events per second. */
    STORM("storm", 100_000, 20_000);

    private final String cliName;
    private final int count;
    private final double inputRate;

    SoakScene(final String cliName, final int count, final double inputRate)
    {
        this.cliName = cliName;
        this.count = count;
        this.inputRate = inputRate;
    }

    /** @return the scene's name as the demo launcher spells it. */
    String cliName()
    {
        return cliName;
    }

    /** @return the scene's size: sprites, points of history per series, or rows. */
    int count()
    {
        return count;
    }

    /** @return synthetic input events per second. */
    double inputRate()
    {
        return inputRate;
    }

    /**
     * @return the scene of that launcher name.
     * @throws IllegalArgumentException naming the allowed names.
     */
    static SoakScene byCliName(final String name)
    {
        final SoakScene[] scenes = values();
        for (int i = 0; i < scenes.length; i++)
        {
            if (scenes[i].cliName.equals(name))
            {
                return scenes[i];
            }
        }
        throw new IllegalArgumentException("soak scene must be one of [sprites, chart, list, storm], was '" + name + "'");
    }
}
