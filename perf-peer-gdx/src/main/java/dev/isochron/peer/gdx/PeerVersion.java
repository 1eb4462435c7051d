package dev.isochron.peer.gdx;

import com.badlogic.gdx.Version;

/** What the peer is, for its report and its messages. */
final class PeerVersion
{
    /** The libGDX release this module was written and measured against. */
    static final String GDX = "1.13.5";

    private PeerVersion()
    {
    }

    /** @return e.g. {@code libGDX 1.13.5, lwjgl3 backend, LWJGL 3.3.3}, read from the classes on the class path. */
    static String describe()
    {
        return "libGDX " + Version.VERSION + ", lwjgl3 backend, LWJGL " + org.lwjgl.Version.VERSION_MAJOR + "." + org.lwjgl.Version.VERSION_MINOR + "." +
            org.lwjgl.Version.VERSION_REVISION;
    }
}
