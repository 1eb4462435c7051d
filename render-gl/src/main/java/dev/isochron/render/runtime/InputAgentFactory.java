package dev.isochron.render.runtime;

import dev.isochron.input.queue.InputProducer;
import org.agrona.concurrent.Agent;

/**
 * Makes an extra input producer for a run: the runtime gives it a producer of its own input queue and runs the
 * returned {@link Agent} on a thread of its own ({@code isochron-input-N}, measured as a producer thread) from
 * before the first tick until the run ends. For synthetic input, a network feed, a test driver.
 */
@FunctionalInterface
public interface InputAgentFactory
{
    /**
     * Called once on the caller's thread at start-up.
     *
     * @param producer a producer writing into the runtime's input queue, for this agent's thread alone.
     * @return the agent to run.
     */
    Agent newAgent(InputProducer producer);
}
