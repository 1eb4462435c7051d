package dev.isochron.render.batch;

import dev.isochron.engine.checked.CheckedMode;
import dev.isochron.render.gl.Framebuffer;
import dev.isochron.render.gl.NativeBlock;
import dev.isochron.render.gl.ShaderProgram;
import org.joml.Matrix4fc;

/**
 * A {@link DrawBackend} that issues no GL calls: it hands out off-heap staging memory like the GL
 * backend's streaming buffer, and counts what would have been drawn. With it the whole batch
 * pipeline (record, sort, generate vertices, walk runs) runs and can be measured without a GL
 * context or rasterisation cost. It records the same {@link DrawCommands} as the GL backend, so a frame's state
 * commands (targets, programs, scissor...) are validated the same way, and drops them at {@link #endFrame()}.
 * <p>
 * Render thread only (vertex writes from workers into reservations excepted). Allocation-free
 * after construction; {@link #close()} frees the staging memory, after which every per-frame method and
 * {@link #baseAddress()} throw {@link IllegalStateException} ("used after close()"); the counters still answer.
 * <p>
 * Checking mode ({@link CheckedMode}, or the constructor's flag): the staging memory has a guard band on each side,
 * verified at every {@link #endFrame()} and at {@link #close()}, and every reservation is asserted to lie inside it.
 */
public final class NullDrawBackend implements DrawBackend
{
    private final int capacityQuads;
    private final boolean checked;
    private final NativeBlock staging;
    private final long base;
    private final DrawCommands commands;
    private int reservedQuads;
    private long frames;
    private long drawCalls;
    private long quadsDrawn;
    private long quadsCommitted;
    private long instancesDrawn;
    private long projectionChanges;
    private long stateCommands;
    private boolean inFrame;
    private boolean closed;

    /**
     * @param capacityQuads quads of vertex memory per frame, in [1, 2^24].
     */
    public NullDrawBackend(final int capacityQuads)
    {
        this(capacityQuads, CheckedMode.ENABLED);
    }

    /**
     * @param capacityQuads quads of vertex memory per frame, in [1, 2^24].
     * @param checked       guard bands around the staging memory and bounds assertions on reservations, whatever
     *                      {@link CheckedMode#ENABLED} says.
     */
    public NullDrawBackend(final int capacityQuads, final boolean checked)
    {
        if (capacityQuads < 1 || capacityQuads > (1 << 24))
        {
            throw Messages.badCapacityQuads(capacityQuads);
        }
        this.capacityQuads = capacityQuads;
        this.checked = checked;
        staging = NativeBlock.allocate(Messages.stagingName(), (long)capacityQuads * QuadVertexLayout.BYTES_PER_QUAD,
            64, false, checked);
        base = staging.address();
        commands = new DrawCommands(capacityQuads);
    }

    /** {@inheritDoc} {@code framebuffer} may be null: nothing is drawn. */
    public int registerTarget(
        final String label, final Framebuffer framebuffer, final int textureKey, final int width, final int height)
    {
        checkOpen();
        return commands.registerTarget(label, textureKey, width, height);
    }

    /** {@inheritDoc} {@code program} may be null: nothing is drawn. */
    public int registerProgram(final ShaderProgram program)
    {
        checkOpen();
        return commands.registerProgram();
    }

    public void defaultTarget(final int framebufferName, final int width, final int height)
    {
        checkOpen();
        commands.defaultTarget(width, height);
    }

    public DrawCommands commands()
    {
        return commands;
    }

    public void beginFrame(final Matrix4fc projection)
    {
        checkOpen();
        reservedQuads = 0;
        inFrame = true;
        frames++;
        commands.begin(projection);
    }

    public void projection(final Matrix4fc projection)
    {
        checkOpen();
        projectionChanges++;
        commands.projection(projection);
    }

    public long reserveQuads(final int quadCount)
    {
        checkOpen();
        if (!inFrame)
        {
            throw Messages.notInFrame();
        }
        final long address =
            QuadVertexLayout.reservationAddress(this, base, capacityQuads, reservedQuads, quadCount);
        if (checked)
        {
            checkWrite(address, (long)quadCount * QuadVertexLayout.BYTES_PER_QUAD);
        }
        reservedQuads += quadCount;
        return address;
    }

    /** @return true: it hands out record memory and counts instanced draws like quads. */
    public boolean drawsInstances()
    {
        return true;
    }

    public long reserveInstances(final int instanceCount)
    {
        checkOpen();
        if (!inFrame)
        {
            throw Messages.notInFrame();
        }
        final long address =
            SpriteInstanceLayout.reservationAddress(this, base, capacityQuads, reservedQuads, instanceCount);
        if (checked)
        {
            checkWrite(address, (long)instanceCount * SpriteInstanceLayout.BYTES_PER_INSTANCE);
        }
        reservedQuads = SpriteInstanceLayout.instanceStartQuad(reservedQuads) +
            SpriteInstanceLayout.quadsForInstances(instanceCount);
        return address;
    }

