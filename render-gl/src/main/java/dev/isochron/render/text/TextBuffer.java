package dev.isochron.render.text;

/**
 * A reusable, fixed-capacity character buffer for text built every frame (HUD figures, labels)
 * without {@code String} building: append characters, sequences, integers and fixed-point
 * numbers, draw it (it is a {@link CharSequence}), {@link #clear()} it next frame.
 * <p>
 * Every {@code append} and {@code clear} is allocation-free. Overflowing the capacity throws
 * {@link IllegalStateException} naming the capacity (size the buffer for the longest text).
 * {@link #toString()} allocates and is for humans and tests only. Not thread-safe.
 */
public final class TextBuffer implements CharSequence
{
    /** Most decimals {@link #appendFixed(double, int)} writes. */
    public static final int MAX_DECIMALS = 9;

    private static final long[] POWERS_OF_TEN = {
        1L, 10L, 100L, 1_000L, 10_000L, 100_000L, 1_000_000L, 10_000_000L, 100_000_000L, 1_000_000_000L};
    // what appendFixed writes for values without digits, as characters: a String literal here would be resolved on
    // the thread that requests this class's first C2 compile (see Messages)
    private static final char[] NAN = {'N', 'a', 'N'};
    private static final char[] INFINITY = {'I', 'n', 'f', 'i', 'n', 'i', 't', 'y'};
    private static final char[] NEGATIVE_INFINITY = {'-', 'I', 'n', 'f', 'i', 'n', 'i', 't', 'y'};
    private static final char[] TOO_LARGE = {'#', '#'};

    private final char[] chars;
    private int length;

    /**
     * @param capacity most characters held, >= 1.
     */
    public TextBuffer(final int capacity)
    {
        if (capacity < 1)
        {
            throw Messages.badCapacity(capacity);
        }
        chars = new char[capacity];
    }

    /** @return most characters held. */
    public int capacity()
    {
        return chars.length;
    }

    /** @return the backing array; characters {@code [0, length())} are the text. */
    public char[] array()
    {
        return chars;
    }

    public int length()
    {
        return length;
    }

    public char charAt(final int index)
    {
        if (index < 0 || index >= length)
        {
            throw Messages.badIndex(length, index);
        }
        return chars[index];
    }

    /** Allocates a new buffer holding the copy: not for the frame path. */
    public CharSequence subSequence(final int start, final int end)
    {
        return toString().substring(start, end);
    }

    /** Empties the buffer. Allocation-free. @return this. */
    public TextBuffer clear()
    {
        length = 0;
        return this;
    }

    /** Appends one character. Allocation-free. @return this. */
    public TextBuffer append(final char c)
    {
        ensure(1);
        chars[length++] = c;
        return this;
    }

    /** Appends {@code text} (for example a String constant). Allocation-free. @return this. */
    public TextBuffer append(final CharSequence text)
    {
        final int n = text.length();
        ensure(n);
        for (int i = 0; i < n; i++)
        {
            chars[length + i] = text.charAt(i);
        }
        length += n;
        return this;
    }

    /** Appends {@code value} in decimal. Allocation-free. @return this. */
    public TextBuffer append(final int value)
    {
        return append((long)value);
    }

    /** Appends {@code value} in decimal, {@link Long#MIN_VALUE} included. Allocation-free. @return this. */
    public TextBuffer append(final long value)
    {
        // work on the negative magnitude so that Long.MIN_VALUE needs no special case
        long negative = value < 0 ? value : -value;
        int digits = 1;
        for (long v = negative; v <= -10; v /= 10)
        {
            digits++;
        }
        final int sign = value < 0 ? 1 : 0;
        ensure(digits + sign);
        if (sign == 1)
        {
            chars[length] = '-';
        }
        int at = length + sign + digits - 1;
        do
        {
            chars[at--] = (char)('0' - (negative % 10));
            negative /= 10;
        }
        while (negative != 0);
        length += digits + sign;
        return this;
    }

    /**
     * Appends {@code value} rounded half away from zero to {@code decimals} places
     * ({@code appendFixed(3.14159, 2)} gives "3.14", {@code appendFixed(-0.004, 2)} gives "0.00").
     * NaN appends "NaN", infinities "Infinity" or "-Infinity"; a magnitude too large for a long
     * once scaled (about 9.2e18 / 10^decimals) appends "##". Allocation-free.
     *
     * @param decimals in [0, {@link #MAX_DECIMALS}].
     * @return this.
     */
    public TextBuffer appendFixed(final double value, final int decimals)
    {
        if (decimals < 0 || decimals > MAX_DECIMALS)
        {
            throw Messages.badDecimals(decimals);
        }
        if (value != value)
        {
            return appendChars(NAN);
        }
        if (value == Double.POSITIVE_INFINITY)
        {
            return appendChars(INFINITY);
        }
        if (value == Double.NEGATIVE_INFINITY)
        {
            return appendChars(NEGATIVE_INFINITY);
        }
        final long power = POWERS_OF_TEN[decimals];
        final double scaled = Math.abs(value) * power + 0.5;
        if (scaled >= 9.2e18)
        {
            return appendChars(TOO_LARGE);
        }
        final long units = (long)scaled;
        if (value < 0 && units != 0)
        {
            append('-');
        }
        append(units / power);
        if (decimals > 0)
        {
            ensure(decimals + 1);
            chars[length] = '.';
            long fraction = units % power;
            for (int i = decimals; i >= 1; i--)
            {
                chars[length + i] = (char)('0' + fraction % 10);
                fraction /= 10;
            }
            length += decimals + 1;
        }
        return this;
    }

    /**
     * Appends {@code value} in decimal, left-padded with {@code pad} to at least {@code width}
     * characters (for aligned HUD columns). Allocation-free. @return this.
     */
    public TextBuffer append(final long value, final int width, final char pad)
    {
        int digits = value < 0 ? 2 : 1;
        for (long v = value; v <= -10 || v >= 10; v /= 10)
        {
            digits++;
        }
        for (int i = digits; i < width; i++)
        {
            append(pad);
        }
        return append(value);
    }

    /** Allocates a String copy: for humans and tests, not for the frame path. */
    public String toString()
    {
        return new String(chars, 0, length);
    }

    private TextBuffer appendChars(final char[] text)
    {
        final int n = text.length;
        ensure(n);
        System.arraycopy(text, 0, chars, length, n);
        length += n;
        return this;
    }

    private void ensure(final int more)
    {
        if (more > chars.length - length)
        {
            throw Messages.full(chars.length, length, more);
        }
    }

    /**
     * The error messages, in a class of their own so that TextBuffer holds no String constant: the first C2 compile
     * of a per-frame method would otherwise resolve them on the engine thread that calls it, mid-run (see
     * {@code ClassConstants} in the engine test-jar).
     */
    private static final class Messages
    {
        private Messages()
        {
        }

        static IllegalArgumentException badCapacity(final int capacity)
        {
            return new IllegalArgumentException("capacity must be >= 1, was " + capacity);
        }

        static IndexOutOfBoundsException badIndex(final int length, final int index)
        {
            return new IndexOutOfBoundsException("index must be in [0, " + length + "), was " + index);
        }

        static IllegalArgumentException badDecimals(final int decimals)
        {
            return new IllegalArgumentException("decimals must be in [0, " + MAX_DECIMALS + "], was " + decimals);
        }

        static IllegalStateException full(final int capacity, final int length, final int more)
        {
            return new IllegalStateException("TextBuffer capacity of " + capacity + " characters exceeded (" +
                length + " held, " + more + " more): construct it with a larger capacity");
        }
    }
}
