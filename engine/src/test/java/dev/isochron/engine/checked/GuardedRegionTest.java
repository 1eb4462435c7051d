package dev.isochron.engine.checked;

import dev.isochron.engine.testing.AllocationGate;
import org.agrona.BufferUtil;
import org.agrona.UnsafeApi;
import org.junit.jupiter.api.Test;

import java.nio.ByteBuffer;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** Guard bands around a block of direct memory: what a write outside the block leaves, and what the failure says. */
class GuardedRegionTest
{
    private static final int BLOCK_BYTES = 100;
    private static final String NAME = "test block";

    private final ByteBuffer memory = ByteBuffer.allocateDirect((int)GuardedRegion.allocationBytes(BLOCK_BYTES));
    private final GuardedRegion region = new GuardedRegion(NAME, BufferUtil.address(memory), BLOCK_BYTES);

    @Test
    void shouldPassWhileOnlyTheBlockIsWritten()
    {
        UnsafeApi.setMemory(region.address(), BLOCK_BYTES, (byte)0x42);

        region.verify();
    }

    @Test
    void shouldReportAOneByteOverflowNamingTheMemoryTheOffsetAndTheBytesFound()
    {
        UnsafeApi.putByte(region.address() + BLOCK_BYTES, (byte)0x2a);

        final GuardBandException ex = assertThrows(GuardBandException.class, region::verify);

        assertEquals(NAME, ex.memoryName());
        assertEquals(BLOCK_BYTES, ex.offset());
        final byte[] expected = new byte[GuardBand.QUOTED_BYTES];
        java.util.Arrays.fill(expected, GuardBand.PATTERN_BYTE);
        expected[0] = 0x2a;
        assertArrayEquals(expected, ex.found());
        assertEquals("checked mode: the guard band of test block (100 bytes at 0x" + Long.toHexString(region.address()) +
            ") was overwritten: offset 100 (0 bytes past its end) holds 2a fd fd fd fd fd fd fd fd fd fd fd fd fd fd fd; " +
            "every guard byte should be fd. Something wrote outside this memory: the last writer before this check is " +
            "the suspect", ex.getMessage());
    }

    @Test
    void shouldReportAWriteBeforeTheStartWithANegativeOffset()
    {
        UnsafeApi.putInt(region.address() - 4, 7);

        final GuardBandException ex = assertThrows(GuardBandException.class, region::verify);

        assertEquals(-4, ex.offset());
        assertEquals(4, ex.found().length, "the bytes from the first overwritten one to the band's end");
        assertEquals(7, ex.found()[0]);
    }

    @Test
    void shouldFindTheFirstOverwrittenByteInsideAWord()
    {
        UnsafeApi.putByte(region.address() + BLOCK_BYTES + 13, (byte)0);

        assertEquals(113, assertThrows(GuardBandException.class, region::verify).offset());
    }

    @Test
    void shouldStartTheBlockOneBandIntoTheAllocation()
    {
        assertEquals(BufferUtil.address(memory) + GuardBand.BYTES, region.address());
        assertEquals(BufferUtil.address(memory), region.allocation());
        assertEquals(-1, GuardBand.firstOverwritten(region.allocation(), GuardBand.BYTES));
        assertFalse(region.toString().isEmpty());
    }

    @Test
    void shouldVerifyWithoutAllocating() throws Exception
    {
        AllocationGate.assertSteadyZero("GuardedRegion.verify", 20_000, 10_000, i -> region.verify());
    }
}
