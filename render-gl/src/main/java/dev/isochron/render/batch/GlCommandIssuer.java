package dev.isochron.render.batch;

import dev.isochron.render.gl.ShaderProgram;

import static org.lwjgl.opengl.GL11.GL_BLEND;
import static org.lwjgl.opengl.GL11.GL_COLOR_BUFFER_BIT;
import static org.lwjgl.opengl.GL11.GL_CULL_FACE;
import static org.lwjgl.opengl.GL11.GL_DEPTH_TEST;
import static org.lwjgl.opengl.GL11.GL_ONE;
import static org.lwjgl.opengl.GL11.GL_ONE_MINUS_SRC_ALPHA;
import static org.lwjgl.opengl.GL11.GL_SCISSOR_TEST;
import static org.lwjgl.opengl.GL11.GL_SRC_ALPHA;
import static org.lwjgl.opengl.GL11.GL_TEXTURE_2D;
import static org.lwjgl.opengl.GL11.GL_TRIANGLES;
import static org.lwjgl.opengl.GL11.GL_UNSIGNED_SHORT;
import static org.lwjgl.opengl.GL11.GL_VIEWPORT;
import static org.lwjgl.opengl.GL11.glBindTexture;
import static org.lwjgl.opengl.GL11.glClear;
import static org.lwjgl.opengl.GL11.glClearColor;
import static org.lwjgl.opengl.GL11.glDisable;
import static org.lwjgl.opengl.GL11.glEnable;
import static org.lwjgl.opengl.GL11.nglGetIntegerv;
import static org.lwjgl.opengl.GL11.glScissor;
import static org.lwjgl.opengl.GL11.glViewport;
import static org.lwjgl.opengl.GL13.GL_TEXTURE0;
import static org.lwjgl.opengl.GL13.glActiveTexture;
import static org.lwjgl.opengl.GL14.glBlendFuncSeparate;
import static org.lwjgl.opengl.GL20.glUniform1f;
import static org.lwjgl.opengl.GL20.glUniform2f;
import static org.lwjgl.opengl.GL20.glUniform3f;
import static org.lwjgl.opengl.GL20.glUniform4f;
import static org.lwjgl.opengl.GL20.nglUniformMatrix4fv;
import static org.lwjgl.opengl.GL30.GL_DRAW_FRAMEBUFFER_BINDING;
import static org.lwjgl.opengl.GL30.GL_FRAMEBUFFER;
import static org.lwjgl.opengl.GL30.glBindFramebuffer;
import static org.lwjgl.opengl.GL30.glBindVertexArray;
import static org.lwjgl.opengl.GL32.glDrawElementsBaseVertex;
import static org.lwjgl.system.MemoryUtil.memGetInt;
import static org.lwjgl.system.MemoryUtil.memPutFloat;

/**
 * Issues a frame's {@link DrawCommands} to GL at {@link GlDrawBackend#endFrame()}: binds targets (clearing them where
 * asked), sets viewports, scissor rectangles (flipped to GL's bottom-left origin), blend functions, programs with their
 * uniform values and projections, and draws; a state already in force is not set again. Instanced sprite runs are drawn
 * through {@link GlInstancedSprites}.
 * <p>
 * Every frame starts from the same state: the default target bound with a viewport over all of it, no scissor,
 * straight-alpha blending, the batch program; and ends with the default target bound again, its full viewport and no
 * scissor, so that a screenshot or the next frame's clear sees the window as before.
 * <p>
 * Render thread, GL context current. Allocation-free per frame (mat4 uniforms, and the default target's framebuffer
 * and viewport when nobody said what they are, go through 64 bytes of native memory the backend owns).
 */
final class GlCommandIssuer
{
    private static final int INSTANCE_PROGRAM = -2;
    private static final int UNKNOWN = -1;

