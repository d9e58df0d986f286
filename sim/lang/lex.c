/* lex.c: see lex.h. The scanner follows gc's (cmd/compile/internal/syntax,
 * scanner.go and source.go): the same token boundaries, the same positions
 * and the same messages, so that a weft error reads like a go build error.
 * It stops at the first error instead of recovering. */
#include "sim/lang/lex.h"

#include <locale.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "sim/lang/utf8.h"

static const char *const kind_str[TK_COUNT] = {
#define LEX_STR_(name, str) str,
    LEX_TOKENS(LEX_STR_)
#undef LEX_STR_
};

const char *lex_kind_str(lex_kind k)
{
    return (unsigned)k < TK_COUNT ? kind_str[k] : "?";
}

lex_kind lex_assign_op(lex_kind k)
{
    switch (k) {
    case TK_ADD_ASSIGN:
        return TK_ADD;
    case TK_SUB_ASSIGN:
        return TK_SUB;
    case TK_MUL_ASSIGN:
        return TK_MUL;
    case TK_QUO_ASSIGN:
        return TK_QUO;
    case TK_REM_ASSIGN:
        return TK_REM;
    case TK_AND_ASSIGN:
        return TK_AND;
    case TK_OR_ASSIGN:
        return TK_OR;
    case TK_XOR_ASSIGN:
        return TK_XOR;
    case TK_SHL_ASSIGN:
        return TK_SHL;
    case TK_SHR_ASSIGN:
        return TK_SHR;
    case TK_AND_NOT_ASSIGN:
        return TK_AND_NOT;
    default:
        return TK_EOF;
    }
}

int lex_precedence(lex_kind k)
{
    switch (k) {
    case TK_LOR:
        return 1;
    case TK_LAND:
        return 2;
    case TK_EQL:
    case TK_NEQ:
    case TK_LSS:
    case TK_LEQ:
    case TK_GTR:
    case TK_GEQ:
        return 3;
    case TK_ADD:
    case TK_SUB:
    case TK_OR:
    case TK_XOR:
        return 4;
    case TK_MUL:
    case TK_QUO:
    case TK_REM:
    case TK_SHL:
    case TK_SHR:
    case TK_AND:
    case TK_AND_NOT:
        return 5;
    default:
        return 0;
    }
}

void lex_init(lex_state *lx, const char *file, const unsigned char *src,
              size_t len, arena *mem)
{
    memset(lx, 0, sizeof *lx);
    lx->file = file ? file : "";
    lx->src = src;
    lx->len = src ? len : 0;
    lx->line = 1;
    lx->mem = mem;
    /* A byte-order mark is allowed as the very first character only. */
    if (lx->len >= 3 && src[0] == 0xEF && src[1] == 0xBB && src[2] == 0xBF)
        lx->pos = 3;
}

/* ---- messages ---------------------------------------------------------- */

static bool is_print(int32_t r)
{
    if (r < 0x80) return r >= 0x20 && r < 0x7F;
    if (r < 0xA1 || (r >= 0x2000 && r <= 0x200F) ||
        (r >= 0x2028 && r <= 0x202F) || (r >= 0x2060 && r <= 0x206F) ||
        (r >= 0xD800 && r <= 0xF8FF) || r == 0xFEFF ||
        (r >= 0xFFF9 && r <= 0xFFFB) || r > UTF8_MAXRUNE)
        return false;
    return true;
}

/* Go's %#U: "U+0040 '@'", or "U+0001" when not printable. */
static void fmt_U(char *out, size_t n, int32_t r)
{
    if (is_print(r)) {
        unsigned char b[5] = {0};
        b[utf8_encode(r, b)] = 0;
        snprintf(out, n, "U+%04X '%s'", (unsigned)r, (const char *)b);
    } else {
        snprintf(out, n, "U+%04X", (unsigned)r);
    }
}

/* Go's %q of a rune (strconv.QuoteRune). */
static void fmt_q(char *out, size_t n, int32_t r)
{
    static const char esc[] = "abtnvfr";
    if (r == '\'' || r == '\\') {
        snprintf(out, n, "'\\%c'", (char)r);
    } else if (r >= 7 && r <= 13) {
        snprintf(out, n, "'\\%c'", esc[r - 7]);
    } else if (is_print(r)) {
        unsigned char b[5] = {0};
        b[utf8_encode(r, b)] = 0;
        snprintf(out, n, "'%s'", (const char *)b);
    } else if (r < 0x80) {
        snprintf(out, n, "'\\x%02x'", (unsigned)r);
    } else if (r < 0x10000) {
        snprintf(out, n, "'\\u%04x'", (unsigned)r);
    } else {
        snprintf(out, n, "'\\U%08x'", (unsigned)r);
    }
}

static int col_of(const lex_state *lx, size_t at)
{
    return (int)(at - lx->line_start) + 1;
}

