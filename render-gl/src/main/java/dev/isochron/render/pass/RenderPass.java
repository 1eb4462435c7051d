package dev.isochron.render.pass;

import dev.isochron.render.batch.QuadSource;
import dev.isochron.render.batch.ShapeBatch;
import dev.isochron.render.batch.SpriteBatch;
import dev.isochron.render.batch.SpriteInstances;
import org.joml.Matrix4f;
import org.joml.Matrix4fc;

/**
 * One pass of the frame: its own shape and sprite batches (shapes drawn first), drawn into a target (the default one
 * or a {@link RenderTarget}) with a projection, a program, a blend mode, an optional viewport and scissor rectangle,
 * and a clip stack. Configure it at start-up (in {@code Application.init}); record into its batches, push and pop its
 * clips and set its uniforms in {@code Application.render}.
 * <p>
 * Uniforms: {@link #uniform(String)} looks a uniform of the pass's shader up once and returns a handle; the setters
 * store values by handle, and the pass hands the values in force to the backend when it is recorded, after
 * {@code render} returns, so the last value set in a frame is the one drawn with (and it stays until set again).
 * <p>
 * Defaults: the default target, not cleared (the runtime clears the default target before the first pass), pixel
 * projection (origin top-left, y down, one unit per pixel of the target), the batch program, {@link BlendMode#ALPHA},
 * the whole target as viewport, no scissor.
 * <p>
 * Threading: the render thread. The configuration methods are start-up only and throw once the pass is installed
 * (after {@code init}), except {@link #viewport} and {@link #fullViewport}, which may change in any frame; the
 * per-frame ones are allocation-free.
 */
public final class RenderPass
{
    /** Most uniforms per pass. */
    public static final int MAX_UNIFORMS = 16;

    static final int PROJECTION_PIXELS = 0;
    static final int PROJECTION_WORLD = 1;
    static final int PROJECTION_CUSTOM = 2;

    final String name;
    final int rank;
    final SpriteBatch sprites;
    final ShapeBatch shapes;
    final ScissorStack clips;
    QuadSource spriteSource;
    RenderTarget target;
    boolean clears;
    int clearRgba;
    int projectionKind = PROJECTION_PIXELS;
    Matrix4fc customProjection;
    final Matrix4f pixelProjection = new Matrix4f();
    PassShader shader;
    int blendSrcRgb = BlendMode.ALPHA.sourceRgb();
    int blendDstRgb = BlendMode.ALPHA.destinationRgb();
    int blendSrcAlpha = BlendMode.ALPHA.sourceAlpha();
    int blendDstAlpha = BlendMode.ALPHA.destinationAlpha();
    boolean hasViewport;
    int viewportX;
    int viewportY;
    int viewportW;
    int viewportH;
    final int[] uniformLocation = new int[MAX_UNIFORMS];
    final int[] uniformComponents = new int[MAX_UNIFORMS];
    final float[] uniformValues = new float[MAX_UNIFORMS * 16];
    int uniforms;
    boolean installed;
    long shapesAddress;
    long spritesAddress;

    /**
     * A pass with batches of its own; {@code Init.addPass} makes them.
     *
     * @param name           names the pass in errors.
     * @param order          where it draws relative to the runtime's world and HUD passes.
     * @param spriteCapacity most sprites (quads) per frame, >= 1.
     * @param shapeCapacity  most shape quads per frame, >= 1.
     */
    public RenderPass(final String name, final PassOrder order, final int spriteCapacity, final int shapeCapacity)
    {
        this(name, order.rank(), new SpriteBatch(spriteCapacity), new ShapeBatch(shapeCapacity));
    }

    /**
     * A pass drawing batches made elsewhere (the runtime's world and HUD passes, over the frame's batches).
     *
     * @param rank its place among the passes: 1 the world, 3 the HUD ({@link PassOrder} ranks the others).
     */
    public RenderPass(final String name, final int rank, final SpriteBatch sprites, final ShapeBatch shapes)
    {
        if (null == name || null == sprites || null == shapes)
        {
            throw Messages.nulls();
        }
        this.name = name;
        this.rank = rank;
        this.sprites = sprites;
        this.shapes = shapes;
        this.spriteSource = sprites;
        this.clips = new ScissorStack(name, sprites, shapes);
    }

    /** @return the name. */
    public String name()
    {
        return name;
    }

    /** @return the pass's sprites, drawn after its shapes. */
    public SpriteBatch sprites()
    {
        return sprites;
    }

