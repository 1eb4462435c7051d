package dev.isochron.peer.gdx;

/**
 * The runtime figures the demo's HUD line ends with (frame time, stalls, GC count, input events), as the peer's loop
 * knows them. Plain fields written by {@link PeerApplication} each frame and read by the scene's draw.
 * <p>
 * Thread: the render thread.
 */
final class HudFigures
{
    long lastFrameNs;
    long stalls;
    long gcCount;
    long inputEvents;
}
