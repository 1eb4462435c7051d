package dev.isochron.render.runtime;

import dev.isochron.input.event.CharEvent;
import dev.isochron.input.event.EventListener;
import dev.isochron.input.event.KeyEvent;
import dev.isochron.input.event.MouseButtonEvent;
import dev.isochron.input.event.MouseMoveEvent;
import dev.isochron.input.event.ScrollEvent;
import dev.isochron.input.event.WindowEvent;
import dev.isochron.input.state.InputState;
import dev.isochron.input.synthetic.SyntheticInputConfig;
import dev.isochron.render.Isochron;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.*;

/**
 * {@link Application#inputListener()}: the tick's events, in order, on the simulation thread, before the tick's
 * {@code update}, exactly the events the ticks consumed; a listener that throws is the application's failure.
 */
class InputListenerTest
{
    /** Counts events per tick and checks each tick's update sees, in InputState, as many as the listener got. */
    static final class ListeningScene extends TestScene implements EventListener
    {
        long listened;
        long listenedThisTick;
        long mismatchedTicks;
        long capturedOutOfOrder;
        long lastCaptureNs = Long.MIN_VALUE;
        volatile String listenerThread;
        volatile boolean throwOnKey;

        ListeningScene()
        {
            super(10);
        }

        public EventListener inputListener()
        {
            return this;
        }

        public void onMouseMove(final MouseMoveEvent event)
        {
            heard(event.captureNs());
        }

        public void onChar(final CharEvent event)
        {
            heard(event.captureNs());
        }

        public void onMouseButton(final MouseButtonEvent event)
        {
            heard(event.captureNs());
        }

        public void onScroll(final ScrollEvent event)
        {
            heard(event.captureNs());
        }

        public void onWindow(final WindowEvent event)
        {
            heard(event.captureNs());
        }

        public void onKey(final KeyEvent event)
        {
            if (throwOnKey)
            {
                throw new IllegalStateException("listener failed on purpose");
            }
            heard(event.captureNs());
        }

        private void heard(final long captureNs)
        {
            listened++;
            listenedThisTick++;
            if (captureNs < lastCaptureNs)
            {
                capturedOutOfOrder++;
            }
            lastCaptureNs = captureNs;
            listenerThread = Thread.currentThread().getName();
        }

        public void update(final Tick tick, final InputState input)
        {
            if (input.eventsThisTick() != listenedThisTick)
            {
                mismatchedTicks++;
            }
            listenedThisTick = 0;
            super.update(tick, input);
        }
    }

    @Test
    void shouldHandTheListenerEveryConsumedEventInOrderBeforeItsTick()
    {
        final ListeningScene scene = new ListeningScene();
        final RunResult result = Isochron.run(scene, ApplicationRunnerTest.headless(Threading.MULTI)
            .measurement(ApplicationRunnerTest.measured().frames(60).syntheticInput(new SyntheticInputConfig()
                .mouseDragHz(2_000).keyMashHz(200))));

        assertTrue(scene.listened > 0, "events reached the listener");
        assertEquals(result.input().consumed(), scene.listened, "every consumed event, once: " + result.input());
        assertEquals(0, scene.mismatchedTicks, "each tick's update saw the events its listener calls had seen");
        assertEquals(0, scene.capturedOutOfOrder, "in capture order");
        assertEquals("isochron-simulation", scene.listenerThread);
    }

    @Test
    void shouldReportAListenerThatThrowsAsTheApplicationsUpdateFailure()
    {
        final ListeningScene scene = new ListeningScene();
        scene.throwOnKey = true;

        final ApplicationFailure failure = assertThrows(ApplicationFailure.class, () -> Isochron.run(scene,
            ApplicationRunnerTest.headless(Threading.MULTI).measurement(ApplicationRunnerTest.measured().frames(600)
                .syntheticInput(new SyntheticInputConfig().mouseDragHz(0).keyMashHz(500)))));

        assertEquals(Phase.UPDATE, failure.phase(), "the application's failure, not the input drain's");
        assertEquals("listener failed on purpose", failure.getCause().getMessage());
    }

    @Test
    void shouldRefuseANullListenerNamingWhatToReturn()
    {
        final TestScene scene = new TestScene(1)
        {
            public EventListener inputListener()
            {
                return null;
            }
        };

        final ApplicationFailure refused = assertThrows(ApplicationFailure.class,
            () -> Isochron.run(scene, ApplicationRunnerTest.headless(Threading.MULTI)
                .measurement(ApplicationRunnerTest.measured().frames(3))));

        assertEquals(Phase.RUNTIME, refused.phase(), "refused at start-up");
        assertEquals("Application.inputListener() returned null: return EventListener.NONE for an application " +
            "that only polls InputState", refused.getCause().getMessage());
    }
}