    private final DrawCommands commands;
    private final int[] textures;
    private final int vertexArray;
    private final ShaderProgram[] programs = new ShaderProgram[DrawCommands.MAX_PROGRAMS];
    private final int[] projectionLocation = new int[DrawCommands.MAX_PROGRAMS];
    private final int[] programProjection = new int[DrawCommands.MAX_PROGRAMS];
    private final int[] framebuffers = new int[DrawCommands.MAX_TARGETS];
    private final GlInstancedSprites instances;
    private final long matrixScratch;
    private boolean defaultKnown;
    private int defaultWidth;
    private int defaultHeight;

    // the state in force while issuing
    private int boundFramebuffer;
    private int boundTarget;
    private int boundGlProgram;
    private int passProgram;
    private int projection;
    private int instanceProjection;
    private int boundTexture;
    private boolean scissorOn;
    private int viewportX;
    private int viewportY;
    private int viewportW;
    private int viewportH;
    private int blendSrcRgb;
    private int blendDstRgb;
    private int blendSrcAlpha;
    private int blendDstAlpha;
    private long drawCalls;

    /**
     * @param instances     the instanced sprite path, or null where GL lacks instanced arrays.
     * @param matrixScratch 16 floats of native memory for mat4 uniforms, owned by the caller.
     */
    GlCommandIssuer(
        final DrawCommands commands, final int[] textures, final int vertexArray, final ShaderProgram batchProgram,
        final GlInstancedSprites instances, final long matrixScratch)
    {
        this.commands = commands;
        this.textures = textures;
        this.vertexArray = vertexArray;
        this.matrixScratch = matrixScratch;
        this.instances = instances;
        programs[0] = batchProgram;
        projectionLocation[0] = batchProgram.uniformLocation(Names.PROJECTION);
    }

    /** Adds {@code program} (drawn with the batch's vertex array) under {@code id}; sets its {@code u_texture} to 0. */
    void registerProgram(final int id, final ShaderProgram program)
    {
        programs[id] = program;
        projectionLocation[id] = program.optionalUniformLocation(Names.PROJECTION);
        final int texture = program.optionalUniformLocation(Names.TEXTURE);
        if (texture >= 0)
        {
            program.use();
            program.setInt(texture, 0);
        }
    }

    void registerTarget(final int id, final int framebufferName)
    {
        framebuffers[id] = framebufferName;
    }

    /** The default target from now on; until called, it is whatever framebuffer and viewport are current at endFrame. */
    void defaultTarget(final int framebufferName, final int width, final int height)
    {
        defaultKnown = true;
        framebuffers[0] = framebufferName;
        defaultWidth = width;
        defaultHeight = height;
    }

    /** @return draw calls issued since construction. */
    long drawCalls()
    {
        return drawCalls;
    }

    /** Issues the frame's commands; {@code baseVertex} and {@code baseRecord} locate the frame's segment. */
    void issue(final int baseVertex, final int baseRecord)
    {
        begin();
        final DrawCommands commands = this.commands;
        final byte[] kind = commands.kind;
        final int[] a = commands.a;
        final int[] b = commands.b;
        final int[] c = commands.c;
        final int[] sa = commands.stateA;
        final int[] sb = commands.stateB;
        final int[] sc = commands.stateC;
        final int[] sd = commands.stateD;
        for (int i = 0, n = commands.count; i < n; i++)
        {
            final int k = kind[i];
            if (DrawCommands.DRAW_QUADS == k)
            {
                drawQuads(a[i], baseVertex + b[i], c[i]);
                continue;
            }
            if (DrawCommands.DRAW_INSTANCES == k)
            {
                drawInstances(a[i], baseRecord + b[i], c[i]);
                continue;
            }
            if (DrawCommands.PROJECTION == k)
            {
                projection = a[i];
                continue;
            }
            final int s = a[i];
            switch (k)
            {
                case DrawCommands.TARGET:
                    bindTarget(sa[s]);
                    break;
                case DrawCommands.CLEAR:
                    clear(sa[s]);
                    break;
                case DrawCommands.VIEWPORT:
                    viewport(sa[s], sb[s], sc[s], sd[s]);
                    break;
                case DrawCommands.SCISSOR:
                    scissor(sa[s], sb[s], sc[s], sd[s]);
                    break;
                case DrawCommands.NO_SCISSOR:
                    noScissor();
                    break;
                case DrawCommands.BLEND:
                    blend(sa[s], sb[s], sc[s], sd[s]);
                    break;
                case DrawCommands.PROGRAM:
                    passProgram = sa[s];
                    break;
                default:
                    uniform(sa[s], sb[s], sc[s]);
                    break;
            }
        }
        end();
    }

