package dev.isochron.render.batch;

import org.joml.Matrix4f;
import org.joml.Matrix4fc;

/**
 * One frame's recorded work, in order: draws and the state they are drawn with (render target and its clear,
 * viewport, scissor, blend function, program and its uniform values, projection). Both backends record into one,
 * so the null renderer validates exactly what the GL renderer would issue; the GL backend walks it at
 * {@code endFrame} ({@link GlCommandIssuer}), after the frame's vertices are complete.
 * <p>
 * Why record state rather than set it: the GL backend issues every draw at {@code endFrame}, so a state change made
 * at record time would apply to the whole frame. Values (matrices, uniform floats) are copied when recorded, so the
 * caller may change its own copy right after.
 * <p>
 * Registered at start-up: render targets (id 0 is the default target, the window or the headless context's
 * framebuffer) and programs (id 0 is the backend's batch program). Drawing a target's own texture while that target
 * is bound throws, naming both: GL would read and write the same texels (undefined).
 * <p>
 * Render thread only. Every per-frame method is allocation-free over preallocated arrays; overflowing one throws
 * naming the limit.
 */
public final class DrawCommands
{
    /** Most projection changes per frame (including the one given to {@code beginFrame}). */
    public static final int MAX_PROJECTIONS_PER_FRAME = 64;
    /** Most state commands (target, clear, viewport, scissor, blend, program, uniform) per frame. */
    public static final int MAX_STATE_COMMANDS_PER_FRAME = 4096;
    /** Most uniform floats recorded per frame (a mat4 takes 16). */
    public static final int MAX_UNIFORM_FLOATS_PER_FRAME = 8192;
    /** Most registered render targets, the default target (id 0) included. */
    public static final int MAX_TARGETS = 64;
    /** Most registered programs, the batch program (id 0) included. */
    public static final int MAX_PROGRAMS = 64;

    static final int DRAW_QUADS = 0;
    static final int DRAW_INSTANCES = 1;
    static final int PROJECTION = 2;
    static final int TARGET = 3;
    static final int CLEAR = 4;
    static final int VIEWPORT = 5;
    static final int SCISSOR = 6;
    static final int NO_SCISSOR = 7;
    static final int BLEND = 8;
    static final int PROGRAM = 9;
    static final int UNIFORM = 10;

    private final int capacity;
    // per command: its kind and three values (a draw's texture key, first vertex or record and count; a state
    // command's index into the state values below)
    final byte[] kind;
    final int[] a;
    final int[] b;
    final int[] c;
    final int[] stateA = new int[MAX_STATE_COMMANDS_PER_FRAME];
    final int[] stateB = new int[MAX_STATE_COMMANDS_PER_FRAME];
    final int[] stateC = new int[MAX_STATE_COMMANDS_PER_FRAME];
    final int[] stateD = new int[MAX_STATE_COMMANDS_PER_FRAME];
    final Matrix4f[] projections = new Matrix4f[MAX_PROJECTIONS_PER_FRAME];
    final float[] uniformValues = new float[MAX_UNIFORM_FLOATS_PER_FRAME];
    final int[] targetTextureKey = new int[MAX_TARGETS];
    final int[] targetWidth = new int[MAX_TARGETS];
    final int[] targetHeight = new int[MAX_TARGETS];
    private final String[] targetLabel = new String[MAX_TARGETS];
    int count;
    private int stateCount;
    private int projectionCount;
    private int uniformFloats;
    private int targets = 1;
    private int programs = 1;
    private int currentTarget;
    private boolean inFrame;

    /**
     * @param maxDraws most draw commands per frame (a draw covers at least one quad, so the backend's quad capacity).
     */
    DrawCommands(final int maxDraws)
    {
        capacity = maxDraws + MAX_STATE_COMMANDS_PER_FRAME + MAX_PROJECTIONS_PER_FRAME;
        kind = new byte[capacity];
        a = new int[capacity];
        b = new int[capacity];
        c = new int[capacity];
        for (int i = 0; i < MAX_PROJECTIONS_PER_FRAME; i++)
        {
            projections[i] = new Matrix4f();
        }
        targetTextureKey[0] = -1;
    }