    public void drawInstances(final long address, final int textureKey, final int firstInstance, final int instanceCount)
    {
        checkOpen();
        commands.draw(DrawCommands.DRAW_INSTANCES, textureKey, firstInstance, instanceCount);
        drawCalls++;
        instancesDrawn += instanceCount;
    }

    public void commitQuads(final long address, final int quadCount)
    {
        checkOpen();
        quadsCommitted += quadCount;
    }

    public void drawQuads(final long address, final int textureKey, final int firstQuad, final int quadCount)
    {
        checkOpen();
        commands.draw(DrawCommands.DRAW_QUADS, textureKey, firstQuad, quadCount);
        drawCalls++;
        quadsDrawn += quadCount;
    }

    /** Ends the frame; in checking mode, verifies the staging memory's guard bands first. */
    public void endFrame()
    {
        checkOpen();
        if (checked)
        {
            staging.verify();
        }
        stateCommands += commands.stateCount();
        commands.end();
        inFrame = false;
    }

    /** Frees the staging memory (in checking mode after verifying its guard bands); idempotent. */
    public void close()
    {
        if (!closed)
        {
            closed = true;
            staging.free();
        }
    }

    /**
     * Checking mode's bounds assertion: {@code [address, address + bytes)} must lie inside the staging memory.
     *
     * @throws IllegalStateException naming the range and the memory when it does not.
     */
    public void checkWrite(final long address, final long bytes)
    {
        final long end = base + (long)capacityQuads * QuadVertexLayout.BYTES_PER_QUAD;
        if (bytes < 0 || address < base || address + bytes > end)
        {
            throw Messages.writeOutside(address, bytes, base, end - base);
        }
    }

    /** @return whether the staging memory is guarded (checking mode). */
    public boolean isChecked()
    {
        return checked;
    }

    /**
     * Verifies the staging memory's guard bands now; nothing without checking mode.
     *
     * @throws dev.isochron.engine.checked.GuardBandException naming the memory, the offset and the bytes found.
     */
    public void verifyGuards()
    {
        staging.verify();
    }

    private void checkOpen()
    {
        if (closed)
        {
            throw Messages.closed();
        }
    }

    /** @return quads of vertex memory per frame. */
    public int capacityQuads()
    {
        return capacityQuads;
    }

    /** @return the start of the staging memory (the first reservation of every frame). */
    public long baseAddress()
    {
        checkOpen();
        return base;
    }

    /** @return frames begun since construction. */
    public long frames()
    {
        return frames;
    }

    /** @return draw calls that would have been issued since construction. */
    public long drawCalls()
    {
        return drawCalls;
    }

    /** @return quads that would have been drawn since construction. */
    public long quadsDrawn()
    {
        return quadsDrawn;
    }

    /** @return sprite records that would have been drawn instanced since construction. */
    public long instancesDrawn()
    {
        return instancesDrawn;
    }

    /** @return mid-frame projection changes since construction. */
    public long projectionChanges()
    {
        return projectionChanges;
    }

    /** @return state commands (target, clear, viewport, scissor, blend, program, uniform) recorded since construction. */
    public long stateCommands()
    {
        return stateCommands;
    }

    /** @return quads committed since construction. */
    public long quadsCommitted()
    {
        return quadsCommitted;
    }

    /**
     * The error messages, in a class of their own so that NullDrawBackend holds no String constant: the first C2
     * compile of a per-frame method would otherwise resolve them on the render thread mid-run (see
     * {@code ClassConstants} in the engine test-jar).
     */
    private static final class Messages
    {
        private Messages()
        {
        }

        static IllegalArgumentException badCapacityQuads(final int capacityQuads)
        {
            return new IllegalArgumentException("capacityQuads must be in [1, 16777216], was " + capacityQuads);
        }

        static String stagingName()
        {
            return "NullDrawBackend staging memory";
        }

        static IllegalStateException writeOutside(final long address, final long bytes, final long base, final long size)
        {
            return new IllegalStateException("checked mode: a write of " + bytes + " bytes at 0x" +
                Long.toHexString(address) + " leaves NullDrawBackend's staging memory [0x" + Long.toHexString(base) +
                ", +" + size + ")");
        }

        static IllegalStateException closed()
        {
            return new IllegalStateException("NullDrawBackend used after close(): its staging memory is freed");
        }

        static IllegalStateException notInFrame()
        {
            return new IllegalStateException("reserveQuads must be called between beginFrame and endFrame");
        }
    }
}
