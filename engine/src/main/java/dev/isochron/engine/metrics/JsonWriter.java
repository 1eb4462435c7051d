package dev.isochron.engine.metrics;

/**
 * A minimal JSON writer for the run report: objects, string/number/boolean members, two-space indentation.
 * Report time only (it builds a String).
 */
final class JsonWriter
{
    private final StringBuilder sb = new StringBuilder(2048);
    private int depth;
    private boolean first = true;

    JsonWriter beginObject()
    {
        sb.append('{');
        depth++;
        first = true;
        return this;
    }

    JsonWriter beginObject(final String name)
    {
        key(name);
        return beginObject();
    }

    JsonWriter endObject()
    {
        depth--;
        newline();
        sb.append('}');
        first = false;
        return this;
    }

    JsonWriter member(final String name, final String value)
    {
        key(name);
        if (null == value)
        {
            sb.append("null");
        }
        else
        {
            string(value);
        }
        return this;
    }

    JsonWriter member(final String name, final long value)
    {
        key(name);
        sb.append(value);
        return this;
    }

    JsonWriter member(final String name, final boolean value)
    {
        key(name);
        sb.append(value);
        return this;
    }

    /** Writes a double rounded to 4 decimals; NaN and infinities (not JSON) as null. */
    JsonWriter member(final String name, final double value)
    {
        key(name);
        if (Double.isNaN(value) || Double.isInfinite(value))
        {
            sb.append("null");
        }
        else
        {
            final double rounded = Math.round(value * 10_000.0) / 10_000.0;
            if (rounded == Math.rint(rounded) && Math.abs(rounded) < 1e15)
            {
                sb.append((long)rounded).append(".0");
            }
            else
            {
                sb.append(rounded);
            }
        }
        return this;
    }

    String toJson()
    {
        return sb.append('\n').toString();
    }

    private void key(final String name)
    {
        if (!first)
        {
            sb.append(',');
        }
        first = false;
        newline();
        string(name);
        sb.append(": ");
    }

    private void newline()
    {
        sb.append('\n');
        for (int i = 0; i < depth; i++)
        {
            sb.append("  ");
        }
    }

    private void string(final String value)
    {
        sb.append('"');
        for (int i = 0; i < value.length(); i++)
        {
            final char c = value.charAt(i);
            switch (c)
            {
                case '"':
                    sb.append("\\\"");
                    break;
                case '\\':
                    sb.append("\\\\");
                    break;
                case '\n':
                    sb.append("\\n");
                    break;
                case '\r':
                    sb.append("\\r");
                    break;
                case '\t':
                    sb.append("\\t");
                    break;
                default:
                    if (c < 0x20)
                    {
                        sb.append(String.format("\\u%04x", (int)c));
                    }
                    else
                    {
                        sb.append(c);
                    }
            }
        }
        sb.append('"');
    }
}