/* Report an error at (line, col), end the token stream, return the status. */
WF_PRINTF(6, 7)
static wf_status fail_at(lex_state *lx, lex_token *t, wf_diag *d, int line,
                         int col, const char *fmt, ...)
{
    char msg[512];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(msg, sizeof msg, fmt, ap);
    va_end(ap);
    lx->done = true;
    t->kind = TK_EOF;
    t->line = line;
    t->col = col;
    t->len = 0;
    return diag_set(d, lx->file, line, col, "%s", msg);
}

/* The same at byte offset at, which must lie on the current line. */
#define FAIL_HERE(lx, t, d, at, ...)                                           \
    fail_at(lx, t, d, (lx)->line, col_of(lx, at), __VA_ARGS__)

static void newline(lex_state *lx, size_t nl)
{
    lx->line++;
    lx->line_start = nl + 1;
}

/* Check the (non-ASCII or NUL) character at pos the way gc's source reader
 * does; on success *w is its width. */
static wf_status check_char(lex_state *lx, lex_token *t, wf_diag *d, size_t pos,
                            int32_t *r, int *w)
{
    unsigned char c = lx->src[pos];
    if (c == 0) return FAIL_HERE(lx, t, d, pos, "invalid NUL character");
    if (c < 0x80) {
        *r = c;
        *w = 1;
        return WF_OK;
    }
    *r = utf8_decode(lx->src + pos, lx->len - pos, w);
    if (*r == UTF8_ERROR && *w == 1)
        return FAIL_HERE(lx, t, d, pos, "invalid UTF-8 encoding");
    if (*r == 0xFEFF)
        return FAIL_HERE(lx, t, d, pos,
                         "invalid BOM in the middle of the file");
    return WF_OK;
}

/* ---- comments ---------------------------------------------------------- */

/* Skip a line comment whose "//" is at pos; stop at the newline (not
 * consumed) or at EOF. */
static wf_status line_comment(lex_state *lx, lex_token *t, wf_diag *d)
{
    const unsigned char *s = lx->src;
    size_t i = lx->pos + 2;
    /* the pragma that keeps the next method out of interfaces */
    if (lx->len - i >= 14 && !memcmp(s + i, "go:nointerface", 14))
        lx->nointerface = lx->line;
    /* a //line directive counts at the start of a line only */
    bool dir = lx->mem && lx->pos == lx->line_start && lx->len - i >= 5 &&
               !memcmp(s + i, "line ", 5);
    while (i < lx->len && s[i] != '\n') {
        if (s[i] >= 0x80 || s[i] == 0) {
            int32_t r;
            int w;
            if (check_char(lx, t, d, i, &r, &w) != WF_OK) return WF_ERR_INPUT;
            i += (size_t)w;
        } else {
            i++;
        }
    }
    if (dir)
        lex_note_linedir(lx, (const char *)s + lx->pos + 7,
                         i - lx->pos - 7, lx->line + 1, 1);
    /* a //go: directive: gc's parser hands it to its pragma handler */
    if (lx->mem && i - lx->pos >= 5 && !memcmp(s + lx->pos + 2, "go:", 3)) {
        size_t b = lx->line_start;
        while (b < lx->pos && (s[b] == ' ' || s[b] == '\t' || s[b] == '\r'))
            b++;
        lex_note_pragma(lx, (const char *)s + lx->pos + 2, i - lx->pos - 2,
                        lx->line, col_of(lx, lx->pos) + 2, b == lx->pos);
    }
    lx->pos = i;
    return WF_OK;
}

/* Skip a block comment whose "/ *" is at pos; *had_nl tells whether it held
 * a newline. */
static wf_status block_comment(lex_state *lx, lex_token *t, wf_diag *d,
                               bool *had_nl)
{
    const unsigned char *s = lx->src;
    int line0 = lx->line, col0 = col_of(lx, lx->pos);
    size_t i = lx->pos + 2;
    *had_nl = false;
    for (;;) {
        if (i >= lx->len) {
            lx->pos = i;
            return fail_at(lx, t, d, line0, col0, "comment not terminated");
        }
        if (s[i] == '*' && i + 1 < lx->len && s[i + 1] == '/') {
            if (!*had_nl && lx->mem && i - lx->pos >= 7 &&
                !memcmp(s + lx->pos + 2, "line ", 5))
                lex_note_linedir(lx, (const char *)s + lx->pos + 7,
                                 i - lx->pos - 7, lx->line,
                                 col_of(lx, i + 2));
            lx->pos = i + 2;
            return WF_OK;
        }
        if (s[i] == '\n') {
            newline(lx, i);
            *had_nl = true;
            i++;
        } else if (s[i] >= 0x80 || s[i] == 0) {
            int32_t r;
            int w;
            if (check_char(lx, t, d, i, &r, &w) != WF_OK) return WF_ERR_INPUT;
            i += (size_t)w;
        } else {
            i++;
        }
    }
}

/* ---- identifiers and keywords ------------------------------------------ */

