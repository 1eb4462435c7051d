/**
 * Key, mouse button and modifier codes with Isochron's names: what an application compares input against without
 * importing the window library. The values are the window library's own (GLFW's), so no record is translated on the
 * input path.
 */
package dev.isochron.input.keys;
