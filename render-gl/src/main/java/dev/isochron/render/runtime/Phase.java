package dev.isochron.render.runtime;

/** Which application callback an {@link ApplicationFailure} came from. */
public enum Phase
{
    /** {@link Application#newRenderState()} or {@link Application#init(Init)}. */
    INIT,
    /** {@link Application#update} or {@link Application#writeRenderState}. */
    UPDATE,
    /** {@link Application#render}. */
    RENDER,
    /** {@link Application#dispose()}. */
    DISPOSE,
    /** The runtime itself (context, workers, input sources), not user code. */
    RUNTIME
}
