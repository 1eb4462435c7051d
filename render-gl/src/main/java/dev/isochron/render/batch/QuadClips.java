package dev.isochron.render.batch;

/**
 * Which scissor rectangle each drawn quad of a source is clipped by, for {@link BatchRenderer#draw(QuadSource, long,
 * QuadClips)}: the renderer splits a texture run where the clip changes and has the clip applied before the part
 * that needs it. Implemented by the pass package's scissor stack, which remembers what was pushed while each quad
 * was recorded.
 * <p>
 * Render thread; both methods allocation-free.
 */
public interface QuadClips
{
    /**
     * @param drawIndex the position of a quad in the source's draw order this frame (after {@code prepare}).
     * @return the clip of that quad: an id that {@link #apply} understands; equal ids are the same rectangle.
     */
    int clipOf(int drawIndex);

    /** Records the scissor state of {@code clip} (a rectangle, or none) into {@code commands}. */
    void apply(int clip, DrawCommands commands);
}