    /** @return the pass's shapes, drawn first. */
    public ShapeBatch shapes()
    {
        return shapes;
    }

    /** @return the pass's clip stack; {@link #pushClip} and {@link #popClip} are shorthands. */
    public ScissorStack clips()
    {
        return clips;
    }

    /** Clips what is recorded from now on (see {@link ScissorStack#push}). Allocation-free. */
    public void pushClip(final int x, final int y, final int width, final int height)
    {
        clips.push(x, y, width, height);
    }

    /** Ends the last {@link #pushClip}. Allocation-free. */
    public void popClip()
    {
        clips.pop();
    }

    /** Draws into {@code target} (null: the default target). Start-up. @return this. */
    public RenderPass target(final RenderTarget target)
    {
        checkConfigurable();
        this.target = target;
        return this;
    }

    /** @return the target, null for the default one. */
    public RenderTarget target()
    {
        return target;
    }

    /** Clears the target to {@code rgba} ({@link dev.isochron.render.batch.Rgba}) when the pass starts. @return this. */
    public RenderPass clearEachFrame(final int rgba)
    {
        checkConfigurable();
        clears = true;
        clearRgba = rgba;
        return this;
    }

    /** Keeps what the target holds from earlier passes and frames (the default). Start-up. @return this. */
    public RenderPass keepContents()
    {
        checkConfigurable();
        clears = false;
        return this;
    }

    /** Draws with the world camera's projection. Start-up. @return this. */
    public RenderPass worldProjection()
    {
        checkConfigurable();
        projectionKind = PROJECTION_WORLD;
        customProjection = null;
        return this;
    }

    /**
     * Draws in pixel space: origin at the viewport's top-left, y down, one unit per pixel (the default). Start-up.
     *
     * @return this.
     */
    public RenderPass pixelProjection()
    {
        checkConfigurable();
        projectionKind = PROJECTION_PIXELS;
        customProjection = null;
        return this;
    }

    /**
     * Draws with {@code projection}, read each frame when the pass is recorded (so it may be changed in
     * {@code render}). Start-up. @return this.
     */
    public RenderPass projection(final Matrix4fc projection)
    {
        checkConfigurable();
        if (null == projection)
        {
            throw Messages.nullProjection(name);
        }
        projectionKind = PROJECTION_CUSTOM;
        customProjection = projection;
        return this;
    }

    /** Draws with {@code shader} (null: the batch program); its sprites are then drawn as vertices. @return this. */
    public RenderPass shader(final PassShader shader)
    {
        checkConfigurable();
        if (shader != this.shader)
        {
            uniforms = 0;
        }
        this.shader = shader;
        return this;
    }

    /** @return the shader, null for the batch program. */
    public PassShader shader()
    {
        return shader;
    }

    /** Blends with {@code mode}. Start-up. @return this. */
    public RenderPass blend(final BlendMode mode)
    {
        checkConfigurable();
        blendSrcRgb = mode.sourceRgb();
        blendDstRgb = mode.destinationRgb();
        blendSrcAlpha = mode.sourceAlpha();
        blendDstAlpha = mode.destinationAlpha();
        return this;
    }

    /**
     * Draws into this rectangle of the target (pixels, origin top-left, y down) instead of all of it; pixel projection
     * then spans the rectangle. May change in any frame (letterboxing after a resize); allocation-free. @return this.
     */
    public RenderPass viewport(final int x, final int y, final int width, final int height)
    {
        if (width < 1 || height < 1)
        {
            throw Messages.badViewport(name, width, height);
        }
        hasViewport = true;
        viewportX = x;
        viewportY = y;
        viewportW = width;
        viewportH = height;
        return this;
    }

    /** Draws into the whole target again (the default). Allocation-free. @return this. */
    public RenderPass fullViewport()
    {
        hasViewport = false;
        return this;
    }

    /**
     * Clips the whole pass to this rectangle (the target's pixels, origin top-left, y down): the bottom of its clip
     * stack. Start-up. @return this.
     */
    public RenderPass scissor(final int x, final int y, final int width, final int height)
    {
        checkConfigurable();
        if (width < 0 || height < 0)
        {
            throw Messages.badScissor(name, width, height);
        }
        clips.base(x, y, width, height);
        return this;
    }

    /**
     * Draws the sprites through {@code source} instead of the batch: a {@link SpriteInstances} over
     * {@link #sprites()} (the runtime's world pass does, where instancing pays). Start-up. @return this.
     */
    public RenderPass spriteSource(final QuadSource source)
    {
        checkConfigurable();
        if (source != sprites && !(source instanceof SpriteInstances && ((SpriteInstances)source).batch() == sprites))
        {
            throw Messages.foreignSource(name);
        }
        spriteSource = source;
        return this;
    }

