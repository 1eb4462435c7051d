package dev.isochron.input;

import dev.isochron.engine.testing.ClassConstants;
import dev.isochron.input.glfw.GlfwInputAdapter;
import dev.isochron.input.queue.InputProducer;
import dev.isochron.input.queue.InputQueue;
import dev.isochron.input.state.InputState;
import dev.isochron.input.synthetic.SyntheticInputSource;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;

/**
 * input's classes whose methods run on the frame path (input callbacks, per-tick drains and queries) hold no
 * String constant: HotSpot resolves a class's literals on the thread that requests its first C2 compile, which for
 * a per-tick method is the simulation thread thousands of ticks into the run (see {@link ClassConstants}).
 */
class FramePathConstantPoolTest
{
    @ParameterizedTest
    @ValueSource(classes = {
        GlfwInputAdapter.class,
        InputProducer.class,
        InputQueue.class,
        InputState.class,
        SyntheticInputSource.class,
    })
    void shouldHoldNoStringConstant(final Class<?> type) throws IOException
    {
        ClassConstants.assertNoStringConstants(type);
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "dev.isochron.input.queue.InputQueue$DrainHandler",
    })
    void shouldHoldNoStringConstantInNestedClass(final String className) throws IOException, ClassNotFoundException
    {
        ClassConstants.assertNoStringConstants(Class.forName(className));
    }
}
