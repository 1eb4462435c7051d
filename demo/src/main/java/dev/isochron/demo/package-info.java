/**
 * The demo launcher ({@link dev.isochron.demo.DemoLauncher}, {@code java -jar demo/target/isochron-demo.jar}):
 * parses and validates the command line into {@link dev.isochron.demo.DemoSettings} and runs a scene with
 * {@link dev.isochron.render.Isochron#run}.
 * <p>
 * Threading: the JVM's main thread, which the runtime uses as its platform thread. Nothing here is on the frame
 * path.
 */
package dev.isochron.demo;