    private void begin()
    {
        if (!defaultKnown)
        {
            readDefaultTarget();
        }
        glBindFramebuffer(GL_FRAMEBUFFER, framebuffers[0]);
        boundFramebuffer = framebuffers[0];
        boundTarget = 0;
        viewportW = -1;
        viewport(0, 0, defaultWidth, defaultHeight);
        glDisable(GL_SCISSOR_TEST);
        scissorOn = false;
        glEnable(GL_BLEND);
        blendSrcRgb = UNKNOWN;
        blend(GL_SRC_ALPHA, GL_ONE_MINUS_SRC_ALPHA, GL_ONE, GL_ONE_MINUS_SRC_ALPHA);
        glDisable(GL_DEPTH_TEST);
        glDisable(GL_CULL_FACE);
        glActiveTexture(GL_TEXTURE0);
        programs[0].use();
        glBindVertexArray(vertexArray);
        boundGlProgram = 0;
        passProgram = 0;
        projection = UNKNOWN;
        instanceProjection = UNKNOWN;
        boundTexture = UNKNOWN;
        for (int i = 0; i < DrawCommands.MAX_PROGRAMS; i++)
        {
            programProjection[i] = UNKNOWN;
        }
    }

    private void end()
    {
        if (0 != boundTarget)
        {
            bindTarget(0);
        }
        viewport(0, 0, defaultWidth, defaultHeight);
        noScissor();
    }

    /** The framebuffer bound for drawing and the viewport, when the caller never said what the default target is. */
    private void readDefaultTarget()
    {
        // the matrix memory holds the four ints: a buffer object per read would allocate
        nglGetIntegerv(GL_DRAW_FRAMEBUFFER_BINDING, matrixScratch);
        framebuffers[0] = memGetInt(matrixScratch);
        nglGetIntegerv(GL_VIEWPORT, matrixScratch);
        defaultWidth = memGetInt(matrixScratch + 8);
        defaultHeight = memGetInt(matrixScratch + 12);
    }

    private void bindTarget(final int target)
    {
        boundTarget = target;
        // a viewport's GL y depends on the target's height
        viewportW = -1;
        final int framebuffer = framebuffers[target];
        if (framebuffer != boundFramebuffer)
        {
            glBindFramebuffer(GL_FRAMEBUFFER, framebuffer);
            boundFramebuffer = framebuffer;
        }
    }

    private int targetHeight()
    {
        return 0 == boundTarget ? defaultHeight : commands.targetHeight(boundTarget);
    }

    private void clear(final int rgba)
    {
        // glClear honours the scissor box: a clear covers the whole target
        noScissor();
        glClearColor(Rgba.red(rgba) / 255f, Rgba.green(rgba) / 255f, Rgba.blue(rgba) / 255f, Rgba.alpha(rgba) / 255f);
        glClear(GL_COLOR_BUFFER_BIT);
    }

    private void viewport(final int x, final int y, final int w, final int h)
    {
        if (x != viewportX || y != viewportY || w != viewportW || h != viewportH)
        {
            // the command's y is from the target's top, GL's from its bottom
            glViewport(x, targetHeight() - y - h, w, h);
            viewportX = x;
            viewportY = y;
            viewportW = w;
            viewportH = h;
        }
    }

    private void scissor(final int x, final int y, final int w, final int h)
    {
        if (!scissorOn)
        {
            glEnable(GL_SCISSOR_TEST);
            scissorOn = true;
        }
        glScissor(x, targetHeight() - y - h, w, h);
    }

