/* io.c: what the program sees of the world, made deterministic: output
 * (printf and friends on stdout and stderr are the program's output, a
 * print op each, part of the outcome), time (clock_gettime, time,
 * gettimeofday read the virtual clock; sleep, usleep, nanosleep,
 * clock_nanosleep, thrd_sleep are sleeps on it), rand (its sequence
 * starts over in every execution), and the ways out (exit, _exit, abort,
 * atexit, a failed assert()).
 * Other I/O (files, sockets, stdin) is the real thing, done again in
 * every execution. */
#define _GNU_SOURCE
#include "px.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <poll.h>
#include <sys/select.h>
#include <sys/time.h>
#include <threads.h>
#include <unistd.h>

#define RA ((uintptr_t)__builtin_return_address(0))

void px_io_begin(void)
{
    static void (*real_srand)(unsigned);
    if (!real_srand)
        real_srand = (void (*)(unsigned))px_real("srand");
    real_srand(1); /* as if the process had just started */
}

void px_print(px_task *pt, uintptr_t pc, const char *s, size_t n)
{
    op *o;
    if (!n)
        return;
    o = px_op(pt, OP_PRINT, NULL, pc);
    o->text = arena_strndup(&px_engine()->mem, s, n);
    o->len = n;
    px_yield(pt);
}

static bool ours(FILE *f)
{
    return f == stdout || f == stderr;
}

/* Format and print; returns what printf returns. */
static int vout(px_task *pt, uintptr_t pc, const char *fmt, va_list ap)
{
    char local[512], *p = local;
    va_list aq;
    int n;
    px_format_reads(pt, fmt, ap, pc);
    va_copy(aq, ap);
    n = vsnprintf(local, sizeof local, fmt, aq);
    va_end(aq);
    if (n < 0)
        return n;
    if ((size_t)n >= sizeof local) {
        p = arena_alloc(&px_engine()->mem, (size_t)n + 1);
        vsnprintf(p, (size_t)n + 1, fmt, ap);
    }
    px_print(pt, pc, p, (size_t)n);
    return n;
}

#define REAL(T, name)                                                         \
    static T real;                                                            \
    if (!real)                                                                \
        real = (T)px_real(name);

PX_API int vfprintf(FILE *f, const char *fmt, va_list ap)
{
    px_task *pt;
    int n;
    typedef int (*fn_t)(FILE *, const char *, va_list);
    if (!ours(f) || !(pt = px_enter())) {
        REAL(fn_t, "vfprintf");
        return real(f, fmt, ap);
    }
    n = vout(pt, RA, fmt, ap);
    px_leave(pt);
    return n;
}

PX_API int vprintf(const char *fmt, va_list ap)
{
    return vfprintf(stdout, fmt, ap);
}

PX_API int printf(const char *fmt, ...)
{
    va_list ap;
    int n;
    px_task *pt = px_enter();
    va_start(ap, fmt);
    if (pt) {
        n = vout(pt, RA, fmt, ap);
        px_leave(pt);
    } else {
        typedef int (*fn_t)(FILE *, const char *, va_list);
        REAL(fn_t, "vfprintf");
        n = real(stdout, fmt, ap);
    }
    va_end(ap);
    return n;
}

PX_API int fprintf(FILE *f, const char *fmt, ...)
{
    va_list ap;
    int n;
    px_task *pt = ours(f) ? px_enter() : NULL;
    va_start(ap, fmt);
    if (pt) {
        n = vout(pt, RA, fmt, ap);
        px_leave(pt);
    } else {
        typedef int (*fn_t)(FILE *, const char *, va_list);
        REAL(fn_t, "vfprintf");
        n = real(f, fmt, ap);
    }
    va_end(ap);
    return n;
}

int __printf_chk(int flag, const char *fmt, ...);
int __fprintf_chk(FILE *f, int flag, const char *fmt, ...);
int __vprintf_chk(int flag, const char *fmt, va_list ap);
int __vfprintf_chk(FILE *f, int flag, const char *fmt, va_list ap);

PX_API int __printf_chk(int flag, const char *fmt, ...)
{
    va_list ap;
    int n;
    (void)flag;
    va_start(ap, fmt);
    n = vfprintf(stdout, fmt, ap);
    va_end(ap);
    return n;
}

