package dev.isochron.engine.thread;

import org.agrona.concurrent.Agent;
import org.agrona.concurrent.AgentRunner;
import org.agrona.concurrent.BackoffIdleStrategy;
import org.agrona.concurrent.IdleStrategy;
import org.agrona.concurrent.SleepingIdleStrategy;

import java.util.concurrent.TimeUnit;

/**
 * An Agrona {@link Agent} running on its own long-lived, named thread under an {@link AgentRunner}.
 * <p>
 * The agent's {@code doWork()} returns a work count; zero lets the {@link IdleStrategy} back off. On a small
 * machine (the engine's target is 2 cores) busy-spinning steals the core the render thread needs, so the
 * default strategy ({@link #defaultIdleStrategy()}) spins briefly, yields, then parks. Errors thrown by the
 * agent go to an {@link ErrorRecorder} (first error with its thread name, and a count) and the agent keeps
 * running, as Agrona does; the owner reads {@link #errors()} or calls {@link #close()}, which rethrows.
 * <p>
 * Threading: made and closed by the owner thread. Lifetime: the thread starts in {@link #start} and ends in
 * {@link #close()}, which joins it.
 */
public final class AgentThread implements AutoCloseable
{
    /** Spins before the default strategy starts yielding. */
    public static final long DEFAULT_MAX_SPINS = 20;
    /** Yields before the default strategy starts parking. */
    public static final long DEFAULT_MAX_YIELDS = 10;
    /** The default strategy's first park, in ns. */
    public static final long DEFAULT_MIN_PARK_PERIOD_NS = TimeUnit.MICROSECONDS.toNanos(1);
    /** The default strategy's longest park, in ns: bounds how late an idle agent notices new work. */
    public static final long DEFAULT_MAX_PARK_PERIOD_NS = TimeUnit.MICROSECONDS.toNanos(200);

    private final AgentRunner runner;
    private final ErrorRecorder errors;
    private final Thread thread;
    private final String threadName;

    private AgentThread(final String threadName, final AgentRunner runner, final ErrorRecorder errors)
    {
        this.threadName = threadName;
        this.runner = runner;
        this.errors = errors;
        this.thread = AgentRunner.startOnThread(runner, r ->
        {
            final Thread t = new Thread(r, threadName);
            t.setDaemon(false);
            return t;
        });
    }

    /**
     * The default idle strategy: a {@link BackoffIdleStrategy} that spins {@value #DEFAULT_MAX_SPINS} times,
     * yields {@value #DEFAULT_MAX_YIELDS} times, then parks from 1 us up to 200 us. Right for 2 cores shared
     * by several engine threads; on one core use {@link #sleepingIdleStrategy()}.
     *
     * @return a new strategy (each thread needs its own: strategies keep state).
     */
    public static IdleStrategy defaultIdleStrategy()
    {
        return new BackoffIdleStrategy(
            DEFAULT_MAX_SPINS, DEFAULT_MAX_YIELDS, DEFAULT_MIN_PARK_PERIOD_NS, DEFAULT_MAX_PARK_PERIOD_NS);
    }

    /**
     * A strategy that never spins: it parks for {@link #DEFAULT_MAX_PARK_PERIOD_NS} at each idle step.
     *
     * @return a new {@link SleepingIdleStrategy}.
     */
    public static IdleStrategy sleepingIdleStrategy()
    {
        return new SleepingIdleStrategy(DEFAULT_MAX_PARK_PERIOD_NS);
    }

    /**
     * Starts {@code agent} on a new thread named {@code threadName} with {@link #defaultIdleStrategy()}.
     *
     * @param threadName name of the thread (shown in reports, JFR, and error messages).
     * @param agent      the work.
     * @return the running agent thread.
     */
    public static AgentThread start(final String threadName, final Agent agent)
    {
        return start(threadName, agent, defaultIdleStrategy());
    }

    /**
     * Starts {@code agent} on a new thread named {@code threadName} with the given idle strategy.
     *
     * @param threadName   name of the thread, non-empty.
     * @param agent        the work, non-null.
     * @param idleStrategy what the thread does when {@code doWork()} returns 0, non-null and not shared.
     * @return the running agent thread.
     * @throws IllegalArgumentException naming the missing option.
     */
    public static AgentThread start(final String threadName, final Agent agent, final IdleStrategy idleStrategy)
    {
        if (null == threadName || threadName.isEmpty())
        {
            throw Messages.badThreadName(threadName);
        }
        if (null == agent)
        {
            throw Messages.nullAgent(threadName);
        }
        if (null == idleStrategy)
        {
            throw Messages.nullIdleStrategy(threadName);
        }
        final ErrorRecorder errors = new ErrorRecorder(Messages.errorSource(agent));
        return new AgentThread(
            threadName, new AgentRunner(idleStrategy, errors, null, new NamedAgent(threadName, agent)), errors);
    }

    /** @return the thread running the agent. */
    public Thread thread()
    {
        return thread;
    }

    /** @return the thread's name. */
    public String threadName()
    {
        return threadName;
    }

    /** @return the thread's id, for {@code ThreadMXBean} allocation counters. */
    public long threadId()
    {
        return thread.getId();
    }

    /** @return the errors the agent raised so far. */
    public ErrorRecorder errors()
    {
        return errors;
    }

    /** @return whether {@link #close()} has run. */
    public boolean isClosed()
    {
        return runner.isClosed();
    }

    /**
     * Stops the agent, waits for its thread to end (the agent's {@code onClose()} runs on it), then
     * rethrows the first error the agent raised, if any.
     *
     * @throws IllegalStateException naming the agent and the thread when the agent raised errors.
     */
    public void close()
    {
        runner.close();
        errors.rethrowIfFailed();
    }

    /** AgentRunner names its thread after {@code roleName()}: this keeps the name the owner chose. */
    private static final class NamedAgent implements Agent
    {
        private final String threadName;
        private final Agent agent;

        NamedAgent(final String threadName, final Agent agent)
        {
            this.threadName = threadName;
            this.agent = agent;
        }

        public void onStart()
        {
            agent.onStart();
        }

        public int doWork() throws Exception
        {
            return agent.doWork();
        }

        public void onClose()
        {
            agent.onClose();
        }

        public String roleName()
        {
            return threadName;
        }
    }

    /**
     * The messages, in a class of their own so that AgentThread holds no String constant, like the frame-path
     * classes whose first C2 compile would otherwise resolve them on an engine thread mid-run (see
     * {@code ClassConstants} in the engine test-jar).
     */
    private static final class Messages
    {
        private Messages()
        {
        }

        static String errorSource(final Agent agent)
        {
            return "agent '" + agent.roleName() + "'";
        }

        static IllegalArgumentException badThreadName(final String threadName)
        {
            return new IllegalArgumentException("threadName must be a non-empty string, was " +
                (null == threadName ? "null" : "\"\""));
        }

        static IllegalArgumentException nullAgent(final String threadName)
        {
            return new IllegalArgumentException("agent must not be null (thread '" + threadName + "')");
        }

        static IllegalArgumentException nullIdleStrategy(final String threadName)
        {
            return new IllegalArgumentException("idleStrategy must not be null (thread '" + threadName + "')");
        }
    }
}
