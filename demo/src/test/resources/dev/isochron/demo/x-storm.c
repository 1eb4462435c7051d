/*
 * x-storm: a storm of real window-system input, injected through the X server's XTest extension, so that the X
 * server delivers pointer motion, drags, clicks and wheel events to whatever window is under the pointer (the
 * Isochron window under Xvfb). Test tool; needs only the runtime libraries libX11.so.6 and libXtst.so.6 (no headers):
 *   gcc -O2 -o x-storm x-storm.c -l:libXtst.so.6 -l:libX11.so.6
 * Usage: x-storm <events per second> <seconds> <width> <height>
 * It first waits (up to 60 s) until a window is mapped on the screen, then half a second more, so that it can be
 * started beside the program it drives. Each second of the pattern: pointer motion sweeping a Lissajous path over the window's area, a drag (press, moves,
 * release) every 50 events, a click every 100 and a wheel step every 25. It prints what it sent:
 *   x-storm: sent motions=N presses=P releases=R wheels=W seconds=S
 * and exits 0, or 1 naming what failed (no display, no XTest).
 */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <time.h>

typedef struct _XDisplay Display;
extern Display *XOpenDisplay(const char *name);
extern int XCloseDisplay(Display *display);
extern int XFlush(Display *display);
extern int XSync(Display *display, int discard);
typedef unsigned long Window;
typedef struct { int x, y, width, height, border_width, depth; void *visual; Window root; int class_, bit_gravity,
    win_gravity, backing_store; unsigned long backing_planes, backing_pixel; int save_under; unsigned long colormap;
    int map_installed, map_state; long all_event_masks, your_event_mask, do_not_propagate_mask; int override_redirect;
    void *screen; } XWindowAttributes;
extern Window XDefaultRootWindow(Display *display);
extern int XQueryTree(Display *display, Window window, Window *root, Window *parent, Window **children,
    unsigned int *count);
extern int XGetWindowAttributes(Display *display, Window window, XWindowAttributes *attributes);
extern int XFree(void *data);
extern int XTestQueryExtension(Display *display, int *event, int *error, int *major, int *minor);
extern int XTestFakeMotionEvent(Display *display, int screen, int x, int y, unsigned long delay);
extern int XTestFakeButtonEvent(Display *display, unsigned int button, int is_press, unsigned long delay);

/* IsViewable */
#define MAPPED_VIEWABLE 2

static int viewable_windows(Display *display)
{
    Window root, parent, *children = NULL;
    unsigned int count = 0, viewable = 0;
    if (!XQueryTree(display, XDefaultRootWindow(display), &root, &parent, &children, &count))
    {
        return 0;
    }
    for (unsigned int i = 0; i < count; i++)
    {
        XWindowAttributes attributes;
        if (XGetWindowAttributes(display, children[i], &attributes) && attributes.map_state == MAPPED_VIEWABLE)
        {
            viewable++;
        }
    }
    if (children)
    {
        XFree(children);
    }
    return (int)viewable;
}

static double now_seconds(void)
{
    struct timespec t;
    clock_gettime(CLOCK_MONOTONIC, &t);
    return t.tv_sec + t.tv_nsec / 1e9;
}

int main(int argc, char **argv)
{
    if (argc != 5)
    {
        fprintf(stderr, "usage: x-storm <events per second> <seconds> <width> <height>\n");
        return 2;
    }
    const double rate = atof(argv[1]);
    const double seconds = atof(argv[2]);
    const int width = atoi(argv[3]);
    const int height = atoi(argv[4]);
    Display *display = XOpenDisplay(NULL);
    if (!display)
    {
        fprintf(stderr, "x-storm: cannot open the X display (DISPLAY=%s)\n", getenv("DISPLAY"));
        return 1;
    }
    int event, error, major, minor;
    if (!XTestQueryExtension(display, &event, &error, &major, &minor))
    {
        fprintf(stderr, "x-storm: the X server has no XTest extension\n");
        return 1;
    }
    const double waited = now_seconds();
    while (viewable_windows(display) == 0)
    {
        if (now_seconds() - waited > 60)
        {
            fprintf(stderr, "x-storm: no window was mapped within 60 s\n");
            return 1;
        }
        struct timespec poll = {0, 50 * 1000 * 1000};
        nanosleep(&poll, NULL);
    }
    struct timespec settle = {0, 500 * 1000 * 1000};
    nanosleep(&settle, NULL);
    long motions = 0, presses = 0, releases = 0, wheels = 0;
    int dragging = 0;
    const double start = now_seconds();
    const double period = 1.0 / rate;
    double next = start;
    long n = 0;
    for (;;)
    {
        const double t = now_seconds();
        if (t - start >= seconds)
        {
            break;
        }
        if (t < next)
        {
            struct timespec pause = {0, (long)((next - t) * 1e9)};
            nanosleep(&pause, NULL);
            continue;
        }
        next += period;
        n++;
        const double phase = (t - start) * 2.0 * M_PI;
        const int x = (int)(width * (0.5 + 0.45 * sin(phase * 0.7)));
        const int y = (int)(height * (0.5 + 0.45 * sin(phase * 1.1 + 1.0)));
        XTestFakeMotionEvent(display, -1, x, y, 0);
        motions++;
        if (n % 50 == 0)
        {
            XTestFakeButtonEvent(display, 1, dragging ? 0 : 1, 0);
            if (dragging)
            {
                releases++;
            }
            else
            {
                presses++;
            }
            dragging = !dragging;
        }
        else if (n % 100 == 1 && !dragging)
        {
            XTestFakeButtonEvent(display, 1, 1, 0);
            XTestFakeButtonEvent(display, 1, 0, 0);
            presses++;
            releases++;
        }
        if (n % 25 == 0)
        {
            const unsigned int button = (n / 25) % 2 ? 4 : 5;
            XTestFakeButtonEvent(display, button, 1, 0);
            XTestFakeButtonEvent(display, button, 0, 0);
            wheels++;
        }
        if (n % 16 == 0)
        {
            XFlush(display);
        }
    }
    if (dragging)
    {
        XTestFakeButtonEvent(display, 1, 0, 0);
        releases++;
    }
    XSync(display, 0);
    XCloseDisplay(display);
    printf("x-storm: sent motions=%ld presses=%ld releases=%ld wheels=%ld seconds=%.1f\n", motions, presses, releases,
        wheels, now_seconds() - start);
    return 0;
}