/* Keywords sorted by spelling; by_first[c - 'a'] is the index of the
 * first one starting with c and its count. */
static const struct {
    const char *s;
    unsigned char n;
    lex_kind k;
} kw[] = {
    {"break", 5, TK_BREAK},
    {"case", 4, TK_CASE},
    {"chan", 4, TK_CHAN},
    {"const", 5, TK_CONST},
    {"continue", 8, TK_CONTINUE},
    {"default", 7, TK_DEFAULT},
    {"defer", 5, TK_DEFER},
    {"else", 4, TK_ELSE},
    {"fallthrough", 11, TK_FALLTHROUGH},
    {"for", 3, TK_FOR},
    {"func", 4, TK_FUNC},
    {"go", 2, TK_GO},
    {"goto", 4, TK_GOTO},
    {"if", 2, TK_IF},
    {"import", 6, TK_IMPORT},
    {"interface", 9, TK_INTERFACE},
    {"map", 3, TK_MAP},
    {"package", 7, TK_PACKAGE},
    {"range", 5, TK_RANGE},
    {"return", 6, TK_RETURN},
    {"select", 6, TK_SELECT},
    {"struct", 6, TK_STRUCT},
    {"switch", 6, TK_SWITCH},
    {"type", 4, TK_TYPE},
    {"var", 3, TK_VAR},
};
static const unsigned char by_first[26][2] = {
    ['b' - 'a'] = {0, 1},  ['c' - 'a'] = {1, 4},  ['d' - 'a'] = {5, 2},
    ['e' - 'a'] = {7, 1},  ['f' - 'a'] = {8, 3},  ['g' - 'a'] = {11, 2},
    ['i' - 'a'] = {13, 3}, ['m' - 'a'] = {16, 1}, ['p' - 'a'] = {17, 1},
    ['r' - 'a'] = {18, 2}, ['s' - 'a'] = {20, 3}, ['t' - 'a'] = {23, 1},
    ['v' - 'a'] = {24, 1},
};

static lex_kind keyword(const unsigned char *p, size_t n)
{
    unsigned i, end;
    if (n < 2 || n > 11 || p[0] < 'a' || p[0] > 'z') return TK_IDENT;
    i = by_first[p[0] - 'a'][0];
    end = i + by_first[p[0] - 'a'][1];
    for (; i < end; i++)
        if (kw[i].n == n && memcmp(kw[i].s, p, n) == 0) return kw[i].k;
    return TK_IDENT;
}

static bool ascii_ident(unsigned char c)
{
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_' ||
           (c >= '0' && c <= '9');
}

/* Scan the rest of an identifier from pos. */
static wf_status ident(lex_state *lx, lex_token *t, wf_diag *d)
{
    const unsigned char *s = lx->src;
    size_t i = lx->pos;
    for (;;) {
        while (i < lx->len && ascii_ident(s[i]))
            i++;
        if (i < lx->len && s[i] >= 0x80) {
            int32_t r;
            int w;
            char u[32];
            if (check_char(lx, t, d, i, &r, &w) != WF_OK) return WF_ERR_INPUT;
            if (!utf8_is_letter(r) && !utf8_is_digit(r)) {
                fmt_U(u, sizeof u, r);
                return FAIL_HERE(lx, t, d, i,
                                 "invalid character %s in identifier", u);
            }
            i += (size_t)w;
            continue;
        }
        break;
    }
    t->len = i - t->off;
    lx->pos = i;
    t->kind = keyword(s + t->off, t->len);
    switch (t->kind) {
    case TK_IDENT:
    case TK_BREAK:
    case TK_CONTINUE:
    case TK_FALLTHROUGH:
    case TK_RETURN:
        lx->nlsemi = true;
        break;
    default:
        break;
    }
    return WF_OK;
}

/* ---- numbers ----------------------------------------------------------- */

static int lower(int c)
{
    return c | ('a' - 'A');
}

static bool is_dec(int c)
{
    return c >= '0' && c <= '9';
}

static bool is_hex(int c)
{
    return is_dec(c) || (lower(c) >= 'a' && lower(c) <= 'f');
}

static const char *base_name(int base)
{
    switch (base) {
    case 2:
        return "binary";
    case 8:
        return "octal";
    case 16:
        return "hexadecimal";
    default:
        return "decimal";
    }
}

/* Byte at i, or -1 past the end. */
static int at(const lex_state *lx, size_t i)
{
    return i < lx->len ? lx->src[i] : -1;
}

/* gc's digits(): accept { digit | '_' } from *i; for base <= 10 any
 * decimal digit is accepted and the first one >= base recorded in
 * *invalid. Returns bit 0: a digit seen, bit 1: a '_' seen. */
