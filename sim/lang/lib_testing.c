/* lib_testing.c: the natives behind package testing (lib_src.c): which
 * test an execution runs, and a failed t.Error/t.Fatal as an assert
 * finding that does not end the execution (the test goes on, as in Go). */
#include <regex.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "sim/lang/lib.h"
#include "sim/lang/utf8.h"

nat_status lib_test_index(vm_ncall *c)
{
    c->r[0] = vm_int(T_INT, c->g->x->test);
    return NAT_OK;
}

/* __test_error(name, msg string): test name failed with msg, at the line
 * of the user's code that called t.Error (SPEC section 6). */
nat_status lib_test_error(vm_ncall *c)
{
    vm_value name = c->a[0], msg = c->a[1];
    wf_engine *e = c->g->x->e;
    finding f;
    buf m;
    uint32_t n = VM_KIND(msg.t) == K_STRING ? msg.aux : 0;
    buf_init(&m);
    if (VM_KIND(name.t) == K_STRING)
        buf_append(&m, name.v.s, name.aux);
    buf_puts(&m, " failed");
    while (n && msg.v.s[n - 1] == '\n')
        n--;
    if (n) {
        buf_puts(&m, ": ");
        buf_append(&m, msg.v.s, n);
    }
    memset(&f, 0, sizeof f);
    f.kind = WF_ASSERT;
    f.error = true;
    f.tid = c->g->t->tid;
    f.message = m.p;
    vm_site(c->g, &f.file, &f.line);
    f.sig = hash_bytes(hash_u64(HASH_INIT ^ WF_ASSERT, (uint64_t)f.line),
                       f.file ? f.file : "", f.file ? strlen(f.file) : 0);
    engine_add_finding(e, &f);
    buf_fini(&m);
    return NAT_OK;
}

/* ---- go test -run ------------------------------------------------------ */

/* The end of the element of a -run pattern starting at p: the next '/'
 * outside brackets and parentheses, or the end. */
static const char *element_end(const char *p)
{
    int paren = 0;
    bool bracket = false;
    for (; *p; p++) {
        if (*p == '\\' && p[1]) {
            p++;
        } else if (bracket) {
            if (*p == ']')
                bracket = false;
        } else if (*p == '[') {
            bracket = true;
            if (p[1] == ']')
                p++; /* "[]...]" holds a ']' */
        } else if (*p == '(') {
            paren++;
        } else if (*p == ')' && paren) {
            paren--;
        } else if (*p == '/' && !paren) {
            break;
        }
    }
    return p;
}

bool vm_run_selects(const char *pattern, const char *name, bool *bad)
{
    const char *p = pattern, *n = name;
    if (!pattern)
        return true;
    for (;;) {
        const char *pe = element_end(p), *ne = strchr(n, '/');
        size_t pl = (size_t)(pe - p), nl = ne ? (size_t)(ne - n) : strlen(n);
        char *re_text = wf_xmalloc(pl + 1), *level = wf_xmalloc(nl + 1);
        regex_t re;
        int rc;
        memcpy(re_text, p, pl);
        re_text[pl] = 0;
        memcpy(level, n, nl);
        level[nl] = 0;
        rc = regcomp(&re, re_text, REG_EXTENDED | REG_NOSUB);
        free(re_text);
        if (rc != 0) {
            free(level);
            *bad = true;
            return false;
        }
        rc = regexec(&re, level, 0, NULL, 0);
        regfree(&re);
        free(level);
        if (rc != 0)
            return false;
        if (!*pe || !ne)
            return true; /* the pattern or the name has no more levels */
        p = pe + 1;
        n = ne + 1;
    }
}

void vm_program_set_run(vm_program *p, const char *pattern)
{
    free(p->run_pattern);
    p->run_pattern = pattern ? wf_xstrdup(pattern) : NULL;
}

/* __run_selects(name string) bool: does the program's -run pattern select
 * subtest name ("TestX/sub")? */
nat_status lib_run_selects(vm_ncall *c)
{
    const vm_program *p = c->g->x->prog;
    vm_value v = c->a[0];
    char *name = wf_xmalloc((size_t)v.aux + 1);
    bool bad = false;
    memcpy(name, v.v.s ? v.v.s : "", v.aux);
    name[v.aux] = 0;
    c->r[0] = vm_bool(vm_run_selects(p->run_pattern, name, &bad));
    free(name);
    return NAT_OK;
}

/* __test_passed(): TestMain's m.Run ran this execution's test, which
 * passed: a nonzero os.Exit after it is TestMain's verdict on the whole
 * run of the package's tests, not this test's (lib_exit). */
nat_status lib_test_passed(vm_ncall *c)
{
    c->g->x->test_passed = true;
    return NAT_OK;
}

/* ---- Examples ---------------------------------------------------------- */

void lib_capture_append(vm_exec *x, const char *s, size_t n)
{
    if (!x->capturing || !n)
        return;
    if (x->caplen + n + 1 > x->capcap) {
        size_t cap = x->capcap ? 2 * x->capcap : 256;
        char *p;
        while (cap < x->caplen + n + 1)
            cap *= 2;
        p = arena_alloc(&x->e->mem, cap);
        if (x->caplen)
            memcpy(p, x->cap, x->caplen);
        x->cap = p;
        x->capcap = cap;
    }
    memcpy(x->cap + x->caplen, s, n);
    x->caplen += n;
}

