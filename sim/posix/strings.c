/* strings.c: libc's string writers, race-checked as the thread sanitizer's
 * interceptors check them. Code in libc is not instrumented, so a
 * snprintf into a static buffer from two threads (asctime's, a
 * formatting helper's) or a strcpy into shared memory would go unseen:
 * each call here is a read of its source string and a write of what it
 * stores, then libc's own function (its checked entry point, which the
 * program's calls do not reach) does the work. */
#define _GNU_SOURCE
#include "px.h"

#include <stdarg.h>
#include <stdio.h>
#include <string.h>

int __vsnprintf_chk(char *s, size_t max, int flag, size_t slen,
                    const char *fmt, va_list ap);
int __vsprintf_chk(char *s, int flag, size_t slen, const char *fmt,
                   va_list ap);
char *__strcpy_chk(char *d, const char *s, size_t dn);
char *__stpcpy_chk(char *d, const char *s, size_t dn);
char *__strncpy_chk(char *d, const char *s, size_t n, size_t dn);
char *__strcat_chk(char *d, const char *s, size_t dn);
char *__strncat_chk(char *d, const char *s, size_t n, size_t dn);

#define RA ((uintptr_t)__builtin_return_address(0))

/* the bytes of a string, its terminator included, at most max */
static size_t span(const char *s, size_t max)
{
    size_t n = 0;
    while (n < max && s[n])
        n++;
    return n < max ? n + 1 : n;
}

/* the call at pc reads [r, r + rn) and writes [w, w + wn) */
static void check(const void *r, size_t rn, void *w, size_t wn,
                  uintptr_t pc)
{
    px_task *pt = px_enter();
    if (!pt)
        return;
    if (rn)
        px_access(pt, (uintptr_t)r, rn, false, pc);
    if (wn && !pt->gone)
        px_access(pt, (uintptr_t)w, wn, true, pc);
    px_leave(pt);
}

/* vsnprintf's n: what it stored in a buffer of max bytes */
static size_t stored(int n, size_t max)
{
    if (n < 0 || !max)
        return 0;
    return (size_t)n < max ? (size_t)n + 1 : max;
}

static int v_snprintf(char *s, size_t max, const char *fmt, va_list ap,
                      uintptr_t pc)
{
    int n = __vsnprintf_chk(s, max, 0, px_nobound(), fmt, ap);
    if (WF_UNLIKELY(px.active))
        check(NULL, 0, s, stored(n, max), pc);
    return n;
}

PX_API int vsnprintf(char *s, size_t max, const char *fmt, va_list ap)
{
    return v_snprintf(s, max, fmt, ap, RA);
}

PX_API int snprintf(char *s, size_t max, const char *fmt, ...)
{
    va_list ap;
    int n;
    va_start(ap, fmt);
    n = v_snprintf(s, max, fmt, ap, RA);
    va_end(ap);
    return n;
}

PX_API int vsprintf(char *s, const char *fmt, va_list ap)
{
    int n = __vsprintf_chk(s, 0, px_nobound(), fmt, ap);
    if (WF_UNLIKELY(px.active) && n >= 0)
        check(NULL, 0, s, (size_t)n + 1, RA);
    return n;
}

PX_API int sprintf(char *s, const char *fmt, ...)
{
    va_list ap;
    int n;
    va_start(ap, fmt);
    n = __vsprintf_chk(s, 0, px_nobound(), fmt, ap);
    va_end(ap);
    if (WF_UNLIKELY(px.active) && n >= 0)
        check(NULL, 0, s, (size_t)n + 1, RA);
    return n;
}

PX_API char *strcpy(char *d, const char *s)
{
    if (WF_UNLIKELY(px.active)) {
        size_t n = span(s, (size_t)-1);
        check(s, n, d, n, RA);
    }
    return __strcpy_chk(d, s, px_nobound());
}

PX_API char *stpcpy(char *d, const char *s)
{
    if (WF_UNLIKELY(px.active)) {
        size_t n = span(s, (size_t)-1);
        check(s, n, d, n, RA);
    }
    return __stpcpy_chk(d, s, px_nobound());
}

PX_API char *strncpy(char *d, const char *s, size_t n)
{
    if (WF_UNLIKELY(px.active) && n)
        check(s, span(s, n), d, n, RA);
    return __strncpy_chk(d, s, n, px_nobound());
}

PX_API char *strcat(char *d, const char *s)
{
    if (WF_UNLIKELY(px.active)) {
        size_t dl = span(d, (size_t)-1), n = span(s, (size_t)-1);
        check(d, dl, NULL, 0, RA);
        check(s, n, d + dl - 1, n, RA);
    }
    return __strcat_chk(d, s, px_nobound());
}

PX_API char *strncat(char *d, const char *s, size_t n)
{
    if (WF_UNLIKELY(px.active)) {
        size_t dl = span(d, (size_t)-1), sn = span(s, n);
        size_t w = sn && s[sn - 1] == 0 ? sn : sn + 1;
        check(d, dl, NULL, 0, RA);
        check(s, sn, d + dl - 1, w, RA);
    }
    return __strncat_chk(d, s, n, px_nobound());
}
