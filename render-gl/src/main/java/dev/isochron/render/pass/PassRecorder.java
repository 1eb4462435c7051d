package dev.isochron.render.pass;

import dev.isochron.render.batch.BatchRenderer;
import dev.isochron.render.batch.DrawBackend;
import dev.isochron.render.batch.DrawCommands;
import dev.isochron.render.batch.QuadClips;
import dev.isochron.render.batch.QuadSliceWork;
import dev.isochron.render.batch.QuadSource;
import org.joml.Matrix4fc;

/**
 * Draws a frame's passes in order: by rank ({@link PassOrder}; the runtime's world pass ranks 1 and its HUD pass 3),
 * and in the order they were added within a rank. Per pass it records the target (cleared if the pass says so), the
 * viewport, the blend function, the program and its uniform values, the projection and the scissor state, then the
 * shapes and the sprites, clipped quad by quad where the pass's clip stack changed during the frame.
 * <p>
 * Lifecycle: {@link #add} the passes, {@link #install} them into the backend once (this registers their targets and
 * shaders and ends their configuration), then per frame {@link #clear}, record, {@link #reserve} (on the render
 * thread, before the vertices are filled, by workers or not) and {@link #draw}. The runtime does this for an
 * application; a caller driving a backend itself (tests) does it by hand.
 * <p>
 * Render thread. Per-frame methods are allocation-free.
 */
public final class PassRecorder
{
    /** Most passes, the runtime's two included. */
    public static final int MAX_PASSES = 34;

    private final RenderPass[] passes = new RenderPass[MAX_PASSES];
    private int count;
    private boolean installed;
    private int frameWidth;
    private int frameHeight;
    private Matrix4fc worldProjection;

    /**
     * Adds {@code pass} after the passes of its rank. Start-up.
     *
     * @throws IllegalStateException once installed (passes are registered in {@code Application.init}), or when
     *                               {@link #MAX_PASSES} are added already.
     */
    public void add(final RenderPass pass)
    {
        if (installed)
        {
            throw Messages.addedLate(pass.name);
        }
        if (count == MAX_PASSES)
        {
            throw Messages.tooMany(pass.name);
        }
        for (int i = 0; i < count; i++)
        {
            if (passes[i] == pass)
            {
                throw Messages.twice(pass.name);
            }
        }
        int at = count;
        while (at > 0 && passes[at - 1].rank > pass.rank)
        {
            passes[at] = passes[at - 1];
            at--;
        }
        passes[at] = pass;
        count++;
    }

    /** @return the passes added, in drawing order. */
    public int passCount()
    {
        return count;
    }

    /** @return pass {@code index} in drawing order. */
    public RenderPass pass(final int index)
    {
        return passes[index];
    }

    /** @return the quads of vertex memory all passes may take per frame (their batches' capacities). */
    public long capacityQuads()
    {
        long quads = 0;
        for (int i = 0; i < count; i++)
        {
            quads += passes[i].sprites.capacity() + passes[i].shapes.capacity();
        }
        return quads;
    }

    /**
     * Registers the passes' targets and shaders with {@code backend} (each once) and ends their configuration.
     * Start-up; once.
     */
    public void install(final DrawBackend backend)
    {
        if (installed)
        {
            throw Messages.installedTwice();
        }
        installed = true;
        for (int i = 0; i < count; i++)
        {
            final RenderPass pass = passes[i];
            pass.installed = true;
            final RenderTarget target = pass.target;
            if (null != target && target.id < 0)
            {
                target.id = backend.registerTarget(target.label(), target.framebuffer(), target.textureKey(),
                    target.width(), target.height());
            }
            final PassShader shader = pass.shader;
            if (null != shader)
            {
                if (shader.id < 0)
                {
                    shader.id = backend.registerProgram(shader.program());
                }
                // a shader draws vertices: instance records have a program of their own
                pass.spriteSource = pass.sprites;
            }
        }
    }

    /** Forgets the previous frame's quads and clips of every pass. Allocation-free. */
    public void clear()
    {
        for (int i = 0; i < count; i++)
        {
            passes[i].sprites.clear();
            passes[i].shapes.clear();
            passes[i].clips.clear();
        }
    }

    /**
     * The default target's size and the world projection for this frame. Allocation-free.
     */
    public void frame(final int width, final int height, final Matrix4fc worldProjection)
    {
        frameWidth = width;
        frameHeight = height;
        this.worldProjection = worldProjection;
    }

