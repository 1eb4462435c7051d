package dev.isochron.input.replay;

import dev.isochron.input.event.CharEvent;
import dev.isochron.input.event.EventListener;
import dev.isochron.input.event.KeyEvent;
import dev.isochron.input.event.MouseButtonEvent;
import dev.isochron.input.event.MouseMoveEvent;
import dev.isochron.input.event.ScrollEvent;
import dev.isochron.input.state.InputState;

/**
 * A stand-in simulation for determinism tests: it folds every event it is given (capture time
 * included) and the input state after every tick into one hash, bit for bit.
 */
final class SimulationHash implements EventListener
{
    long hash = 0x6A09E667F3BCC909L;
    long events;

    void afterTick(final long tickIndex, final InputState state)
    {
        mix(tickIndex);
        mix(state.eventsThisTick());
        mix(state.keysDownCount());
        mix(state.buttonsDown());
        mix(Double.doubleToRawLongBits(state.mouseX()));
        mix(Double.doubleToRawLongBits(state.mouseY()));
        mix(Double.doubleToRawLongBits(state.mouseDx()));
        mix(Double.doubleToRawLongBits(state.mouseDy()));
        mix(Double.doubleToRawLongBits(state.scrollX()));
        mix(Double.doubleToRawLongBits(state.scrollY()));
        for (int i = 0; i < state.textLength(); i++)
        {
            mix(state.textCodePoint(i));
        }
    }

    public void onKey(final KeyEvent event)
    {
        mix(event.captureNs());
        mix(event.key() * 31L + event.action());
        events++;
    }

    public void onChar(final CharEvent event)
    {
        mix(event.captureNs());
        mix(event.codePoint());
        events++;
    }

    public void onMouseMove(final MouseMoveEvent event)
    {
        mix(event.captureNs());
        mix(Double.doubleToRawLongBits(event.dx()));
        events++;
    }

    public void onMouseButton(final MouseButtonEvent event)
    {
        mix(event.captureNs());
        mix(event.button() * 31L + event.action());
        events++;
    }

    public void onScroll(final ScrollEvent event)
    {
        mix(event.captureNs());
        mix(Double.doubleToRawLongBits(event.yOffset()));
        events++;
    }

    private void mix(final long value)
    {
        long h = (hash ^ value) * 0x9E3779B97F4A7C15L;
        h ^= h >>> 29;
        hash = h;
    }
}
