/* lib_fmt_verbs.c: fmt's primitive verbs, as Go's fmt prints them:
 * width and padding (counted in runes), %q quoting, the integer verbs
 * (%d %b %o %O %x %X %c %q %U), the float verbs (%e %E %f %F %g %G %x
 * %X, shortest round-trip digits) and the string verbs (%s %q %x %X). */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "sim/lang/lib_fmt_int.h"
#include "sim/lang/utf8.h"

/* ---- padding and primitives -------------------------------------------------- */

static size_t rune_count(const char *s, size_t n)
{
    size_t k = 0;
    for (size_t i = 0; i < n; i++)
        k += ((unsigned char)s[i] & 0xc0) != 0x80;
    return k;
}

/* Append s padded to the spec's width. */
static void pad(fmtx *F, const char *s, size_t n, const fspec *sp)
{
    size_t w = rune_count(s, n);
    if (sp->width < 0 || (size_t)sp->width <= w) {
        buf_append(F->out, s, n);
        return;
    }
    if (sp->minus) {
        buf_append(F->out, s, n);
        for (size_t i = w; i < (size_t)sp->width; i++)
            buf_putc(F->out, ' ');
        return;
    }
    if (sp->zero) {
        /* zeros go after the sign */
        size_t k = 0;
        if (n && (s[0] == '-' || s[0] == '+' || s[0] == ' ')) {
            buf_putc(F->out, s[0]);
            k = 1;
        }
        for (size_t i = w; i < (size_t)sp->width; i++)
            buf_putc(F->out, '0');
        buf_append(F->out, s + k, n - k);
        return;
    }
    for (size_t i = w; i < (size_t)sp->width; i++)
        buf_putc(F->out, ' ');
    buf_append(F->out, s, n);
}

void fmt_pad_str(fmtx *F, const char *s, const fspec *sp)
{
    pad(F, s, strlen(s), sp);
}

/* strconv.IsPrint, short of unicode's tables (unicode/tables.go has
 * them for the programs): the controls, the spaces but ASCII's (Zs, Zl,
 * Zp), the format characters (Cf), surrogates and private use are not
 * printable; unassigned code points are taken as printable. */
static bool is_print(int32_t r)
{
    static const int32_t no[][2] = {
        {0x00, 0x1f},       {0x7f, 0xa0},       {0xad, 0xad},
        {0x600, 0x605},     {0x61c, 0x61c},     {0x6dd, 0x6dd},
        {0x70f, 0x70f},     {0x890, 0x891},     {0x8e2, 0x8e2},
        {0x1680, 0x1680},   {0x180e, 0x180e},   {0x2000, 0x200f},
        {0x2028, 0x202f},   {0x205f, 0x2064},   {0x2066, 0x206f},
        {0x3000, 0x3000},   {0xd800, 0xf8ff},   {0xfeff, 0xfeff},
        {0xfff9, 0xfffb},   {0x110bd, 0x110bd}, {0x110cd, 0x110cd},
        {0x13430, 0x1343f}, {0x1bca0, 0x1bca3}, {0x1d173, 0x1d17a},
        {0xe0001, 0xe0001}, {0xe0020, 0xe007f}, {0xf0000, 0x10ffff},
    };
    for (size_t i = 0; i < sizeof no / sizeof no[0]; i++)
        if (r >= no[i][0] && r <= no[i][1])
            return false;
    return r >= 0 && r <= 0x10ffff;
}

/* strconv.Quote (and QuoteRune with q = '\''). */
void fmt_quote(buf *b, const char *s, size_t n, char q, bool ascii)
{
    buf_putc(b, q);
    for (size_t i = 0; i < n;) {
        int w;
        int32_t r = utf8_decode((const unsigned char *)s + i, n - i, &w);
        if (w <= 0)
            w = 1;
        if (r == UTF8_ERROR && w == 1) {
            buf_printf(b, "\\x%02x", (unsigned char)s[i]);
            i++;
            continue;
        }
        i += (size_t)w;
        if (r == q || r == '\\') {
            buf_putc(b, '\\');
            buf_putc(b, (char)r);
        } else if (is_print(r) && (!ascii || r < 0x80)) {
            unsigned char tmp[4];
            buf_append(b, (const char *)tmp, (size_t)utf8_encode(r, tmp));
        } else {
            switch (r) {
            case '\a':
                buf_puts(b, "\\a");
                break;
            case '\b':
                buf_puts(b, "\\b");
                break;
            case '\f':
                buf_puts(b, "\\f");
                break;
            case '\n':
                buf_puts(b, "\\n");
                break;
            case '\r':
                buf_puts(b, "\\r");
                break;
            case '\t':
                buf_puts(b, "\\t");
                break;
            case '\v':
                buf_puts(b, "\\v");
                break;
            default:
                if (r < ' ' || r == 0x7f)
                    buf_printf(b, "\\x%02x", (unsigned)r);
                else if (r < 0x10000)
                    buf_printf(b, "\\u%04x", (unsigned)r);
                else
                    buf_printf(b, "\\U%08x", (unsigned)r);
            }
        }
    }
    buf_putc(b, q);
}

