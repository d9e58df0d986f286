/* util.h: memory, arenas, growable buffers and diagnostics shared by every
 * module of weft.
 * Owns: nothing global. An arena owns its chunks until arena_fini(); a buf
 * owns its bytes until buf_fini().
 * Invariants: 1. wf_xmalloc never returns NULL (out of memory is fatal, exit
 *   3).  2. arena_alloc memory is 16-byte aligned and zeroed.
 *   3. arena_reset keeps the largest chunk so a steady state allocates
 *   nothing. */
#ifndef WF_UTIL_H
#define WF_UTIL_H

#include <stdarg.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#if defined(__GNUC__) || defined(__clang__)
#define WF_UNLIKELY(x) __builtin_expect(!!(x), 0)
#define WF_LIKELY(x)   __builtin_expect(!!(x), 1)
#define WF_PRINTF(a, b) __attribute__((format(printf, a, b)))
#define WF_NORETURN    __attribute__((noreturn))
#else
#define WF_UNLIKELY(x) (x)
#define WF_LIKELY(x)   (x)
#define WF_PRINTF(a, b)
#define WF_NORETURN
#endif

/* Status of an operation that can fail on bad input or usage (STYLE 4.1). */
typedef enum wf_status {
    WF_OK = 0,
    WF_ERR_INPUT = 2,    /* bad file, flag, database, replay: exit 2 */
    WF_ERR_INTERNAL = 3, /* broken invariant, I/O: exit 3 */
} wf_status;

/* Where bad input was found, and what is wrong with it. The message is the
 * text after "error: "; file may be empty for errors without a place. */
typedef struct wf_diag {
    char file[512];
    int line, col; /* 1-based; 0 when unknown */
    char msg[1024];
    /* the errors after the first, when there are several (the Go type
     * checker's, up to Go's 10): each line already formatted, as
     * diag_format formats one; "" when there is only the first */
    char more[2048];
} wf_diag;

/* Fill d (when not NULL, its further errors none) and return
 * WF_ERR_INPUT. */
wf_status diag_set(wf_diag *d, const char *file, int line, int col,
                   const char *fmt, ...) WF_PRINTF(5, 6);
/* Format d as "file:line:col: error: msg" (compiler style) into out:
 * the first error only. */
void diag_format(const wf_diag *d, char *out, size_t n);
/* errs[0, n) (n > 0) into d as cmd/compile prints them: sorted by
 * position, and after them, when too_many, "too many errors" at the
 * place of the last one found. */
void diag_list(const wf_diag *errs, size_t n, bool too_many, wf_diag *d);
/* Print every error of d on f, one a line, each after prefix. */
void diag_print(FILE *f, const char *prefix, const wf_diag *d);

/* Fatal internal error: prints "weft: internal error: ..." and exits 3. */
WF_NORETURN void wf_fatal(const char *fmt, ...) WF_PRINTF(1, 2);

