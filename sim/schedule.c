/* schedule.c: see schedule.h. */
#include "schedule.h"

#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* A bound on a decoded schedule (24 bytes a choice), far above what an
 * execution of --max-steps 1,000,000 records. */
#define MAX_CHOICES 100000000

static const char letters[] =
    "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqr"; /* 44 codes */

/* The check's digits (Crockford's base 32, lower case). */
static const char check_digits[] = "0123456789abcdefghjkmnpqrstvwxyz";
#define CHECK_LEN 3

/* The 15-bit check of the n bytes at s (the program's hash, its first 8,
 * in any case: hex digits are). */
static uint32_t check_of(const char *s, size_t n)
{
    char hex[8];
    uint64_t h;
    size_t k = n < 8 ? n : 8;
    for (size_t i = 0; i < k; i++)
        hex[i] = (char)tolower((unsigned char)s[i]);
    h = hash_bytes(HASH_INIT, hex, k);
    h = hash_bytes(h, s + k, n - k);
    h ^= h >> 32;
    h ^= h >> 15;
    return (uint32_t)(h & 0x7fff);
}

static void put_check(buf *out, uint32_t v)
{
    buf_putc(out, '.');
    for (int i = CHECK_LEN - 1; i >= 0; i--)
        buf_putc(out, check_digits[(v >> (5 * i)) & 31]);
}

/* The value of check digit ch (any case), or -1. */
static int check_digit(char ch)
{
    const char *p;
    if (!ch)
        return -1;
    p = strchr(check_digits, tolower((unsigned char)ch));
    return p ? (int)(p - check_digits) : -1;
}

static int pair_code(uint32_t idx, uint32_t n)
{
    if (n < 2 || n > 9 || idx >= n)
        return -1;
    return (int)((n - 1) * n / 2 - 1 + idx);
}

static bool code_pair(char ch, uint32_t *idx, uint32_t *n)
{
    const char *p = strchr(letters, ch);
    int code;
    if (!p || !ch)
        return false;
    code = (int)(p - letters);
    for (uint32_t k = 2; k <= 9; k++) {
        int off = (int)((k - 1) * k / 2 - 1);
        if (code >= off && code < off + (int)k) {
            *n = k;
            *idx = (uint32_t)(code - off);
            return true;
        }
    }
    return false;
}

/* Append a choice (and its repeat count) to the n bytes in tmp, which
 * has room for 64 more; returns the new length. */
/* v in decimal at tmp + n (snprintf's "%llu" without its cost: a long
 * schedule has a repeat count every few choices); the new length. */
static size_t put_dec(char *tmp, size_t n, uint64_t v)
{
    char d[20];
    int k = 0;
    do {
        d[k++] = (char)('0' + v % 10);
        v /= 10;
    } while (v);
    while (k)
        tmp[n++] = d[--k];
    return n;
}

static size_t put_choice(char *tmp, size_t n, uint32_t idx, uint32_t alts,
                         size_t rep)
{
    int code = pair_code(idx, alts);
    if (code >= 0) {
        tmp[n++] = letters[code];
    } else {
        tmp[n++] = '_';
        n = put_dec(tmp, n, idx);
        tmp[n++] = '_';
        n = put_dec(tmp, n, alts);
        tmp[n++] = '_';
    }
    if (rep > 1)
        n = put_dec(tmp, n, rep);
    return n;
}

void schedule_encode(buf *out, const schedule *s, const choice *c, size_t n)
{
    size_t start = out->len;
    buf_printf(out, "%08x", s->hash);
    if (s->seed)
        buf_printf(out, ".s%llu", (unsigned long long)s->seed);
    if (s->cond_any)
        buf_puts(out, ".c");
    if (s->spurious)
        buf_puts(out, ".w");
    if (s->mutex_fifo)
        buf_puts(out, ".f");
    if (s->time_loose)
        buf_puts(out, ".l");
    if (s->time_early)
        buf_puts(out, ".e");
    if (s->extra && *s->extra)
        buf_printf(out, ".x%s", s->extra);
    buf_putc(out, '-');
    /* a buf call a batch, not a char: long schedules are encoded after
     * every execution */
    for (size_t i = 0, len = 0; i < n || len;) {
        char tmp[256 + 64];
        while (i < n && len < 256) {
            size_t j = i + 1;
            while (j < n && c[j].idx == c[i].idx && c[j].n == c[i].n)
                j++;
            len = put_choice(tmp, len, c[i].idx, c[i].n, j - i);
            i = j;
        }
        buf_append(out, tmp, len);
        len = 0;
    }
    put_check(out, check_of(out->p + start, out->len - start));
}

static bool read_u64(const char **p, uint64_t *v)
{
    const char *s = *p;
    uint64_t x = 0;
    if (!isdigit((unsigned char)*s))
        return false;
    while (isdigit((unsigned char)*s)) {
        uint64_t digit = (uint64_t)(*s++ - '0');
        if (x > (UINT64_MAX - digit) / 10)
            return false;
        x = x * 10 + digit;
    }
    *p = s;
    *v = x;
    return true;
}

/* The choices of str end at end (its '.', or the end of the string): the
 * check must follow and match. When it does not, name what looks wrong:
 * a lower- or upper-cased copy (the choices are case-sensitive), else
 * the mismatch. */
