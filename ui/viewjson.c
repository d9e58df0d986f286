/* viewjson.c: see viewjson.h. A recursive-descent parser of RFC 8259
 * JSON, bounded in depth. */
#include "viewjson.h"

#include <stdlib.h>
#include <string.h>

typedef struct parser {
    viewjson *j;
    const char *p;
    buf tmp; /* the string being decoded */
} parser;

static void skip_ws(parser *ps)
{
    while (*ps->p == ' ' || *ps->p == '\t' || *ps->p == '\n' ||
           *ps->p == '\r')
        ps->p++;
}

static int32_t new_node(parser *ps, viewjson_type type)
{
    viewjson_node n;
    memset(&n, 0, sizeof n);
    n.type = (uint8_t)type;
    n.child = n.next = -1;
    VEC_PUSH(ps->j->nodes, n);
    return (int32_t)ps->j->nodes.len - 1;
}

static int hexval(char c)
{
    if (c >= '0' && c <= '9') return c - '0';
    if (c >= 'a' && c <= 'f') return c - 'a' + 10;
    if (c >= 'A' && c <= 'F') return c - 'A' + 10;
    return -1;
}

static bool hex4(const char *p, unsigned *out)
{
    unsigned v = 0;
    for (int i = 0; i < 4; i++) {
        int h = hexval(p[i]);
        if (h < 0) return false;
        v = v << 4 | (unsigned)h;
    }
    *out = v;
    return true;
}

/* A string literal at ps->p ('"'): decoded into the arena. */
static const char *parse_string(parser *ps)
{
    buf_reset(&ps->tmp);
    ps->p++;
    for (;;) {
        unsigned char c = (unsigned char)*ps->p;
        if (c == '"') break;
        if (c < 0x20) return NULL; /* end of text or a raw control char */
        if (c != '\\') {
            buf_putc(&ps->tmp, (char)c);
            ps->p++;
            continue;
        }
        ps->p++;
        switch (*ps->p) {
        case '"': buf_putc(&ps->tmp, '"'); break;
        case '\\': buf_putc(&ps->tmp, '\\'); break;
        case '/': buf_putc(&ps->tmp, '/'); break;
        case 'b': buf_putc(&ps->tmp, '\b'); break;
        case 'f': buf_putc(&ps->tmp, '\f'); break;
        case 'n': buf_putc(&ps->tmp, '\n'); break;
        case 'r': buf_putc(&ps->tmp, '\r'); break;
        case 't': buf_putc(&ps->tmp, '\t'); break;
        case 'u': {
            unsigned u, lo;
            if (!hex4(ps->p + 1, &u)) return NULL;
            ps->p += 4;
            if (u >= 0xD800 && u < 0xDC00 && ps->p[1] == '\\' &&
                ps->p[2] == 'u' && hex4(ps->p + 3, &lo) && lo >= 0xDC00 &&
                lo < 0xE000) {
                u = 0x10000 + ((u - 0xD800) << 10) + (lo - 0xDC00);
                ps->p += 6;
            } else if (u >= 0xD800 && u < 0xE000) {
                u = 0xFFFD;
            }
            if (u == 0) u = 0xFFFD; /* keep strings NUL-terminated */
            buf_put_utf8(&ps->tmp, u);
            break;
        }
        default:
            return NULL;
        }
        ps->p++;
    }
    ps->p++;
    return arena_strndup(&ps->j->strs, ps->tmp.p ? ps->tmp.p : "",
                         ps->tmp.len);
}

static bool parse_number(parser *ps, double *out)
{
    const char *s = ps->p;
    char *end;
    if (*s == '-') s++;
    if (*s < '0' || *s > '9') return false;
    *out = strtod(ps->p, &end);
    if (end == ps->p) return false;
    ps->p = end;
    return true;
}

static int32_t parse_value(parser *ps, int depth);

/* Elements or members up to the closing bracket; each linked after the
 * previous one. */
