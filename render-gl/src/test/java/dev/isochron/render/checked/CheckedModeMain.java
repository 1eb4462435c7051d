package dev.isochron.render.checked;

import dev.isochron.engine.checked.CheckedMode;

/** A child JVM for {@link CheckedRunScriptTest}: prints whether checking mode is on and what was preloaded. */
public final class CheckedModeMain
{
    private CheckedModeMain()
    {
    }

    public static void main(final String[] args)
    {
        System.out.println("CheckedMode.ENABLED=" + CheckedMode.ENABLED + " LD_PRELOAD=" + System.getenv("LD_PRELOAD"));
    }
}
