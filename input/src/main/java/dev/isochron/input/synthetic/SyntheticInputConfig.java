package dev.isochron.input.synthetic;

/**
 * Which streams a {@link SyntheticInputSource} injects and how fast: fluent setters validated when
 * set. Every rate is in events per second; 0 turns a stream off. Defaults: a 1000 Hz mouse drag along
 * a Lissajous path, everything else off, seed 1.
 * <p>
 * Thread: configure before constructing the source, which copies what it needs.
 */
public final class SyntheticInputConfig
{
    /** Highest rate accepted for one stream. */
    public static final double MAX_RATE_HZ = 1_000_000;

    private long seed = 1;
    private double mouseDragHz = 1000;
    private int strokeMoves = 240;
    private double pathCenterX = 640;
    private double pathCenterY = 360;
    private double pathRadius = 200;
    private double scrollStormHz;
    private double keyMashHz;
    private double textHz;
    private int[] text = "The quick brown fox jumps over the lazy dog. ".codePoints().toArray();
    private int maxEventsPerWork = 4096;

    /**
     * @param seed seeds the random choices (keys mashed, scroll directions); same seed, same streams.
     * @return this.
     */
    public SyntheticInputConfig seed(final long seed)
    {
        this.seed = seed;
        return this;
    }

    /**
     * @param mouseDragHz cursor moves per second of the mouse drag stream: left button pressed, moved along
     *                    a Lissajous path for {@link #strokeMoves(int)} moves, released, and again.
     * @return this.
     */
    public SyntheticInputConfig mouseDragHz(final double mouseDragHz)
    {
        this.mouseDragHz = rate("mouseDragHz", mouseDragHz);
        return this;
    }

    /**
     * @param strokeMoves moves per drag stroke, in [1, 1000000].
     * @return this.
     */
    public SyntheticInputConfig strokeMoves(final int strokeMoves)
    {
        if (strokeMoves < 1 || strokeMoves > 1_000_000)
        {
            throw new IllegalArgumentException("strokeMoves must be in [1, 1000000], was " + strokeMoves);
        }
        this.strokeMoves = strokeMoves;
        return this;
    }

    /**
     * @param centerX path centre x, screen coordinates.
     * @param centerY path centre y, screen coordinates.
     * @param radius  path radius, screen coordinates, finite and >= 0.
     * @return this.
     */
    public SyntheticInputConfig path(final double centerX, final double centerY, final double radius)
    {
        if (!Double.isFinite(centerX) || !Double.isFinite(centerY) || !(radius >= 0) || !Double.isFinite(radius))
        {
            throw new IllegalArgumentException("path centre must be finite and radius finite and >= 0, was (" + centerX +
                ", " + centerY + ") radius " + radius);
        }
        pathCenterX = centerX;
        pathCenterY = centerY;
        pathRadius = radius;
        return this;
    }

    /**
     * @param scrollStormHz scroll events per second (vertical, ±1 at random, occasionally horizontal).
     * @return this.
     */
    public SyntheticInputConfig scrollStormHz(final double scrollStormHz)
    {
        this.scrollStormHz = rate("scrollStormHz", scrollStormHz);
        return this;
    }

    /**
     * @param keyMashHz key events per second: presses of random letter keys, each released by the next event.
     * @return this.
     */
    public SyntheticInputConfig keyMashHz(final double keyMashHz)
    {
        this.keyMashHz = rate("keyMashHz", keyMashHz);
        return this;
    }

    /**
     * @param textHz code points typed per second, cycling through {@link #text(String)}.
     * @return this.
     */
    public SyntheticInputConfig textHz(final double textHz)
    {
        this.textHz = rate("textHz", textHz);
        return this;
    }

    /**
     * @param text what the text stream types, cycled; not empty.
     * @return this.
     */
    public SyntheticInputConfig text(final String text)
    {
        if (text == null || text.isEmpty())
        {
            throw new IllegalArgumentException("text must not be empty");
        }
        this.text = text.codePoints().toArray();
        return this;
    }

    /**
     * @param maxEventsPerWork most events one stream emits per duty cycle, in [1, 1000000]: a source that
     *                         fell further behind (a stall) skips the missed events and resynchronises.
     * @return this.
     */
    public SyntheticInputConfig maxEventsPerWork(final int maxEventsPerWork)
    {
        if (maxEventsPerWork < 1 || maxEventsPerWork > 1_000_000)
        {
            throw new IllegalArgumentException("maxEventsPerWork must be in [1, 1000000], was " + maxEventsPerWork);
        }
        this.maxEventsPerWork = maxEventsPerWork;
        return this;
    }

    long seed()
    {
        return seed;
    }

    double mouseDragHz()
    {
        return mouseDragHz;
    }

    int strokeMoves()
    {
        return strokeMoves;
    }

    double pathCenterX()
    {
        return pathCenterX;
    }

    double pathCenterY()
    {
        return pathCenterY;
    }

    double pathRadius()
    {
        return pathRadius;
    }

    double scrollStormHz()
    {
        return scrollStormHz;
    }

    double keyMashHz()
    {
        return keyMashHz;
    }

    double textHz()
    {
        return textHz;
    }

    int[] text()
    {
        return text.clone();
    }

    int maxEventsPerWork()
    {
        return maxEventsPerWork;
    }

    private static double rate(final String name, final double hz)
    {
        if (!(hz >= 0 && hz <= MAX_RATE_HZ))
        {
            throw new IllegalArgumentException(name + " must be in [0, " + MAX_RATE_HZ + "], was " + hz);
        }
        return hz;
    }
}