    /**
     * Prepares every pass's sources and reserves their vertex memory, adding each to {@code work} (null: none) for the
     * workers to fill. Allocation-free.
     */
    public void reserve(final BatchRenderer renderer, final QuadSliceWork work)
    {
        for (int i = 0; i < count; i++)
        {
            final RenderPass pass = passes[i];
            pass.clips.checkBalanced();
            pass.shapesAddress = renderer.reserve(pass.shapes);
            pass.spritesAddress = renderer.reserve(pass.spriteSource);
            if (null != work)
            {
                work.add(pass.shapes, pass.shapesAddress);
                work.add(pass.spriteSource, pass.spritesAddress);
            }
        }
    }

    /** @return the quads the passes recorded this frame. */
    public int quadCount()
    {
        int quads = 0;
        for (int i = 0; i < count; i++)
        {
            quads += passes[i].shapes.quadCount() + passes[i].sprites.quadCount();
        }
        return quads;
    }

    /** @return the address of the first reservation of this frame (0 before {@link #reserve} or with no pass). */
    public long firstAddress()
    {
        return 0 == count ? 0L : passes[0].shapesAddress;
    }

    /** Records every pass, its vertices filled. Allocation-free. */
    public void draw(final BatchRenderer renderer)
    {
        final DrawCommands commands = renderer.backend().commands();
        for (int i = 0; i < count; i++)
        {
            drawPass(renderer, commands, passes[i]);
        }
    }

    private void drawPass(final BatchRenderer renderer, final DrawCommands commands, final RenderPass pass)
    {
        final RenderTarget target = pass.target;
        commands.target(null == target ? 0 : target.id);
        if (pass.clears)
        {
            commands.clear(pass.clearRgba);
        }
        final int targetWidth = null == target ? frameWidth : target.width();
        final int targetHeight = null == target ? frameHeight : target.height();
        final int w = pass.hasViewport ? pass.viewportW : targetWidth;
        final int h = pass.hasViewport ? pass.viewportH : targetHeight;
        if (pass.hasViewport)
        {
            commands.viewport(pass.viewportX, pass.viewportY, w, h);
        }
        else
        {
            commands.viewport(0, 0, w, h);
        }
        commands.blend(pass.blendSrcRgb, pass.blendDstRgb, pass.blendSrcAlpha, pass.blendDstAlpha);
        final PassShader shader = pass.shader;
        commands.program(null == shader ? 0 : shader.id);
        for (int u = 0, n = pass.uniforms; u < n; u++)
        {
            final int components = pass.uniformComponents[u];
            if (0 != components)
            {
                commands.uniform(pass.uniformLocation[u], components, pass.uniformValues, u * 16);
            }
        }
        switch (pass.projectionKind)
        {
            case RenderPass.PROJECTION_WORLD:
                renderer.projection(worldProjection);
                break;
            case RenderPass.PROJECTION_CUSTOM:
                renderer.projection(pass.customProjection);
                break;
            default:
                renderer.projection(pass.pixelProjection.setOrtho2D(0f, w, h, 0f));
                break;
        }
        pass.clips.applyBase(commands);
        final boolean clipped = pass.clips.changed();
        final QuadClips shapeClips = clipped ? pass.clips.shapeClips() : null;
        final QuadClips spriteClips = clipped ? pass.clips.spriteClips() : null;
        renderer.draw(pass.shapes, pass.shapesAddress, shapeClips);
        renderer.draw(pass.spriteSource, pass.spritesAddress, spriteClips);
    }

    /** The messages, in a class of their own so that PassRecorder holds no String constant (frame path). */
    private static final class Messages
    {
        private Messages()
        {
        }

        static IllegalStateException addedLate(final String name)
        {
            return new IllegalStateException("pass '" + name + "' is added after the passes were installed: " +
                "register passes in Application.init (Init.addPass)");
        }

        static IllegalStateException tooMany(final String name)
        {
            return new IllegalStateException("pass '" + name + "' is one too many: at most " + MAX_PASSES +
                " passes, the runtime's world and HUD passes included");
        }

        static IllegalArgumentException twice(final String name)
        {
            return new IllegalArgumentException("pass '" + name + "' is added twice");
        }

        static IllegalStateException installedTwice()
        {
            return new IllegalStateException("the passes are installed once, at start-up");
        }
    }
}
