package dev.isochron.render.runtime;

import dev.isochron.engine.thread.WorkerGroup;
import dev.isochron.engine.watchdog.Heartbeat;
import dev.isochron.render.batch.BatchRenderer;
import dev.isochron.render.batch.DrawBackend;
import dev.isochron.render.batch.DrawCommands;
import dev.isochron.render.batch.GlDrawBackend;
import dev.isochron.render.batch.NullDrawBackend;
import dev.isochron.render.batch.QuadSliceWork;
import dev.isochron.render.batch.QuadVertexLayout;
import dev.isochron.render.batch.ShapeBatch;
import dev.isochron.render.batch.SpriteBatch;
import dev.isochron.render.batch.SpriteInstances;
import dev.isochron.render.context.GlContext;
import dev.isochron.render.gl.DriverWorkarounds;
import dev.isochron.render.pass.PassRecorder;
import dev.isochron.render.pass.RenderPass;
import org.joml.Matrix4fc;

/**
 * The render thread's second half of a frame: once {@link Application#render} has recorded, it reserves vertex memory
 * for every pass's batches, has the render workers fill it (or fills it itself when there are none, or when the frame
 * has fewer than {@link RuntimeConfig#forkMinQuads} quads), then records the passes in order ({@link PassRecorder})
 * after clearing the default target, and ends the backend's frame, which issues it all.
 * <p>
 * It owns the draw backend, the passes (the runtime's world and HUD passes over the {@link Frame}'s four batches, and
 * those the application registered in {@code init}) and the workers' slice work. The backend's vertex memory is made
 * after {@code init}, when the passes, and so the frame's capacity, are known (the GL backend itself is made before,
 * so that {@code init} can bind textures to it).
 * <p>
 * Render thread (the constructor on the caller's thread at start-up). {@link #submit} is allocation-free.
 */
final class FrameSubmission
{
    /** The most quad sources per frame: a shape and a sprite source per pass. */
    private static final int MAX_SOURCES = 2 * PassRecorder.MAX_PASSES;

    private final RuntimeConfig config;
    private final PassRecorder passes = new PassRecorder();
    private final RenderPass worldPass;
    private final RenderPass hudPass;
    private final SpriteBatch sprites;
    private final QuadSliceWork sliceWork;
    private final WorkerGroup workers;
    private final int forkMinQuads;
    private final FaultInjection.VertexFault vertexFault;
    private final int clearRgba;
    private DrawBackend backend;
    private BatchRenderer renderer;
    private SpriteInstances spriteInstances;
    private long vertexBytes;
    private long workerFrames;

    FrameSubmission(
        final RuntimeConfig config, final SpriteBatch sprites, final ShapeBatch shapes, final SpriteBatch hudSprites,
        final ShapeBatch hudShapes, final RuntimeWatchdog watchdog, final Heartbeat heartbeat)
    {
        this.config = config;
        this.sprites = sprites;
        this.sliceWork = new QuadSliceWork(MAX_SOURCES, config.checked());
        this.worldPass = new RenderPass(Names.WORLD, 1, sprites, shapes).worldProjection();
        this.hudPass = new RenderPass(Names.HUD, 3, hudSprites, hudShapes);
        passes.add(worldPass);
        passes.add(hudPass);
        this.workers = config.workers() > 0 ? newWorkers(config, watchdog, heartbeat) : null;
        this.forkMinQuads = config.forkMinQuads();
        this.vertexFault = config.faults().vertexFault();
        this.clearRgba = config.clearColor();
    }

    private WorkerGroup newWorkers(final RuntimeConfig config, final RuntimeWatchdog watchdog, final Heartbeat heartbeat)
    {
        final int count = config.workers();
        Heartbeat[] heartbeats = null;
        if (null != watchdog)
        {
            heartbeats = new Heartbeat[count + 1];
            heartbeats[0] = heartbeat;
            for (int i = 0; i < count; i++)
            {
                heartbeats[i + 1] = watchdog.register(Names.workerName(i), null);
            }
        }
        return new WorkerGroup(RenderPipeline.WORKER_NAME, count, true,
            new RenderSliceWork(sliceWork, heartbeats, config.faults().sliceFault()));
    }

    /** @return the passes, for {@link Init} to add to during {@code init}. */
    PassRecorder passes()
    {
        return passes;
    }

    RenderPass worldPass()
    {
        return worldPass;
    }

    RenderPass hudPass()
    {
        return hudPass;
    }

    /** The render workers, or null when vertices are filled on the render thread. */
    WorkerGroup workers()
    {
        return workers;
    }

    /** @return frames whose vertices the workers filled (the others were too small to hand over). */
    long workerFrames()
    {
        return workerFrames;
    }

    /** @return the backend, null before {@link #createBackend}. */
    DrawBackend backend()
    {
        return backend;
    }

    /**
     * Makes the GL backend without its vertex memory, so that textures can be bound to it during {@code init}. Render
     * thread, GL context current, before {@code init}.
     */
    GlDrawBackend createGlBackend(final String glRenderer)
    {
        final GlDrawBackend gl = GlDrawBackend.withoutVertices(stageVertices(config.vertexStreaming(), glRenderer));
        backend = gl;
        return gl;
    }

