package dev.isochron.render.batch;

import dev.isochron.render.gl.GlObjectRegistry;
import dev.isochron.render.gl.GlObjectType;
import dev.isochron.render.gl.ShaderProgram;
import dev.isochron.render.gl.StreamingVertexBuffer;
import org.joml.Matrix4fc;
import org.lwjgl.opengl.ARBBaseInstance;

import static org.lwjgl.opengl.GL11.GL_FLOAT;
import static org.lwjgl.opengl.GL11.GL_TRIANGLES;
import static org.lwjgl.opengl.GL11.GL_UNSIGNED_BYTE;
import static org.lwjgl.opengl.GL11.GL_UNSIGNED_SHORT;
import static org.lwjgl.opengl.GL15.GL_ELEMENT_ARRAY_BUFFER;
import static org.lwjgl.opengl.GL15.glBindBuffer;
import static org.lwjgl.opengl.GL20.glEnableVertexAttribArray;
import static org.lwjgl.opengl.GL20.glVertexAttribPointer;
import static org.lwjgl.opengl.GL30.GL_HALF_FLOAT;
import static org.lwjgl.opengl.GL30.glBindVertexArray;
import static org.lwjgl.opengl.GL30.glDeleteVertexArrays;
import static org.lwjgl.opengl.GL30.glGenVertexArrays;
import static org.lwjgl.opengl.GL31C.glDrawElementsInstanced;
import static org.lwjgl.opengl.GL33C.glVertexAttribDivisor;
import static org.lwjgl.opengl.GL42C.glDrawElementsInstancedBaseInstance;

/**
 * The GL backend's instanced sprite path (see {@link GlDrawBackend}): its program ({@code sprite_instanced.vert} and
 * the batch's fragment shader) and vertex array, whose five attributes advance once per instance over
 * {@link SpriteInstanceLayout} records, and the draw of one run. Where GL 4.2 or {@code ARB_base_instance} exists, a
 * run is one {@code glDrawElementsInstancedBaseInstance} with the attributes pointed once at the buffer's start; on
 * plain GL 3.3 the attributes are re-pointed at the run's first record.
 * <p>
 * Render thread, GL context current; {@link #use} and {@link #drawRun} are allocation-free.
 */
final class GlInstancedSprites
{
    private static final int INSTANCE_ATTRIBUTES = 5;

    private final ShaderProgram program;
    private final int projectionLocation;
    private final int vertexArray;
    private final StreamingVertexBuffer vertices;
    private final boolean baseInstance;
    private final boolean baseInstanceCore;

    GlInstancedSprites(
        final ShaderProgram program, final StreamingVertexBuffer vertices, final int indexBuffer,
        final boolean baseInstance, final boolean baseInstanceCore)
    {
        this.program = program;
        this.vertices = vertices;
        this.baseInstance = baseInstance;
        this.baseInstanceCore = baseInstanceCore;
        projectionLocation = program.uniformLocation(Names.projection());
        program.use();
        program.setInt(program.uniformLocation(Names.texture()), 0);
        vertexArray = glGenVertexArrays();
        GlObjectRegistry.current().register(GlObjectType.VERTEX_ARRAY, vertexArray, Names.vertexArray());
        glBindVertexArray(vertexArray);
        vertices.bind();
        // the quads' static index pattern: its first six indices make each record's two triangles
        glBindBuffer(GL_ELEMENT_ARRAY_BUFFER, indexBuffer);
        for (int attribute = 0; attribute < INSTANCE_ATTRIBUTES; attribute++)
        {
            glEnableVertexAttribArray(attribute);
            glVertexAttribDivisor(attribute, 1);
        }
        // with base instance the attributes stay at the buffer's start: a draw names its first record
        pointAttributes(0L);
        glBindVertexArray(0);
    }

    boolean usesBaseInstance()
    {
        return baseInstance;
    }

    /** Puts the program and vertex array in use. */
    void use()
    {
        program.use();
        glBindVertexArray(vertexArray);
        if (!baseInstance)
        {
            // glVertexAttribPointer takes the buffer bound to GL_ARRAY_BUFFER
            vertices.bind();
        }
    }

    /** Sets the projection of the program in use (after {@link #use}). */
    void projection(final Matrix4fc projection)
    {
        program.setMatrix4(projectionLocation, projection);
    }

    /**
     * One run of {@code count} records from record {@code first} of the buffer: the first quad's six indices of the
     * static index buffer once per record, so each sprite is the vertex path's two triangles, vertex for vertex.
     */
    void drawRun(final int first, final int count)
    {
        if (baseInstance)
        {
            if (baseInstanceCore)
            {
                glDrawElementsInstancedBaseInstance(GL_TRIANGLES, QuadVertexLayout.INDICES_PER_QUAD,
                    GL_UNSIGNED_SHORT, 0L, count, first);
            }
            else
            {
                ARBBaseInstance.glDrawElementsInstancedBaseInstance(GL_TRIANGLES, QuadVertexLayout.INDICES_PER_QUAD,
                    GL_UNSIGNED_SHORT, 0L, count, first);
            }
            return;
        }
        pointAttributes((long)first * SpriteInstanceLayout.BYTES_PER_INSTANCE);
        glDrawElementsInstanced(GL_TRIANGLES, QuadVertexLayout.INDICES_PER_QUAD, GL_UNSIGNED_SHORT, 0L, count);
    }

    /**
     * Points the vertex array's five attributes at the record at byte {@code offset} of the vertex buffer (bound to
     * {@code GL_ARRAY_BUFFER}, the vertex array bound). Allocation-free.
     */
    private static void pointAttributes(final long offset)
    {
        final int stride = SpriteInstanceLayout.BYTES_PER_INSTANCE;
        glVertexAttribPointer(0, 2, GL_FLOAT, false, stride, offset + SpriteInstanceLayout.POSITION_OFFSET);
        glVertexAttribPointer(1, 4, GL_HALF_FLOAT, false, stride, offset + SpriteInstanceLayout.CORNERS_OFFSET);
        glVertexAttribPointer(2, 1, GL_FLOAT, false, stride, offset + SpriteInstanceLayout.ANGLE_OFFSET);
        glVertexAttribPointer(3, 4, GL_UNSIGNED_BYTE, true, stride, offset + SpriteInstanceLayout.COLOUR_OFFSET);
        glVertexAttribPointer(4, 4, GL_UNSIGNED_SHORT, true, stride, offset + SpriteInstanceLayout.UV_OFFSET);
    }

    /** Deletes the vertex array and the program. */
    void close()
    {
        glDeleteVertexArrays(vertexArray);
        GlObjectRegistry.current().remove(GlObjectType.VERTEX_ARRAY, vertexArray);
        program.close();
    }

    /** The names, built in methods so that this class holds no String constant (see {@code ClassConstants}). */
    private static final class Names
    {
        private Names()
        {
        }

        static String projection()
        {
            return "u_projection";
        }

        static String texture()
        {
            return "u_texture";
        }

        static String vertexArray()
        {
            return "instanced sprite vertex array";
        }
    }
}
