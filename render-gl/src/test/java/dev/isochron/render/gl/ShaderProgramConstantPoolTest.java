package dev.isochron.render.gl;

import org.junit.jupiter.api.Test;

import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

/**
 * {@link ShaderProgram}'s per-frame setters must not make HotSpot allocate on the render thread: the first C2
 * compile of a method resolves every String literal of its class on the calling thread (see
 * {@link ShaderCompiler}), so the class file must hold no {@code CONSTANT_String} at all.
 */
class ShaderProgramConstantPoolTest
{
    @Test
    void shouldKeepStringConstantsOutOfTheClassWhoseSettersRunEveryFrame() throws IOException
    {
        assertEquals(List.of(), stringConstants(ShaderProgram.class),
            "move these literals to ShaderCompiler: their resolution at the first C2 compile of a per-frame " +
            "setter allocates on the render thread");
    }

    @Test
    void shouldFindTheStringConstantsOfAClassThatHasThem() throws IOException
    {
        assertEquals(true, stringConstants(ShaderCompiler.class).contains("glUniformMatrix4fv"));
    }

    /** @return the values of the {@code CONSTANT_String} entries of {@code type}'s class file, in pool order. */
    static List<String> stringConstants(final Class<?> type) throws IOException
    {
        final String resource = type.getName().replace('.', '/') + ".class";
        try (InputStream raw = type.getClassLoader().getResourceAsStream(resource))
        {
            assertNotNull(raw, resource);
            final DataInputStream in = new DataInputStream(raw);
            in.readInt(); // magic
            in.readUnsignedShort(); // minor
            in.readUnsignedShort(); // major
            final int count = in.readUnsignedShort();
            final String[] utf8 = new String[count];
            final List<Integer> stringIndices = new ArrayList<>();
            for (int i = 1; i < count; i++)
            {
                final int tag = in.readUnsignedByte();
                switch (tag)
                {
                    case 1:
                        utf8[i] = in.readUTF();
                        break;
                    case 8:
                        stringIndices.add(in.readUnsignedShort());
                        break;
                    case 7: case 16: case 19: case 20:
                        in.readUnsignedShort();
                        break;
                    case 15:
                        in.readUnsignedByte();
                        in.readUnsignedShort();
                        break;
                    case 3: case 4: case 9: case 10: case 11: case 12: case 17: case 18:
                        in.readInt();
                        break;
                    case 5: case 6:
                        in.readLong();
                        i++;
                        break;
                    default:
                        throw new IOException(resource + ": unknown constant pool tag " + tag + " at entry " + i);
                }
            }
            final List<String> values = new ArrayList<>();
            for (final int index : stringIndices)
            {
                values.add(utf8[index]);
            }
            return values;
        }
    }
}
