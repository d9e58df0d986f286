/* lex_comment.c: the comments a lexer keeps (a test file's), grouped as
 * go/parser groups them, their text as go/ast's CommentGroup.Text gives
 * it, and an Example's expected output read from them as go/doc's
 * exampleOutput reads it (go test runs an ExampleXxx that has one). */
#include <stdlib.h>
#include <string.h>

#include "sim/lang/lex.h"

/* go/parser's grouping: a comment after a token on the same line starts a
 * group that only comments on its last line join (a line comment); any
 * other group takes each next comment that starts at most one line after
 * its last line; a token between two comments ends the group. */
void lex_note_comment(lex_state *lx, size_t off, int line, int col,
                      bool block)
{
    const unsigned char *s = lx->src;
    size_t b = off + 2, e = block ? lx->pos - 2 : lx->pos;
    lex_comment *c;
    char *text;
    size_t n = 0;
    if (lx->ncmts && lx->cmts[lx->ncmts - 1].off >= off)
        return; /* met already (the parser went back) */
    if (lx->ncmts == lx->capcmts) {
        size_t cap = lx->capcmts ? 2 * lx->capcmts : 16;
        lex_comment *nc = arena_alloc(lx->mem, cap * sizeof *nc);
        if (lx->ncmts)
            memcpy(nc, lx->cmts, lx->ncmts * sizeof *nc);
        lx->cmts = nc;
        lx->capcmts = cap;
    }
    c = &lx->cmts[lx->ncmts];
    memset(c, 0, sizeof *c);
    text = arena_alloc(lx->mem, e - b + 1);
    for (size_t i = b; i < e; i++)
        if (s[i] != '\r') /* go/scanner strips them from comments */
            text[n++] = (char)s[i];
    text[n] = 0;
    c->text = text;
    c->len = n;
    c->line = line;
    c->col = col;
    c->end_line = lx->line;
    c->off = off;
    c->block = block;
    if (!lx->ncmts || lx->ntok != lx->cmt_ntok) {
        c->group = lx->ncmts ? lx->cmts[lx->ncmts - 1].group + 1 : 1;
        lx->group_n = lx->ntok && line == lx->tok_line ? 0 : 1;
    } else if (line > lx->group_end + lx->group_n) {
        c->group = lx->cmts[lx->ncmts - 1].group + 1;
        lx->group_n = 1;
    } else {
        c->group = lx->cmts[lx->ncmts - 1].group;
    }
    lx->group_end = c->end_line;
    lx->cmt_ntok = lx->ntok;
    lx->ncmts++;
}

/* go/ast's isDirective, on a line comment's text after the slashes:
 * "line ", "extern ", "export ", or [a-z0-9]+:[a-z0-9]. */
static bool is_directive(const char *c, size_t n)
{
    const char *colon;
    size_t k;
    if ((n >= 5 && !memcmp(c, "line ", 5)) ||
        (n >= 7 && (!memcmp(c, "extern ", 7) || !memcmp(c, "export ", 7))))
        return true;
    colon = memchr(c, ':', n);
    if (!colon)
        return false;
    k = (size_t)(colon - c);
    if (k == 0 || k + 1 >= n)
        return false;
    for (size_t i = 0; i <= k + 1; i++) {
        if (i == k)
            continue;
        if (!((c[i] >= 'a' && c[i] <= 'z') || (c[i] >= '0' && c[i] <= '9')))
            return false;
    }
    return true;
}

/* A line of the text being built: [start, end) of buf out. */
typedef struct span {
    size_t start, end;
} span;