PX_API int __fprintf_chk(FILE *f, int flag, const char *fmt, ...)
{
    va_list ap;
    int n;
    (void)flag;
    va_start(ap, fmt);
    n = vfprintf(f, fmt, ap);
    va_end(ap);
    return n;
}

PX_API int __vprintf_chk(int flag, const char *fmt, va_list ap)
{
    (void)flag;
    return vfprintf(stdout, fmt, ap);
}

PX_API int __vfprintf_chk(FILE *f, int flag, const char *fmt, va_list ap)
{
    (void)flag;
    return vfprintf(f, fmt, ap);
}

/* n bytes of s out to f, by the call at pc, which read nread bytes of
 * the program's memory at s (fputs, fwrite: a read of what they print,
 * as TSan checks it) */
static int out_bytes(FILE *f, const char *s, size_t n, uintptr_t pc,
                     size_t nread)
{
    px_task *pt = ours(f) ? px_enter() : NULL;
    if (!pt) {
        typedef size_t (*fn_t)(const void *, size_t, size_t, FILE *);
        REAL(fn_t, "fwrite");
        return real(s, 1, n, f) == n ? (int)n : EOF;
    }
    if (nread)
        px_access(pt, (uintptr_t)s, nread, false, pc);
    px_print(pt, pc, s, n);
    px_leave(pt);
    return (int)n;
}

PX_API int puts(const char *s)
{
    size_t n = strlen(s);
    char local[512], *p = local;
    px_task *pt = px_enter();
    if (!pt) {
        typedef int (*fn_t)(const char *);
        REAL(fn_t, "puts");
        return real(s);
    }
    px_access(pt, (uintptr_t)s, n + 1, false, RA);
    if (n + 1 > sizeof local)
        p = arena_alloc(&px_engine()->mem, n + 2);
    memcpy(p, s, n);
    p[n] = '\n';
    px_print(pt, RA, p, n + 1);
    px_leave(pt);
    return (int)n + 1;
}

PX_API int fputs(const char *s, FILE *f)
{
    if (!ours(f)) {
        typedef int (*fn_t)(const char *, FILE *);
        REAL(fn_t, "fputs");
        return real(s, f);
    }
    size_t n = strlen(s);
    return out_bytes(f, s, n, RA, n + 1) < 0 ? EOF : 1;
}

static int out_char(int c, FILE *f, uintptr_t pc)
{
    char ch = (char)c;
    if (!ours(f)) {
        typedef int (*fn_t)(int, FILE *);
        REAL(fn_t, "fputc");
        return real(c, f);
    }
    return out_bytes(f, &ch, 1, pc, 0) < 0 ? EOF : (unsigned char)c;
}

PX_API int putchar(int c)
{
    return out_char(c, stdout, RA);
}

PX_API int fputc(int c, FILE *f)
{
    return out_char(c, f, RA);
}

PX_API int putc(int c, FILE *f)
{
    return out_char(c, f, RA);
}

PX_API int putchar_unlocked(int c)
{
    return out_char(c, stdout, RA);
}

PX_API int fputc_unlocked(int c, FILE *f)
{
    return out_char(c, f, RA);
}

PX_API int putc_unlocked(int c, FILE *f)
{
    return out_char(c, f, RA);
}

PX_API size_t fwrite(const void *p, size_t size, size_t n, FILE *f)
{
    if (!ours(f) || !size || !n) {
        typedef size_t (*fn_t)(const void *, size_t, size_t, FILE *);
        REAL(fn_t, "fwrite");
        return real(p, size, n, f);
    }
    return out_bytes(f, p, size * n, RA, size * n) < 0 ? 0 : n;
}

PX_API ssize_t write(int fd, const void *p, size_t n)
{
    px_task *pt = (fd == 1 || fd == 2) && n ? px_enter() : NULL;
    if (!pt) {
        typedef ssize_t (*fn_t)(int, const void *, size_t);
        REAL(fn_t, "write");
        return real(fd, p, n);
    }
    px_print(pt, RA, p, n);
    px_leave(pt);
    return (ssize_t)n;
}

PX_API int fflush(FILE *f)
{
    typedef int (*fn_t)(FILE *);
    if (f && ours(f) && px.active && px.x)
        return 0;
    {
        REAL(fn_t, "fflush");
        return real(f);
    }
}

