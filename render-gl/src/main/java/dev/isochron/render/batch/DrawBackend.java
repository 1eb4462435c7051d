package dev.isochron.render.batch;

import dev.isochron.render.gl.Framebuffer;
import dev.isochron.render.gl.ShaderProgram;
import org.joml.Matrix4fc;

/**
 * Where {@link BatchRenderer} gets vertex memory and sends draws: the GL implementation writes
 * into the streaming vertex buffer and issues {@code glDrawElements}; {@link NullDrawBackend}
 * runs the same pipeline without GL, so benchmarks can separate the engine's CPU cost from
 * rasterisation.
 * <p>
 * Protocol per frame, all on the render thread except the vertex writes:
 * {@link #beginFrame(Matrix4fc)}, then per source {@link #reserveQuads(int)} (vertex memory that
 * workers may fill concurrently), {@link #commitQuads(long, int)} once filled, then
 * {@link #drawQuads(long, int, int, int)} per run, and finally {@link #endFrame()}. An instanced
 * source ({@link QuadSource#instanced()}) takes {@link #reserveInstances(int)} and
 * {@link #drawInstances(long, int, int, int)} instead, from the same frame's memory and in the
 * same order as the quads' draws. Implementations are allocation-free in all of these.
 * <p>
 * Between {@code beginFrame} and {@code endFrame}, {@link #commands()} takes state commands in order with the draws
 * (render target and its clear, viewport, scissor, blend function, program and uniform values); the targets and
 * programs they name are registered at start-up ({@link #registerTarget}, {@link #registerProgram}). A frame starts
 * on the default target with its full viewport, no scissor, straight-alpha blending and the batch program.
 */
public interface DrawBackend extends AutoCloseable
{
    /** Starts a frame drawn with {@code projection} (world to clip space). */
    void beginFrame(Matrix4fc projection);

    /**
     * Changes the projection for the draws that follow within this frame (a pixel-space HUD over
     * a zoomed world).
     */
    void projection(Matrix4fc projection);

    /**
     * @return the address of {@code quadCount * BYTES_PER_QUAD} writable bytes valid until
     * {@link #endFrame()}; distinct reservations of one frame do not overlap.
     * @throws IllegalStateException when the frame's vertex memory is exhausted (names the capacity).
     */
    long reserveQuads(int quadCount);

    /** The quads at {@code address} (a reservation of this frame) are written: make them drawable. */
    void commitQuads(long address, int quadCount);

    /**
     * Draws quads {@code [firstQuad, firstQuad + quadCount)} of the committed reservation at
     * {@code address} with the texture {@code textureKey}; {@code quadCount} is at most
     * {@link QuadVertexLayout#MAX_QUADS_PER_DRAW}. A backend may record the draw and issue it at
     * {@link #endFrame()} (the GL backend does, so that all vertices of the frame are visible to GL
     * first); draws keep their order and the projection in force when they were made.
     */
    void drawQuads(long address, int textureKey, int firstQuad, int quadCount);

    /**
     * @return whether this backend draws {@link SpriteInstanceLayout} records ({@link #reserveInstances},
     * {@link #drawInstances}); when false, draw sprites as quads.
     */
    boolean drawsInstances();

    /**
     * @return the address of {@code instanceCount * BYTES_PER_INSTANCE} writable bytes for
     * {@link SpriteInstanceLayout} records, valid until {@link #endFrame()}, on a 64-byte line and a
     * {@link SpriteInstanceLayout#RESERVATION_BLOCK_BYTES} block boundary of the frame's memory; it
     * does not overlap the frame's other reservations, and takes
     * {@link SpriteInstanceLayout#quadsForInstances(int)} quads of the frame's capacity (plus up to
     * three quads of padding before it).
     * @throws IllegalStateException when the frame's memory is exhausted (names the capacity).
     */
    long reserveInstances(int instanceCount);

    /**
     * Draws records {@code [firstInstance, firstInstance + instanceCount)} of the reservation at
     * {@code address} (from {@link #reserveInstances}, written before {@link #endFrame()}) with the
     * texture {@code textureKey}, one quad each; recorded and issued like {@link #drawQuads}, in order
     * with them.
     */
    void drawInstances(long address, int textureKey, int firstInstance, int instanceCount);

    /**
     * Registers an offscreen render target and binds its colour texture to {@code textureKey}. Start-up.
     *
     * @param label       names the target in errors.
     * @param framebuffer the target; null only for a backend without GL.
     * @return the target's id for {@link DrawCommands#target(int)} (0 is the default target).
     */
    int registerTarget(String label, Framebuffer framebuffer, int textureKey, int width, int height);

    /**
     * Registers a program drawn with the batch's vertex layout ({@link QuadVertexLayout}: attributes 0 to 2,
     * {@code u_projection}, {@code u_texture} on unit 0). Start-up.
     *
     * @param program the program; null only for a backend without GL.
     * @return the program's id for {@link DrawCommands#program(int)} (0 is the batch program).
     */
    int registerProgram(ShaderProgram program);

    /**
     * Says what the default target is from now on: its framebuffer (0 for a window) and size. Until called, the GL
     * backend takes the framebuffer bound and the viewport set when a frame ends. Allocation-free (call it each frame
     * the size may have changed).
     */
    void defaultTarget(int framebufferName, int width, int height);

    /** @return the frame's command list, for state commands between {@code beginFrame} and {@code endFrame}. */
    DrawCommands commands();

    /** Ends the frame; its reservations become invalid. */
    void endFrame();

    /** Frees what the backend owns (on the thread that owns its GL context, for GL). */
    void close();
}
