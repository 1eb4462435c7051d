package dev.isochron.render.runtime;

/**
 * How the world's sprites ({@code Frame.sprites()}, text drawn into it included) reach the GL renderer
 * ({@link RuntimeConfig#spritePath}). Shapes and the HUD are always vertices.
 */
public enum SpritePath
{
    /**
     * Instance records where the renderer draws instances cheaply, vertices where it does not: Mesa's CPU rasterisers
     * run an instanced draw's whole vertex pipeline once per instance
     * ({@link dev.isochron.render.gl.DriverWorkarounds#perInstanceDraws}), which costs more than making four vertices a
     * sprite on the CPU (docs/perf.md, "Where the windowed frame goes").
     */
    AUTO,
    /**
     * One 32-byte record per sprite, built and rotated by the vertex shader, one instanced draw per texture run
     * ({@code SpriteInstances}), wherever the backend can draw instances; a frame with a sprite a record cannot hold
     * (a UV outside [0, 1], a corner beyond 65,504 units) is drawn as vertices.
     */
    INSTANCED,
    /** Four CPU-made 20-byte vertices per sprite. */
    VERTICES
}