PX_API void perror(const char *s)
{
    px_task *pt = px_enter();
    char b[600];
    int n;
    if (!pt) {
        typedef void (*fn_t)(const char *);
        REAL(fn_t, "perror");
        real(s);
        return;
    }
    n = snprintf(b, sizeof b, "%s%s%s\n", s && *s ? s : "",
                 s && *s ? ": " : "", strerror(errno));
    px_print(pt, RA, b, (size_t)(n < 0 ? 0 : n));
    px_leave(pt);
}

/* ---- time ------------------------------------------------------------------ */

int64_t px_clock_epoch(clockid_t clk)
{
    switch (clk) {
    case CLOCK_REALTIME:
#ifdef CLOCK_REALTIME_COARSE
    case CLOCK_REALTIME_COARSE:
#endif
#ifdef CLOCK_TAI
    case CLOCK_TAI:
#endif
        return INT64_C(1700000000) * 1000000000;
    case CLOCK_PROCESS_CPUTIME_ID:
    case CLOCK_THREAD_CPUTIME_ID:
        return 0;
    default: /* CLOCK_MONOTONIC and its kin */
        return INT64_C(86400) * 1000000000;
    }
}

int64_t px_abs_ns(clockid_t clk, const struct timespec *abs)
{
    int64_t epoch = px_clock_epoch(clk);
    if (!abs)
        return INT64_MAX;
    if (abs->tv_sec < 0)
        return 0;
    if (abs->tv_sec > INT64_MAX / 1000000000 - 1)
        return INT64_MAX;
    {
        int64_t ns = (int64_t)abs->tv_sec * 1000000000 + abs->tv_nsec;
        return ns <= epoch ? 0 : ns - epoch;
    }
}

static void ts_of(int64_t ns, struct timespec *ts)
{
    ts->tv_sec = (time_t)(ns / 1000000000);
    ts->tv_nsec = (long)(ns % 1000000000);
}

PX_API int clock_gettime(clockid_t clk, struct timespec *ts)
{
    px_task *pt = px_enter();
    if (!pt) {
        typedef int (*fn_t)(clockid_t, struct timespec *);
        REAL(fn_t, "clock_gettime");
        return real(clk, ts);
    }
    ts_of(px_engine()->now_ns + px_clock_epoch(clk), ts);
    px_leave(pt);
    return 0;
}

PX_API int gettimeofday(struct timeval *restrict tv, void *restrict tz)
{
    px_task *pt = px_enter();
    if (!pt) {
        typedef int (*fn_t)(struct timeval *, void *);
        REAL(fn_t, "gettimeofday");
        return real(tv, tz);
    }
    {
        int64_t ns = px_engine()->now_ns + px_clock_epoch(CLOCK_REALTIME);
        tv->tv_sec = (time_t)(ns / 1000000000);
        tv->tv_usec = (suseconds_t)(ns % 1000000000 / 1000);
    }
    px_leave(pt);
    return 0;
}

PX_API time_t time(time_t *t)
{
    px_task *pt = px_enter();
    time_t r;
    if (!pt) {
        typedef time_t (*fn_t)(time_t *);
        REAL(fn_t, "time");
        return real(t);
    }
    r = (time_t)((px_engine()->now_ns + px_clock_epoch(CLOCK_REALTIME)) /
                 1000000000);
    if (t)
        *t = r;
    px_leave(pt);
    return r;
}

PX_API int timespec_get(struct timespec *ts, int base)
{
    px_task *pt = px_enter();
    if (!pt) {
        typedef int (*fn_t)(struct timespec *, int);
        REAL(fn_t, "timespec_get");
        return real(ts, base);
    }
    ts_of(px_engine()->now_ns + px_clock_epoch(CLOCK_REALTIME), ts);
    px_leave(pt);
    return base;
}

/* Sleep ns of virtual time (0: a scheduling point only). */
static void vsleep(px_task *pt, int64_t ns, uintptr_t pc)
{
    px_op(pt, OP_SLEEP, NULL, pc)->ns = ns < 0 ? 0 : ns;
    px_yield(pt);
}

static int64_t ns_of(const struct timespec *ts)
{
    if (!ts || ts->tv_sec < 0)
        return 0;
    if (ts->tv_sec > INT64_MAX / 1000000000 - 1)
        return INT64_MAX;
    return (int64_t)ts->tv_sec * 1000000000 + ts->tv_nsec;
}