static int digits(const lex_state *lx, size_t *i, int base, size_t *invalid)
{
    int ds = 0, c;
    if (base <= 10) {
        while ((c = at(lx, *i)) >= 0 && (is_dec(c) || c == '_')) {
            if (c == '_') {
                ds |= 2;
            } else {
                ds |= 1;
                if (c >= '0' + base && invalid && *invalid == SIZE_MAX)
                    *invalid = *i;
            }
            (*i)++;
        }
    } else {
        while ((c = at(lx, *i)) >= 0 && (is_hex(c) || c == '_')) {
            ds |= c == '_' ? 2 : 1;
            (*i)++;
        }
    }
    return ds;
}

/* gc's invalidSep: index of the first misplaced '_' in x, or -1. */
static long invalid_sep(const unsigned char *x, size_t n)
{
    int x1 = ' ', d = '.';
    size_t i = 0;
    if (n >= 2 && x[0] == '0') {
        x1 = lower(x[1]);
        if (x1 == 'x' || x1 == 'o' || x1 == 'b') {
            d = '0';
            i = 2;
        }
    }
    for (; i < n; i++) {
        int p = d;
        d = x[i];
        if (d == '_') {
            if (p != '0') return (long)i;
        } else if (is_dec(d) || (x1 == 'x' && is_hex(d))) {
            d = '0';
        } else {
            if (p == '_') return (long)i - 1;
            d = '.';
        }
    }
    if (d == '_') return (long)n - 1;
    return -1;
}

/* Value of an integer literal's digits (prefix already skipped). */
static uint64_t int_value(const unsigned char *p, size_t n, int base,
                          bool *overflow)
{
    uint64_t v = 0;
    size_t i;
    *overflow = false;
    for (i = 0; i < n; i++) {
        int c = p[i], dv;
        if (c == '_') continue;
        dv = is_dec(c) ? c - '0' : lower(c) - 'a' + 10;
        if (v > (UINT64_MAX - (uint64_t)dv) / (uint64_t)base) *overflow = true;
        v = v * (uint64_t)base + (uint64_t)dv;
    }
    return v;
}

/* Value of a float literal: strtod on a copy without '_', with '.' spelled
 * as the current locale's radix character (the viewer may set a locale). */
static double float_value(const unsigned char *p, size_t n)
{
    const char *dp = localeconv()->decimal_point;
    size_t dpl = dp && dp[0] ? strlen(dp) : 1, i, j = 0;
    char small[128], *cp = small;
    double v;
    if (!dp || !dp[0]) dp = ".";
    if (n * dpl + 1 > sizeof small) cp = wf_xmalloc(n * dpl + 1);
    for (i = 0; i < n; i++) {
        if (p[i] == '_') continue;
        if (p[i] == '.') {
            memcpy(cp + j, dp, dpl);
            j += dpl;
        } else {
            cp[j++] = (char)p[i];
        }
    }
    cp[j] = 0;
    v = strtod(cp, NULL);
    if (cp != small) free(cp);
    return v;
}

static wf_status number(lex_state *lx, lex_token *t, wf_diag *d,
                        bool seen_point)
{
    size_t i = lx->pos, invalid = SIZE_MAX, digits_at;
    int base = 10, prefix = 0, ds = 0, c;
    bool is_float = false, imag = false;
    char q[32];

    if (!seen_point) {
        if (at(lx, i) == '0') {
            i++;
            c = lower(at(lx, i));
            if (c == 'x') {
                i++, base = 16, prefix = 'x';
            } else if (c == 'o') {
                i++, base = 8, prefix = 'o';
            } else if (c == 'b') {
                i++, base = 2, prefix = 'b';
            } else {
                base = 8, prefix = '0', ds = 1; /* the leading 0 */
            }
        }
        ds |= digits(lx, &i, base, &invalid);
        if (at(lx, i) == '.') {
            if (prefix == 'o' || prefix == 'b')
                return FAIL_HERE(lx, t, d, i,
                                 "invalid radix point in %s literal",
                                 base_name(base));
            i++;
            seen_point = true;
        }
    } else {
        i++; /* the '.' */
    }
    if (seen_point) {
        is_float = true;
        ds |= digits(lx, &i, base, &invalid);
    }
    if (!(ds & 1))
        return FAIL_HERE(lx, t, d, i, "%s literal has no digits",
                         base_name(base));
    c = at(lx, i);
    if (lower(c) == 'e' || lower(c) == 'p') {
        if (lower(c) == 'e' && prefix != 0 && prefix != '0') {
            fmt_q(q, sizeof q, c);
            return FAIL_HERE(lx, t, d, i,
                             "%s exponent requires decimal mantissa", q);
        }
        if (lower(c) == 'p' && prefix != 'x') {
            fmt_q(q, sizeof q, c);
            return FAIL_HERE(lx, t, d, i,
                             "%s exponent requires hexadecimal mantissa", q);
        }
        i++;
        is_float = true;
        if (at(lx, i) == '+' || at(lx, i) == '-') i++;
        ds = digits(lx, &i, 10, NULL) | (ds & 2);
        if (!(ds & 1)) return FAIL_HERE(lx, t, d, i, "exponent has no digits");
    } else if (prefix == 'x' && is_float) {
        return FAIL_HERE(lx, t, d, i,
                         "hexadecimal mantissa requires a 'p' exponent");
    }
    /* an imaginary literal: a float token spelled with its 'i' (the
     * checker reads the spelling); 0123i is decimal */
    imag = at(lx, i) == 'i';
    if (imag) {
        i++;
        if (prefix == '0' || prefix == 0)
            invalid = SIZE_MAX;
    }
    t->len = i - t->off;
    if (!is_float && invalid != SIZE_MAX) {
        fmt_q(q, sizeof q, lx->src[invalid]);
        return FAIL_HERE(lx, t, d, invalid, "invalid digit %s in %s literal", q,
                         base_name(base));
    }
    if (ds & 2) {
        long k = invalid_sep(lx->src + t->off, t->len);
        if (k >= 0)
            return FAIL_HERE(lx, t, d, t->off + (size_t)k,
                             "'_' must separate successive digits");
    }
    lx->pos = i;
    lx->nlsemi = true;
    if (imag) {
        t->kind = TK_FLOAT;
        t->val.f = 0;
        t->overflow = false;
    } else if (is_float) {
        double v = float_value(lx->src + t->off, t->len);
        t->kind = TK_FLOAT;
        t->val.f = v;
        t->overflow = v > 1.7976931348623157e308;
    } else {
        digits_at = t->off + (prefix == 0 || prefix == '0' ? 0 : 2);
        t->kind = TK_INT;
        t->val.i =
            int_value(lx->src + digits_at, i - digits_at, base, &t->overflow);
    }
    return WF_OK;
}

