/* libc_static.c: libc's functions that keep their state or result in
 * hidden static storage: strtok's saved position, the struct tm that
 * localtime and gmtime return (one, shared: glibc's _tmbuf), the string
 * asctime and ctime return. C11 says each "is not required to avoid data
 * races" with other calls to it; glibc's do not. libc is not
 * instrumented, so two threads calling strtok at once, or one reading the
 * struct tm another's localtime rewrites, went unseen (and weft never
 * switched threads between two strtok calls, so a strtok(NULL) that
 * continues the other thread's string never showed). Here that storage is
 * the runtime's own, fresh in each execution, and each call is an access
 * to it by its caller: unordered calls race on it, named as libc's state.
 * The reentrant forms (strtok_r, localtime_r, gmtime_r, asctime_r,
 * ctime_r) are checked as TSan's interceptors check them: a read of what
 * they read and a write of what they store in the caller's memory.
 * The environment is such state too: getenv reads it, setenv, unsetenv,
 * putenv and clearenv change it (POSIX: they need not be thread-safe;
 * glibc's getenv walks the array setenv may move and rewrite), so a
 * getenv unordered with a setenv races on it. */
#define _GNU_SOURCE
#include "px.h"

#include <stddef.h>
#include <string.h>
#include <time.h>

#define RA ((uintptr_t)__builtin_return_address(0))

static struct {
    char *strtok_pos;
    struct tm tm;
    char text[32]; /* asctime's "Www Mmm dd hh:mm:ss yyyy\n" */
    char env;      /* the environment, as one variable */
} S;

void px_libc_begin(void)
{
    memset(&S, 0, sizeof S);
}

static const struct {
    size_t off;
    const char *name;
} tm_fields[] = {
    {offsetof(struct tm, tm_sec), "tm_sec"},
    {offsetof(struct tm, tm_min), "tm_min"},
    {offsetof(struct tm, tm_hour), "tm_hour"},
    {offsetof(struct tm, tm_mday), "tm_mday"},
    {offsetof(struct tm, tm_mon), "tm_mon"},
    {offsetof(struct tm, tm_year), "tm_year"},
    {offsetof(struct tm, tm_wday), "tm_wday"},
    {offsetof(struct tm, tm_yday), "tm_yday"},
    {offsetof(struct tm, tm_isdst), "tm_isdst"},
    {offsetof(struct tm, tm_gmtoff), "tm_gmtoff"},
    {offsetof(struct tm, tm_zone), "tm_zone"},
};

bool px_libc_name(uintptr_t a, char *b, size_t len)
{
    uintptr_t tm = (uintptr_t)&S.tm, text = (uintptr_t)S.text;
    if (a >= (uintptr_t)&S.strtok_pos &&
        a < (uintptr_t)&S.strtok_pos + sizeof S.strtok_pos) {
        snprintf(b, len, "strtok's static position");
        return true;
    }
    if (a == (uintptr_t)&S.env) {
        snprintf(b, len, "the environment (getenv/setenv)");
        return true;
    }
    if (a >= tm && a < tm + sizeof S.tm) {
        const char *f = "";
        for (size_t i = 0; i < sizeof tm_fields / sizeof *tm_fields; i++)
            if (a - tm >= tm_fields[i].off)
                f = tm_fields[i].name;
        snprintf(b, len, "the static struct tm of localtime/gmtime (%s)", f);
        return true;
    }
    if (a >= text && a < text + sizeof S.text) {
        snprintf(b, len, "the static string of asctime/ctime[%llu]",
                 (unsigned long long)(a - text));
        return true;
    }
    return false;
}

/* pt's call at pc reads [r, r + rn) and writes [w, w + wn) */
static void check(px_task *pt, const void *r, size_t rn, void *w, size_t wn,
                  uintptr_t pc)
{
    if (rn && !pt->gone)
        px_access(pt, (uintptr_t)r, rn, false, pc);
    if (wn && !pt->gone)
        px_access(pt, (uintptr_t)w, wn, true, pc);
}

/* libc's own reentrant functions, which the ones below replace */
static struct {
    char *(*strtok_r)(char *, const char *, char **);
    struct tm *(*localtime_r)(const time_t *, struct tm *);
    struct tm *(*gmtime_r)(const time_t *, struct tm *);
    char *(*asctime_r)(const struct tm *, char *);
    char *(*getenv)(const char *);
    char *(*secure_getenv)(const char *);
    int (*setenv)(const char *, const char *, int);
    int (*unsetenv)(const char *);
    int (*putenv)(char *);
    int (*clearenv)(void);
} real;

#define REAL(f) (real.f ? real.f : (*(void **)&real.f = px_real(#f), real.f))

