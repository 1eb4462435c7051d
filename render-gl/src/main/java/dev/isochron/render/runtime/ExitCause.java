package dev.isochron.render.runtime;

/** Why a run ended normally (a failure is thrown as {@link ApplicationFailure} instead). */
public enum ExitCause
{
    /** The user closed the window. */
    WINDOW_CLOSED,
    /** {@link Frame#requestExit()} or {@link Tick#requestExit()}. */
    EXIT_REQUESTED,
    /** {@link MeasurementConfig#frames(long)} frames were rendered. */
    FRAME_LIMIT,
    /** {@link MeasurementConfig#seconds(double)} seconds passed. */
    TIME_LIMIT
}
