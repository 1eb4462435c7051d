package dev.isochron.demo.embedding;

import dev.isochron.input.queue.InputProducer;
import org.agrona.concurrent.Agent;

import static org.lwjgl.glfw.GLFW.GLFW_PRESS;
import static org.lwjgl.glfw.GLFW.GLFW_RELEASE;

/**
 * An input source of its own: presses a key, holds it for a while, releases it. Give it to a run with
 * {@code new RuntimeConfig().addInputSource(producer -> new ScriptedKeys(producer, GLFW_KEY_RIGHT, 500))}; the runtime
 * runs it on a thread of its own, and the ticks see its records in their InputState like a keyboard's (the producer
 * stamps each record with the runtime's clock).
 */
public final class ScriptedKeys implements Agent {
    private final InputProducer producer;
    private final int key;
    private final long holdNs;
    private long pressedAtNs = -1;
    private boolean released;

    public ScriptedKeys(InputProducer producer, int key, long holdMillis) {
        this.producer = producer;
        this.key = key;
        this.holdNs = holdMillis * 1_000_000;
    }

    public int doWork() {
        long now = System.nanoTime();
        if (pressedAtNs < 0) {
            producer.key(key, 0, GLFW_PRESS, 0);
            pressedAtNs = now;
            return 1;
        }
        if (!released && now - pressedAtNs >= holdNs) {
            producer.key(key, 0, GLFW_RELEASE, 0);
            released = true;
            return 1;
        }
        return 0;
    }

    public String roleName() {
        return "scripted-keys";
    }
}