void lex_group_text(const lex_comment *g, size_t n, buf *out)
{
    VEC(span) lines = {NULL, 0, 0};
    buf all;
    size_t kept = 0;
    buf_init(&all);
    for (size_t i = 0; i < n; i++) {
        const char *c = g[i].text;
        size_t len = g[i].len, at;
        if (!g[i].block && len) {
            if (c[0] == ' ') {
                c++; /* the first space goes (Example output needs it) */
                len--;
            } else if (is_directive(c, len)) {
                continue;
            }
        }
        /* split on newlines, each line stripped of trailing blanks */
        at = 0;
        for (;;) {
            size_t e = at;
            span sp;
            while (e < len && c[e] != '\n')
                e++;
            sp.start = all.len;
            {
                size_t k = e;
                while (k > at && (c[k - 1] == ' ' || c[k - 1] == '\t' ||
                                  c[k - 1] == '\n' || c[k - 1] == '\r'))
                    k--;
                buf_append(&all, c + at, k - at);
            }
            sp.end = all.len;
            VEC_PUSH(lines, sp);
            if (e >= len)
                break;
            at = e + 1;
        }
    }
    /* no leading blank lines; a run of blank lines inside becomes one */
    for (size_t i = 0; i < lines.len; i++) {
        bool blank = lines.p[i].start == lines.p[i].end;
        if (!blank || (kept > 0 && lines.p[kept - 1].start !=
                                       lines.p[kept - 1].end))
            lines.p[kept++] = lines.p[i];
    }
    for (size_t i = 0; i < kept; i++) {
        buf_append(out, all.p + lines.p[i].start,
                   lines.p[i].end - lines.p[i].start);
        if (i + 1 < kept || lines.p[i].start != lines.p[i].end)
            buf_putc(out, '\n'); /* a final newline, as Join with "" */
    }
    buf_fini(&all);
    VEC_FREE(lines);
}

static bool pos_before(int l1, int c1, int l2, int c2)
{
    return l1 < l2 || (l1 == l2 && c1 < c2);
}

/* Does s[0, n) begin with word, in any case (ASCII)? */
static bool prefix_fold(const char *s, size_t n, const char *word)
{
    size_t k = strlen(word);
    if (n < k)
        return false;
    for (size_t i = 0; i < k; i++) {
        char a = s[i];
        if (a >= 'A' && a <= 'Z')
            a = (char)(a - 'A' + 'a');
        if (a != word[i])
            return false;
    }
    return true;
}

bool lex_example_output(const lex_comment *cmts, size_t n, int lline,
                        int lcol, int rline, int rcol, char **out,
                        bool *unordered)
{
    size_t first = n, end = n;
    buf text;
    const char *t;
    size_t len, i = 0;
    *out = NULL;
    *unordered = false;
    /* the last group that starts inside the braces (go/doc's lastComment:
     * a comment cannot straddle a brace) */
    for (size_t k = 0; k < n; k++) {
        if (!pos_before(lline, lcol, cmts[k].line, cmts[k].col) ||
            !pos_before(cmts[k].line, cmts[k].col, rline, rcol))
            continue;
        if (first == n || cmts[k].group != cmts[first].group)
            first = k;
        end = k + 1;
    }
    if (first == n)
        return false;
    buf_init(&text);
    lex_group_text(cmts + first, end - first, &text);
    t = text.p ? text.p : "";
    len = text.len;
    /* (?i)^[[:space:]]*(unordered )?output: */
    while (i < len && (t[i] == ' ' || t[i] == '\t' || t[i] == '\n' ||
                       t[i] == '\v' || t[i] == '\f' || t[i] == '\r'))
        i++;
    if (prefix_fold(t + i, len - i, "unordered output:")) {
        *unordered = true;
        i += 17;
    } else if (prefix_fold(t + i, len - i, "output:")) {
        i += 7;
    } else {
        buf_fini(&text);
        return false;
    }
    while (i < len && t[i] == ' ')
        i++;
    if (i < len && t[i] == '\n')
        i++;
    *out = wf_xmalloc(len - i + 1);
    memcpy(*out, t + i, len - i);
    (*out)[len - i] = 0;
    buf_fini(&text);
    return true;
}
