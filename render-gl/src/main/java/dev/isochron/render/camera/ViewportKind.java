package dev.isochron.render.camera;

/**
 * How a {@link Viewport} fits its world onto a framebuffer of any size: the four strategies of libGDX's viewports.
 */
public enum ViewportKind
{
    /** The whole world, aspect kept, as large as fits; bars (letterbox or pillarbox) fill the rest. */
    FIT,
    /**
     * The world at least, aspect kept: the axis with room to spare shows more world (up to an optional maximum, then
     * bars), so nothing is cut and, without a maximum, there are no bars.
     */
    EXTEND,
    /** The whole world over the whole framebuffer, distorted when the aspects differ. */
    STRETCH,
    /** One world unit per pixel (or per a fixed number of pixels): a larger framebuffer shows more world. */
    SCREEN
}