/* ---- runes and strings ------------------------------------------------- */

/* Decode the escape whose backslash is at *i (gc's escape()); on success
 * advance *i past it and store the value in *v and whether it is a byte
 * (\x, octal) rather than a code point in *is_byte. An escape cut short by
 * the end of input yields *eof for the caller to report. */
static wf_status escape(lex_state *lx, lex_token *t, wf_diag *d, size_t *i,
                        int quote, uint32_t *v, bool *is_byte, bool *eof)
{
    size_t j = *i + 1;
    int c = at(lx, j), n, k;
    uint32_t base, max, x = 0;
    char q[32];

    *eof = false;
    *is_byte = false;
    switch (c) {
    case 'a':
        *v = 7;
        break;
    case 'b':
        *v = 8;
        break;
    case 'f':
        *v = 12;
        break;
    case 'n':
        *v = 10;
        break;
    case 'r':
        *v = 13;
        break;
    case 't':
        *v = 9;
        break;
    case 'v':
        *v = 11;
        break;
    case '\\':
        *v = '\\';
        break;
    case '\'':
    case '"':
        if (c != quote) return FAIL_HERE(lx, t, d, j, "unknown escape");
        *v = (uint32_t)c;
        break;
    case '0':
    case '1':
    case '2':
    case '3':
    case '4':
    case '5':
    case '6':
    case '7':
        n = 3, base = 8, max = 255;
        goto numeric;
    case 'x':
        j++, n = 2, base = 16, max = 255;
        goto numeric;
    case 'u':
        j++, n = 4, base = 16, max = UTF8_MAXRUNE;
        goto numeric;
    case 'U':
        j++, n = 8, base = 16, max = UTF8_MAXRUNE;
        goto numeric;
    default:
        if (c < 0) {
            *eof = true;
            *i = j;
            return WF_OK;
        }
        return FAIL_HERE(lx, t, d, j, "unknown escape");
    }
    *i = j + 1;
    return WF_OK;

numeric:
    for (k = n; k > 0; k--) {
        uint32_t dv = base;
        c = at(lx, j);
        if (c < 0) {
            *eof = true;
            *i = j;
            return WF_OK;
        }
        if (is_dec(c))
            dv = (uint32_t)(c - '0');
        else if (lower(c) >= 'a' && lower(c) <= 'f')
            dv = (uint32_t)(lower(c) - 'a' + 10);
        if (dv >= base) {
            int32_t r = c;
            int w = 1;
            if (c >= 0x80) r = utf8_decode(lx->src + j, lx->len - j, &w);
            fmt_q(q, sizeof q, r);
            return FAIL_HERE(lx, t, d, j, "invalid character %s in %s escape",
                             q, base_name((int)base));
        }
        x = x * base + dv;
        j++;
    }
    if (x > max && base == 8)
        return FAIL_HERE(lx, t, d, j, "octal escape value %u > 255",
                         (unsigned)x);
    if (x > max || (x >= 0xD800 && x < 0xE000)) {
        char u[32];
        fmt_U(u, sizeof u, (int32_t)x);
        return FAIL_HERE(lx, t, d, j, "escape is invalid Unicode code point %s",
                         u);
    }
    *v = x;
    *is_byte = max == 255;
    *i = j;
    return WF_OK;
}

