package dev.isochron.render.runtime;

import org.agrona.concurrent.Agent;

/**
 * Runs a runtime agent (the simulation, an input producer) until the run's exit signal is set, and turns the
 * first exception it throws into the run's failure with the phase its {@link PhaseTracker} was in, instead of
 * letting the agent keep running after an error. The agent's thread then idles until the runtime closes it.
 * Its thread only; allocation-free unless the agent throws.
 */
final class GuardedAgent implements Agent
{
    private final Agent agent;
    private final ExitSignal exit;
    private final FailureRecorder failures;
    private final PhaseTracker phase;
    private final Runnable afterWork;
    private boolean failed;

    GuardedAgent(
        final Agent agent, final ExitSignal exit, final FailureRecorder failures, final PhaseTracker phase,
        final Runnable afterWork)
    {
        this.agent = agent;
        this.exit = exit;
        this.failures = failures;
        this.phase = phase;
        this.afterWork = afterWork;
    }

    /** {@inheritDoc} */
    public void onStart()
    {
        agent.onStart();
    }

    /** {@inheritDoc} */
    public int doWork()
    {
        if (failed || exit.isSet())
        {
            return 0;
        }
        try
        {
            final int work = agent.doWork();
            if (work > 0 && null != afterWork)
            {
                afterWork.run();
            }
            return work;
        }
        catch (final Throwable ex)
        {
            failed = true;
            failures.record(phase.phase(), ex);
            phase.leave();
            return 0;
        }
    }

    /** {@inheritDoc} */
    public void onClose()
    {
        agent.onClose();
    }

    /** {@inheritDoc} */
    public String roleName()
    {
        return agent.roleName();
    }
}