    /** Registers an offscreen target whose colour texture is bound to {@code textureKey}; start-up. @return its id. */
    int registerTarget(final String label, final int textureKey, final int width, final int height)
    {
        if (targets == MAX_TARGETS)
        {
            throw Messages.tooManyTargets();
        }
        if (width < 1 || height < 1)
        {
            throw Messages.badTargetSize(width, height);
        }
        targetLabel[targets] = label;
        targetTextureKey[targets] = textureKey;
        targetWidth[targets] = width;
        targetHeight[targets] = height;
        return targets++;
    }

    /** Registers a program; start-up. @return its id. */
    int registerProgram()
    {
        if (programs == MAX_PROGRAMS)
        {
            throw Messages.tooManyPrograms();
        }
        return programs++;
    }

    /** The default target's size this frame (0 x 0: unknown, the GL backend reads GL's viewport at endFrame). */
    void defaultTarget(final int width, final int height)
    {
        targetWidth[0] = width;
        targetHeight[0] = height;
    }

    /** @return the height of target {@code target} (0 for an unknown default target). */
    int targetHeight(final int target)
    {
        return targetHeight[target];
    }

    /** Forgets the previous frame and records {@code projection} as the first command. */
    void begin(final Matrix4fc projection)
    {
        count = 0;
        stateCount = 0;
        projectionCount = 0;
        uniformFloats = 0;
        currentTarget = 0;
        inFrame = true;
        projection(projection);
    }

    /** Ends the frame's recording: state commands are refused until the next {@link #begin}. */
    void end()
    {
        inFrame = false;
    }

    void projection(final Matrix4fc projection)
    {
        if (projectionCount == MAX_PROJECTIONS_PER_FRAME)
        {
            throw Messages.tooManyProjections();
        }
        projections[projectionCount].set(projection);
        put(PROJECTION, projectionCount++, 0, 0);
    }

    /** Binds render target {@code target} (0: the default target) for what follows. */
    public void target(final int target)
    {
        if (target < 0 || target >= targets)
        {
            throw Messages.unknownTarget(target, targets);
        }
        currentTarget = target;
        state(TARGET, target, 0, 0, 0);
    }

    /** Clears the bound target's colour to {@code rgba} ({@link Rgba}), whatever the scissor. */
    public void clear(final int rgba)
    {
        state(CLEAR, rgba, 0, 0, 0);
    }

    /** Sets the viewport in the bound target's pixels, origin top-left, y down (the issuer flips it for GL). */
    public void viewport(final int x, final int y, final int width, final int height)
    {
        if (width < 0 || height < 0)
        {
            throw Messages.negativeRectangle(width, height);
        }
        state(VIEWPORT, x, y, width, height);
    }

    /** A scissor rectangle in the bound target's pixels, origin top-left, y down (the issuer flips it for GL). */
    public void scissor(final int x, final int y, final int width, final int height)
    {
        if (width < 0 || height < 0)
        {
            throw Messages.negativeRectangle(width, height);
        }
        state(SCISSOR, x, y, width, height);
    }

    /** Turns the scissor test off for what follows. */
    public void noScissor()
    {
        state(NO_SCISSOR, 0, 0, 0, 0);
    }

    /** Sets the blend function ({@code glBlendFuncSeparate}'s four GL factors) for what follows. */
    public void blend(final int sourceRgb, final int destinationRgb, final int sourceAlpha, final int destinationAlpha)
    {
        state(BLEND, sourceRgb, destinationRgb, sourceAlpha, destinationAlpha);
    }

    /** Draws what follows with registered program {@code program} (0: the batch program). */
    public void program(final int program)
    {
        if (program < 0 || program >= programs)
        {
            throw Messages.unknownProgram(program, programs);
        }
        state(PROGRAM, program, 0, 0, 0);
    }

    /**
     * Sets a uniform of the current program for what follows: copies {@code components} floats from
     * {@code values[offset]}, 1 to 4 (float to vec4) or 16 (mat4, column-major), so the caller may change them after.
     */
    public void uniform(final int location, final int components, final float[] values, final int offset)
    {
        if (components < 1 || (components > 4 && components != 16))
        {
            throw Messages.badComponents(components);
        }
        final int at = uniformFloats;
        if (at + components > MAX_UNIFORM_FLOATS_PER_FRAME)
        {
            throw Messages.tooManyUniformFloats();
        }
        System.arraycopy(values, offset, uniformValues, at, components);
        uniformFloats = at + components;
        state(UNIFORM, location, components, at, 0);
    }

