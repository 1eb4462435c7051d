package dev.isochron.render.texture;

/**
 * What an application sees of a {@link TextureHandle}: where its texture is between the file and the frame.
 */
public enum TextureState
{
    /** Not loaded (declared, unloaded, or a load not yet asked for); draws as the transparent placeholder. */
    UNLOADED,
    /** Asked for: being read and decoded off the render thread, or uploaded a part per frame; draws transparent. */
    LOADING,
    /** Uploaded: draws as the image. */
    READY,
    /** The file is missing, unreadable or not a decodable image ({@link TextureHandle#failure()} says which); draws transparent. */
    FAILED
}