    /**
     * Looks up a uniform of the pass's shader. Start-up.
     *
     * @return the handle for the setters.
     * @throws IllegalStateException    when the pass has no shader, or {@link #MAX_UNIFORMS} are looked up already.
     * @throws IllegalArgumentException naming the uniform and the shader when the shader has no such active uniform.
     */
    public int uniform(final String uniform)
    {
        checkConfigurable();
        if (null == shader)
        {
            throw Messages.noShader(name, uniform);
        }
        if (uniforms == MAX_UNIFORMS)
        {
            throw Messages.tooManyUniforms(name);
        }
        uniformLocation[uniforms] = shader.location(uniform);
        return uniforms++;
    }

    /** Sets a float uniform by handle. Allocation-free. */
    public void setFloat(final int handle, final float value)
    {
        final int at = slot(handle, 1);
        uniformValues[at] = value;
    }

    /** Sets a vec2 uniform by handle. Allocation-free. */
    public void setVec2(final int handle, final float x, final float y)
    {
        final int at = slot(handle, 2);
        uniformValues[at] = x;
        uniformValues[at + 1] = y;
    }

    /** Sets a vec4 uniform by handle. Allocation-free. */
    public void setVec4(final int handle, final float x, final float y, final float z, final float w)
    {
        final int at = slot(handle, 4);
        uniformValues[at] = x;
        uniformValues[at + 1] = y;
        uniformValues[at + 2] = z;
        uniformValues[at + 3] = w;
    }

    /** Sets a mat4 uniform by handle (column-major, as GL takes it). Allocation-free. */
    public void setMatrix4(final int handle, final Matrix4fc value)
    {
        value.get(uniformValues, slot(handle, 16));
    }

    private int slot(final int handle, final int components)
    {
        if (handle < 0 || handle >= uniforms)
        {
            throw Messages.badHandle(name, handle, uniforms);
        }
        uniformComponents[handle] = components;
        return handle * 16;
    }

    private void checkConfigurable()
    {
        if (installed)
        {
            throw Messages.installed(name);
        }
    }

    public String toString()
    {
        return Messages.describe(name);
    }

    /** The messages, in a class of their own so that RenderPass holds no String constant (frame path). */
    private static final class Messages
    {
        private Messages()
        {
        }

        static IllegalArgumentException nulls()
        {
            return new IllegalArgumentException("a pass needs a name, a sprite batch and a shape batch");
        }

        static IllegalStateException installed(final String name)
        {
            return new IllegalStateException("pass '" + name + "' is configured at start-up: set its target, " +
                "projection, shader, blend, viewport, scissor and uniforms in Application.init");
        }

        static IllegalArgumentException nullProjection(final String name)
        {
            return new IllegalArgumentException("pass '" + name + "': projection must not be null; use " +
                "worldProjection() or pixelProjection()");
        }

        static IllegalArgumentException badViewport(final String name, final int width, final int height)
        {
            return new IllegalArgumentException("pass '" + name + "': a viewport needs a size of at least 1x1, was " +
                width + "x" + height);
        }

        static IllegalArgumentException badScissor(final String name, final int width, final int height)
        {
            return new IllegalArgumentException("pass '" + name + "': a scissor rectangle needs a size >= 0, was " +
                width + "x" + height);
        }

        static IllegalArgumentException foreignSource(final String name)
        {
            return new IllegalArgumentException("pass '" + name + "': a sprite source must be the pass's own sprite " +
                "batch or a SpriteInstances over it");
        }

        static IllegalStateException noShader(final String name, final String uniform)
        {
            return new IllegalStateException("pass '" + name + "' has no shader to look uniform '" + uniform +
                "' up in: call shader(...) first");
        }

        static IllegalStateException tooManyUniforms(final String name)
        {
            return new IllegalStateException("pass '" + name + "' takes at most " + MAX_UNIFORMS + " uniforms");
        }

        static IllegalArgumentException badHandle(final String name, final int handle, final int uniforms)
        {
            return new IllegalArgumentException("pass '" + name + "': uniform handle " + handle + " is not one of " +
                "its " + uniforms + " (use the int that uniform(name) returned for this pass)");
        }

        static String describe(final String name)
        {
            return "RenderPass[" + name + "]";
        }
    }
}
