package dev.isochron.engine.handoff;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.util.function.Supplier;

abstract class TripleBufferLhsPadding
{
    byte p000, p001, p002, p003, p004, p005, p006, p007, p008, p009, p010, p011, p012, p013, p014, p015;
    byte p016, p017, p018, p019, p020, p021, p022, p023, p024, p025, p026, p027, p028, p029, p030, p031;
    byte p032, p033, p034, p035, p036, p037, p038, p039, p040, p041, p042, p043, p044, p045, p046, p047;
    byte p048, p049, p050, p051, p052, p053, p054, p055, p056, p057, p058, p059, p060, p061, p062, p063;
}

abstract class TripleBufferWriterFields extends TripleBufferLhsPadding
{
    int backIndex;
    long writerSequence;
}

abstract class TripleBufferMidPadding extends TripleBufferWriterFields
{
    byte p064, p065, p066, p067, p068, p069, p070, p071, p072, p073, p074, p075, p076, p077, p078, p079;
    byte p080, p081, p082, p083, p084, p085, p086, p087, p088, p089, p090, p091, p092, p093, p094, p095;
    byte p096, p097, p098, p099, p100, p101, p102, p103, p104, p105, p106, p107, p108, p109, p110, p111;
    byte p112, p113, p114, p115, p116, p117, p118, p119, p120, p121, p122, p123, p124, p125, p126, p127;
}

abstract class TripleBufferSharedFields extends TripleBufferMidPadding
{
    volatile int middle;
}

abstract class TripleBufferSharedPadding extends TripleBufferSharedFields
{
    byte p128, p129, p130, p131, p132, p133, p134, p135, p136, p137, p138, p139, p140, p141, p142, p143;
    byte p144, p145, p146, p147, p148, p149, p150, p151, p152, p153, p154, p155, p156, p157, p158, p159;
    byte p160, p161, p162, p163, p164, p165, p166, p167, p168, p169, p170, p171, p172, p173, p174, p175;
    byte p176, p177, p178, p179, p180, p181, p182, p183, p184, p185, p186, p187, p188, p189, p190, p191;
}

abstract class TripleBufferReaderFields extends TripleBufferSharedPadding
{
    int frontIndex;
    boolean frontChanged;
}

abstract class TripleBufferRhsPadding extends TripleBufferReaderFields
{
    byte p192, p193, p194, p195, p196, p197, p198, p199, p200, p201, p202, p203, p204, p205, p206, p207;
    byte p208, p209, p210, p211, p212, p213, p214, p215, p216, p217, p218, p219, p220, p221, p222, p223;
    byte p224, p225, p226, p227, p228, p229, p230, p231, p232, p233, p234, p235, p236, p237, p238, p239;
    byte p240, p241, p242, p243, p244, p245, p246, p247, p248, p249, p250, p251, p252, p253, p254, p255;
}

/**
 * A latest-wins triple buffer: one writer thread publishes whole states, one reader thread takes the newest, and
 * neither ever waits for the other nor allocates.
 * <p>
 * Three slots, made once by a factory at construction, rotate between three roles: the writer's <em>back</em>
 * slot, which only the writer touches; the <em>front</em> slot, which only the reader touches; and the
 * <em>middle</em> slot, the latest published state not yet taken. One atomic int word packs the middle slot's
 * index with a fresh bit. {@link #publish(long)} swaps the back slot into the middle with the fresh bit set
 * and takes the previous middle as the new back; {@link #acquireNewest()} swaps the middle into the front only
 * when the fresh bit is set. Both are a single {@code getAndSet}, so they are wait-free.
 * <p>
 * Guarantees: the reader sees a slot exactly as the writer left it when it published (the swap orders the
 * writer's plain writes before the reader's reads); a slot is never written while the reader holds it; the front
 * slot is never older than the one the reader saw before (sequences never go backwards); states published faster
 * than they are read are skipped (latest wins), never queued.
 * <p>
 * Threading: exactly one writer thread (calls {@link #back()}, {@link #publish(long)}, {@link #writerSequence()})
 * and exactly one reader thread (calls {@link #acquireNewest()}, {@link #front()} and the {@code front...}
 * getters); the two may be the same thread. A slot returned by {@link #back()} is valid until the next
 * {@link #publish(long)}; one returned by {@link #acquireNewest()} until the next {@link #acquireNewest()}. The
 * states' memory is preallocated; their content is the user's: copy the whole state into the back slot before
 * publishing, since the back slot holds a state two publications old, not the latest.
 * Allocation: none after construction.
 *
 * @param <T> the state type.
 */
public final class TripleBuffer<T> extends TripleBufferRhsPadding
{
    private static final int INDEX_MASK = 0b011;
    private static final int FRESH = 0b100;
    private static final VarHandle MIDDLE = Constants.MIDDLE;

    private final Object[] slots = new Object[3];
    private final long[] publishNs = new long[3];
    private final long[] sequence = new long[3];

