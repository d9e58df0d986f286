/* util.c: see util.h. */
#include "util.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

wf_status diag_set(wf_diag *d, const char *file, int line, int col,
                   const char *fmt, ...)
{
    if (d) {
        va_list ap;
        snprintf(d->file, sizeof d->file, "%s", file ? file : "");
        d->more[0] = '\0';
        d->line = line;
        d->col = col;
        va_start(ap, fmt);
        vsnprintf(d->msg, sizeof d->msg, fmt, ap);
        va_end(ap);
    }
    return WF_ERR_INPUT;
}

void diag_format(const wf_diag *d, char *out, size_t n)
{
    if (d->file[0] && d->line > 0 && d->col > 0)
        snprintf(out, n, "%s:%d:%d: error: %s", d->file, d->line, d->col,
                 d->msg);
    else if (d->file[0] && d->line > 0)
        snprintf(out, n, "%s:%d: error: %s", d->file, d->line, d->msg);
    else if (d->file[0])
        snprintf(out, n, "%s: error: %s", d->file, d->msg);
    else
        snprintf(out, n, "error: %s", d->msg);
}

void diag_print(FILE *f, const char *prefix, const wf_diag *d)
{
    char m[1700];
    const char *p = d->more;
    diag_format(d, m, sizeof m);
    fprintf(f, "%s%s\n", prefix, m);
    while (*p) {
        size_t n = strcspn(p, "\n");
        fprintf(f, "%s%.*s\n", prefix, (int)n, p);
        p += n + (p[n] == '\n');
    }
}

/* Does e come before f in the source (file, line, column)? */
static bool err_before(const wf_diag *e, const wf_diag *f)
{
    int c = strcmp(e->file, f->file);
    if (c)
        return c < 0;
    if (e->line != f->line)
        return e->line < f->line;
    return e->col < f->col;
}

void diag_list(const wf_diag *errs, size_t n, bool too_many, wf_diag *d)
{
    wf_diag *s = wf_xcalloc(n ? n : 1, sizeof *s);
    wf_diag last = errs[n - 1];
    size_t at = 0;
    for (size_t i = 0; i < n; i++) {
        size_t j;
        for (j = i; j > 0 && err_before(&errs[i], &s[j - 1]); j--)
            s[j] = s[j - 1];
        s[j] = errs[i];
    }
    *d = s[0];
    d->more[0] = '\0';
    for (size_t i = 1; i <= n; i++) {
        char m[1700];
        int k;
        if (i < n)
            diag_format(&s[i], m, sizeof m);
        else if (too_many)
            snprintf(m, sizeof m, "%s:%d:%d: too many errors", last.file,
                     last.line, last.col);
        else
            break;
        k = snprintf(d->more + at, sizeof d->more - at, "%s%s",
                     at ? "\n" : "", m);
        if (k < 0 || (size_t)k >= sizeof d->more - at) {
            d->more[at] = '\0'; /* no room: the line is left out */
            break;
        }
        at += (size_t)k;
    }
    free(s);
}

void wf_fatal(const char *fmt, ...)
{
    va_list ap;
    fflush(stdout);
    fputs("weft: internal error: ", stderr);
    va_start(ap, fmt);
    vfprintf(stderr, fmt, ap);
    va_end(ap);
    fputc('\n', stderr);
    if (getenv("WF_ABORT"))
        abort();
    exit(3);
}

void wf_assert_fail(const char *what, const char *file, int line)
{
    wf_fatal("assertion failed: %s (%s:%d)", what, file, line);
}

void *wf_xmalloc(size_t n)
{
    void *p = malloc(n ? n : 1);
    if (WF_UNLIKELY(!p))
        wf_fatal("out of memory (%zu bytes)", n);
    return p;
}

void *wf_xcalloc(size_t n, size_t size)
{
    void *p = calloc(n ? n : 1, size ? size : 1);
    if (WF_UNLIKELY(!p))
        wf_fatal("out of memory (%zu x %zu bytes)", n, size);
    return p;
}

void *wf_xrealloc(void *p, size_t n)
{
    void *q = realloc(p, n ? n : 1);
    if (WF_UNLIKELY(!q))
        wf_fatal("out of memory (%zu bytes)", n);
    return q;
}

char *wf_xstrdup(const char *s)
{
    size_t n = strlen(s) + 1;
    return memcpy(wf_xmalloc(n), s, n);
}

struct arena_chunk {
    arena_chunk *next;
    size_t size; /* bytes of data[] */
    _Alignas(16) unsigned char data[];
};

#define ARENA_MIN_CHUNK (64 * 1024)

void arena_init(arena *a)
{
    a->head = NULL;
    a->used = a->total = 0;
}

void *arena_alloc(arena *a, size_t n)
{
    void *p;
    n = (n + 15) & ~(size_t)15;
    if (WF_UNLIKELY(!a->head || a->used + n > a->head->size)) {
        size_t sz = ARENA_MIN_CHUNK;
        arena_chunk *c;
        if (a->head && a->head->size * 2 > sz)
            sz = a->head->size * 2;
        while (sz < n)
            sz *= 2;
        c = wf_xmalloc(sizeof *c + sz);
        c->size = sz;
        c->next = a->head;
        a->head = c;
        a->used = 0;
    }
    p = a->head->data + a->used;
    a->used += n;
    a->total += n;
    memset(p, 0, n);
    return p;
}

