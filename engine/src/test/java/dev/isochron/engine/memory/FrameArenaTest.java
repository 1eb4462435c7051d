package dev.isochron.engine.memory;

import dev.isochron.engine.checked.GuardBand;
import dev.isochron.engine.checked.GuardBandException;
import dev.isochron.engine.testing.AllocationGate;
import org.agrona.UnsafeApi;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class FrameArenaTest
{
    private static final int CAPACITY_BYTES = 1024;

    private final FrameArena arena = new FrameArena("scratch", CAPACITY_BYTES);

    @AfterEach
    void after()
    {
        arena.close();
    }

    @Test
    void shouldRejectCapacityBelowOneNamingTheOptionAndRange()
    {
        final IllegalArgumentException ex =
            assertThrows(IllegalArgumentException.class, () -> new FrameArena("hud", 0));
        assertEquals("frame arena 'hud': capacityBytes must be in [1, 1073741824], was 0", ex.getMessage());
    }

    @Test
    void shouldRejectCapacityAboveMaximum()
    {
        final IllegalArgumentException ex =
            assertThrows(IllegalArgumentException.class, () -> new FrameArena("hud", Integer.MAX_VALUE));
        assertEquals("frame arena 'hud': capacityBytes must be in [1, 1073741824], was 2147483647", ex.getMessage());
    }

    @Test
    void shouldBumpAllocateAlignedOffsets()
    {
        assertEquals(0, arena.allocate(3, 1));
        assertEquals(8, arena.allocate(16, 8));
        assertEquals(32, arena.allocate(1, 32));
        assertEquals(33, arena.usedBytes());
    }

    @Test
    void shouldAlignNativeAddressesLikeOffsets()
    {
        arena.allocate(1, 1);
        final int offset = arena.allocate(64, 64);
        assertEquals(0L, arena.address(offset) & 63L);
        assertEquals(0L, arena.address(0) & (FrameArena.MAX_ALIGNMENT - 1));
    }

    @Test
    void shouldStartAgainFromZeroAfterReset()
    {
        arena.allocate(100);
        arena.reset();
        assertEquals(0, arena.usedBytes());
        assertEquals(0, arena.allocate(8));
        assertEquals(1L, arena.resetCount());
    }

    @Test
    void shouldKeepHighWaterMarkAcrossResets()
    {
        arena.allocate(600);
        arena.reset();
        arena.allocate(100);
        assertEquals(600, arena.highWaterMarkBytes());
    }

    @Test
    void shouldThrowOnOverflowNamingArenaRequestedAndRemainingBytes()
    {
        arena.allocate(1000);
        final IllegalStateException ex = assertThrows(IllegalStateException.class, () -> arena.allocate(64));
        assertEquals("frame arena 'scratch' overflow: requested 64 bytes (alignment 8), remaining 24 of 1024 bytes; " +
            "make the arena larger (high-water mark so far 1000 bytes)", ex.getMessage());
    }

    @Test
    void shouldLeaveArenaUnchangedWhenAllocationOverflows()
    {
        arena.allocate(1000);
        assertThrows(IllegalStateException.class, () -> arena.allocate(64));
        assertEquals(1000, arena.usedBytes());
        assertEquals(1000, arena.allocate(24, 8));
    }

    @Test
    void shouldRejectAlignmentThatIsNotAPowerOfTwo()
    {
        final IllegalArgumentException ex = assertThrows(IllegalArgumentException.class, () -> arena.allocate(8, 3));
        assertEquals("frame arena 'scratch': alignment must be a power of two in [1, 4096], was 3", ex.getMessage());
    }

    @Test
    void shouldAllocateTypedBlocksWithTheirNaturalAlignment()
    {
        arena.allocate(1, 1);
        assertEquals(4, arena.allocateFloats(2));
        assertEquals(16, arena.allocateLongs(1));
        assertEquals(24, arena.allocateInts(3));
        arena.buffer().putFloat(4, 1.5f);
        assertEquals(1.5f, arena.buffer().getFloat(4));
    }

    @Test
    void shouldBeUnusableAfterClose()
    {
        arena.close();
        assertTrue(arena.isClosed());
        final IllegalStateException ex = assertThrows(IllegalStateException.class, () -> arena.allocate(8));
        assertEquals("FrameArena 'scratch' used after close(): its memory was freed", ex.getMessage());
        assertThrows(IllegalStateException.class, () -> arena.address(0));
        assertEquals(0, arena.usedBytes());
    }

    /** It handed out an empty buffer, whose writes failed with an index error that did not say why. */
    @Test
    void shouldRefuseTheBufferAfterClose()
    {
        arena.close();

        final IllegalStateException ex = assertThrows(IllegalStateException.class, arena::buffer);
        assertEquals("FrameArena 'scratch' used after close(): its memory was freed", ex.getMessage());
    }

    @Test
    void shouldCloseTwiceWithoutError()
    {
        arena.close();
        arena.close();

        assertTrue(arena.isClosed());
    }

    @Test
    void shouldAllocateAndResetWithoutHeapAllocation() throws Exception
    {
        AllocationGate.assertSteadyZero("arena allocate/reset", 200_000, 20_000, i ->
        {
            final int offset = arena.allocateFloats(16);
            arena.buffer().putFloat(offset, i);
            arena.allocate(40, 16);
            arena.reset();
        });
    }

    @Test
    void shouldHaveNoGuardBandsUnlessChecked()
    {
        assertFalse(arena.isChecked(), "checking mode is off by default");
    }

    @Test
    void shouldReportAWriteOnePastTheArenaAtTheNextResetInCheckedMode()
    {
        try (FrameArena checked = new FrameArena("checked scratch", CAPACITY_BYTES, true))
        {
            final int offset = checked.allocate(CAPACITY_BYTES);
            UnsafeApi.putByte(checked.address(offset) + CAPACITY_BYTES, (byte)1);

            final GuardBandException ex = assertThrows(GuardBandException.class, checked::reset);
            assertEquals("FrameArena 'checked scratch'", ex.memoryName());
            assertEquals(CAPACITY_BYTES, ex.offset());
            UnsafeApi.putByte(checked.address(offset) + CAPACITY_BYTES, GuardBand.PATTERN_BYTE);
        }
    }

    @Test
    void shouldReportAWriteBeforeTheArenaAtCloseAndStillFreeIt()
    {
        final FrameArena checked = new FrameArena("checked scratch", CAPACITY_BYTES, true);
        UnsafeApi.putLong(checked.address(0) - 8, 0L);

        final GuardBandException ex = assertThrows(GuardBandException.class, checked::close);
        assertEquals(-8, ex.offset());
        assertTrue(checked.isClosed());
    }

    @Test
    void shouldAllocateAndResetWithoutHeapAllocationInCheckedMode() throws Exception
    {
        try (FrameArena checked = new FrameArena("checked scratch", CAPACITY_BYTES, true))
        {
            AllocationGate.assertSteadyZero("checked arena allocate/reset", 200_000, 20_000, i ->
            {
                final int offset = checked.allocateFloats(16);
                checked.buffer().putFloat(offset, i);
                checked.reset();
            });
        }
    }
}