static wf_status rune_lit(lex_state *lx, lex_token *t, wf_diag *d)
{
    size_t i = lx->pos + 1;
    int n = 0;
    uint32_t v = 0;
    for (;; n++) {
        int c = at(lx, i);
        if (c == '\'') {
            if (n == 0)
                return FAIL_HERE(lx, t, d, i,
                                 "empty rune literal or unescaped ' in rune "
                                 "literal");
            if (n != 1)
                return fail_at(lx, t, d, t->line, t->col,
                               "more than one character in rune literal");
            i++;
            break;
        }
        if (c == '\\') {
            bool is_byte, eof;
            if (escape(lx, t, d, &i, '\'', &v, &is_byte, &eof) != WF_OK)
                return WF_ERR_INPUT;
            if (eof)
                return fail_at(lx, t, d, t->line, t->col,
                               "rune literal not terminated");
            continue;
        }
        if (c == '\n') return FAIL_HERE(lx, t, d, i, "newline in rune literal");
        if (c < 0)
            return fail_at(lx, t, d, t->line, t->col,
                           "rune literal not terminated");
        {
            int32_t r;
            int w;
            if (check_char(lx, t, d, i, &r, &w) != WF_OK) return WF_ERR_INPUT;
            v = (uint32_t)r;
            i += (size_t)w;
        }
    }
    t->kind = TK_RUNE;
    t->val.r = (int32_t)v;
    t->len = i - t->off;
    lx->pos = i;
    lx->nlsemi = true;
    return WF_OK;
}

/* Interpreted string: validate up to the closing quote, then decode into
 * the arena (the decoded form is never longer than the source form). */
static wf_status std_string(lex_state *lx, lex_token *t, wf_diag *d)
{
    size_t i = lx->pos + 1, end, n = 0;
    unsigned char *out;
    for (;;) {
        int c = at(lx, i);
        if (c == '"') break;
        if (c == '\\') {
            uint32_t v;
            bool is_byte, eof;
            if (escape(lx, t, d, &i, '"', &v, &is_byte, &eof) != WF_OK)
                return WF_ERR_INPUT;
            if (eof)
                return fail_at(lx, t, d, t->line, t->col,
                               "string literal not terminated");
            continue;
        }
        if (c == '\n') return FAIL_HERE(lx, t, d, i, "newline in string");
        if (c < 0)
            return fail_at(lx, t, d, t->line, t->col,
                           "string literal not terminated");
        if (c >= 0x80 || c == 0) {
            int32_t r;
            int w;
            if (check_char(lx, t, d, i, &r, &w) != WF_OK) return WF_ERR_INPUT;
            i += (size_t)w;
        } else {
            i++;
        }
    }
    end = i;
    out = arena_alloc(lx->mem, end - lx->pos);
    for (i = lx->pos + 1; i < end;) {
        if (lx->src[i] == '\\') {
            uint32_t v;
            bool is_byte, eof;
            /* Already validated: cannot fail. */
            (void)escape(lx, t, d, &i, '"', &v, &is_byte, &eof);
            if (is_byte)
                out[n++] = (unsigned char)v;
            else
                n += (size_t)utf8_encode((int32_t)v, out + n);
        } else {
            out[n++] = lx->src[i++];
        }
    }
    out[n] = 0;
    t->kind = TK_STRING;
    t->val.s.p = out;
    t->val.s.n = n;
    t->len = end + 1 - t->off;
    lx->pos = end + 1;
    lx->nlsemi = true;
    return WF_OK;
}

/* Raw string: may span lines; carriage returns are dropped (Go spec). */
static wf_status raw_string(lex_state *lx, lex_token *t, wf_diag *d)
{
    size_t i = lx->pos + 1, start = i, n = 0, k;
    unsigned char *out;
    for (;;) {
        int c = at(lx, i);
        if (c == '`') break;
        if (c < 0)
            return fail_at(lx, t, d, t->line, t->col,
                           "raw string literal not terminated");
        if (c == '\n') {
            newline(lx, i);
            i++;
        } else if (c >= 0x80 || c == 0) {
            int32_t r;
            int w;
            if (check_char(lx, t, d, i, &r, &w) != WF_OK) return WF_ERR_INPUT;
            i += (size_t)w;
        } else {
            i++;
        }
    }
    out = arena_alloc(lx->mem, i - start + 1);
    for (k = start; k < i; k++)
        if (lx->src[k] != '\r') out[n++] = lx->src[k];
    out[n] = 0;
    t->kind = TK_STRING;
    t->val.s.p = out;
    t->val.s.n = n;
    t->len = i + 1 - t->off;
    lx->pos = i + 1;
    lx->nlsemi = true;
    return WF_OK;
}

/* ---- the scanner ------------------------------------------------------- */

