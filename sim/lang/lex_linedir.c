/* lex_linedir.c: gc's directives as the lexer meets them. Line
 * directives, "//line file:line[:col]" and "/\*line file:line[:col]*\/"
 * (cmd/compile/internal/syntax's updateBase): the lexer records them
 * (lex_note_linedir) and positions are read through them
 * (lex_linedir_at), for runtime.Caller and the stacks a program prints.
 * "//go:" directives: recorded (lex_note_pragma) for the parser, which
 * checks where each stands (parse_pragma.c). */
#include <string.h>

#include "sim/lang/lex.h"

/* text[0, n) ends in ":digits": the index after the colon and the number
 * (0 when the digits are not a number that fits); 0 when there is no
 * colon (gc's trailingDigits). */
static size_t trailing_digits(const char *text, size_t n, int *num)
{
    size_t i = n;
    long v = 0;
    while (i > 0 && text[i - 1] != ':')
        i--;
    if (!i)
        return 0;
    *num = 0;
    if (i == n)
        return i;
    for (size_t k = i; k < n; k++) {
        if (text[k] < '0' || text[k] > '9' || v > 1000000000)
            return i;
        v = v * 10 + (text[k] - '0');
    }
    *num = v > 0x3fffffff ? 0 : (int)v;
    return i;
}

int lex_linedir_at(const lex_linedir *dirs, size_t n, int line, int col,
                   const char **file)
{
    size_t lo = 0, hi = n; /* the first directive after (line, col) */
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        if (dirs[mid].pline < line ||
            (dirs[mid].pline == line && dirs[mid].pcol <= col))
            lo = mid + 1;
        else
            hi = mid;
    }
    if (!lo) {
        *file = NULL;
        return line;
    }
    *file = dirs[lo - 1].file;
    return dirs[lo - 1].line + (line - dirs[lo - 1].pline);
}

void lex_note_linedir(lex_state *lx, const char *text, size_t n, int pline,
                      int pcol)
{
    int num = 0, num2 = 0, line;
    size_t i = trailing_digits(text, n, &num), i2, fend;
    const char *file;
    lex_linedir *d;
    if (!i || !num)
        return;
    i2 = trailing_digits(text, i - 1, &num2);
    if (i2 && num2) { /* file:line:col */
        line = num2;
        fend = i2 - 1;
    } else {
        line = num;
        fend = i - 1;
        i2 = 0;
    }
    if (!fend && i2) /* a column and no file: the file before stays */
        file = lx->ndirs ? lx->dirs[lx->ndirs - 1].file : lx->file;
    else
        file = arena_strndup(lx->mem, text, fend);
    if (lx->ndirs && (lx->dirs[lx->ndirs - 1].pline > pline ||
                      (lx->dirs[lx->ndirs - 1].pline == pline &&
                       lx->dirs[lx->ndirs - 1].pcol >= pcol)))
        return; /* met already */
    if (lx->ndirs == lx->capdirs) {
        size_t cap = lx->capdirs ? 2 * lx->capdirs : 8;
        lex_linedir *nd = arena_alloc(lx->mem, cap * sizeof *nd);
        if (lx->ndirs)
            memcpy(nd, lx->dirs, lx->ndirs * sizeof *nd);
        lx->dirs = nd;
        lx->capdirs = cap;
    }
    d = &lx->dirs[lx->ndirs++];
    d->pline = pline;
    d->pcol = pcol;
    d->file = file;
    d->line = line;
}

void lex_note_pragma(lex_state *lx, const char *text, size_t n, int line,
                     int col, bool blank)
{
    lex_pragma *g;
    if (lx->nprags == lx->capprags) {
        size_t cap = lx->capprags ? 2 * lx->capprags : 8;
        lex_pragma *np = arena_alloc(lx->mem, cap * sizeof *np);
        if (lx->nprags)
            memcpy(np, lx->prags, lx->nprags * sizeof *np);
        lx->prags = np;
        lx->capprags = cap;
    }
    g = &lx->prags[lx->nprags++];
    g->line = line;
    g->col = col;
    g->text = arena_strndup(lx->mem, text, n);
    g->len = n;
    g->blank = blank;
}