    /**
     * Gives the backend (the GL one made before {@code init}, or a null one made now) vertex memory for every pass's
     * capacity, decides the world sprites' path and installs the passes. Render thread, after {@code init}.
     */
    void completeBackend(final String glRenderer)
    {
        final long quads = passes.capacityQuads();
        if (quads > RuntimeConfig.MAX_TOTAL_QUADS)
        {
            throw Names.tooManyQuads(quads);
        }
        vertexBytes = quads * QuadVertexLayout.BYTES_PER_QUAD;
        if (backend instanceof GlDrawBackend)
        {
            ((GlDrawBackend)backend).allocateVertices((int)quads);
        }
        else
        {
            backend = new NullDrawBackend((int)quads, config.checked());
        }
        renderer = new BatchRenderer(backend);
        if (instanceSprites(config.spritePath(), backend.drawsInstances(), glRenderer) && null == worldPass.shader())
        {
            // before anything is recorded: from here on the batch packs each sprite's record as it records it
            spriteInstances = new SpriteInstances(sprites);
            worldPass.spriteSource(spriteInstances);
        }
        passes.install(backend);
    }

    /** Forgets the previous frame's quads and clips of every pass. Allocation-free. */
    void clear()
    {
        passes.clear();
    }

    /**
     * Reserves, fills and records the frame's passes and ends the backend's frame. Allocation-free.
     *
     * @param defaultFramebuffer the default target's framebuffer (0 for a window; ignored by the null backend).
     */
    void submit(
        final long index, final int width, final int height, final int defaultFramebuffer,
        final Matrix4fc worldProjection, final FramePhaseTimes phaseTimes, final Heartbeat heartbeat)
    {
        final BatchRenderer renderer = this.renderer;
        final DrawBackend backend = this.backend;
        backend.defaultTarget(defaultFramebuffer, width, height);
        renderer.beginFrame(worldProjection);
        passes.frame(width, height, worldProjection);
        sliceWork.clear();
        passes.reserve(renderer, sliceWork);
        if (null != workers && passes.quadCount() >= forkMinQuads)
        {
            workerFrames++;
            // waiting for the workers is not the render thread's own work: each slice is a unit of its own
            RuntimeWatchdog.end(heartbeat);
            workers.runFrame(index);
            RuntimeWatchdog.begin(heartbeat);
        }
        else
        {
            sliceWork.run(0, 1, index);
        }
        if (null != vertexFault)
        {
            // the first reservation of the frame is the start of its vertex memory
            vertexFault.afterVertices(passes.firstAddress(), vertexBytes, index);
        }
        phaseTimes.endPhase(FramePhaseTimes.FILL, System.nanoTime());
        final DrawCommands commands = backend.commands();
        commands.target(0);
        commands.clear(clearRgba);
        passes.draw(renderer);
        renderer.endFrame();
    }

    /**
     * @return whether the GL backend uploads from staging memory: asked for, or AUTO on a renderer whose per-frame fences
     *         corrupt the C heap ({@link DriverWorkarounds#fenceRace}); RING there is warned about once.
     */
    static boolean stageVertices(final VertexStreaming streaming, final String glRenderer)
    {
        if (VertexStreaming.RING == streaming && DriverWorkarounds.fenceRace(glRenderer))
        {
            Names.warnRingOnFenceRace(glRenderer);
        }
        return VertexStreaming.STAGING == streaming ||
            (VertexStreaming.AUTO == streaming && DriverWorkarounds.fenceRace(glRenderer));
    }

    /**
     * @return whether the world sprites are drawn as instance records: the backend can draw instances, and
     *         {@link SpritePath#INSTANCED} was asked for, or {@link SpritePath#AUTO} on a renderer that does not run
     *         instanced draws once per instance ({@link DriverWorkarounds#perInstanceDraws}; the null renderer has
     *         no GL renderer and draws instanced).
     */
    static boolean instanceSprites(final SpritePath path, final boolean backendDrawsInstances, final String glRenderer)
    {
        return backendDrawsInstances && (SpritePath.INSTANCED == path ||
            (SpritePath.AUTO == path && !DriverWorkarounds.perInstanceDraws(glRenderer)));
    }

    /** @return whether the world sprite batch is drawn instanced ({@link RuntimeConfig#spritePath}). */
    boolean instancedSprites()
    {
        return null != spriteInstances;
    }

    /** @return frames whose world sprites were drawn as vertices although instancing was on (a sprite did not fit). */
    long instancedSpriteFallbackFrames()
    {
        return null == spriteInstances ? 0 : spriteInstances.vertexFallbackFrames();
    }

    /** @return whether the GL backend writes its vertices into a persistent-mapped ring. */
    boolean persistentVertexRing()
    {
        return backend instanceof GlDrawBackend && ((GlDrawBackend)backend).isPersistent();
    }

    /** The names and messages, in a class of their own so that FrameSubmission holds no String constant. */
    private static final class Names
    {
        static final String WORLD;
        static final String HUD;

        static
        {
            WORLD = "world";
            HUD = "hud";
        }

        private Names()
        {
        }

        static String workerName(final int index)
        {
            return RenderPipeline.WORKER_NAME + "-" + index;
        }

static void warnRingOnFenceRace(final String glRenderer)
        {
            System.err.println("[isochron] vertex streaming RING on " + glRenderer + ": its per-frame fences can make " +
                "llvmpipe free a fence its rasterizer thread is still signalling, which corrupts the C heap (a crash " +
                "in malloc within hours); AUTO uploads from staging memory here (docs/reliability.md)");
        }

        static IllegalStateException tooManyQuads(final long quads)
        {
            return new IllegalStateException("the frame's batches, the registered passes' included, take " + quads +
                " quads of vertex memory per frame, more than the " + RuntimeConfig.MAX_TOTAL_QUADS + " a backend " +
                "holds; give the passes (Init.addPass) or the runtime's batches smaller capacities");
        }
    }
}
