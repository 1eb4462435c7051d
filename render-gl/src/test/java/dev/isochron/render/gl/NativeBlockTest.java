package dev.isochron.render.gl;

import dev.isochron.engine.checked.GuardBandException;
import org.junit.jupiter.api.Test;
import org.lwjgl.system.MemoryUtil;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** LWJGL-allocated blocks with and without guard bands: what a write outside a checked block gives, and when. */
class NativeBlockTest
{
    @Test
    void shouldReportAOneByteOverflowWhenFreedAndFreeItAnyway()
    {
        final NativeBlock block = NativeBlock.allocate("test staging", 100, 64, true, true);
        assertEquals(0, block.address() % 64, "the band keeps the block's alignment");
        assertEquals(0, MemoryUtil.memGetByte(block.address() + 99), "zeroed");
        MemoryUtil.memPutByte(block.address() + 100, (byte)0x2a);

        final GuardBandException ex = assertThrows(GuardBandException.class, block::free);
        assertEquals("test staging", ex.memoryName());
        assertEquals(100, ex.offset());
        block.free();
        block.verify();
        assertTrue(block.toString().contains("freed"), block.toString());
    }

    @Test
    void shouldPassWhileOnlyTheBlockIsWritten()
    {
        final NativeBlock block = NativeBlock.allocate("test", 24, 16, false, true);
        MemoryUtil.memSet(block.address(), 0x11, 24);

        block.verify();
        block.free();
    }

    @Test
    void shouldHaveNoBandsUnchecked()
    {
        final NativeBlock block = NativeBlock.allocate("test", 24, 16, false, false);

        assertFalse(block.isChecked());
        block.verify();
        block.free();
    }

    @Test
    void shouldRefuseAnEmptyBlockOrAnOddAlignment()
    {
        assertEquals("native block 'x' needs bytes >= 1 and an alignment of 16 or 64, was 0 and 16",
            assertThrows(IllegalArgumentException.class, () -> NativeBlock.allocate("x", 0, 16, false, true)).getMessage());
        assertThrows(IllegalArgumentException.class, () -> NativeBlock.allocate("x", 8, 32, false, true));
    }
}