#define WF_ASSERT(c)                                                          \
    do {                                                                      \
        if (WF_UNLIKELY(!(c)))                                                \
            wf_assert_fail(#c, __FILE__, __LINE__);                           \
    } while (0)
#ifdef WF_DEBUG
#define WF_DASSERT(c) WF_ASSERT(c)
#else
#define WF_DASSERT(c) ((void)0)
#endif
#define WF_TESTCASE(c) ((void)(c))
WF_NORETURN void wf_assert_fail(const char *what, const char *file, int line);

void *wf_xmalloc(size_t n);
void *wf_xcalloc(size_t n, size_t size);
void *wf_xrealloc(void *p, size_t n);
char *wf_xstrdup(const char *s);

/* Bump allocator. Allocation is O(1) amortized; memory is zeroed. */
typedef struct arena_chunk arena_chunk;
typedef struct arena {
    arena_chunk *head; /* current chunk, newest first */
    size_t used;       /* bytes used in head */
    size_t total;      /* bytes handed out since the last reset */
} arena;
void arena_init(arena *a);
void *arena_alloc(arena *a, size_t n);
char *arena_strdup(arena *a, const char *s);
char *arena_strndup(arena *a, const char *s, size_t n);
void arena_reset(arena *a); /* frees all but the largest chunk */
void arena_fini(arena *a);

/* Growable byte buffer, always NUL-terminated. */
typedef struct buf {
    char *p;
    size_t len, cap;
} buf;
void buf_init(buf *b);
void buf_fini(buf *b);
void buf_reset(buf *b);
void buf_append(buf *b, const char *s, size_t n);
void buf_puts(buf *b, const char *s);
void buf_putc(buf *b, char c);
void buf_printf(buf *b, const char *fmt, ...) WF_PRINTF(2, 3);
void buf_vprintf(buf *b, const char *fmt, va_list ap) WF_PRINTF(2, 0);
/* The length of the valid UTF-8 sequence at s (1-4), or 0 if it is not
 * one (overlong forms, surrogates and code points past U+10FFFF are not);
 * s is NUL-terminated (a NUL ends a sequence). */
size_t buf_utf8_len(const unsigned char *s);
/* Append code point c (< 0x110000) as UTF-8. */
void buf_put_utf8(buf *b, uint32_t c);
/* Append s (NULL: "") as a JSON string literal: the one JSON escaper of
 * weft, for reports, traces and every --json output. */
void buf_json_str(buf *b, const char *s);
/* An object's name in reports: its own, or "KIND#OID" when unnamed (the
 * one spelling of an unnamed object everywhere); into out[0, n). */
const char *obj_label(char *out, size_t n, const char *kind,
                      const char *name, int32_t oid);

/* Growable array of fixed-size elements: VEC_PUSH(v, x) on a struct with
 * fields p, len, cap. */
#define VEC(T)                                                                \
    struct {                                                                  \
        T *p;                                                                 \
        size_t len, cap;                                                      \
    }
#define VEC_RESERVE(v, n)                                                     \
    do {                                                                      \
        if ((n) > (v).cap) {                                                  \
            size_t c_ = (v).cap ? (v).cap * 2 : 8;                            \
            while (c_ < (n))                                                  \
                c_ *= 2;                                                      \
            (v).p = wf_xrealloc((v).p, c_ * sizeof(*(v).p));                  \
            (v).cap = c_;                                                     \
        }                                                                     \
    } while (0)
#define VEC_PUSH(v, x)                                                        \
    do {                                                                      \
        VEC_RESERVE(v, (v).len + 1);                                          \
        (v).p[(v).len++] = (x);                                               \
    } while (0)
#define VEC_FREE(v)                                                           \
    do {                                                                      \
        free((v).p);                                                          \
        (v).p = NULL;                                                         \
        (v).len = (v).cap = 0;                                                \
    } while (0)

/* In base[0, n), records of size bytes each opening with an int32_t key
 * (a tid) and sorted by it: the first whose key is not below key (n:
 * none). The binary search of the tid-keyed sparse arrays (dclock.h's
 * clocks, the race checker's read vectors). */
static inline uint32_t key_lower_bound(const void *base, uint32_t n,
                                       size_t size, int32_t key)
{
    uint32_t lo = 0, hi = n;
    while (lo < hi) {
        uint32_t mid = lo + (hi - lo) / 2;
        int32_t k;
        memcpy(&k, (const char *)base + (size_t)mid * size, sizeof k);
        if (k < key)
            lo = mid + 1;
        else
            hi = mid;
    }
    return lo;
}

/* FNV-1a, 64-bit: stable hashes for program text and signatures. */
uint64_t hash_bytes(uint64_t h, const void *p, size_t n);
#define HASH_INIT 1469598103934665603ULL
static inline uint64_t hash_u64(uint64_t h, uint64_t v)
{
    return hash_bytes(h, &v, sizeof v);
}

#endif
