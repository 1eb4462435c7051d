package dev.isochron.render.checked;

import dev.isochron.engine.checked.CheckedMode;
import dev.isochron.input.state.InputState;
import dev.isochron.render.Isochron;
import dev.isochron.render.context.ContextKind;
import dev.isochron.render.natives.NativeChecks;
import dev.isochron.render.runtime.Application;
import dev.isochron.render.runtime.Frame;
import dev.isochron.render.runtime.MeasurementConfig;
import dev.isochron.render.runtime.RunResult;
import dev.isochron.render.runtime.RuntimeConfig;
import dev.isochron.render.runtime.Tick;
import org.lwjgl.system.MemoryUtil;

/**
 * A child JVM for {@link NativeChecksTest}: a short headless run, then one native block freed and one leaked on
 * purpose ({@value #LEAKED_BYTES} bytes), then exit: in checking mode LWJGL's debug allocator reports the leak, and
 * only it, at exit.
 */
public final class LeakAtExitMain
{
    /** The block left allocated. */
    static final int LEAKED_BYTES = 123;
    /** The block freed. */
    static final int FREED_BYTES = 77;

    private LeakAtExitMain()
    {
    }

    public static void main(final String[] args)
    {
        final RunResult result = Isochron.run(new Nothing(), new RuntimeConfig().context(ContextKind.HEADLESS)
            .size(64, 48).measurement(new MeasurementConfig().frames(5).warmupFrames(0)));
        MemoryUtil.nmemFree(MemoryUtil.nmemAlloc(FREED_BYTES));
        MemoryUtil.nmemAlloc(LEAKED_BYTES);
        System.out.println("checked=" + CheckedMode.ENABLED + " debugAllocator=" + NativeChecks.debugAllocator() +
            " frames=" + result.frames());
    }

    /** Draws nothing. */
    private static final class Nothing implements Application<Object>
    {
        public Object newRenderState()
        {
            return new Object();
        }

        public void update(final Tick tick, final InputState input)
        {
        }

        public void writeRenderState(final Object dest)
        {
        }

        public void render(final Object state, final Frame frame)
        {
        }
    }
}
