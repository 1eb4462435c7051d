package dev.isochron.render.runtime;

import dev.isochron.engine.metrics.ThreadRole;
import dev.isochron.engine.thread.AgentThread;
import org.agrona.concurrent.Agent;

import java.util.ArrayList;
import java.util.List;

/**
 * The threads of the run's extra input producers ({@link RunInput#producerAgents()}: synthetic input, the
 * configured {@link InputAgentFactory} sources): each agent on an {@link AgentThread} of its own, guarded so that its
 * first exception fails the run, and registered with the allocation meter. Made and started by a runner once the
 * application's {@code init} returned; closed by it, last started first, each failure to the run's error handler.
 * <p>
 * Threading: the caller's thread (the platform thread).
 */
final class ProducerThreads implements AutoCloseable
{
    private final RunContext<?> run;
    private final List<AgentThread> threads = new ArrayList<>();

    ProducerThreads(final RunContext<?> run)
    {
        this.run = run;
    }

    /** Starts one thread per producer agent of the run, in the order the agents were made. */
    void start()
    {
        final List<Agent> agents = run.input().producerAgents();
        for (int i = 0; i < agents.size(); i++)
        {
            final Agent agent = agents.get(i);
            final AgentThread thread = AgentThread.start(RuntimeMessages.producerName(agent, i),
                new GuardedAgent(agent, run.exit(), run.failures(), new PhaseTracker(), null));
            threads.add(thread);
            run.metrics().allocation().register(ThreadRole.PRODUCERS, thread.thread());
        }
    }

    /** Stops and joins the producer threads, last started first; each failure goes to the run's error handler. */
    public void close()
    {
        final AgentThread[] lastFirst = new AgentThread[threads.size()];
        for (int i = 0; i < lastFirst.length; i++)
        {
            lastFirst[i] = threads.get(lastFirst.length - 1 - i);
        }
        Closing.closeAll(run.errorHandler(), lastFirst);
    }
}
