package dev.isochron.render.runtime;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SoftwareRenderersTest
{
    @ParameterizedTest
    @ValueSource(strings = {"llvmpipe (LLVM 15.0.6, 256 bits)", "softpipe", "Software Rasterizer",
        "Google SwiftShader", "Microsoft Basic Render Driver"})
    void shouldRecogniseACpuRasteriser(final String renderer)
    {
        assertTrue(SoftwareRenderers.matches(renderer));
    }

    @ParameterizedTest
    @ValueSource(strings = {"NVIDIA H200/PCIe/SSE2", "AMD Radeon RX 7900 XTX (radeonsi, navi31, LLVM 15.0.6)",
        "Mesa Intel(R) UHD Graphics 620 (KBL GT2)", "Apple M2", "null"})
    void shouldNotTakeAGpuForACpuRasteriser(final String renderer)
    {
        assertFalse(SoftwareRenderers.matches(renderer));
    }
}