PX_API unsigned sleep(unsigned s)
{
    px_task *pt = px_enter();
    if (!pt) {
        typedef unsigned (*fn_t)(unsigned);
        REAL(fn_t, "sleep");
        return real(s);
    }
    vsleep(pt, (int64_t)s * 1000000000, RA);
    px_leave(pt);
    return 0;
}

PX_API int usleep(useconds_t us)
{
    px_task *pt = px_enter();
    if (!pt) {
        typedef int (*fn_t)(useconds_t);
        REAL(fn_t, "usleep");
        return real(us);
    }
    vsleep(pt, (int64_t)us * 1000, RA);
    px_leave(pt);
    return 0;
}

PX_API int nanosleep(const struct timespec *req, struct timespec *rem)
{
    px_task *pt = px_enter();
    if (!pt) {
        typedef int (*fn_t)(const struct timespec *, struct timespec *);
        REAL(fn_t, "nanosleep");
        return real(req, rem);
    }
    vsleep(pt, ns_of(req), RA);
    if (rem)
        rem->tv_sec = 0, rem->tv_nsec = 0;
    px_leave(pt);
    return 0;
}

/* poll and select on no descriptors with a timeout, the portable
 * millisecond sleeps: a sleep in virtual time (natively each was a real
 * nap with no scheduling point, every execution). With descriptors they
 * are the real calls. */
PX_API int poll(struct pollfd *fds, nfds_t n, int timeout)
{
    px_task *pt = px_enter();
    if (pt && n != 0 && timeout < 0 && px_fd_poll_blocks(fds, n))
        px_fd_refuse(pt, RA, "poll"); /* fdwait.c */
    if (!pt || n != 0 || timeout < 0) {
        typedef int (*fn_t)(struct pollfd *, nfds_t, int);
        REAL(fn_t, "poll");
        if (pt)
            px_leave(pt);
        return real(fds, n, timeout);
    }
    vsleep(pt, (int64_t)timeout * 1000000, RA);
    px_leave(pt);
    return 0;
}

PX_API int select(int n, fd_set *r, fd_set *w, fd_set *x,
                  struct timeval *tv)
{
    px_task *pt = px_enter();
    if (!pt || n != 0 || !tv) {
        typedef int (*fn_t)(int, fd_set *, fd_set *, fd_set *,
                            struct timeval *);
        REAL(fn_t, "select");
        if (pt)
            px_leave(pt);
        return real(n, r, w, x, tv);
    }
    vsleep(pt, (int64_t)tv->tv_sec * 1000000000 + (int64_t)tv->tv_usec * 1000,
           RA);
    tv->tv_sec = 0, tv->tv_usec = 0; /* Linux: the time not slept */
    px_leave(pt);
    return 0;
}

PX_API int clock_nanosleep(clockid_t clk, int flags,
                           const struct timespec *req, struct timespec *rem)
{
    px_task *pt = px_enter();
    int64_t ns;
    if (!pt) {
        typedef int (*fn_t)(clockid_t, int, const struct timespec *,
                            struct timespec *);
        REAL(fn_t, "clock_nanosleep");
        return real(clk, flags, req, rem);
    }
    ns = ns_of(req);
    if (flags & TIMER_ABSTIME)
        ns = px_abs_ns(clk, req) - px_engine()->now_ns;
    vsleep(pt, ns, RA);
    if (rem)
        rem->tv_sec = 0, rem->tv_nsec = 0;
    px_leave(pt);
    return 0;
}

PX_API int thrd_sleep(const struct timespec *dur, struct timespec *rem)
{
    return nanosleep(dur, rem);
}

/* ---- ways out ----------------------------------------------------------- */

/* the executable's destructors, as the link lays them out */
extern void (*__fini_array_start[])(void) __attribute__((weak));
extern void (*__fini_array_end[])(void) __attribute__((weak));
extern char __weftrt_text_begin[], __weftrt_text_end[];

/* The atexit handlers, last registered first, then the program's
 * destructors (__attribute__((destructor)), .fini_array), last first, as
 * exit runs them: glibc's _dl_fini is the first handler registered. The
 * C runtime's own entry (__do_global_dtors_aux) and weft's are not the
 * program's. The destructors ran once, at the end of the whole check,
 * outside any execution (unchecked, printing after weft's report). */