/* __capture(on bool) string: opens (on) or closes the capture of standard
 * output, as go test's runExample points os.Stdout at a pipe and back,
 * at a write of the program's output (so the writes of other goroutines
 * are ordered with it); returns what was captured. */
nat_status lib_capture(vm_ncall *c)
{
    vm_exec *x = c->g->x;
    if (!c->f->pc) {
        op *o = vm_op(c->g, OP_PRINT, NULL);
        o->text = "";
        o->len = 0;
        return NAT_YIELD;
    }
    c->r[0] = vm_new_str(x, x->cap ? x->cap : "", x->caplen);
    x->capturing = c->a[0].v.i != 0;
    x->caplen = 0;
    return NAT_OK;
}

/* unicode.IsSpace of the rune r. */
static bool is_space_rune(int32_t r)
{
    switch (r) {
    case '\t': case '\n': case '\v': case '\f': case '\r': case ' ':
    case 0x85: case 0xA0: case 0x1680: case 0x2028: case 0x2029:
    case 0x202F: case 0x205F: case 0x3000:
        return true;
    default:
        return r >= 0x2000 && r <= 0x200A;
    }
}

/* strings.TrimSpace of s[0, *n): the start, and *n the length left. */
static const char *trim_space(const char *s, size_t *n)
{
    const unsigned char *p = (const unsigned char *)s;
    size_t b = 0, e = *n;
    while (b < e) {
        int w;
        int32_t r = utf8_decode(p + b, e - b, &w);
        if (!is_space_rune(r))
            break;
        b += (size_t)w;
    }
    while (e > b) {
        size_t k = e - 1;
        int w;
        int32_t r;
        while (k > b && e - k < 4 && (p[k] & 0xC0) == 0x80)
            k--;
        r = utf8_decode(p + k, e - k, &w);
        if ((size_t)w != e - k || !is_space_rune(r))
            break;
        e = k;
    }
    *n = e - b;
    return s + b;
}

/* A line of a text. */
typedef struct line_span {
    const char *p;
    size_t n;
} line_span;

static int cmp_line(const void *a, const void *b)
{
    const line_span *x = a, *y = b;
    int c = memcmp(x->p, y->p, x->n < y->n ? x->n : y->n);
    return c ? c : (x->n > y->n) - (x->n < y->n);
}

/* go test's sortLines: the lines of s[0, n) sorted (as sort.Strings
 * sorts, bytewise), joined with newlines, into out. */
static void sort_lines(const char *s, size_t n, buf *out)
{
    VEC(line_span) lines = {NULL, 0, 0};
    size_t at = 0;
    for (;;) {
        const char *nl = n > at ? memchr(s + at, '\n', n - at) : NULL;
        size_t e = nl ? (size_t)(nl - s) : n;
        line_span l = {s + at, e - at};
        VEC_PUSH(lines, l);
        if (!nl)
            break;
        at = e + 1;
    }
    qsort(lines.p, lines.len, sizeof *lines.p, cmp_line);
    for (size_t i = 0; i < lines.len; i++) {
        if (i)
            buf_putc(out, '\n');
        buf_append(out, lines.p[i].p, lines.p[i].n);
    }
    VEC_FREE(lines);
}

/* __example_diff(got, want string, unordered bool) string: go test's
 * processRunResult: "" when the output an Example printed, got, matches
 * want, its // Output: comment (both trimmed of spaces; as sorted lines
 * when unordered), else the "got:/want:" text go test prints. */
nat_status lib_example_diff(vm_ncall *c)
{
    vm_value g = c->a[0], w = c->a[1];
    bool unordered = c->a[2].v.i != 0;
    size_t gn = g.aux, wn = w.aux;
    const char *gs = trim_space(g.v.s ? g.v.s : "", &gn);
    const char *ws = trim_space(w.v.s ? w.v.s : "", &wn);
    buf m;
    buf_init(&m);
    if (unordered) {
        buf a, b;
        buf_init(&a);
        buf_init(&b);
        sort_lines(gs, gn, &a);
        sort_lines(ws, wn, &b);
        if (a.len != b.len || (a.len && memcmp(a.p, b.p, a.len))) {
            buf_puts(&m, "got:\n");
            buf_append(&m, g.v.s ? g.v.s : "", g.aux);
            buf_puts(&m, "\nwant (unordered):\n");
            buf_append(&m, w.v.s ? w.v.s : "", w.aux);
            buf_putc(&m, '\n');
        }
        buf_fini(&a);
        buf_fini(&b);
    } else if (gn != wn || (gn && memcmp(gs, ws, gn))) {
        buf_puts(&m, "got:\n");
        buf_append(&m, gs, gn);
        buf_puts(&m, "\nwant:\n");
        buf_append(&m, ws, wn);
        buf_putc(&m, '\n');
    }
    c->r[0] = vm_new_str(c->g->x, m.p ? m.p : "", m.len);
    buf_fini(&m);
    return NAT_OK;
}