/* strtok_r's work, checked: the position is read (when s is NULL) and
 * written, the string scanned is read up to the end of the token (its
 * terminator included when it ends the string), and the delimiter ending
 * the token, overwritten by a terminator, is written */
static char *tok(px_task *pt, char *s, const char *delim, char **save,
                 uintptr_t pc)
{
    char *from, *t, *end;
    if (!pt)
        return REAL(strtok_r)(s, delim, save);
    check(pt, s ? NULL : save, s ? 0 : sizeof *save, save, sizeof *save, pc);
    from = s ? s : *save;
    t = REAL(strtok_r)(s, delim, save);
    end = *save;
    if (from && !pt->gone) {
        bool cut = t && end != t + strlen(t);
        check(pt, from, (size_t)(end - from) + !cut, NULL, 0, pc);
        if (cut)
            check(pt, NULL, 0, end - 1, 1, pc);
    }
    return t;
}

PX_API char *strtok(char *s, const char *delim)
{
    px_task *pt = px_enter();
    char *t = tok(pt, s, delim, &S.strtok_pos, RA);
    if (pt)
        px_leave(pt);
    return t;
}

PX_API char *strtok_r(char *s, const char *delim, char **save)
{
    px_task *pt = px_enter();
    char *t = tok(pt, s, delim, save, RA);
    if (pt)
        px_leave(pt);
    return t;
}

/* localtime_r's and gmtime_r's work into r, checked: *t is read, *r
 * written */
static struct tm *to_tm(px_task *pt, const time_t *t, struct tm *r,
                        bool local, uintptr_t pc)
{
    if (pt)
        check(pt, t, sizeof *t, r, sizeof *r, pc);
    return local ? REAL(localtime_r)(t, r) : REAL(gmtime_r)(t, r);
}

/* asctime_r's work into b, checked: *tm is read, the text written */
static char *to_text(px_task *pt, const struct tm *tm, char *b, uintptr_t pc)
{
    char *r = REAL(asctime_r)(tm, b);
    if (pt)
        check(pt, tm, sizeof *tm, b, r ? strlen(r) + 1 : 0, pc);
    return r;
}

#define CALL(expr)                                                            \
    do {                                                                      \
        px_task *pt = px_enter();                                             \
        __typeof__(expr) res_ = (expr);                                       \
        if (pt)                                                               \
            px_leave(pt);                                                     \
        return res_;                                                          \
    } while (0)

PX_API struct tm *localtime(const time_t *t)
{
    CALL(to_tm(pt, t, &S.tm, true, RA));
}

PX_API struct tm *gmtime(const time_t *t)
{
    CALL(to_tm(pt, t, &S.tm, false, RA));
}

PX_API struct tm *localtime_r(const time_t *t, struct tm *r)
{
    CALL(to_tm(pt, t, r, true, RA));
}

PX_API struct tm *gmtime_r(const time_t *t, struct tm *r)
{
    CALL(to_tm(pt, t, r, false, RA));
}

PX_API char *asctime(const struct tm *tm)
{
    CALL(to_text(pt, tm, S.text, RA));
}

PX_API char *asctime_r(const struct tm *tm, char *b)
{
    CALL(to_text(pt, tm, b, RA));
}

/* ctime is asctime(localtime(t)): both static results are written */
PX_API char *ctime(const time_t *t)
{
    CALL(to_tm(pt, t, &S.tm, true, RA) ? to_text(pt, &S.tm, S.text, RA)
                                       : NULL);
}

PX_API char *ctime_r(const time_t *t, char *b)
{
    struct tm tm;
    CALL(to_tm(NULL, t, &tm, true, RA) ? to_text(pt, &tm, b, RA) : NULL);
}

/* the environment: read by getenv, written by what changes it */
#define ENV(write, expr)                                                      \
    do {                                                                      \
        px_task *pt = px_enter();                                             \
        __typeof__(expr) res_;                                                \
        if (pt)                                                               \
            px_access(pt, (uintptr_t)&S.env, 1, write, RA);                   \
        res_ = (expr);                                                        \
        if (pt)                                                               \
            px_leave(pt);                                                     \
        return res_;                                                          \
    } while (0)

PX_API char *getenv(const char *name)
{
    ENV(false, REAL(getenv)(name));
}

PX_API char *secure_getenv(const char *name)
{
    ENV(false, REAL(secure_getenv)(name));
}

PX_API int setenv(const char *name, const char *value, int overwrite)
{
    ENV(true, REAL(setenv)(name, value, overwrite));
}

PX_API int unsetenv(const char *name)
{
    ENV(true, REAL(unsetenv)(name));
}

PX_API int putenv(char *s)
{
    ENV(true, REAL(putenv)(s));
}

PX_API int clearenv(void)
{
    ENV(true, REAL(clearenv)());
}