/* Operator at pos: pick the longest match among up to three spellings. */
#define OP1(k) (tk = (k), w = 1)
#define OP2(k) (tk = (k), w = 2)
#define OP3(k) (tk = (k), w = 3)

static wf_status scan(lex_state *lx, lex_token *t, wf_diag *d)
{
    const unsigned char *s = lx->src;
    lex_kind tk = TK_EOF;
    int w = 0, c1, c2;
    bool nl;

    t->overflow = false;
    t->semi = LEX_SEMI_EXPLICIT;
    t->len = 0;
    if (lx->done) {
        t->kind = TK_EOF;
        t->line = lx->line;
        t->col = col_of(lx, lx->pos);
        t->off = lx->pos;
        return WF_OK;
    }
redo:
    while (lx->pos < lx->len) {
        unsigned char c = s[lx->pos];
        if (c == ' ' || c == '\t' || c == '\r') {
            lx->pos++;
        } else if (c == '\n' && !lx->nlsemi) {
            newline(lx, lx->pos);
            lx->pos++;
        } else {
            break;
        }
    }
    t->line = lx->line;
    t->col = col_of(lx, lx->pos);
    t->off = lx->pos;
    if (lx->pos >= lx->len) {
        if (lx->nlsemi) {
            lx->nlsemi = false;
            t->kind = TK_SEMICOLON;
            t->semi = LEX_SEMI_EOF;
            return WF_OK;
        }
        lx->done = true;
        t->kind = TK_EOF;
        return WF_OK;
    }

    c1 = s[lx->pos];
    c2 = at(lx, lx->pos + 1);
    if ((c1 >= 'a' && c1 <= 'z') || (c1 >= 'A' && c1 <= 'Z') || c1 == '_') {
        lx->nlsemi = false;
        return ident(lx, t, d);
    }
    if (c1 >= 0x80) {
        int32_t r;
        char u[32];
        if (check_char(lx, t, d, lx->pos, &r, &w) != WF_OK) return WF_ERR_INPUT;
        if (utf8_is_letter(r)) {
            lx->nlsemi = false;
            return ident(lx, t, d);
        }
        fmt_U(u, sizeof u, r);
        if (utf8_is_digit(r))
            return FAIL_HERE(lx, t, d, lx->pos,
                             "identifier cannot begin with digit %s", u);
        return FAIL_HERE(lx, t, d, lx->pos,
                         "invalid character %s in identifier", u);
    }
    if (is_dec(c1)) {
        lx->nlsemi = false;
        return number(lx, t, d, false);
    }

    nl = lx->nlsemi;
    lx->nlsemi = false;
    switch (c1) {
    case '\n':
        newline(lx, lx->pos);
        lx->pos++;
        t->kind = TK_SEMICOLON;
        t->semi = LEX_SEMI_NEWLINE;
        return WF_OK;
    case '"':
        return std_string(lx, t, d);
    case '`':
        return raw_string(lx, t, d);
    case '\'':
        return rune_lit(lx, t, d);
    case '(':
        OP1(TK_LPAREN);
        break;
    case '[':
        OP1(TK_LBRACK);
        break;
    case '{':
        OP1(TK_LBRACE);
        break;
    case ',':
        OP1(TK_COMMA);
        break;
    case ';':
        OP1(TK_SEMICOLON);
        break;
    case ')':
        OP1(TK_RPAREN);
        lx->nlsemi = true;
        break;
    case ']':
        OP1(TK_RBRACK);
        lx->nlsemi = true;
        break;
    case '}':
        OP1(TK_RBRACE);
        lx->nlsemi = true;
        break;
    case '~':
        OP1(TK_TILDE);
        break;
    case ':':
        c2 == '=' ? OP2(TK_DEFINE) : OP1(TK_COLON);
        break;
    case '.':
        if (is_dec(c2)) return number(lx, t, d, true);
        if (c2 == '.' && at(lx, lx->pos + 2) == '.')
            OP3(TK_ELLIPSIS);
        else
            OP1(TK_PERIOD);
        break;
    case '+':
        if (c2 == '+') {
            OP2(TK_INC);
            lx->nlsemi = true;
        } else {
            c2 == '=' ? OP2(TK_ADD_ASSIGN) : OP1(TK_ADD);
        }
        break;
    case '-':
        if (c2 == '-') {
            OP2(TK_DEC);
            lx->nlsemi = true;
        } else {
            c2 == '=' ? OP2(TK_SUB_ASSIGN) : OP1(TK_SUB);
        }
        break;
    case '*':
        c2 == '=' ? OP2(TK_MUL_ASSIGN) : OP1(TK_MUL);
        break;
    case '/':
        if (c2 == '/') {
            size_t p0 = lx->pos;
            lx->nlsemi = nl;
            if (line_comment(lx, t, d) != WF_OK) return WF_ERR_INPUT;
            if (lx->keep_comments)
                lex_note_comment(lx, p0, t->line, t->col, false);
            goto redo;
        }
        if (c2 == '*') {
            bool had_nl;
            size_t p0 = lx->pos;
            if (block_comment(lx, t, d, &had_nl) != WF_OK) return WF_ERR_INPUT;
            if (lx->keep_comments)
                lex_note_comment(lx, p0, t->line, t->col, true);
            if (had_nl && nl) {
                /* A comment spanning lines acts like a newline; gc places
                 * the semicolon at the comment. */
                t->kind = TK_SEMICOLON;
                t->semi = LEX_SEMI_NEWLINE;
                return WF_OK;
            }
            lx->nlsemi = nl;
            goto redo;
        }
        c2 == '=' ? OP2(TK_QUO_ASSIGN) : OP1(TK_QUO);
        break;
    case '%':
        c2 == '=' ? OP2(TK_REM_ASSIGN) : OP1(TK_REM);
        break;
    case '^':
        c2 == '=' ? OP2(TK_XOR_ASSIGN) : OP1(TK_XOR);
        break;
    case '<':
        if (c2 == '-')
            OP2(TK_ARROW);
        else if (c2 == '<')
            at(lx, lx->pos + 2) == '=' ? OP3(TK_SHL_ASSIGN) : OP2(TK_SHL);
        else
            c2 == '=' ? OP2(TK_LEQ) : OP1(TK_LSS);
        break;
    case '>':
        if (c2 == '>')
            at(lx, lx->pos + 2) == '=' ? OP3(TK_SHR_ASSIGN) : OP2(TK_SHR);
        else
            c2 == '=' ? OP2(TK_GEQ) : OP1(TK_GTR);
        break;
    case '=':
        c2 == '=' ? OP2(TK_EQL) : OP1(TK_ASSIGN);
        break;
    case '!':
        c2 == '=' ? OP2(TK_NEQ) : OP1(TK_NOT);
        break;
    case '&':
        if (c2 == '^')
            at(lx, lx->pos + 2) == '=' ? OP3(TK_AND_NOT_ASSIGN)
                                       : OP2(TK_AND_NOT);
        else if (c2 == '&')
            OP2(TK_LAND);
        else
            c2 == '=' ? OP2(TK_AND_ASSIGN) : OP1(TK_AND);
        break;
    case '|':
        if (c2 == '|')
            OP2(TK_LOR);
        else
            c2 == '=' ? OP2(TK_OR_ASSIGN) : OP1(TK_OR);
        break;
    case 0:
        return FAIL_HERE(lx, t, d, lx->pos, "invalid NUL character");
    default: {
        char u[32];
        fmt_U(u, sizeof u, c1);
        return FAIL_HERE(lx, t, d, lx->pos, "invalid character %s", u);
    }
    }
    t->kind = tk;
    t->len = (size_t)w;
    lx->pos += (size_t)w;
    return WF_OK;
}

