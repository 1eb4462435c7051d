package dev.isochron.render.runtime;

/**
 * The frame's four batches (the world sprite and shape batches, the two HUD batches): how many quads each holds, how
 * the GL renderer streams their vertices and how it draws the world's sprites. Reached through
 * {@link RuntimeConfig#batches()} (whose {@code spriteCapacity}, {@code shapeCapacity}, {@code hudCapacity},
 * {@code vertexStreaming} and {@code spritePath} setters are shorthands for these); a fluent context like it, whose
 * setters check each value as it is given and whose {@link #conclude()} (called by {@link RuntimeConfig#conclude()})
 * checks their sum, both throwing {@link IllegalArgumentException} naming the option, its allowed range and the value
 * given.
 * <p>
 * Why capacities: every batch is preallocated at start-up, so that recording a frame never allocates; a batch never
 * grows, and a frame that records more quads than one holds fails naming its capacity.
 * <p>
 * Threading: build on one thread, then hand to {@code Isochron.run} with its {@link RuntimeConfig}, which reads it
 * once at start-up.
 */
public final class BatchConfig
{
    /** Default capacity of the world sprite batch, in quads. */
    public static final int DEFAULT_SPRITE_CAPACITY = 16_384;
    /** Default capacity of the world shape batch, in quads. */
    public static final int DEFAULT_SHAPE_CAPACITY = 16_384;
    /** Default capacity of each HUD batch, in quads. */
    public static final int DEFAULT_HUD_CAPACITY = 8_192;
    /** Largest batch capacity accepted, in quads. */
    public static final int MAX_BATCH_CAPACITY = 4_000_000;
    /** Most quads one frame may hold over all four batches (the GL backend's vertex memory limit). */
    public static final int MAX_TOTAL_QUADS = 1 << 22;

    private int spriteCapacity = DEFAULT_SPRITE_CAPACITY;
    private int shapeCapacity = DEFAULT_SHAPE_CAPACITY;
    private int hudCapacity = DEFAULT_HUD_CAPACITY;
    private VertexStreaming vertexStreaming = VertexStreaming.AUTO;
    private SpritePath spritePath = SpritePath.AUTO;

    /**
     * @param spriteCapacity quads the world sprite batch holds (text included), in [1, 4000000].
     * @return this.
     */
    public BatchConfig spriteCapacity(final int spriteCapacity)
    {
        this.spriteCapacity = ConfigChecks.requireInRange("spriteCapacity", spriteCapacity, 1, MAX_BATCH_CAPACITY);
        return this;
    }

    /**
     * @param shapeCapacity quads the world shape batch holds, in [1, 4000000].
     * @return this.
     */
    public BatchConfig shapeCapacity(final int shapeCapacity)
    {
        this.shapeCapacity = ConfigChecks.requireInRange("shapeCapacity", shapeCapacity, 1, MAX_BATCH_CAPACITY);
        return this;
    }

    /**
     * @param hudCapacity quads each HUD batch holds, in [1, 4000000].
     * @return this.
     */
    public BatchConfig hudCapacity(final int hudCapacity)
    {
        this.hudCapacity = ConfigChecks.requireInRange("hudCapacity", hudCapacity, 1, MAX_BATCH_CAPACITY);
        return this;
    }

    /**
     * @param vertexStreaming how the GL renderer streams each frame's vertices: {@link VertexStreaming#AUTO} (default:
     *                        the persistent-mapped ring, which the render workers write directly, except on Mesa's
     *                        llvmpipe, whose fences are unsafe to poll and free every frame, where it uploads from
     *                        staging memory), {@link VertexStreaming#RING} or {@link VertexStreaming#STAGING}. The run
     *                        report says which was used ({@code persistentVertexRing}).
     * @return this.
     */
    public BatchConfig vertexStreaming(final VertexStreaming vertexStreaming)
    {
        this.vertexStreaming = ConfigChecks.requireNonNull(vertexStreaming, "vertexStreaming", "AUTO, RING, STAGING");
        return this;
    }

    /**
     * @param spritePath how the world sprite batch ({@code Frame.sprites()}, text drawn into it included) is drawn:
     *                   {@link SpritePath#AUTO} (default: one 32-byte instance record per sprite, the corners built and
     *                   rotated by the vertex shader, except on Mesa's CPU rasterisers, which run an instanced draw
     *                   once per instance, where it makes vertices), {@link SpritePath#INSTANCED} or
     *                   {@link SpritePath#VERTICES}. Recording is the same either way. The run report's
     *                   {@code instancedSprites} says which path drew.
     * @return this.
     */
    public BatchConfig spritePath(final SpritePath spritePath)
    {
        this.spritePath = ConfigChecks.requireNonNull(spritePath, "spritePath", "AUTO, INSTANCED, VERTICES");
        return this;
    }

    /**
     * Refuses capacities whose sum the GL backend's vertex memory cannot hold, before anything is started.
     *
     * @return this.
     * @throws IllegalArgumentException naming the options, the limit and the sum.
     */
    public BatchConfig conclude()
    {
        final long quads = (long)spriteCapacity + shapeCapacity + 2L * hudCapacity;
        if (quads > MAX_TOTAL_QUADS)
        {
            throw new IllegalArgumentException("spriteCapacity + shapeCapacity + 2 x hudCapacity must be <= " +
                MAX_TOTAL_QUADS + " quads per frame, was " + quads + "; lower the batch capacities");
        }
        return this;
    }

    /** @return the world sprite batch capacity. */
    public int spriteCapacity()
    {
        return spriteCapacity;
    }

    /** @return the world shape batch capacity. */
    public int shapeCapacity()
    {
        return shapeCapacity;
    }

    /** @return each HUD batch's capacity. */
    public int hudCapacity()
    {
        return hudCapacity;
    }

    /** @return how the GL renderer streams its vertices. */
    public VertexStreaming vertexStreaming()
    {
        return vertexStreaming;
    }

    /** @return how the world sprite batch is drawn ({@link #spritePath(SpritePath)}). */
    public SpritePath spritePath()
    {
        return spritePath;
    }
}