    private void noScissor()
    {
        if (scissorOn)
        {
            glDisable(GL_SCISSOR_TEST);
            scissorOn = false;
        }
    }

    private void blend(final int srcRgb, final int dstRgb, final int srcAlpha, final int dstAlpha)
    {
        if (srcRgb != blendSrcRgb || dstRgb != blendDstRgb || srcAlpha != blendSrcAlpha || dstAlpha != blendDstAlpha)
        {
            glBlendFuncSeparate(srcRgb, dstRgb, srcAlpha, dstAlpha);
            blendSrcRgb = srcRgb;
            blendDstRgb = dstRgb;
            blendSrcAlpha = srcAlpha;
            blendDstAlpha = dstAlpha;
        }
    }

    /** Sets a uniform of the pass's program, which is put in use for it. */
    private void uniform(final int location, final int components, final int at)
    {
        useQuadProgram();
        final float[] v = commands.uniformValues;
        switch (components)
        {
            case 1:
                glUniform1f(location, v[at]);
                break;
            case 2:
                glUniform2f(location, v[at], v[at + 1]);
                break;
            case 3:
                glUniform3f(location, v[at], v[at + 1], v[at + 2]);
                break;
            case 4:
                glUniform4f(location, v[at], v[at + 1], v[at + 2], v[at + 3]);
                break;
            default:
                for (int k = 0; k < 16; k++)
                {
                    memPutFloat(matrixScratch + 4L * k, v[at + k]);
                }
                nglUniformMatrix4fv(location, 1, false, matrixScratch);
                break;
        }
    }

    private void useQuadProgram()
    {
        final int program = passProgram;
        if (boundGlProgram != program)
        {
            programs[program].use();
            if (INSTANCE_PROGRAM == boundGlProgram)
            {
                glBindVertexArray(vertexArray);
            }
            boundGlProgram = program;
        }
    }

    private void bindTexture(final int textureKey)
    {
        final int texture = textures[textureKey];
        if (texture != boundTexture)
        {
            glBindTexture(GL_TEXTURE_2D, texture);
            boundTexture = texture;
        }
    }

    private void drawQuads(final int textureKey, final int firstVertex, final int quads)
    {
        useQuadProgram();
        final int program = passProgram;
        if (programProjection[program] != projection)
        {
            final int location = projectionLocation[program];
            if (location >= 0)
            {
                programs[program].setMatrix4(location, commands.projections[projection]);
            }
            programProjection[program] = projection;
        }
        bindTexture(textureKey);
        glDrawElementsBaseVertex(GL_TRIANGLES, quads * QuadVertexLayout.INDICES_PER_QUAD, GL_UNSIGNED_SHORT, 0L,
            firstVertex);
        drawCalls++;
    }

    private void drawInstances(final int textureKey, final int firstRecord, final int count)
    {
        if (INSTANCE_PROGRAM != boundGlProgram)
        {
            instances.use();
            boundGlProgram = INSTANCE_PROGRAM;
        }
        if (instanceProjection != projection)
        {
            instances.projection(commands.projections[projection]);
            instanceProjection = projection;
        }
        bindTexture(textureKey);
        instances.drawRun(firstRecord, count);
        drawCalls++;
    }

    /** Deletes the instanced path's vertex array and program (the backend deletes the rest). */
    void close()
    {
        if (null != instances)
        {
            instances.close();
        }
    }

    /** @return whether instanced sprite runs can be drawn (GL 3.3 instanced arrays). */
    boolean drawsInstances()
    {
        return null != instances;
    }

    boolean usesBaseInstance()
    {
        return null != instances && instances.usesBaseInstance();
    }

    /**
     * The uniform names and labels, in a class of their own so that GlCommandIssuer holds no String constant (see
     * {@code ClassConstants} in the engine test-jar).
     */
    private static final class Names
    {
        static final String PROJECTION;
        static final String TEXTURE;

        static
        {
            PROJECTION = "u_projection";
            TEXTURE = "u_texture";
        }

        private Names()
        {
        }
    }
}