void fmt_int(fmtx *F, vm_value v, int verb, const fspec *sp)
{
    bool neg = false;
    uint64_t u;
    char digits[80], tmp[120];
    int n = 0, base = 10;
    const char *dig = "0123456789abcdef";
    vm_kind k = VM_KIND(v.t);
    if (kind_is_signed(k) && v.v.i < 0) {
        neg = true;
        u = 0 - v.v.u;
    } else {
        u = v.v.u;
    }
    switch (verb) {
    case 'c': {
        unsigned char r[4];
        int w = utf8_encode((int32_t)v.v.i, r);
        pad(F, (const char *)r, (size_t)w, sp);
        return;
    }
    case 'q': {
        buf b;
        unsigned char r[4];
        int w = utf8_encode((int32_t)v.v.i, r);
        buf_init(&b);
        fmt_quote(&b, (const char *)r, (size_t)w, '\'', sp->plus);
        pad(F, b.p, b.len, sp);
        buf_fini(&b);
        return;
    }
    case 'U': {
        int m = snprintf(tmp, sizeof tmp, "U+%04llX", (unsigned long long)u);
        if (sp->sharp && is_print((int32_t)u)) {
            unsigned char r[4];
            int w = utf8_encode((int32_t)u, r);
            m += snprintf(tmp + m, sizeof tmp - (size_t)m, " '%.*s'", w,
                          (const char *)r);
        }
        pad(F, tmp, (size_t)m, sp);
        return;
    }
    case 'x':
        base = 16;
        break;
    case 'X':
        base = 16;
        dig = "0123456789ABCDEF";
        break;
    case 'o':
    case 'O':
        base = 8;
        break;
    case 'b':
        base = 2;
        break;
    default:
        break;
    }
    do {
        digits[n++] = dig[u % (unsigned)base];
        u /= (unsigned)base;
    } while (u && n < 70);
    while (sp->prec >= 0 && n < sp->prec && n < 70)
        digits[n++] = '0';
    if (sp->prec == 0 && n == 1 && digits[0] == '0')
        n = 0;
    {
        int m = 0;
        if (neg)
            tmp[m++] = '-';
        else if (sp->plus)
            tmp[m++] = '+';
        else if (sp->space)
            tmp[m++] = ' ';
        if (verb == 'O' || (sp->sharp && base == 8 && verb == 'o'))
            tmp[m++] = '0', tmp[m] = verb == 'O' ? 'o' : 0,
            m += verb == 'O' ? 1 : 0;
        if (sp->sharp && base == 16) {
            tmp[m++] = '0';
            tmp[m++] = verb == 'X' ? 'X' : 'x';
        }
        if (sp->sharp && base == 2) {
            tmp[m++] = '0';
            tmp[m++] = 'b';
        }
        while (n)
            tmp[m++] = digits[--n];
        {
            fspec s2 = *sp;
            if (sp->prec >= 0)
                s2.zero = false;
            pad(F, tmp, (size_t)m, &s2);
        }
    }
}

/* The shortest decimal digits of f that read back as f (Go's %v). */
static void shortest(double f, char *digits, int *ndig, int *exp10)
{
    char buf_[64];
    for (int p = 0; p < 17; p++) {
        snprintf(buf_, sizeof buf_, "%.*e", p, f);
        if (strtod(buf_, NULL) == f || p == 16) {
            char *e = strchr(buf_, 'e');
            int n = 0;
            for (char *s = buf_; s < e; s++)
                if (*s >= '0' && *s <= '9')
                    digits[n++] = *s;
            while (n > 1 && digits[n - 1] == '0')
                n--;
            digits[n] = 0;
            *ndig = n;
            *exp10 = atoi(e + 1);
            return;
        }
    }
}

