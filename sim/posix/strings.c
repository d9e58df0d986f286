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

/* The reads of a printf format's %s arguments, as TSan's printf
 * interceptors check them: the string, its terminator included, or at
 * most the precision's bytes. The other arguments are skipped by their
 * type; a positional argument (%1$s) ends the check. */
void px_format_reads(px_task *pt, const char *fmt, va_list ap, uintptr_t pc)
{
    va_list aq;
    va_copy(aq, ap);
    for (const char *f = fmt; *f && !pt->gone; f++) {
        int prec = -1, lng = 0;
        bool ldbl = false;
        if (*f != '%')
            continue;
        f++;
        if (*f == '%')
            continue;
        while (*f && strchr("-+ #0'I", *f))
            f++;
        if (*f == '*')
            (void)va_arg(aq, int), f++;
        while (*f >= '0' && *f <= '9')
            f++;
        if (*f == '$')
            break;
        if (*f == '.') {
            f++;
            if (*f == '*') {
                prec = va_arg(aq, int);
                f++;
            } else {
                for (prec = 0; *f >= '0' && *f <= '9'; f++)
                    prec = prec * 10 + (*f - '0');
            }
        }
        for (; *f && strchr("hlLqjzZt", *f); f++) {
            lng += *f != 'h';
            ldbl |= *f == 'L';
        }
        switch (*f) {
        case 'd': case 'i': case 'o': case 'u': case 'x': case 'X':
            if (lng)
                (void)va_arg(aq, long long);
            else
                (void)va_arg(aq, int);
            break;
        case 'c':
            (void)va_arg(aq, int);
            break;
        case 'e': case 'E': case 'f': case 'F': case 'g': case 'G':
        case 'a': case 'A':
            if (ldbl)
                (void)va_arg(aq, long double);
            else
                (void)va_arg(aq, double);
            break;
        case 's': {
            const char *str = va_arg(aq, const char *);
            if (str && !lng)
                px_access(pt, (uintptr_t)str,
                          span(str, prec < 0 ? (size_t)-1 : (size_t)prec),
                          false, pc);
            break;
        }
        case 'p': case 'n': case 'S': case 'C':
            (void)va_arg(aq, void *);
            break;
        case '\0':
            f--;
            break;
        default: /* %m and unknown conversions take no argument */
            break;
        }
    }
    va_end(aq);
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
    px_task *pt;
    int n;
    if (WF_UNLIKELY(px.active) && (pt = px_enter()) != NULL) {
        px_format_reads(pt, fmt, ap, pc);
        px_leave(pt);
    }
    n = __vsnprintf_chk(s, max, 0, px_nobound(), fmt, ap);
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

/* ---- readers: strlen, strcmp, memcmp and kin ------------------------------ */

/* libc's own, found once (dlsym resolves their IFUNCs) */
static struct {
    size_t (*strlen)(const char *);
    size_t (*strnlen)(const char *, size_t);
    int (*strcmp)(const char *, const char *);
    int (*strncmp)(const char *, const char *, size_t);
    int (*memcmp)(const void *, const void *, size_t);
    char *(*strchr)(const char *, int);
    char *(*strrchr)(const char *, int);
    void *(*memchr)(const void *, int, size_t);
    char *(*strdup)(const char *);
    char *(*strndup)(const char *, size_t);
} real;

#define REAL(f) (real.f ? real.f : (*(void **)&real.f = px_real(#f), real.f))

extern char __weftrt_text_begin[], __weftrt_text_end[]; /* weftrt.ld */

/* whether a call from pc is the program's (weft's own code calls these
 * too, outside any check) */
static bool program_pc(uintptr_t pc)
{
    return WF_UNLIKELY(px.active) &&
           (pc < (uintptr_t)__weftrt_text_begin ||
            pc >= (uintptr_t)__weftrt_text_end);
}

/* the call at pc reads [a, a + n) and [b, b + m) */
static void reads(const void *a, size_t n, const void *b, size_t m,
                  uintptr_t pc)
{
    check(a, n, NULL, 0, pc);
    check(b, m, NULL, 0, pc);
}

/* the bytes strcmp-like functions read: up to the first difference or
 * terminator, at most max */
static size_t cmp_span(const unsigned char *a, const unsigned char *b,
                       size_t max, bool strings)
{
    size_t k = 0;
    while (k < max) {
        unsigned char x = a[k], y = b[k];
        k++;
        if (x != y || (strings && !x))
            break;
    }
    return k;
}

PX_API size_t strlen(const char *s)
{
    size_t n = REAL(strlen)(s);
    if (program_pc(RA))
        check(s, n + 1, NULL, 0, RA);
    return n;
}

PX_API size_t strnlen(const char *s, size_t max)
{
    size_t n = REAL(strnlen)(s, max);
    if (program_pc(RA))
        check(s, n < max ? n + 1 : n, NULL, 0, RA);
    return n;
}

PX_API int strcmp(const char *a, const char *b)
{
    if (program_pc(RA)) {
        size_t k = cmp_span((const void *)a, (const void *)b, (size_t)-1,
                            true);
        reads(a, k, b, k, RA);
    }
    return REAL(strcmp)(a, b);
}

PX_API int strncmp(const char *a, const char *b, size_t n)
{
    if (program_pc(RA) && n) {
        size_t k = cmp_span((const void *)a, (const void *)b, n, true);
        reads(a, k, b, k, RA);
    }
    return REAL(strncmp)(a, b, n);
}

PX_API int memcmp(const void *a, const void *b, size_t n)
{
    if (program_pc(RA) && n) {
        size_t k = cmp_span(a, b, n, false);
        reads(a, k, b, k, RA);
    }
    return REAL(memcmp)(a, b, n);
}

PX_API char *strchr(const char *s, int c)
{
    char *r = REAL(strchr)(s, c);
    if (program_pc(RA))
        check(s, r ? (size_t)(r - s) + 1 : REAL(strlen)(s) + 1, NULL, 0, RA);
    return r;
}

PX_API char *strrchr(const char *s, int c)
{
    if (program_pc(RA))
        check(s, REAL(strlen)(s) + 1, NULL, 0, RA);
    return REAL(strrchr)(s, c);
}

PX_API void *memchr(const void *s, int c, size_t n)
{
    void *r = REAL(memchr)(s, c, n);
    if (program_pc(RA) && n)
        check(s, r ? (size_t)((const char *)r - (const char *)s) + 1 : n,
              NULL, 0, RA);
    return r;
}

/* the copies: the source read (the copy is libc's block, as fopen's
 * buffers are) */
PX_API char *strdup(const char *s)
{
    if (program_pc(RA))
        check(s, REAL(strlen)(s) + 1, NULL, 0, RA);
    return REAL(strdup)(s);
}

PX_API char *strndup(const char *s, size_t n)
{
    if (program_pc(RA) && n) {
        size_t k = REAL(strnlen)(s, n);
        check(s, k < n ? k + 1 : k, NULL, 0, RA);
    }
    return REAL(strndup)(s, n);
}
