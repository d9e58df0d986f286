/* ast.c: see ast.h. Allocation of files and nodes, and the printer. */
#include "sim/lang/ast.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static const char *const kind_str[AST_KIND_COUNT] = {
#define AST_STR_(name, str) str,
    AST_KINDS(AST_STR_)
#undef AST_STR_
};

const char *ast_kind_str(ast_kind k)
{
    return (unsigned)k < AST_KIND_COUNT ? kind_str[k] : "?";
}

ast_file *ast_file_new(const char *path)
{
    ast_file *f = wf_xcalloc(1, sizeof *f);
    arena_init(&f->mem);
    f->path = arena_strdup(&f->mem, path ? path : "");
    return f;
}

void ast_file_free(ast_file *f)
{
    if (!f) return;
    arena_fini(&f->mem);
    free(f);
}

ast_node *ast_new(arena *mem, ast_kind kind, int line, int col)
{
    ast_node *n = arena_alloc(mem, sizeof *n);
    n->kind = kind;
    n->line = line;
    n->col = col;
    return n;
}

/* ---- printer ----------------------------------------------------------- */

static void pr(buf *out, const ast_node *n, int flags);

static void pos(buf *out, const ast_node *n, int flags)
{
    if (flags & AST_PRINT_POS) buf_printf(out, "@%d:%d", n->line, n->col);
}

/* "(head@l:c" */
static void open_(buf *out, const char *head, const ast_node *n, int flags)
{
    buf_putc(out, '(');
    buf_puts(out, head);
    pos(out, n, flags);
}

static void child(buf *out, const ast_node *n, int flags)
{
    buf_putc(out, ' ');
    if (n)
        pr(out, n, flags);
    else
        buf_putc(out, '-');
}

/* Elements of l, each preceded by a space. */
static void items(buf *out, ast_list l, int flags)
{
    size_t i;
    for (i = 0; i < l.n; i++)
        child(out, l.v[i], flags);
}

/* " (a b c)", or " -" when flag_empty and the list is empty. */
static void group(buf *out, ast_list l, int flags, bool dash_if_empty)
{
    size_t i;
    if (dash_if_empty && l.n == 0) {
        buf_puts(out, " -");
        return;
    }
    buf_puts(out, " (");
    for (i = 0; i < l.n; i++) {
        if (i) buf_putc(out, ' ');
        pr(out, l.v[i], flags);
    }
    buf_putc(out, ')');
}

static void quote(buf *out, const unsigned char *p, size_t n)
{
    size_t i;
    buf_putc(out, '"');
    for (i = 0; i < n; i++) {
        unsigned char c = p[i];
        if (c == '"' || c == '\\') {
            buf_putc(out, '\\');
            buf_putc(out, (char)c);
        } else if (c == '\n') {
            buf_puts(out, "\\n");
        } else if (c == '\t') {
            buf_puts(out, "\\t");
        } else if (c >= 0x20 && c < 0x7F) {
            buf_putc(out, (char)c);
        } else {
            buf_printf(out, "\\x%02x", c);
        }
    }
    buf_putc(out, '"');
}

static void spec(buf *out, const ast_node *n, int flags, lex_kind tok)
{
    if (n->kind != AST_VALUE_SPEC) {
        pr(out, n, flags);
        return;
    }
    open_(out, "valuespec", n, flags);
    if (tok == TK_CONST) {
        buf_printf(out, " iota=%d", n->u.value_spec.iota);
        if (n->u.value_spec.implicit) buf_puts(out, " implicit");
    }
    group(out, n->u.value_spec.names, flags, false);
    child(out, n->u.value_spec.type, flags);
    group(out, n->u.value_spec.values, flags, false);
    buf_putc(out, ')');
}

static void stmts(buf *out, const char *head, const ast_node *n, ast_list l,
                  int flags)
{
    open_(out, head, n, flags);
    items(out, l, flags);
    buf_putc(out, ')');
}

