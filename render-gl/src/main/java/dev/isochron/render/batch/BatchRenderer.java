package dev.isochron.render.batch;

import org.joml.Matrix4fc;

/**
 * Draws {@link QuadSource}s (sprite batches, shape batches, text) through a {@link DrawBackend}:
 * one draw call per texture run (runs longer than {@link QuadVertexLayout#MAX_QUADS_PER_DRAW}
 * are split; an {@link QuadSource#instanced() instanced} source draws each run in one instanced
 * call, since records need no index buffer).
 * <p>
 * Single-threaded use: {@link #beginFrame(Matrix4fc)}, {@link #render(QuadSource)} per source in
 * painter's order, {@link #endFrame()}. With render workers: {@link #reserve(QuadSource)} on the
 * render thread (prepares the source and returns its vertex address), workers call
 * {@code source.generate(slice, sliceCount, address)}, then {@link #draw(QuadSource, long)} on
 * the render thread once every slice is written. The GL backend issues the frame's draws at
 * {@link #endFrame()}, so pixels are there after it returns.
 * <p>
 * Render thread only; allocation-free.
 */
public final class BatchRenderer
{
    private final DrawBackend backend;
    private long frameDrawCalls;
    private long frameQuads;

    /**
     * @param backend GL or null backend; owned by the caller.
     */
    public BatchRenderer(final DrawBackend backend)
    {
        if (backend == null)
        {
            throw Messages.nullBackend();
        }
        this.backend = backend;
    }

    /** @return the backend. */
    public DrawBackend backend()
    {
        return backend;
    }

    /** Starts a frame drawn with {@code projection}. Allocation-free. */
    public void beginFrame(final Matrix4fc projection)
    {
        frameDrawCalls = 0;
        frameQuads = 0;
        backend.beginFrame(projection);
    }

    /**
     * Switches the projection for the sources drawn next in this frame, e.g. from the world
     * camera's to a pixel-space one for the HUD. Allocation-free.
     */
    public void projection(final Matrix4fc projection)
    {
        backend.projection(projection);
    }

    /**
     * Prepares {@code source} (sort, runs) and reserves its vertex memory: quads, or records when the
     * source is {@link QuadSource#instanced() instanced} this frame. Allocation-free.
     *
     * @return the address to pass to {@code source.generate(...)} and to {@link #draw}.
     */
    public long reserve(final QuadSource source)
    {
        source.prepare();
        return source.instanced() ? backend.reserveInstances(source.quadCount()) :
            backend.reserveQuads(source.quadCount());
    }

    /**
     * Commits the vertices written at {@code address} and draws {@code source}'s runs.
     * Allocation-free.
     */
    public void draw(final QuadSource source, final long address)
    {
        final int quads = source.quadCount();
        if (quads == 0)
        {
            return;
        }
        final boolean instanced = source.instanced();
        if (!instanced)
        {
            backend.commitQuads(address, quads);
        }
        for (int r = 0, runs = source.runCount(); r < runs; r++)
        {
            drawPart(instanced, address, source.runTextureKey(r), source.runFirstQuad(r), source.runQuadCount(r));
        }
    }

    /**
     * As {@link #draw(QuadSource, long)}, with each quad clipped by its clip in {@code clips}: a run is drawn in parts
     * over which the clip stays the same, each after its clip's scissor state (the first part always applies its
     * clip). Null {@code clips} draws as {@link #draw(QuadSource, long)}. Allocation-free.
     */
    public void draw(final QuadSource source, final long address, final QuadClips clips)
    {
        if (null == clips)
        {
            draw(source, address);
            return;
        }
        final int quads = source.quadCount();
        if (quads == 0)
        {
            return;
        }
        final boolean instanced = source.instanced();
        if (!instanced)
        {
            backend.commitQuads(address, quads);
        }
        final DrawCommands commands = backend.commands();
        boolean applied = false;
        int clip = 0;
        for (int r = 0, runs = source.runCount(); r < runs; r++)
        {
            final int texture = source.runTextureKey(r);
            final int end = source.runFirstQuad(r) + source.runQuadCount(r);
            int first = source.runFirstQuad(r);
            while (first < end)
            {
                final int c = clips.clipOf(first);
                int last = first + 1;
                while (last < end && clips.clipOf(last) == c)
                {
                    last++;
                }
                if (!applied || c != clip)
                {
                    clips.apply(c, commands);
                    clip = c;
                    applied = true;
                }
                drawPart(instanced, address, texture, first, last - first);
                first = last;
            }
        }
    }

    private void drawPart(final boolean instanced, final long address, final int texture, final int start, final int count)
    {
        if (instanced)
        {
            backend.drawInstances(address, texture, start, count);
            frameDrawCalls++;
            frameQuads += count;
            return;
        }
        int first = start;
        int remaining = count;
        while (remaining > 0)
        {
            final int n = Math.min(remaining, QuadVertexLayout.MAX_QUADS_PER_DRAW);
            backend.drawQuads(address, texture, first, n);
            frameDrawCalls++;
            frameQuads += n;
            first += n;
            remaining -= n;
        }
    }

    /** Reserves, generates on the calling thread as one slice, and draws. Allocation-free. */
    public void render(final QuadSource source)
    {
        final long address = reserve(source);
        source.generate(0, 1, address);
        draw(source, address);
    }

    /** Ends the frame. Allocation-free. */
    public void endFrame()
    {
        backend.endFrame();
    }

    /** @return draw calls issued since the current frame began. */
    public long frameDrawCalls()
    {
        return frameDrawCalls;
    }

    /** @return quads drawn since the current frame began. */
    public long frameQuads()
    {
        return frameQuads;
    }

    /**
     * The error message, in a class of its own so that BatchRenderer holds no String constant: the first C2
     * compile of a per-frame method would otherwise resolve it on the render thread mid-run (see
     * {@code ClassConstants} in the engine test-jar).
     */
    private static final class Messages
    {
        private Messages()
        {
        }

        static IllegalArgumentException nullBackend()
        {
            return new IllegalArgumentException("backend must not be null");
        }
    }
}