static bool parse_items(parser *ps, int32_t node, bool object, int depth)
{
    int32_t prev = -1;
    char close = object ? '}' : ']';
    ps->p++;
    skip_ws(ps);
    if (*ps->p == close) {
        ps->p++;
        return true;
    }
    for (;;) {
        const char *key = NULL;
        int32_t item;
        skip_ws(ps);
        if (object) {
            if (*ps->p != '"' || !(key = parse_string(ps))) return false;
            skip_ws(ps);
            if (*ps->p++ != ':') return false;
        }
        item = parse_value(ps, depth + 1);
        if (item < 0) return false;
        ps->j->nodes.p[item].key = key;
        if (prev < 0)
            ps->j->nodes.p[node].child = item;
        else
            ps->j->nodes.p[prev].next = item;
        prev = item;
        skip_ws(ps);
        if (*ps->p == ',') {
            ps->p++;
            continue;
        }
        if (*ps->p != close) return false;
        ps->p++;
        return true;
    }
}

static int32_t parse_value(parser *ps, int depth)
{
    int32_t n;
    if (depth > VIEWJSON_DEPTH) return -1;
    skip_ws(ps);
    switch (*ps->p) {
    case '{':
    case '[': {
        bool object = *ps->p == '{';
        n = new_node(ps, object ? VJ_OBJ : VJ_ARR);
        return parse_items(ps, n, object, depth) ? n : -1;
    }
    case '"': {
        const char *s = parse_string(ps);
        if (!s) return -1;
        n = new_node(ps, VJ_STR);
        ps->j->nodes.p[n].s = s;
        return n;
    }
    case 't':
    case 'f':
        if (!strncmp(ps->p, "true", 4) || !strncmp(ps->p, "false", 5)) {
            bool b = *ps->p == 't';
            ps->p += b ? 4 : 5;
            n = new_node(ps, VJ_BOOL);
            ps->j->nodes.p[n].b = b;
            return n;
        }
        return -1;
    case 'n':
        if (strncmp(ps->p, "null", 4)) return -1;
        ps->p += 4;
        return new_node(ps, VJ_NULL);
    default: {
        double v;
        if (!parse_number(ps, &v)) return -1;
        n = new_node(ps, VJ_NUM);
        ps->j->nodes.p[n].num = v;
        return n;
    }
    }
}

bool viewjson_parse(viewjson *j, const char *text)
{
    parser ps;
    int32_t root;
    memset(j, 0, sizeof *j);
    arena_init(&j->strs);
    if (!text) return false;
    ps.j = j;
    ps.p = text;
    buf_init(&ps.tmp);
    root = parse_value(&ps, 0);
    skip_ws(&ps);
    buf_fini(&ps.tmp);
    if (root != 0 || *ps.p) {
        j->nodes.len = 0;
        return false;
    }
    return true;
}

void viewjson_fini(viewjson *j)
{
    VEC_FREE(j->nodes);
    arena_fini(&j->strs);
}

viewjson_type viewjson_type_of(const viewjson *j, int32_t node)
{
    if (node < 0 || (size_t)node >= j->nodes.len) return VJ_NONE;
    return (viewjson_type)j->nodes.p[node].type;
}

int32_t viewjson_get(const viewjson *j, int32_t node, const char *key)
{
    if (viewjson_type_of(j, node) != VJ_OBJ) return -1;
    for (int32_t c = j->nodes.p[node].child; c >= 0; c = j->nodes.p[c].next)
        if (!strcmp(j->nodes.p[c].key, key)) return c;
    return -1;
}

int32_t viewjson_first(const viewjson *j, int32_t node)
{
    viewjson_type t = viewjson_type_of(j, node);
    return t == VJ_OBJ || t == VJ_ARR ? j->nodes.p[node].child : -1;
}

int32_t viewjson_next(const viewjson *j, int32_t node)
{
    return viewjson_type_of(j, node) == VJ_NONE ? -1 : j->nodes.p[node].next;
}

int32_t viewjson_len(const viewjson *j, int32_t node)
{
    int32_t n = 0;
    for (int32_t c = viewjson_first(j, node); c >= 0; c = viewjson_next(j, c))
        n++;
    return n;
}

const char *viewjson_str(const viewjson *j, int32_t node)
{
    return viewjson_type_of(j, node) == VJ_STR ? j->nodes.p[node].s : NULL;
}

bool viewjson_int(const viewjson *j, int32_t node, int64_t *out)
{
    double v;
    if (viewjson_type_of(j, node) != VJ_NUM) return false;
    v = j->nodes.p[node].num;
    if (v < -9.2e18 || v > 9.2e18) return false;
    *out = (int64_t)v;
    return true;
}