static void pr(buf *out, const ast_node *n, int flags)
{
    size_t i;
    switch (n->kind) {
    case AST_IDENT:
        buf_puts(out, n->u.ident.name);
        pos(out, n, flags);
        return;
    case AST_INT_LIT:
        if (n->u.int_lit.overflow) {
            open_(out, "int-overflow", n, flags);
            buf_printf(out, " %s)", n->u.int_lit.text);
            return;
        }
        buf_printf(out, "%llu", (unsigned long long)n->u.int_lit.value);
        pos(out, n, flags);
        return;
    case AST_FLOAT_LIT:
        open_(out, "float", n, flags);
        buf_printf(out, " %.17g)", n->u.float_lit.value);
        return;
    case AST_RUNE_LIT:
        open_(out, "rune", n, flags);
        buf_printf(out, " %ld)", (long)n->u.rune_lit.value);
        return;
    case AST_STRING_LIT:
        quote(out, n->u.string_lit.bytes, n->u.string_lit.len);
        pos(out, n, flags);
        return;
    case AST_COMPOSITE_LIT:
        open_(out, "lit", n, flags);
        child(out, n->u.composite.type, flags);
        items(out, n->u.composite.elts, flags);
        break;
    case AST_FUNC_LIT:
        open_(out, "funclit", n, flags);
        child(out, n->u.func_lit.type, flags);
        child(out, n->u.func_lit.body, flags);
        break;
    case AST_PAREN:
        open_(out, "paren", n, flags);
        child(out, n->u.paren.x, flags);
        break;
    case AST_SELECTOR:
        open_(out, "sel", n, flags);
        child(out, n->u.selector.x, flags);
        child(out, n->u.selector.sel, flags);
        break;
    case AST_INDEX:
        open_(out, "index", n, flags);
        child(out, n->u.index.x, flags);
        child(out, n->u.index.index, flags);
        items(out, n->u.index.more, flags);
        break;
    case AST_SLICE:
        open_(out, n->u.slice.three ? "slice3" : "slice", n, flags);
        child(out, n->u.slice.x, flags);
        child(out, n->u.slice.lo, flags);
        child(out, n->u.slice.hi, flags);
        if (n->u.slice.three) child(out, n->u.slice.max, flags);
        break;
    case AST_TYPE_ASSERT:
        open_(out, "assert", n, flags);
        child(out, n->u.type_assert.x, flags);
        if (n->u.type_assert.type)
            child(out, n->u.type_assert.type, flags);
        else
            buf_puts(out, " type");
        break;
    case AST_CALL:
        open_(out, n->u.call.spread ? "call..." : "call", n, flags);
        child(out, n->u.call.fn, flags);
        items(out, n->u.call.args, flags);
        break;
    case AST_STAR:
        open_(out, "star", n, flags);
        child(out, n->u.star.x, flags);
        break;
    case AST_UNARY:
        open_(out, lex_kind_str(n->u.unary.op), n, flags);
        child(out, n->u.unary.x, flags);
        break;
    case AST_BINARY:
        open_(out, lex_kind_str(n->u.binary.op), n, flags);
        child(out, n->u.binary.x, flags);
        child(out, n->u.binary.y, flags);
        break;
    case AST_KEY_VALUE:
        open_(out, "kv", n, flags);
        child(out, n->u.kv.key, flags);
        child(out, n->u.kv.value, flags);
        break;
    case AST_ELLIPSIS:
        if (!n->u.ellipsis.elt) {
            buf_puts(out, "...");
            pos(out, n, flags);
            return;
        }
        open_(out, "...", n, flags);
        child(out, n->u.ellipsis.elt, flags);
        break;
    case AST_ARRAY_TYPE:
        open_(out, "array", n, flags);
        child(out, n->u.array.len, flags);
        child(out, n->u.array.elem, flags);
        break;
    case AST_SLICE_TYPE:
        open_(out, "slicetype", n, flags);
        child(out, n->u.slice_type.elem, flags);
        break;
    case AST_MAP_TYPE:
        open_(out, "map", n, flags);
        child(out, n->u.map.key, flags);
        child(out, n->u.map.value, flags);
        break;
    case AST_CHAN_TYPE:
        open_(out,
              n->u.chan.dir == AST_CHAN_SEND   ? "chan<-"
              : n->u.chan.dir == AST_CHAN_RECV ? "<-chan"
                                               : "chan",
              n, flags);
        child(out, n->u.chan.elem, flags);
        break;
    case AST_FUNC_TYPE:
        open_(out, "functype", n, flags);
        if (n->u.func_type.tparams.n) {
            buf_puts(out, " (tparams");
            items(out, n->u.func_type.tparams, flags);
            buf_putc(out, ')');
        }
        buf_puts(out, " (params");
        items(out, n->u.func_type.params, flags);
        buf_puts(out, ") (results");
        items(out, n->u.func_type.results, flags);
        buf_putc(out, ')');
        break;
    case AST_STRUCT_TYPE:
        open_(out, "struct", n, flags);
        items(out, n->u.struct_type.fields, flags);
        break;
    case AST_INTERFACE_TYPE:
        open_(out, "interface", n, flags);
        items(out, n->u.interface_type.methods, flags);
        break;
    case AST_FIELD:
        open_(out, "field", n, flags);
        group(out, n->u.field.names, flags, true);
        child(out, n->u.field.type, flags);
        if (n->u.field.tag) child(out, n->u.field.tag, flags);
        break;

    case AST_DECL_STMT:
        pr(out, n->u.decl_stmt.decl, flags);
        return;
    case AST_LABELED_STMT:
        open_(out, "label", n, flags);
        child(out, n->u.labeled.label, flags);
        child(out, n->u.labeled.stmt, flags);
        break;
    case AST_EXPR_STMT:
        open_(out, "expr", n, flags);
        child(out, n->u.expr_stmt.x, flags);
        break;
    case AST_SEND_STMT:
        open_(out, "send", n, flags);
        child(out, n->u.send.ch, flags);
        child(out, n->u.send.value, flags);
        break;
    case AST_INCDEC_STMT:
        open_(out, lex_kind_str(n->u.incdec.op), n, flags);
        child(out, n->u.incdec.x, flags);
        break;
    case AST_ASSIGN_STMT:
        open_(out, lex_kind_str(n->u.assign.op), n, flags);
        group(out, n->u.assign.lhs, flags, false);
        group(out, n->u.assign.rhs, flags, false);
        break;
    case AST_GO_STMT:
    case AST_DEFER_STMT:
        open_(out, n->kind == AST_GO_STMT ? "go" : "defer", n, flags);
        child(out, n->u.go_defer.call, flags);
        break;
    case AST_RETURN_STMT:
        stmts(out, "return", n, n->u.ret.results, flags);
        return;
    case AST_BRANCH_STMT:
        open_(out, lex_kind_str(n->u.branch.tok), n, flags);
        if (n->u.branch.label) child(out, n->u.branch.label, flags);
        break;
    case AST_BLOCK_STMT:
        stmts(out, "block", n, n->u.block.stmts, flags);
        return;
    case AST_IF_STMT:
        open_(out, "if", n, flags);
        child(out, n->u.if_.init, flags);
        child(out, n->u.if_.cond, flags);
        child(out, n->u.if_.then, flags);
        child(out, n->u.if_.els, flags);
        break;
    case AST_CASE_CLAUSE:
        if (n->u.case_.is_default) {
            open_(out, "default", n, flags);
        } else {
            open_(out, "case", n, flags);
            group(out, n->u.case_.list, flags, false);
        }
        items(out, n->u.case_.body, flags);
        break;
    case AST_SWITCH_STMT:
        open_(out, "switch", n, flags);
        child(out, n->u.switch_.init, flags);
        child(out, n->u.switch_.tag, flags);
        items(out, n->u.switch_.clauses, flags);
        break;
    case AST_TYPE_SWITCH_STMT:
        open_(out, "typeswitch", n, flags);
        child(out, n->u.type_switch.init, flags);
        child(out, n->u.type_switch.bind, flags);
        child(out, n->u.type_switch.x, flags);
        items(out, n->u.type_switch.clauses, flags);
        break;
    case AST_COMM_CLAUSE:
        if (n->u.comm.comm) {
            open_(out, "case", n, flags);
            child(out, n->u.comm.comm, flags);
        } else {
            open_(out, "default", n, flags);
        }
        items(out, n->u.comm.body, flags);
        break;
    case AST_SELECT_STMT:
        stmts(out, "select", n, n->u.select.clauses, flags);
        return;
    case AST_FOR_STMT:
        open_(out, "for", n, flags);
        child(out, n->u.for_.init, flags);
        child(out, n->u.for_.cond, flags);
        child(out, n->u.for_.post, flags);
        child(out, n->u.for_.body, flags);
        break;
    case AST_RANGE_STMT:
        open_(out, "range", n, flags);
        child(out, n->u.range.key, flags);
        child(out, n->u.range.value, flags);
        buf_puts(out, n->u.range.tok == TK_EOF ? " -" : " ");
        if (n->u.range.tok != TK_EOF)
            buf_puts(out, lex_kind_str(n->u.range.tok));
        child(out, n->u.range.x, flags);
        child(out, n->u.range.body, flags);
        break;

    case AST_IMPORT_SPEC:
        open_(out, "importspec", n, flags);
        child(out, n->u.import.name, flags);
        child(out, n->u.import.path, flags);
        break;
    case AST_VALUE_SPEC:
        spec(out, n, flags, TK_VAR);
        return;
    case AST_TYPE_SPEC:
        open_(out, "typespec", n, flags);
        child(out, n->u.type_spec.name, flags);
        if (n->u.type_spec.tparams.n) {
            buf_puts(out, " (tparams");
            items(out, n->u.type_spec.tparams, flags);
            buf_putc(out, ')');
        }
        if (n->u.type_spec.alias) buf_puts(out, " =");
        child(out, n->u.type_spec.type, flags);
        break;
    case AST_GEN_DECL:
        open_(out, lex_kind_str(n->u.gen_decl.tok), n, flags);
        for (i = 0; i < n->u.gen_decl.specs.n; i++) {
            buf_putc(out, ' ');
            spec(out, n->u.gen_decl.specs.v[i], flags, n->u.gen_decl.tok);
        }
        break;
    case AST_FUNC_DECL:
        open_(out, "func", n, flags);
        child(out, n->u.func_decl.recv, flags);
        child(out, n->u.func_decl.name, flags);
        child(out, n->u.func_decl.type, flags);
        child(out, n->u.func_decl.body, flags);
        break;
    case AST_EMPTY_STMT:
    case AST_BAD_STMT:
    case AST_BAD:
    default:
        open_(out, ast_kind_str(n->kind), n, flags);
        break;
    }
    buf_putc(out, ')');
}

void ast_print(buf *out, const ast_node *n, int flags)
{
    if (n)
        pr(out, n, flags);
    else
        buf_putc(out, '-');
}

void ast_print_file(buf *out, const ast_file *f, int flags)
{
    size_t i;
    buf_puts(out, "package ");
    ast_print(out, f->pkg, flags);
    buf_putc(out, '\n');
    for (i = 0; i < f->decls.n; i++) {
        pr(out, f->decls.v[i], flags);
        buf_putc(out, '\n');
    }
}
