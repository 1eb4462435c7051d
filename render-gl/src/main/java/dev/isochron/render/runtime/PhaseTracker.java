package dev.isochron.render.runtime;

/**
 * Which application callback the owning thread is in, so a failure can be attributed to its {@link Phase}.
 * One per runtime thread that calls application code (shared by simulation and rendering in single-threaded
 * mode). Owner thread only; allocation-free.
 */
final class PhaseTracker
{
    private Phase phase = Phase.RUNTIME;

    void enter(final Phase phase)
    {
        this.phase = phase;
    }

    void leave()
    {
        phase = Phase.RUNTIME;
    }

    Phase phase()
    {
        return phase;
    }
}
