package dev.isochron.render.runtime;

import java.util.Locale;

/** Recognises the {@code GL_RENDERER} strings of CPU rasterisers. Start-up only. */
final class SoftwareRenderers
{
    /** Lower-case parts of the renderer strings of Mesa's llvmpipe, softpipe and swrast, SwiftShader and WARP. */
    private static final String[] NAMES = {"llvmpipe", "softpipe", "swrast", "software rasterizer", "swiftshader",
        "microsoft basic render driver"};

    private SoftwareRenderers()
    {
    }

    /** @return whether {@code glRenderer} names a CPU rasteriser. */
    static boolean matches(final String glRenderer)
    {
        if (null == glRenderer)
        {
            return false;
        }
        final String renderer = glRenderer.toLowerCase(Locale.ROOT);
        for (final String name : NAMES)
        {
            if (renderer.contains(name))
            {
                return true;
            }
        }
        return false;
    }
}