char *arena_strndup(arena *a, const char *s, size_t n)
{
    char *p = arena_alloc(a, n + 1);
    memcpy(p, s, n);
    p[n] = 0;
    return p;
}

char *arena_strdup(arena *a, const char *s)
{
    return arena_strndup(a, s, strlen(s));
}

void arena_reset(arena *a)
{
    arena_chunk *keep = NULL, *c, *next;
    for (c = a->head; c; c = c->next)
        if (!keep || c->size > keep->size)
            keep = c;
    for (c = a->head; c; c = next) {
        next = c->next;
        if (c != keep)
            free(c);
    }
    if (keep)
        keep->next = NULL;
    a->head = keep;
    a->used = a->total = 0;
}

void arena_fini(arena *a)
{
    arena_chunk *c, *next;
    for (c = a->head; c; c = next) {
        next = c->next;
        free(c);
    }
    arena_init(a);
}

void buf_init(buf *b)
{
    b->p = NULL;
    b->len = b->cap = 0;
}

void buf_fini(buf *b)
{
    free(b->p);
    buf_init(b);
}

void buf_reset(buf *b)
{
    b->len = 0;
    if (b->p)
        b->p[0] = 0;
}

static void buf_grow(buf *b, size_t extra)
{
    if (b->len + extra + 1 > b->cap) {
        size_t c = b->cap ? b->cap * 2 : 64;
        while (c < b->len + extra + 1)
            c *= 2;
        b->p = wf_xrealloc(b->p, c);
        b->cap = c;
    }
}

void buf_append(buf *b, const char *s, size_t n)
{
    buf_grow(b, n);
    memcpy(b->p + b->len, s, n);
    b->len += n;
    b->p[b->len] = 0;
}

void buf_puts(buf *b, const char *s)
{
    buf_append(b, s, strlen(s));
}

void buf_putc(buf *b, char c)
{
    buf_append(b, &c, 1);
}

void buf_vprintf(buf *b, const char *fmt, va_list ap)
{
    va_list aq;
    int n;
    va_copy(aq, ap);
    n = vsnprintf(NULL, 0, fmt, aq);
    va_end(aq);
    if (n < 0)
        return;
    buf_grow(b, (size_t)n);
    vsnprintf(b->p + b->len, (size_t)n + 1, fmt, ap);
    b->len += (size_t)n;
}

void buf_printf(buf *b, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    buf_vprintf(b, fmt, ap);
    va_end(ap);
}

uint64_t hash_bytes(uint64_t h, const void *p, size_t n)
{
    const unsigned char *s = p;
    for (size_t i = 0; i < n; i++) {
        h ^= s[i];
        h *= 1099511628211ULL;
    }
    return h;
}

size_t buf_utf8_len(const unsigned char *s)
{
    uint32_t c;
    size_t n;
    if (s[0] < 0x80) return 1;
    if (s[0] >= 0xc2 && s[0] <= 0xdf)
        n = 2, c = s[0] & 0x1f;
    else if (s[0] >= 0xe0 && s[0] <= 0xef)
        n = 3, c = s[0] & 0x0f;
    else if (s[0] >= 0xf0 && s[0] <= 0xf4)
        n = 4, c = s[0] & 0x07;
    else
        return 0;
    for (size_t i = 1; i < n; i++) {
        if ((s[i] & 0xc0) != 0x80) return 0;
        c = c << 6 | (s[i] & 0x3f);
    }
    if ((n == 3 && (c < 0x800 || (c >= 0xd800 && c <= 0xdfff))) ||
        (n == 4 && (c < 0x10000 || c > 0x10ffff)))
        return 0;
    return n;
}

void buf_put_utf8(buf *b, uint32_t c)
{
    if (c < 0x80) {
        buf_putc(b, (char)c);
    } else if (c < 0x800) {
        buf_putc(b, (char)(0xC0 | c >> 6));
        buf_putc(b, (char)(0x80 | (c & 0x3F)));
    } else if (c < 0x10000) {
        buf_putc(b, (char)(0xE0 | c >> 12));
        buf_putc(b, (char)(0x80 | (c >> 6 & 0x3F)));
        buf_putc(b, (char)(0x80 | (c & 0x3F)));
    } else {
        buf_putc(b, (char)(0xF0 | c >> 18));
        buf_putc(b, (char)(0x80 | (c >> 12 & 0x3F)));
        buf_putc(b, (char)(0x80 | (c >> 6 & 0x3F)));
        buf_putc(b, (char)(0x80 | (c & 0x3F)));
    }
}

void buf_json_str(buf *b, const char *s)
{
    buf_putc(b, '"');
    for (const unsigned char *p = (const unsigned char *)(s ? s : ""); *p;
         p++) {
        switch (*p) {
        case '"':
            buf_puts(b, "\\\"");
            break;
        case '\\':
            buf_puts(b, "\\\\");
            break;
        case '\n':
            buf_puts(b, "\\n");
            break;
        case '\t':
            buf_puts(b, "\\t");
            break;
        case '\r':
            buf_puts(b, "\\r");
            break;
        default:
            if (*p < 0x20)
                buf_printf(b, "\\u%04x", *p);
            else
                buf_putc(b, (char)*p);
        }
    }
    buf_putc(b, '"');
}

const char *obj_label(char *out, size_t n, const char *kind,
                      const char *name, int32_t oid)
{
    if (name && *name)
        return name;
    snprintf(out, n, "%s#%d", kind && *kind ? kind : "object", (int)oid);
    return out;
}