static wf_status check(const char *str, const char *end, wf_diag *d)
{
    uint32_t v = 0;
    const char *body = strchr(str, '-') + 1;
    bool lower = false, upper = false;
    const char *first_lower = NULL, *first_upper = NULL;
    if (*end != '.')
        return diag_set(d, "", 0, 0,
                        "bad schedule: it has no check at its end (weft "
                        "ends every schedule with '.' and %d characters): "
                        "was it cut short in a copy?",
                        CHECK_LEN);
    for (int i = 1; i <= CHECK_LEN; i++) {
        int k = check_digit(end[i]);
        if (k < 0)
            return diag_set(d, "", 0, 0,
                            "bad schedule: unexpected '%c' at offset %d in "
                            "its check",
                            end[i] ? end[i] : '?', (int)(end + i - str));
        v = v << 5 | (uint32_t)k;
    }
    if (end[CHECK_LEN + 1])
        return diag_set(d, "", 0, 0,
                        "bad schedule: unexpected '%c' at offset %d after "
                        "its check",
                        end[CHECK_LEN + 1], (int)(end + CHECK_LEN + 1 - str));
    if (v == check_of(str, (size_t)(end - str)))
        return WF_OK;
    for (const char *q = body; q < end; q++) {
        if (*q >= 'a' && *q <= 'z' && !first_lower)
            first_lower = q;
        if (*q >= 'A' && *q <= 'Z' && !first_upper)
            first_upper = q;
    }
    lower = first_lower && !first_upper;
    upper = first_upper && !first_lower &&
            (isupper((unsigned char)end[1]) ||
             isupper((unsigned char)end[2]) || isupper((unsigned char)end[3]));
    if (lower || upper)
        return diag_set(d, "", 0, 0,
                        "bad schedule: it does not match its check: it "
                        "looks %s-cased ('%c' at offset %d), and its "
                        "choices are case-sensitive; copy it as weft "
                        "printed it",
                        lower ? "lower" : "upper",
                        lower ? *first_lower : *first_upper,
                        (int)((lower ? first_lower : first_upper) - str));
    return diag_set(d, "", 0, 0,
                    "bad schedule: it does not match its check '%.*s' (a "
                    "character was changed, added or lost in a copy); copy "
                    "it as weft printed it",
                    CHECK_LEN + 1, end);
}

wf_status schedule_decode(schedule *s, const char *str, wf_diag *d)
{
    const char *p = str;
    char hex[9];
    memset(s, 0, sizeof *s);
    for (int i = 0; i < 8; i++) {
        if (!isxdigit((unsigned char)p[i]))
            return diag_set(d, "", 0, 0,
                            "bad schedule: it must start with 8 hex digits "
                            "(the program's hash)");
        hex[i] = p[i];
    }
    hex[8] = 0;
    s->hash = (uint32_t)strtoul(hex, NULL, 16);
    p += 8;
    while (*p == '.') {
        p++;
        switch (*p) {
        case 's':
            p++;
            if (!read_u64(&p, &s->seed))
                return diag_set(d, "", 0, 0, "bad schedule: bad seed");
            continue;
        case 'c':
            s->cond_any = true;
            break;
        case 'w':
            s->spurious = true;
            break;
        case 'f':
            s->mutex_fifo = true;
            break;
        case 'l':
            s->time_loose = true;
            break;
        case 'e':
            s->time_early = true;
            break;
        case 'x': {
            const char *q = ++p;
            while (isdigit((unsigned char)*q) || (*q >= 'a' && *q <= 'z') ||
                   *q == '+' || *q == ',' || *q == ':')
                q++;
            free(s->extra);
            s->extra = wf_xmalloc((size_t)(q - p) + 1);
            memcpy(s->extra, p, (size_t)(q - p));
            s->extra[q - p] = 0;
            p = q;
            continue;
        }
        default:
            return diag_set(d, "", 0, 0, "bad schedule: unknown flag '%c'",
                            *p ? *p : '?');
        }
        p++;
    }
    if (*p != '-')
        return diag_set(d, "", 0, 0,
                        "bad schedule: expected '-' after the header");
    p++;
    while (*p && *p != '.') {
        uint32_t idx, n;
        uint64_t rep = 1;
        if (*p == '_') {
            uint64_t a, b;
            p++;
            if (!read_u64(&p, &a) || *p++ != '_' || !read_u64(&p, &b) ||
                *p++ != '_' || b < 2 || a >= b || b > UINT32_MAX)
                return diag_set(d, "", 0, 0,
                                "bad schedule: bad choice near offset %d",
                                (int)(p - str));
            idx = (uint32_t)a;
            n = (uint32_t)b;
        } else if (code_pair(*p, &idx, &n)) {
            p++;
        } else {
            return diag_set(d, "", 0, 0,
                            "bad schedule: unexpected '%c' at offset %d", *p,
                            (int)(p - str));
        }
        if (isdigit((unsigned char)*p) &&
            (!read_u64(&p, &rep) || rep < 1 || rep > MAX_CHOICES))
            return diag_set(d, "", 0, 0, "bad schedule: bad repeat count");
        if (rep > MAX_CHOICES - s->choices.len)
            return diag_set(d, "", 0, 0, "bad schedule: more than %d choices",
                            MAX_CHOICES);
        for (uint64_t r = 0; r < rep; r++) {
            choice c = {n, idx, 0, 0};
            VEC_PUSH(s->choices, c);
        }
    }
    return check(str, p, d);
}

void schedule_fini(schedule *s)
{
    free(s->extra);
    s->extra = NULL;
    VEC_FREE(s->choices);
}
