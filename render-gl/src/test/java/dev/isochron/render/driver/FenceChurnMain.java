package dev.isochron.render.driver;

import dev.isochron.render.context.ContextKind;
import dev.isochron.render.context.ContextOptions;
import dev.isochron.render.context.EglHeadlessContext;

import java.util.concurrent.atomic.AtomicLong;

import static org.lwjgl.opengl.GL32C.*;

/**
 * A child JVM that churns GL fences the way {@code StreamingVertexBuffer}'s persistent ring did: every frame a tiny
 * clear-and-draw, a {@code glFenceSync}, and the fence of three frames ago polled with {@code glClientWaitSync(fence,
 * 0, 0)} (then waited on in 1 s slices) and deleted; {@code FenceChurnMain <seconds> <pattern>}. Prints
 * {@value #DONE} and the frame count when the time is up; when no frame ends for {@value #HANG_SECONDS} seconds it
 * prints {@value #HUNG} with the frame it hung in and halts with exit status 3.
 * <p>
 * Patterns: {@code poll-and-delete} (the ring's: poll, wait, delete as soon as it is signalled);
 * {@code keep-one-frame} (as poll-and-delete, but each sync object deleted one turn later: the driver drops the
 * fence inside the wait all the same); {@code extra-reference} (a second sync object made right after each first one,
 * never waited on and deleted a turn later, so the driver fence stays referenced past its signal);
 * {@code no-fences} (the frames alone, as the staging path streams them). See
 * {@link dev.isochron.render.gl.DriverWorkarounds#fenceRace}.
 */
public final class FenceChurnMain
{
    static final String DONE = "FENCE-CHURN DONE";
    static final String HUNG = "FENCE-CHURN HUNG";
    static final String RENDERER = "FENCE-CHURN RENDERER ";
    static final int HANG_SECONDS = 20;
    private static final int SEGMENTS = 3;

    private FenceChurnMain()
    {
    }

    public static void main(final String[] args) throws Exception
    {
        final double seconds = Double.parseDouble(args[0]);
        final String pattern = args[1];
        final AtomicLong frames = new AtomicLong();
        final Thread watchdog = new Thread(() -> watch(frames), "fence-churn-watchdog");
        watchdog.setDaemon(true);
        watchdog.start();
        try (EglHeadlessContext context = new EglHeadlessContext(new ContextOptions().kind(ContextKind.HEADLESS)
            .title("fence churn").size(16, 16).checked(false)))
        {
            context.makeCurrent();
            System.out.println(RENDERER + glGetString(GL_RENDERER));
            System.out.flush();
            final long[] fences = new long[SEGMENTS];
            final long[] retired = new long[SEGMENTS];
            final long endNs = System.nanoTime() + (long)(seconds * 1e9);
            int segment = 0;
            while (System.nanoTime() < endNs)
            {
                context.bindDrawTarget();
                glClearColor((frames.get() & 255) / 255f, 0f, 0f, 1f);
                glClear(GL_COLOR_BUFFER_BIT);
                context.swapBuffers();
                if ("no-fences".equals(pattern))
                {
                    frames.incrementAndGet();
                    continue;
                }
                fences[segment] = glFenceSync(GL_SYNC_GPU_COMMANDS_COMPLETE, 0);
                if ("extra-reference".equals(pattern))
                {
                    // a second sync object right after the first, with no draw between: the same driver fence
                    if (0L != retired[segment])
                    {
                        glDeleteSync(retired[segment]);
                    }
                    retired[segment] = glFenceSync(GL_SYNC_GPU_COMMANDS_COMPLETE, 0);
                }
                segment = (segment + 1) % SEGMENTS;
                final long fence = fences[segment];
                if (0L != fence)
                {
                    waitFor(fence);
                    if ("poll-and-delete".equals(pattern) || "extra-reference".equals(pattern))
                    {
                        glDeleteSync(fence);
                    }
                    else
                    {
                        // deleted one turn later: a later fence was signalled by then
                        if (0L != retired[segment])
                        {
                            glDeleteSync(retired[segment]);
                        }
                        retired[segment] = fence;
                    }
                    fences[segment] = 0L;
                }
                frames.incrementAndGet();
            }
            System.out.println(DONE + " frames=" + frames.get() + " pattern=" + pattern);
            System.out.flush();
            for (int i = 0; i < SEGMENTS; i++)
            {
                if (0L != fences[i])
                {
                    glDeleteSync(fences[i]);
                }
                if (0L != retired[i])
                {
                    glDeleteSync(retired[i]);
                }
            }
        }
    }

    private static void waitFor(final long fence)
    {
        int status = glClientWaitSync(fence, 0, 0L);
        while (status != GL_ALREADY_SIGNALED && status != GL_CONDITION_SATISFIED)
        {
            status = glClientWaitSync(fence, GL_SYNC_FLUSH_COMMANDS_BIT, 1_000_000_000L);
            if (status == GL_WAIT_FAILED)
            {
                throw new IllegalStateException("glClientWaitSync failed");
            }
        }
    }

    private static void watch(final AtomicLong frames)
    {
        long last = -1;
        long sinceNs = System.nanoTime();
        while (true)
        {
            try
            {
                Thread.sleep(1000);
            }
            catch (final InterruptedException ex)
            {
                return;
            }
            final long now = frames.get();
            if (now != last)
            {
                last = now;
                sinceNs = System.nanoTime();
            }
            else if (System.nanoTime() - sinceNs > HANG_SECONDS * 1_000_000_000L)
            {
                System.out.println(HUNG + " in frame " + now + " (no frame ended for " + HANG_SECONDS + " s)");
                System.out.flush();
                Runtime.getRuntime().halt(3);
            }
        }
    }
}
