package dev.isochron.engine.loop;

import dev.isochron.engine.handoff.TripleBuffer;
import org.agrona.concurrent.Agent;
import org.agrona.concurrent.NanoClock;

/**
 * The simulation thread's duty cycle in the two-thread model: each {@link #doWork()} reads the clock once, advances
 * the {@link FixedStepLoop} (which runs the due ticks), and when at least one tick ran, has the {@link StateWriter}
 * fill the triple buffer's back slot and publishes it, stamped with the clock time the last tick ended.
 * <p>
 * {@code doWork} returns the number of ticks run, so the {@link org.agrona.concurrent.IdleStrategy} of an
 * {@link org.agrona.concurrent.AgentRunner} (or of the caller's {@link org.agrona.concurrent.AgentInvoker} loop)
 * backs off between ticks. The idle strategy bounds how late a tick can start: prefer a sleeping or backoff strategy
 * whose longest sleep is well under a tick period (a busy spin would take a whole core on small machines). While
 * the loop is paused, {@link TickHandler#paused(long)} is called once per duty cycle.
 * <p>
 * Threading: the simulation thread only. Allocation: none per duty cycle.
 *
 * @param <T> the render state type held by the triple buffer.
 */
public final class SimulationAgent<T> implements Agent
{
    private final FixedStepLoop loop;
    private final TripleBuffer<T> buffer;
    private final StateWriter<T> stateWriter;
    private final NanoClock clock;

    /**
     * Makes the agent.
     *
     * @param loop        the fixed-step loop, run only by this agent.
     * @param buffer      the triple buffer this agent is the single writer of.
     * @param stateWriter copies the simulation state into the back slot.
     * @param clock       the engine's clock, the same as the loop's.
     */
    public SimulationAgent(
        final FixedStepLoop loop, final TripleBuffer<T> buffer, final StateWriter<T> stateWriter, final NanoClock clock)
    {
        Messages.requireArguments(loop, buffer, stateWriter, clock);
        this.loop = loop;
        this.buffer = buffer;
        this.stateWriter = stateWriter;
        this.clock = clock;
    }

    /**
     * Runs the due ticks and publishes the state they produced. Allocation-free.
     *
     * @return the number of ticks run (0: nothing was due).
     */
    public int doWork()
    {
        final int ticks = loop.advance(clock.nanoTime());
        if (ticks > 0)
        {
            stateWriter.write(buffer.back(), loop.lastTickIndex(), loop.lastTickTimeNs());
            buffer.publish(loop.lastTickEndNs());
        }
        return ticks;
    }

    /**
     * {@inheritDoc}
     */
    public String roleName()
    {
        return Messages.roleName();
    }

    /** @return the fixed-step loop (pause, resume and time scale may be changed from any thread). */
    public FixedStepLoop loop()
    {
        return loop;
    }

    /** @return the triple buffer the state is published to. */
    public TripleBuffer<T> buffer()
    {
        return buffer;
    }

    /**
     * The argument names and the role name, in a class of their own so that SimulationAgent holds no String
     * constant: the first C2 compile of {@link #doWork()} would otherwise resolve them on the simulation thread,
     * allocating there once mid-run (see {@code ClassConstants} in the engine test-jar).
     */
    private static final class Messages
    {
        private Messages()
        {
        }

        static void requireArguments(
            final FixedStepLoop loop,
            final TripleBuffer<?> buffer,
            final StateWriter<?> stateWriter,
            final NanoClock clock)
        {
            FrameDriver.requireNonNull(loop, "loop");
            FrameDriver.requireNonNull(buffer, "buffer");
            FrameDriver.requireNonNull(stateWriter, "stateWriter");
            FrameDriver.requireNonNull(clock, "clock");
        }

        static String roleName()
        {
            return "isochron-simulation";
        }
    }
}
