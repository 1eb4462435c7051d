package dev.isochron.render.context;

import org.lwjgl.glfw.GLFWNativeX11;

import java.io.IOException;
import java.nio.charset.StandardCharsets;

/** Reads a GLFW window's icon back from the X server, for the windowed tests run under Xvfb. */
public final class XpropIcon
{
    private XpropIcon()
    {
    }

    /**
     * @return each image of the window's {@code _NET_WM_ICON} property (width, height, then ARGB pixels) as
     * {@code WxH#first-pixel}, comma-separated, as xprop reads it; or "no-xprop" where xprop is not installed.
     */
    public static String read(final long glfwWindow) throws IOException, InterruptedException
    {
        final long xid = GLFWNativeX11.glfwGetX11Window(glfwWindow);
        final Process xprop;
        try
        {
            xprop = new ProcessBuilder("xprop", "-id", Long.toString(xid), "-notype", "32c", "_NET_WM_ICON")
                .redirectErrorStream(true).start();
        }
        catch (final IOException ex)
        {
            return "no-xprop";
        }
        final String out = new String(xprop.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        xprop.waitFor();
        final int equals = out.indexOf('=');
        if (equals < 0)
        {
            return "none(" + out.trim() + ")";
        }
        final String[] values = out.substring(equals + 1).trim().split(",\\s*");
        final StringBuilder images = new StringBuilder();
        for (int i = 0; i + 2 < values.length; )
        {
            final int width = Integer.parseInt(values[i]);
            final int height = Integer.parseInt(values[i + 1]);
            images.append(images.length() > 0 ? "," : "").append(width).append('x').append(height).append('#')
                .append(Long.toHexString(Long.parseLong(values[i + 2])));
            i += 2 + width * height;
        }
        return images.toString();
    }
}