wf_status lex_next(lex_state *lx, lex_token *t, wf_diag *d)
{
    wf_status st = scan(lx, t, d);
    /* comments group by the tokens between them (lex_note_comment); an
     * inserted semicolon is not one: go/scanner puts it before the
     * comments of its line, weft's after them */
    if (t->kind != TK_SEMICOLON || t->semi == LEX_SEMI_EXPLICIT) {
        lx->tok_line = t->line;
        lx->ntok++;
    }
    return st;
}

/* ---- leading comments -------------------------------------------------- */

size_t lex_leading_comments(const unsigned char *src, size_t len, arena *mem,
                            lex_comment **out)
{
    lex_state lx;
    lex_token t;
    VEC(lex_comment) v = {0};
    size_t n;

    lex_init(&lx, "", src, len, mem);
    *out = NULL;
    for (;;) {
        size_t p = lx.pos;
        bool had_nl;
        while (p < len && (src[p] == ' ' || src[p] == '\t' || src[p] == '\r' ||
                           src[p] == '\n')) {
            if (src[p] == '\n') newline(&lx, p);
            p++;
        }
        lx.pos = p;
        if (p + 1 >= len || src[p] != '/' ||
            (src[p + 1] != '/' && src[p + 1] != '*'))
            break;
        {
            lex_comment c;
            memset(&c, 0, sizeof c);
            c.line = lx.line;
            c.col = col_of(&lx, p);
            if (src[p + 1] == '/') {
                if (line_comment(&lx, &t, NULL) != WF_OK) break;
                c.len = lx.pos - p - 2;
                if (c.len > 0 && src[lx.pos - 1] == '\r') c.len--;
            } else {
                if (block_comment(&lx, &t, NULL, &had_nl) != WF_OK) break;
                c.len = lx.pos - p - 4;
            }
            c.text = arena_strndup(mem, (const char *)src + p + 2, c.len);
            VEC_PUSH(v, c);
        }
    }
    n = v.len;
    if (n) {
        *out = arena_alloc(mem, n * sizeof **out);
        memcpy(*out, v.p, n * sizeof **out);
    }
    VEC_FREE(v);
    return n;
}