    /**
     * Makes the three slots with {@code factory}.
     *
     * @param factory makes one state per call; called three times here and never again; must not return null
     *                or the same instance twice.
     * @throws IllegalArgumentException if the factory returns null or a repeated instance.
     */
    public TripleBuffer(final Supplier<? extends T> factory)
    {
        for (int i = 0; i < 3; i++)
        {
            final T state = factory.get();
            if (null == state)
            {
                throw Constants.nullState(i);
            }
            for (int j = 0; j < i; j++)
            {
                if (slots[j] == state)
                {
                    throw Constants.repeatedState(j, i);
                }
            }
            slots[i] = state;
        }
        frontIndex = 0;
        backIndex = 2;
        MIDDLE.setRelease(this, 1);
    }

    /**
     * Writer: the slot to fill with the next state. Allocation-free.
     *
     * @return the back slot, the writer's alone until {@link #publish(long)}.
     */
    @SuppressWarnings("unchecked")
    public T back()
    {
        return (T)slots[backIndex];
    }

    /**
     * Writer: makes the back slot the newest state and takes a new back slot. Wait-free and allocation-free.
     *
     * @param publishNs the clock time the state is published at (the reader gets it with the state).
     * @return the state's publish sequence: 1 for the first publication, then one more each time.
     */
    public long publish(final long publishNs)
    {
        final int back = backIndex;
        final long sequence = ++writerSequence;
        this.publishNs[back] = publishNs;
        this.sequence[back] = sequence;
        final int previousMiddle = (int)MIDDLE.getAndSet(this, back | FRESH);
        backIndex = previousMiddle & INDEX_MASK;
        return sequence;
    }

    /**
     * Writer side.
     *
     * @return the sequence of the latest publication, 0 before the first.
     */
    public long writerSequence()
    {
        return writerSequence;
    }

    /**
     * Reader: takes the newest published state if there is one the reader has not taken yet, else keeps the
     * current front. Wait-free and allocation-free.
     *
     * @return the front slot, valid until the next call; before any publication, a slot as the factory made it
     * (with {@link #frontSequence()} 0).
     */
    @SuppressWarnings("unchecked")
    public T acquireNewest()
    {
        if ((((int)MIDDLE.getVolatile(this)) & FRESH) != 0)
        {
            final int previousMiddle = (int)MIDDLE.getAndSet(this, frontIndex);
            frontIndex = previousMiddle & INDEX_MASK;
            frontChanged = true;
        }
        else
        {
            frontChanged = false;
        }

        return (T)slots[frontIndex];
    }

    /**
     * Reader: whether the writer has published at least once, taken by the reader yet or not; it never turns false
     * again. Lets a reader wait, once at start-up, for a state the writer actually wrote instead of drawing a slot as
     * the factory made it. Wait-free and allocation-free; takes nothing (the front stays as it was).
     *
     * @return whether a publication exists.
     */
    public boolean hasPublished()
    {
        return 0 != sequence[frontIndex] || (((int)MIDDLE.getVolatile(this)) & FRESH) != 0;
    }

    /**
     * Reader side.
     *
     * @return the front slot as the latest {@link #acquireNewest()} left it.
     */
    @SuppressWarnings("unchecked")
    public T front()
    {
        return (T)slots[frontIndex];
    }

    /**
     * Reader side.
     *
     * @return whether the latest {@link #acquireNewest()} took a newer state.
     */
    public boolean frontChanged()
    {
        return frontChanged;
    }

    /**
     * Reader side.
     *
     * @return the publish time of the front state (0 before any publication).
     */
    public long frontPublishNs()
    {
        return publishNs[frontIndex];
    }

    /**
     * Reader side.
     *
     * @return the publish sequence of the front state (0 before any publication); it never decreases.
     */
    public long frontSequence()
    {
        return sequence[frontIndex];
    }

    /**
     * {@inheritDoc}
     */
    public String toString()
    {
        return Constants.describe(writerSequence);
    }

    /**
     * The field name and the messages, in a class of their own so that TripleBuffer holds no String constant: the
     * first C2 compile of a per-frame method would otherwise resolve them on the engine thread that calls it,
     * allocating there once mid-run (see {@code ClassConstants} in the engine test-jar).
     */
    private static final class Constants
    {
        static final VarHandle MIDDLE;

        static
        {
            try
            {
                MIDDLE = MethodHandles.lookup().findVarHandle(TripleBufferSharedFields.class, "middle", int.class);
            }
            catch (final ReflectiveOperationException ex)
            {
                throw new ExceptionInInitializerError(ex);
            }
        }

        private Constants()
        {
        }

        static IllegalArgumentException nullState(final int slot)
        {
            return new IllegalArgumentException("TripleBuffer factory returned null for slot " + slot +
                "; it must return a new state each call");
        }

        static IllegalArgumentException repeatedState(final int first, final int second)
        {
            return new IllegalArgumentException("TripleBuffer factory returned the same instance for slots " +
                first + " and " + second + "; it must return a new state each call");
        }

        static String describe(final long writerSequence)
        {
            return "TripleBuffer{writerSequence=" + writerSequence + '}';
        }
    }
}
