package dev.isochron.render.natives;

import org.junit.jupiter.api.Test;
import org.lwjgl.system.Platform;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/** On Linux with glibc (this project's CI), the C heap's trim threshold and top pad are set, once. */
class NativeHeapTest
{
    @Test
    void shouldKeepFreedMemoryOnGlibc()
    {
        assumeTrue(Platform.LINUX == Platform.get(), "glibc's mallopt is Linux-only");

        assertTrue(NativeHeap.retain());
        assertTrue(NativeHeap.isRetained());
    }

    @Test
    void shouldTakeASecondCallAsDone()
    {
        assumeTrue(Platform.LINUX == Platform.get(), "glibc's mallopt is Linux-only");
        NativeHeap.retain();

        assertTrue(NativeHeap.retain());
    }
}
