package dev.isochron.render.batch;

import org.junit.jupiter.api.Test;
import org.lwjgl.system.MemoryStack;

import static org.junit.jupiter.api.Assertions.assertEquals;

class RgbaTest
{
    @Test
    void shouldLayChannelsOutAsRgbaBytesInMemory()
    {
        try (MemoryStack stack = MemoryStack.stackPush())
        {
            final long at = stack.nmalloc(4, 4);
            org.lwjgl.system.MemoryUtil.memPutInt(at, Rgba.pack(1, 2, 3, 4));
            assertEquals(1, org.lwjgl.system.MemoryUtil.memGetByte(at));
            assertEquals(2, org.lwjgl.system.MemoryUtil.memGetByte(at + 1));
            assertEquals(3, org.lwjgl.system.MemoryUtil.memGetByte(at + 2));
            assertEquals(4, org.lwjgl.system.MemoryUtil.memGetByte(at + 3));
        }
    }

    @Test
    void shouldClampAndRoundFloatChannels()
    {
        assertEquals(Rgba.pack(255, 128, 0, 255), Rgba.pack(2f, 0.5f, Float.NaN, 1f));
    }

    @Test
    void shouldReadHexWrittenAsRrggbbaa()
    {
        final int colour = Rgba.fromHex(0x11223344);
        assertEquals(0x11, Rgba.red(colour));
        assertEquals(0x22, Rgba.green(colour));
        assertEquals(0x33, Rgba.blue(colour));
        assertEquals(0x44, Rgba.alpha(colour));
    }
}
