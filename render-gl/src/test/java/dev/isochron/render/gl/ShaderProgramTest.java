package dev.isochron.render.gl;

import dev.isochron.render.testing.HeadlessGl;
import dev.isochron.engine.testing.AllocationGate;
import org.joml.Matrix4f;
import org.junit.jupiter.api.Test;

import java.io.UncheckedIOException;

import static dev.isochron.render.testing.HeadlessGl.rgba;
import static org.junit.jupiter.api.Assertions.*;
import static org.lwjgl.opengl.GL11C.*;

@SuppressWarnings("try") // a HeadlessGl resource keeps its context current for the block, unreferenced
class ShaderProgramTest
{
    static final String VERTEX =
        "#version 330 core\n" +
        "uniform mat4 u_transform;\n" +
        "const vec2 CORNERS[3] = vec2[3](vec2(-1.0, -1.0), vec2(3.0, -1.0), vec2(-1.0, 3.0));\n" +
        "void main()\n" +
        "{\n" +
        "    gl_Position = u_transform * vec4(CORNERS[gl_VertexID], 0.0, 1.0);\n" +
        "}\n";
    static final String FRAGMENT =
        "#version 330 core\n" +
        "uniform vec4 u_colour;\n" +
        "out vec4 colour;\n" +
        "void main()\n" +
        "{\n" +
        "    colour = u_colour;\n" +
        "}\n";
    private static final String BROKEN_FRAGMENT =
        "#version 330 core\n" +
        "uniform vec4 u_colour;\n" +
        "out vec4 colour;\n" +
        "void main()\n" +
        "{\n" +
        "    vec4 c = u_colour\n" +
        "    colour = c;\n" +
        "}\n";

    @Test
    void shouldDrawFullScreenTriangleWithUniforms()
    {
        try (HeadlessGl gl = HeadlessGl.open(16, 16); ShaderProgram program = ShaderProgram.fromSources("fill", VERTEX, FRAGMENT))
        {
            final int transform = program.uniformLocation("u_transform");
            final int colour = program.uniformLocation("u_colour");
            gl.clear(0f, 0f, 0f, 1f);
            program.use();
            program.setMatrix4(transform, new Matrix4f().identity());
            program.setVec4(colour, 0f, 1f, 0f, 1f);
            glDrawArrays(GL_TRIANGLES, 0, 3);
            gl.readBack();
            assertEquals(16 * 16, gl.countMatching(rgba(0, 255, 0, 255), 0));
        }
    }

    @Test
    void shouldApplyMatrixUniform()
    {
        try (HeadlessGl gl = HeadlessGl.open(16, 16); ShaderProgram program = ShaderProgram.fromSources("fill", VERTEX, FRAGMENT))
        {
            gl.clear(0f, 0f, 0f, 1f);
            program.use();
            // shifted right by half the viewport: the triangle now covers only the right half (x >= 8)
            program.setMatrix4(program.uniformLocation("u_transform"), new Matrix4f().translate(1f, 0f, 0f));
            program.setVec4(program.uniformLocation("u_colour"), 1f, 0f, 0f, 1f);
            glDrawArrays(GL_TRIANGLES, 0, 3);
            gl.readBack();
            assertEquals(8 * 16, gl.countMatching(8, 0, 8, 16, rgba(255, 0, 0, 255), 0));
            assertEquals(8 * 16, gl.countMatching(0, 0, 8, 16, rgba(0, 0, 0, 255), 0));
        }
    }

    @Test
    void shouldNameShaderStageLogAndSourceLineOnSyntaxError()
    {
        try (HeadlessGl gl = HeadlessGl.open(8, 8))
        {
            final ShaderCompileException failure = assertThrows(ShaderCompileException.class,
                () -> ShaderProgram.fromSources("sprite", VERTEX, BROKEN_FRAGMENT));
            assertEquals("sprite", failure.programName());
            assertEquals("fragment", failure.stage());
            assertEquals("shader 'sprite' (fragment) failed to compile: " + failure.infoLog() + "\n" +
                "  line 7: colour = c;", failure.getMessage());
            assertTrue(failure.infoLog().startsWith("0:7("), failure.infoLog());
            assertEquals(0, gl.context().objects().liveCount(GlObjectType.SHADER));
        }
    }

    @Test
    void shouldQuoteLineFromMesaLog()
    {
        final String message = ShaderCompiler.describeCompileError("sprite", "fragment",
            "0:3(10): error: no function with name 'texure'", "#version 330 core\nin vec2 v_uv;\nvec4 c = texure(u_tex, v_uv);\n");
        assertEquals("shader 'sprite' (fragment) failed to compile: 0:3(10): error: no function with name 'texure'\n" +
            "  line 3: vec4 c = texure(u_tex, v_uv);", message);
    }