void px_run_atexit(px_task *pt)
{
    px_exec *x = px.x;
    size_t n = (size_t)(__fini_array_end - __fini_array_start);
    while (x->natexit > 0) {
        void (*fn)(void) = x->atexit_fns[--x->natexit];
        px_in_rt = 0;
        fn();
        px_in_rt = 1;
    }
    while (!x->no_fini && __fini_array_start && n > 0 && !pt->gone) {
        void (*fn)(void) = __fini_array_start[--n];
        uintptr_t a = (uintptr_t)(void *)fn;
        const char *name = px_sym_of(a, NULL, NULL);
        if ((a >= (uintptr_t)__weftrt_text_begin &&
             a < (uintptr_t)__weftrt_text_end) ||
            !name || !strncmp(name, "__", 2))
            continue;
        px_in_rt = 0;
        fn();
        px_in_rt = 1;
    }
}

PX_API int atexit(void (*fn)(void))
{
    px_task *pt = px_enter();
    int r = 0;
    if (!pt) {
        typedef int (*fn_t)(void (*)(void));
        REAL(fn_t, "atexit");
        return real(fn);
    }
    if (px.x->natexit < 64)
        px.x->atexit_fns[px.x->natexit++] = fn;
    else
        r = -1;
    px_leave(pt);
    return r;
}

PX_API void exit(int status)
{
    px_task *pt = px_enter();
    if (!pt) {
        typedef void (*fn_t)(int);
        REAL(fn_t, "exit");
        real(status);
        abort();
    }
    px_exit(pt, RA, status);
}

PX_API int at_quick_exit(void (*fn)(void))
{
    px_task *pt = px_enter();
    int r = 0;
    if (!pt) {
        typedef int (*fn_t)(void (*)(void));
        REAL(fn_t, "at_quick_exit");
        return real(fn);
    }
    if (px.x->nquick < 64)
        px.x->quick_fns[px.x->nquick++] = fn;
    else
        r = -1;
    px_leave(pt);
    return r;
}

/* quick_exit: the process ends as by exit, running at_quick_exit's
 * handlers instead of atexit's (the real one ended the whole check) */
PX_API void quick_exit(int status)
{
    px_task *pt = px_enter();
    px_exec *x;
    if (!pt) {
        typedef void (*fn_t)(int);
        REAL(fn_t, "quick_exit");
        real(status);
        abort();
    }
    x = px.x;
    memcpy(x->atexit_fns, x->quick_fns, sizeof x->quick_fns);
    x->natexit = x->nquick;
    x->no_fini = true;
    px_exit(pt, RA, status);
}

PX_API void _exit(int status)
{
    px_task *pt = px_enter();
    if (!pt) {
        typedef void (*fn_t)(int);
        REAL(fn_t, "_exit");
        real(status);
        abort();
    }
    px.x->natexit = 0;
    px.x->no_fini = true;
    px_exit(pt, RA, status);
}

PX_API void _Exit(int status)
{
    _exit(status);
}

PX_API void abort(void)
{
    px_task *pt = px_enter();
    if (!pt) {
        typedef void (*fn_t)(void);
        REAL(fn_t, "abort");
        real();
        for (;;)
            ;
    }
    if (px_svcomp()) { /* SV-COMP: assume_abort_if_not, an infeasible path */
        px.x->natexit = 0;
        px.x->no_fini = true;
        px_exit(pt, RA, 134);
    }
    px_panic(pt, RA, "abort() called (SIGABRT)");
}

void __assert_fail(const char *expr, const char *file, unsigned line,
                   const char *fn);

PX_API void __assert_fail(const char *expr, const char *file, unsigned line,
                          const char *fn)
{
    px_task *pt = px_enter();
    char m[800];
    snprintf(m, sizeof m, "%s:%u: %s: Assertion `%s' failed.", file, line,
             fn ? fn : "?", expr);
    if (!pt) {
        typedef void (*fn_t)(const char *, const char *, unsigned,
                             const char *);
        REAL(fn_t, "__assert_fail");
        real(expr, file, line, fn);
        abort();
    }
    px_assert_fail(pt, RA, m);
}
