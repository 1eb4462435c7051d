package dev.isochron.render.batch;

/**
 * Packs colours into the vertex format's 32-bit RGBA8 value: red in the lowest byte, so that the
 * little-endian int written to vertex memory reads R, G, B, A in byte order. Allocation-free.
 */
public final class Rgba
{
    /** Opaque white: a sprite drawn with it shows its texture unchanged. */
    public static final int WHITE = 0xFFFF_FFFF;
    /** Opaque black. */
    public static final int BLACK = 0xFF00_0000;

    private Rgba()
    {
    }

    /** Packs channels in [0, 255]; out-of-range values are clamped. */
    public static int pack(final int r, final int g, final int b, final int a)
    {
        return clamp(r) | clamp(g) << 8 | clamp(b) << 16 | clamp(a) << 24;
    }

    /** Packs channels in [0, 1]; out-of-range values (and NaN, as 0) are clamped. */
    public static int pack(final float r, final float g, final float b, final float a)
    {
        return pack(toByte(r), toByte(g), toByte(b), toByte(a));
    }

    /** Converts {@code 0xRRGGBBAA} (the way colours are usually written) to the packed form. */
    public static int fromHex(final int rrggbbaa)
    {
        return Integer.reverseBytes(rrggbbaa);
    }

    /** @return the red channel in [0, 255]. */
    public static int red(final int rgba)
    {
        return rgba & 0xFF;
    }

    /** @return the green channel in [0, 255]. */
    public static int green(final int rgba)
    {
        return (rgba >>> 8) & 0xFF;
    }

    /** @return the blue channel in [0, 255]. */
    public static int blue(final int rgba)
    {
        return (rgba >>> 16) & 0xFF;
    }

    /** @return the alpha channel in [0, 255]. */
    public static int alpha(final int rgba)
    {
        return rgba >>> 24;
    }

    private static int toByte(final float channel)
    {
        return channel > 0f ? (int)(Math.min(channel, 1f) * 255f + 0.5f) : 0;
    }

    private static int clamp(final int channel)
    {
        return channel < 0 ? 0 : Math.min(channel, 255);
    }
}
