/*
 * loader-watch: an LD_PRELOAD library for tests that watches the dynamic loader in an Isochron process.
 *
 * It wraps dlopen, dlclose and dl_iterate_phdr and prints one line to stderr, starting "loader-watch:", for
 *   - an overlap: a thread entering dlopen/dlclose while another thread is inside dlopen, dlclose or
 *     dl_iterate_phdr, or entering dl_iterate_phdr while another is inside dlopen/dlclose (the two halves of
 *     glibc's loader deadlock that LWJGL's library-path lookup can hit, LWJGL issue 1148);
 *   - an unguarded load: once the process has taken Isochron's native-loading lock for the first time, a dlopen
 *     that loads an object not loaded before, or a dlclose that unloads one, on a thread that does not hold the
 *     lock, before the process calls exit() (the destructors exit() runs may unload freely: no Java runs). The lock's
 *     holder is read from the file named by ISOCHRON_NATIVE_LOADING_WATCH, where NativeLoading writes the native
 *     thread id of the holder (0 when free).
 * With LOADER_WATCH_VERBOSE=1 it also prints every new load with its thread and whether the lock was held.
 * Build: gcc -O2 -shared -fPIC -o libloader-watch.so loader-watch.c -ldl
 */
#define _GNU_SOURCE
#include <dlfcn.h>
#include <fcntl.h>
#include <link.h>
#include <stdatomic.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/prctl.h>
#include <sys/syscall.h>
#include <unistd.h>

static _Atomic long loader_tid;
static _Atomic long iterate_tid;
static _Atomic int armed;
static _Atomic int exiting;
static __thread int depth;

static long current_tid(void)
{
    return syscall(SYS_gettid);
}

static void thread_name(long tid, char *name, size_t size)
{
    char path[64];
    snprintf(path, sizeof path, "/proc/self/task/%ld/comm", tid);
    int fd = open(path, O_RDONLY | O_CLOEXEC);
    ssize_t n = fd >= 0 ? read(fd, name, size - 1) : -1;
    if (fd >= 0)
    {
        close(fd);
    }
    name[n > 0 ? n : 0] = 0;
    name[strcspn(name, "\n")] = 0;
}

/* the native thread id holding Isochron's native-loading lock, 0 when none, -1 when not watched */
static long lock_holder(void)
{
    const char *path = getenv("ISOCHRON_NATIVE_LOADING_WATCH");
    if (!path || !*path)
    {
        return -1;
    }
    int fd = open(path, O_RDONLY | O_CLOEXEC);
    if (fd < 0)
    {
        return 0;
    }
    char text[32] = {0};
    ssize_t n = pread(fd, text, sizeof text - 1, 0);
    close(fd);
    if (n <= 0)
    {
        return 0;
    }
    long holder = strtol(text, NULL, 10);
    if (holder != 0)
    {
        atomic_store(&armed, 1);
    }
    return holder;
}

static void say(const char *kind, const char *call, const char *what, long other)
{
    long me = current_tid();
    char mine[32], theirs[32] = "";
    thread_name(me, mine, sizeof mine);
    if (other > 0)
    {
        thread_name(other, theirs, sizeof theirs);
        fprintf(stderr, "loader-watch: %s: thread %ld '%s' %s(%s) while thread %ld '%s' is inside the loader\n",
            kind, me, mine, call, what ? what : "NULL", other, theirs);
    }
    else
    {
        fprintf(stderr, "loader-watch: %s: thread %ld '%s' %s(%s)\n", kind, me, mine, call, what ? what : "NULL");
    }
}

static void enter(int iterate, const char *call, const char *what)
{
    if (depth++ > 0)
    {
        return;
    }
    long me = current_tid();
    long loading = atomic_load(&loader_tid);
    long iterating = atomic_load(&iterate_tid);
    if (loading != 0 && loading != me)
    {
        say("overlap", call, what, loading);
    }
    else if (!iterate && iterating != 0 && iterating != me)
    {
        say("overlap", call, what, iterating);
    }
    atomic_store(iterate ? &iterate_tid : &loader_tid, me);
}

static void leave(int iterate)
{
    if (--depth > 0)
    {
        return;
    }
    atomic_store(iterate ? &iterate_tid : &loader_tid, 0);
}

static void check_guarded(const char *call, const char *what)
{
    long holder = lock_holder();
    if (holder < 0 || atomic_load(&exiting))
    {
        return;
    }
    int held = holder == current_tid();
    if (getenv("LOADER_WATCH_VERBOSE"))
    {
        say(held ? "load under the lock" : "load", call, what, 0);
    }
    if (!held && atomic_load(&armed))
    {
        say("unguarded", call, what, 0);
    }
}

void *dlopen(const char *file, int mode)
{
    static void *(*real_open)(const char *, int);
    static int (*real_close)(void *);
    if (!real_open)
    {
        real_open = dlsym(RTLD_NEXT, "dlopen");
        real_close = dlsym(RTLD_NEXT, "dlclose");
    }
    enter(0, "dlopen", file);
    if (file && depth == 1)
    {
        void *loaded = real_open(file, RTLD_LAZY | RTLD_NOLOAD);
        if (loaded)
        {
            real_close(loaded);
        }
        else
        {
            check_guarded("dlopen", file);
        }
    }
    void *handle = real_open(file, mode);
    leave(0);
    return handle;
}

int dlclose(void *handle)
{
    static int (*real_close)(void *);
    static void *(*real_open)(const char *, int);
    if (!real_close)
    {
        real_close = dlsym(RTLD_NEXT, "dlclose");
        real_open = dlsym(RTLD_NEXT, "dlopen");
    }
    enter(0, "dlclose", "handle");
    char name[512] = "";
    struct link_map *map = NULL;
    if (depth == 1 && dlinfo(handle, RTLD_DI_LINKMAP, &map) == 0 && map && map->l_name && *map->l_name)
    {
        snprintf(name, sizeof name, "%s", map->l_name);
    }
    int result = real_close(handle);
    if (*name)
    {
        void *still = real_open(name, RTLD_LAZY | RTLD_NOLOAD);
        if (still)
        {
            real_close(still);
        }
        else
        {
            check_guarded("dlclose", name);
        }
    }
    leave(0);
    return result;
}

void exit(int status)
{
    static void (*real_exit)(int);
    if (!real_exit)
    {
        real_exit = dlsym(RTLD_NEXT, "exit");
    }
    atomic_store(&exiting, 1);
    real_exit(status);
    __builtin_unreachable();
}

int dl_iterate_phdr(int (*callback)(struct dl_phdr_info *, size_t, void *), void *data)
{
    static int (*real_iterate)(int (*)(struct dl_phdr_info *, size_t, void *), void *);
    if (!real_iterate)
    {
        real_iterate = dlsym(RTLD_NEXT, "dl_iterate_phdr");
    }
    enter(1, "dl_iterate_phdr", "");
    int result = real_iterate(callback, data);
    leave(1);
    return result;
}