    /** A draw of {@code quads} quads (records) from vertex (record) {@code first} with texture {@code textureKey}. */
    void draw(final int drawKind, final int textureKey, final int first, final int quads)
    {
        if (textureKey == targetTextureKey[currentTarget])
        {
            throw Messages.drawsIntoItself(targetLabel[currentTarget], textureKey);
        }
        put(drawKind, textureKey, first, quads);
    }

    private void state(final int commandKind, final int va, final int vb, final int vc, final int vd)
    {
        if (!inFrame)
        {
            throw Messages.notInFrame();
        }
        if (stateCount == MAX_STATE_COMMANDS_PER_FRAME)
        {
            throw Messages.tooManyStateCommands();
        }
        final int at = stateCount++;
        stateA[at] = va;
        stateB[at] = vb;
        stateC[at] = vc;
        stateD[at] = vd;
        put(commandKind, at, 0, 0);
    }

    private void put(final int commandKind, final int va, final int vb, final int vc)
    {
        final int i = count;
        if (i == capacity)
        {
            throw Messages.tooManyCommands(capacity);
        }
        kind[i] = (byte)commandKind;
        a[i] = va;
        b[i] = vb;
        c[i] = vc;
        count = i + 1;
    }

    /** @return the commands recorded this frame. */
    public int count()
    {
        return count;
    }

    /** @return the state commands (target, clear, viewport, scissor, blend, program, uniform) recorded this frame. */
    public int stateCount()
    {
        return stateCount;
    }

    /**
     * The error messages, in a class of their own so that DrawCommands holds no String constant: the first C2 compile
     * of a per-frame method would otherwise resolve them on the render thread mid-run (see {@code ClassConstants} in
     * the engine test-jar).
     */
    private static final class Messages
    {
        private Messages()
        {
        }

        static IllegalStateException notInFrame()
        {
            return new IllegalStateException("state commands are recorded between the backend's beginFrame and " +
                "endFrame");
        }

        static IllegalStateException tooManyTargets()
        {
            return new IllegalStateException("at most " + (MAX_TARGETS - 1) + " render targets may be registered");
        }

        static IllegalStateException tooManyPrograms()
        {
            return new IllegalStateException("at most " + (MAX_PROGRAMS - 1) + " pass shaders may be registered");
        }

        static IllegalArgumentException badTargetSize(final int width, final int height)
        {
            return new IllegalArgumentException("a render target needs a size of at least 1x1, was " + width + "x" +
                height);
        }

        static IllegalStateException tooManyProjections()
        {
            return new IllegalStateException("a frame takes at most " + MAX_PROJECTIONS_PER_FRAME + " projections");
        }

        static IllegalStateException tooManyStateCommands()
        {
            return new IllegalStateException("a frame takes at most " + MAX_STATE_COMMANDS_PER_FRAME +
                " state commands (target, clear, viewport, scissor, blend, program, uniform): fewer passes or clip " +
                "changes per frame");
        }

        static IllegalStateException tooManyUniformFloats()
        {
            return new IllegalStateException("a frame takes at most " + MAX_UNIFORM_FLOATS_PER_FRAME +
                " uniform floats over all passes");
        }

        static IllegalStateException tooManyCommands(final int capacity)
        {
            return new IllegalStateException("a frame takes at most " + capacity + " draw and state commands");
        }

        static IllegalArgumentException unknownTarget(final int target, final int targets)
        {
            return new IllegalArgumentException("render target " + target + " is not registered (ids 0 to " +
                (targets - 1) + "; 0 is the default target)");
        }

        static IllegalArgumentException unknownProgram(final int program, final int programs)
        {
            return new IllegalArgumentException("program " + program + " is not registered (ids 0 to " +
                (programs - 1) + "; 0 is the batch program)");
        }

        static IllegalArgumentException negativeRectangle(final int width, final int height)
        {
            return new IllegalArgumentException("a viewport or scissor rectangle needs a size >= 0, was " + width +
                "x" + height);
        }

        static IllegalArgumentException badComponents(final int components)
        {
            return new IllegalArgumentException("a uniform takes 1 to 4 floats or 16 (mat4), was " + components);
        }

        static IllegalStateException drawsIntoItself(final String target, final int textureKey)
        {
            return new IllegalStateException("render target '" + target + "' is bound while a draw samples its own " +
                "texture (key " + textureKey + "): GL would read and write the same texels; draw that texture in a " +
                "later pass whose target is another one");
        }
    }
}
