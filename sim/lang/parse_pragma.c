/* parse_pragma.c: gc's pragmas, the "//go:" directives: where each may
 * stand, and what gc says of one that stands elsewhere (the words of
 * cmd/compile/internal/noder's pragma, pragmaFlags and checkUnused, the
 * hand-over points of syntax's takePragma and clearPragma). The lexer
 * records every directive it meets (lex_pragma); as in gc's parser, the
 * directives met since the last hand-over go to the declaration whose
 * first token follows them (parse_pragma_take), or, where gc's parser
 * calls clearPragma (before a statement, after a declaration), to none.
 * weft gives no directive a meaning (but //go:nointerface, lex.c's);
 * it rejects what gc rejects. //go:linkname's target is checked by the
 * resolver (the names it may refer to are the package's). */
#include "sim/lang/parse_int.h"

#include <string.h>

/* The verb: the text up to its first space ("go:linkname"). */
static size_t verb_len(const lex_pragma *g)
{
    const char *sp = memchr(g->text, ' ', g->len);
    return sp ? (size_t)(sp - g->text) : g->len;
}

static bool verb_is(const lex_pragma *g, const char *v)
{
    size_t n = strlen(v);
    return verb_len(g) == n && !memcmp(g->text, v, n);
}

/* The declarations a directive may stand before (gc's pragmaFlag and
 * its funcPragmas and typePragmas); 0 for a directive gc keeps no flag
 * of (go:linkname, go:generate, an unknown one): never misplaced. */
static unsigned pragma_class(const lex_pragma *g)
{
    static const char *const func_verbs[] = {
        "go:noescape",        "go:norace",         "go:nosplit",
        "go:noinline",        "go:nocheckptr",     "go:systemstack",
        "go:nowritebarrier",  "go:nowritebarrierrec",
        "go:yeswritebarrierrec", "go:cgo_unsafe_args",
        "go:uintptrkeepalive", "go:uintptrescapes", "go:registerparams",
    };
    if (verb_is(g, "go:build"))
        return PRAGMA_FILE;
    if (verb_is(g, "go:notinheap"))
        return PRAGMA_TYPE;
    if (verb_is(g, "go:embed"))
        return PRAGMA_EMBED;
    if (g->len >= 12 && !memcmp(g->text, "go:linkname ", 12))
        return 0;
    for (size_t i = 0; i < sizeof func_verbs / sizeof *func_verbs; i++)
        if (verb_is(g, func_verbs[i]))
            return PRAGMA_FUNC;
    return 0;
}

/* The number of blank-separated fields of g's text. */
static int fields(const lex_pragma *g)
{
    int n = 0;
    for (size_t i = 0; i < g->len;) {
        while (i < g->len && (g->text[i] == ' ' || g->text[i] == '\t'))
            i++;
        if (i == g->len)
            break;
        n++;
        while (i < g->len && g->text[i] != ' ' && g->text[i] != '\t')
            i++;
    }
    return n;
}

/* What gc says of g as soon as it meets it (noder's pragma), or NULL;
 * *vl: the verb's length for the message. */
static const char *met_error(const lex_pragma *g, int *vl)
{
    static const char *const runtime_verbs[] = {
        "go:systemstack", "go:nowritebarrier", "go:nowritebarrierrec",
        "go:yeswritebarrierrec",
    };
    *vl = (int)verb_len(g);
    if (!g->blank)
        return "misplaced compiler directive";
    if (g->len >= 12 && !memcmp(g->text, "go:linkname ", 12)) {
        int n = fields(g);
        return n < 2 || n > 3 ? "usage: //go:linkname localname [linkname]"
                              : NULL;
    }
    if (verb_is(g, "go:embed"))
        return fields(g) < 2 ? "usage: //go:embed pattern..." : NULL;
    if (g->len >= 7 && !memcmp(g->text, "go:cgo_", 7) &&
        !(verb_is(g, "go:cgo_import_dynamic") && fields(g) >= 4)) {
        *vl = (int)g->len; /* gc quotes the whole text */
        return "only allowed in cgo-generated code";
    }
    for (size_t i = 0; i < sizeof runtime_verbs / sizeof *runtime_verbs; i++)
        if (verb_is(g, runtime_verbs[i]))
            return "only allowed in runtime";
    if (verb_is(g, "go:uintptrkeepalive"))
        return "is only allowed in the standard library";
    return NULL;
}

/* A //go:linkname localname [target]: the local name, as an identifier
 * at the directive, for the resolver. */
static void note_linkname(parser *p, const lex_pragma *g)
{
    size_t i = 12, j;
    ast_node *id;
    while (i < g->len && (g->text[i] == ' ' || g->text[i] == '\t'))
        i++;
    j = i;
    while (j < g->len && g->text[j] != ' ' && g->text[j] != '\t')
        j++;
    id = parse_node_at(p, AST_IDENT, g->line, g->col);
    id->u.ident.name = parse_intern(p, g->text + i, j - i);
    VEC_PUSH(p->linknames, id);
}

void parse_pragma_met(parser *p)
{
    for (; p->prag_met < p->lx.nprags && !p->failed; p->prag_met++) {
        const lex_pragma *g = &p->lx.prags[p->prag_met];
        int vl;
        const char *e = met_error(g, &vl);
        if (!e) {
            if (g->len >= 12 && !memcmp(g->text, "go:linkname ", 12))
                note_linkname(p, g);
            continue;
        }
        if (!strcmp(e, "misplaced compiler directive") ||
            !strncmp(e, "usage:", 6))
            parse_error_at(p, g->line, g->col, "%s", e);
        else
            parse_error_at(p, g->line, g->col, "//%.*s %s", vl, g->text, e);
    }
}

unsigned parse_pragma_check(parser *p, size_t from, size_t to,
                            unsigned allowed)
{
    unsigned present = 0;
    for (size_t i = from; i < to && !p->failed; i++) {
        const lex_pragma *g = &p->lx.prags[i];
        unsigned c = pragma_class(g);
        if (!g->blank || !c)
            continue; /* reported when met, or never misplaced */
        if (c & allowed) {
            if (c == PRAGMA_EMBED && !(present & c)) {
                p->embed_line = g->line;
                p->embed_col = g->col;
            }
            present |= c;
            continue;
        }
        parse_error_at(p, g->line, g->col,
                       c == PRAGMA_EMBED ? "misplaced go:embed directive"
                                         : "misplaced compiler directive");
    }
    return present;
}

unsigned parse_pragma_take(parser *p, unsigned allowed)
{
    size_t from = p->prag_next;
    p->prag_next = p->lx.nprags;
    return parse_pragma_check(p, from, p->prag_next, allowed);
}

void parse_pragma_clear(parser *p)
{
    parse_pragma_take(p, 0);
}

void parse_pragma_embed(parser *p, const ast_node *spec)
{
    const char *e = NULL;
    if (!p->imports_embed)
        e = "go:embed only allowed in Go files that import \"embed\"";
    else if (spec->u.value_spec.names.n > 1)
        e = "go:embed cannot apply to multiple vars";
    else if (spec->u.value_spec.values.n)
        e = "go:embed cannot apply to var with initializer";
    else if (p->fnest)
        e = "go:embed cannot apply to var inside func";
    if (e)
        parse_error_at(p, p->embed_line, p->embed_col, "%s", e);
}
