package dev.isochron.render.runtime;

import dev.isochron.engine.metrics.LatencyHistogram;
import dev.isochron.input.glfw.GlfwInputAdapter;
import dev.isochron.input.queue.FileDropInbox;
import dev.isochron.input.queue.InputQueue;
import dev.isochron.input.queue.InputQueueConfig;
import dev.isochron.input.queue.InputSource;
import dev.isochron.input.replay.InputRecorder;
import dev.isochron.input.replay.InputReplay;
import dev.isochron.input.synthetic.SyntheticInputSource;
import dev.isochron.render.context.GlfwWindowContext;
import org.agrona.ErrorHandler;
import org.agrona.concurrent.Agent;
import org.agrona.concurrent.NanoClock;
import org.lwjgl.glfw.GLFW;
import org.lwjgl.glfw.GLFWFramebufferSizeCallback;
import org.lwjgl.glfw.GLFWFramebufferSizeCallbackI;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * One run's input, made at start-up by its {@link RunContext}: the input queue and its latency histogram, the
 * recorder or the replay, the window's GLFW adapter (with the framebuffer-size callback chained behind it), and the
 * producers that run on threads of their own (synthetic input, the configured {@link InputAgentFactory} sources),
 * which a runner starts ({@link ProducerThreads}).
 * <p>
 * Threading: made and closed on the caller's thread (the platform thread); the objects it holds say which threads
 * use them. On a failure in {@link #open} what was made so far stays for {@link #detach} and
 * {@link #freeCallbacks()}.
 */
final class RunInput
{
    private final RuntimeConfig config;
    private final MeasurementConfig measurement;
    private final List<Agent> producerAgents = new ArrayList<>();
    private LatencyHistogram inputLatency;
    private InputQueue queue;
    private InputReplay replay;
    private InputRecorder recorder;
    private GlfwInputAdapter adapter;
    private GlfwWindowContext window;
    private GLFWFramebufferSizeCallback sizeChain;
    private SyntheticInputSource synthetic;

    /** @param config the runtime configuration, concluded. */
    RunInput(final RuntimeConfig config)
    {
        this.config = config;
        this.measurement = config.measurement();
    }

    /**
     * Makes the queue, then the recorder or the replay, the window's adapter and the producer agents.
     *
     * @param window the run's window, or null for a headless context or the null renderer.
     * @param clock  the engine's clock, which stamps the events.
     * @return where the ticks read their input: the live queue, or the replay.
     */
    InputSource open(final GlfwWindowContext window, final NanoClock clock)
    {
        this.window = window;
        inputLatency = new LatencyHistogram();
        int producers = (null != window ? 1 : 0) + (null != measurement.syntheticInput() ? 1 : 0) +
            config.inputSources().size();
        final InputQueueConfig given = config.inputQueue();
        final InputQueueConfig queueConfig = new InputQueueConfig()
            .checked(config.checked())
            .clock(clock)
            .latencySink(inputLatency);
        if (null != given)
        {
            queueConfig.capacityBytes(given.capacityBytes())
                .coalesceMouseMoves(given.coalesceMouseMoves());
            producers = Math.max(producers, given.maxProducers());
        }
        queueConfig.maxProducers(Math.max(1, producers));
        queue = new InputQueue(queueConfig);
        InputSource source = queue;
        if (null != measurement.replayPath())
        {
            try
            {
                replay = InputReplay.open(measurement.replayPath());
            }
            catch (final IOException ex)
            {
                throw RuntimeMessages.cannotReadReplay(measurement.replayPath(), ex);
            }
            source = replay;
        }
        else if (null != measurement.recordPath())
        {
            try
            {
                recorder = new InputRecorder(measurement.recordPath(), config.loop().tickRateHz(), 0L);
            }
            catch (final IOException ex)
            {
                throw RuntimeMessages.cannotRecord(measurement.recordPath(), ex);
            }
            queue.recordTo(recorder);
        }

        if (null != window)
        {
            adapter = new GlfwInputAdapter(queue.newProducer(), new FileDropInbox(), config.checked());
            install();
        }
        if (null != measurement.syntheticInput())
        {
            synthetic = new SyntheticInputSource(queue.newProducer(), measurement.syntheticInput());
            producerAgents.add(synthetic);
        }
        final List<InputAgentFactory> sources = config.inputSources();
        for (int i = 0; i < sources.size(); i++)
        {
            final Agent agent = sources.get(i).newAgent(queue.newProducer());
            if (null == agent)
            {
                throw RuntimeMessages.nullAgent(i);
            }
            producerAgents.add(agent);
        }
        return source;
    }

    /** Chains the context's framebuffer-size callback behind the input adapter's, which replaces it. */
    private void install()
    {
        final long handle = window.windowHandle();
        final long previous = GLFW.nglfwSetFramebufferSizeCallback(handle, 0L);
        final GLFWFramebufferSizeCallbackI contextCallback = 0L == previous ? null :
            GLFWFramebufferSizeCallback.create(previous);
        adapter.install(handle);
        final GLFWFramebufferSizeCallbackI adapterCallback = adapter.framebufferSizeCallback();
        sizeChain = GLFWFramebufferSizeCallback.create((w, width, height) ->
        {
            adapterCallback.invoke(w, width, height);
            if (null != contextCallback)
            {
                contextCallback.invoke(w, width, height);
            }
        });
        GLFW.nglfwSetFramebufferSizeCallback(handle, sizeChain.address());
    }

    /**
     * Before the window is destroyed: stops the recording and closes the recorder, then uninstalls and closes the
     * window's adapter. Each failure goes to {@code errorHandler}; the rest are closed all the same.
     */
    void detach(final ErrorHandler errorHandler)
    {
        final InputQueue queue = this.queue;
        final GlfwInputAdapter adapter = this.adapter;
        Closing.closeAll(errorHandler,
            null == queue ? null : () -> queue.recordTo(null),
            recorder,
            null == adapter ? null : () -> adapter.uninstall(window.windowHandle()),
            adapter);
    }

    /** After the window is destroyed: frees the framebuffer-size callback chain, if one was made. */
    void freeCallbacks()
    {
        if (null != sizeChain)
        {
            sizeChain.close();
        }
    }

    /** @return the input producers besides the window's, in start order; the runner starts their threads. */
    List<Agent> producerAgents()
    {
        return producerAgents;
    }

    /** @return the latency of the live input, from event to the tick that read it. */
    LatencyHistogram inputLatency()
    {
        return inputLatency;
    }

    /** @return the live input queue (made even for a replay, whose ticks do not read it). */
    InputQueue queue()
    {
        return queue;
    }

    /** @return the replay the ticks read, or null for live input. */
    InputReplay replay()
    {
        return replay;
    }

    /** @return the window's input adapter, or null without a window. */
    GlfwInputAdapter adapter()
    {
        return adapter;
    }

    /** @return the synthetic input source, or null. */
    SyntheticInputSource synthetic()
    {
        return synthetic;
    }
}