void fmt_float(fmtx *F, double f, int verb, const fspec *sp, bool f32)
{
    char tmp[400];
    int m;
    const char *sign = signbit(f) ? "-" : sp->plus ? "+" : sp->space ? " " : "";
    if (isinf(f) || isnan(f)) {
        fspec s2 = *sp;
        s2.zero = false;
        if (isnan(f))
            fmt_pad_str(F, sp->plus ? "+NaN" : sp->space ? " NaN" : "NaN", &s2);
        else
            fmt_pad_str(F, f < 0 ? "-Inf" : sp->space && !sp->plus ? " Inf"
                                                                : "+Inf",
                    &s2);
        return;
    }
    f = fabs(f);
    if ((verb == 'v' || verb == 'g' || verb == 'G') && sp->prec < 0) {
        char d[32];
        int n = 1, e10 = 0;
        if (f == 0) {
            snprintf(tmp, sizeof tmp, "%s0", sign);
            fmt_pad_str(F, tmp, sp);
            return;
        }
        if (f32) {
            char b2[64];
            for (int p = 0; p < 9; p++) {
                snprintf(b2, sizeof b2, "%.*e", p, f);
                if ((float)strtod(b2, NULL) == (float)f)
                    break;
            }
            f = strtod(b2, NULL);
        }
        shortest(f, d, &n, &e10);
        m = snprintf(tmp, sizeof tmp, "%s", sign);
        if (e10 < -4 || e10 >= 6) {
            /* %e with the shortest digits */
            tmp[m++] = d[0];
            if (n > 1) {
                tmp[m++] = '.';
                for (int i = 1; i < n; i++)
                    tmp[m++] = d[i];
            }
            m += snprintf(tmp + m, sizeof tmp - (size_t)m, "%c%c%02d",
                          verb == 'G' ? 'E' : 'e', e10 < 0 ? '-' : '+',
                          e10 < 0 ? -e10 : e10);
        } else if (e10 < 0) {
            tmp[m++] = '0';
            tmp[m++] = '.';
            for (int i = -1; i > e10; i--)
                tmp[m++] = '0';
            for (int i = 0; i < n; i++)
                tmp[m++] = d[i];
        } else {
            for (int i = 0; i <= e10 || i < n; i++) {
                if (i == e10 + 1)
                    tmp[m++] = '.';
                tmp[m++] = i < n ? d[i] : '0';
            }
        }
        tmp[m] = 0;
        fmt_pad_str(F, tmp, sp);
        return;
    }
    {
        int prec = sp->prec < 0 ? 6 : sp->prec;
        char c = verb == 'v' ? 'g' : (char)verb, *o;
        size_t room;
        m = snprintf(tmp, sizeof tmp, "%s", sign);
        o = tmp + m;
        room = sizeof tmp - (size_t)m;
        if (prec > 300)
            prec = 300;
        switch (c) {
        case 'e':
            snprintf(o, room, sp->sharp ? "%#.*e" : "%.*e", prec, f);
            break;
        case 'E':
            snprintf(o, room, sp->sharp ? "%#.*E" : "%.*E", prec, f);
            break;
        case 'g':
            snprintf(o, room, sp->sharp ? "%#.*g" : "%.*g", prec, f);
            break;
        case 'G':
            snprintf(o, room, sp->sharp ? "%#.*G" : "%.*G", prec, f);
            break;
        default:
            if (f >= 1e300)
                snprintf(o, room, "%.*e", prec, f);
            else
                snprintf(o, room, sp->sharp ? "%#.*f" : "%.*f", prec, f);
            break;
        }
        fmt_pad_str(F, tmp, sp);
    }
}

void fmt_string(fmtx *F, const char *s, size_t n, int verb,
                       const fspec *sp)
{
    buf b;
    if (sp->prec >= 0 && (verb == 's' || verb == 'v' || verb == 'q')) {
        size_t i = 0;
        int r = 0;
        while (i < n && r < sp->prec) {
            i++;
            while (i < n && ((unsigned char)s[i] & 0xc0) == 0x80)
                i++;
            r++;
        }
        n = i;
    }
    switch (verb) {
    case 'q':
        buf_init(&b);
        if (sp->sharp && !memchr(s, '`', n)) {
            buf_putc(&b, '`');
            buf_append(&b, s, n);
            buf_putc(&b, '`');
        } else {
            fmt_quote(&b, s, n, '"', sp->plus);
        }
        pad(F, b.p, b.len, sp);
        buf_fini(&b);
        return;
    case 'x':
    case 'X':
        buf_init(&b);
        for (size_t i = 0; i < n; i++) {
            if (sp->space && i)
                buf_putc(&b, ' ');
            if (sp->sharp && (sp->space || !i))
                buf_puts(&b, verb == 'x' ? "0x" : "0X");
            buf_printf(&b, verb == 'x' ? "%02x" : "%02X",
                       (unsigned char)s[i]);
        }
        pad(F, b.p ? b.p : "", b.len, sp);
        buf_fini(&b);
        return;
    default:
        pad(F, s, n, sp);
        return;
    }
}
