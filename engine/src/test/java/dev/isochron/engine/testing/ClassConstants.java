package dev.isochron.engine.testing;

import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads a class file's String constants, for tests that keep them out of classes on the frame path.
 * <p>
 * Why: HotSpot resolves every String literal of a class on the Java thread whose call requests the class's first
 * C2 compile ({@code CompileBroker::compile_method}). A class with a per-frame method and cold error-message
 * literals therefore allocates a few hundred bytes once on an engine thread, thousands of frames in. A class with
 * no {@code CONSTANT_String} cannot.
 */
public final class ClassConstants
{
    private ClassConstants()
    {
    }

    /**
     * Fails when {@code type}'s class file holds a String constant, naming them and the fix.
     *
     * @param type a class whose methods run on the frame path (per frame, per tick, per event or per slice).
     */
    public static void assertNoStringConstants(final Class<?> type) throws IOException
    {
        final List<String> constants = stringConstants(type);
        if (!constants.isEmpty())
        {
            throw new AssertionError(type.getName() + " runs on the frame path but holds String constants " +
                constants + ": move them (messages, toString, reflective names) to a nested class, since the first " +
                "C2 compile of one of its methods resolves them on the engine thread that calls it");
        }
    }

    /** @return the values of the {@code CONSTANT_String} entries of {@code type}'s class file, in pool order. */
    public static List<String> stringConstants(final Class<?> type) throws IOException
    {
        final String resource = type.getName().replace('.', '/') + ".class";
        // through the class itself, so that JDK classes (no class loader) are read from their module too
        try (InputStream raw = type.getResourceAsStream("/" + resource))
        {
            if (raw == null)
            {
                throw new IOException(resource + " not found beside " + type.getName());
            }
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