    @Test
    void shouldQuoteLineFromNvidiaStyleLog()
    {
        final String message = ShaderCompiler.describeCompileError("sprite", "vertex",
            "0(2) : error C1008: undefined variable \"foo\"", "#version 330 core\nfoo = 1;\n");
        assertEquals("shader 'sprite' (vertex) failed to compile: 0(2) : error C1008: undefined variable \"foo\"\n" +
            "  line 2: foo = 1;", message);
    }

    @Test
    void shouldNameProgramOnLinkError()
    {
        final String fragmentNeedingMissingFunction =
            "#version 330 core\nout vec4 colour;\nvec4 shade();\nvoid main()\n{\n    colour = shade();\n}\n";
        try (HeadlessGl gl = HeadlessGl.open(8, 8))
        {
            final ShaderCompileException failure = assertThrows(ShaderCompileException.class,
                () -> ShaderProgram.fromSources("lit", VERTEX, fragmentNeedingMissingFunction));
            assertEquals("link", failure.stage());
            assertEquals("shader program 'lit' failed to link: " + failure.infoLog(), failure.getMessage());
            assertFalse(failure.infoLog().isEmpty());
            assertEquals(0, gl.context().objects().liveCount(GlObjectType.PROGRAM));
            assertEquals(0, gl.context().objects().liveCount(GlObjectType.SHADER));
        }
    }

    @Test
    void shouldNameMissingUniform()
    {
        try (HeadlessGl gl = HeadlessGl.open(8, 8); ShaderProgram program = ShaderProgram.fromSources("fill", VERTEX, FRAGMENT))
        {
            final IllegalArgumentException failure = assertThrows(IllegalArgumentException.class,
                () -> program.uniformLocation("u_colour2"));
            assertEquals("uniform 'u_colour2' is not active in shader program 'fill' (misspelt, or unused and " +
                "removed by the compiler)", failure.getMessage());
            assertEquals(-1, program.optionalUniformLocation("u_colour2"));
        }
    }

    @Test
    void shouldNameMissingResource()
    {
        try (HeadlessGl gl = HeadlessGl.open(8, 8))
        {
            final UncheckedIOException failure = assertThrows(UncheckedIOException.class,
                () -> ShaderProgram.fromResources("fill", "shaders/absent.vert", "shaders/absent.frag"));
            assertEquals("shader resource 'shaders/absent.vert' not found on the classpath", failure.getCause().getMessage());
        }
    }

    @Test
    void shouldSetUniformsWithoutAllocating() throws Exception
    {
        try (HeadlessGl gl = HeadlessGl.open(8, 8); ShaderProgram program = ShaderProgram.fromSources("fill", VERTEX, FRAGMENT))
        {
            final int transform = program.uniformLocation("u_transform");
            final int colour = program.uniformLocation("u_colour");
            final Matrix4f matrix = new Matrix4f();
            AllocationGate.assertSteadyZero("uniform setters", 10_000, 5000, (i) ->
            {
                program.use();
                program.setMatrix4(transform, matrix.identity().translate(i * 0.001f, 0f, 0f));
                program.setVec4(colour, 1f, 0f, 0f, 1f);
                program.setFloat(colour, 1f);
            });
        }
    }

    /** The latent use-after-free: setMatrix4 wrote 64 bytes into the freed matrix memory. */
    @Test
    void shouldRefuseSetMatrix4AfterClose()
    {
        try (HeadlessGl gl = HeadlessGl.open(8, 8))
        {
            final ShaderProgram program = ShaderProgram.fromSources("fill", VERTEX, FRAGMENT);
            final int transform = program.uniformLocation("u_transform");
            program.close();

            final IllegalStateException failure =
                assertThrows(IllegalStateException.class, () -> program.setMatrix4(transform, new Matrix4f()));
            assertEquals("ShaderProgram 'fill' used after close(): the program is deleted and its uniform memory " +
                "freed", failure.getMessage());
        }
    }

    @Test
    void shouldCloseTwiceWithoutError()
    {
        try (HeadlessGl gl = HeadlessGl.open(8, 8))
        {
            final ShaderProgram program = ShaderProgram.fromSources("fill", VERTEX, FRAGMENT);
            program.close();
            program.close();

            assertEquals(0, gl.context().objects().liveCount(GlObjectType.PROGRAM));
        }
    }
}
