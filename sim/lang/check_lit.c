/* check_lit.c: basic and composite literals for the checker (check_int.h),
 * after types2's literals.go. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "sim/lang/check_int.h"

/* ---- literals ------------------------------------------------------------------- */

void ck_basic_lit(checker *k, operand *x, ast_node *n)
{
    switch (n->kind) {
    case AST_INT_LIT:
        x->val = const_from_literal(&k->mem, TK_INT, n->u.int_lit.text);
        x->type = T_UINT_K;
        break;
    case AST_FLOAT_LIT: {
        /* an imaginary literal is a float token spelled with its 'i' */
        const char *text = n->u.float_lit.text;
        bool imag = text[0] && text[strlen(text) - 1] == 'i';
        x->val = const_from_literal(&k->mem, imag ? TK_IMAG : TK_FLOAT, text);
        x->type = imag ? T_UCPLX : T_UFLT_K;
        break;
    }
    case AST_RUNE_LIT:
        x->val = const_int64(&k->mem, n->u.rune_lit.value);
        x->type = T_URUNE_K;
        break;
    default:
        x->val = const_string(&k->mem, (const char *)n->u.string_lit.bytes,
                              n->u.string_lit.len);
        x->type = T_USTR;
        break;
    }
    if (x->val.k == CONST_UNKNOWN) {
        buf b;
        buf_init(&b);
        ck_expr_str(&b, n);
        ck_errorf(k, n, "malformed constant: %s", b.p);
        buf_fini(&b);
        return;
    }
    x->mode = CK_CONST;
    x->expr = n;
    ck_overflow(k, x, NULL);
}

static void indexed_elts(checker *k, ast_list elts, uint32_t et,
                         int64_t length, int64_t *out_len)
{
    int64_t index = 0, max = 0;
    VEC(int64_t) seen = {0};
    for (size_t i = 0; i < elts.n && !k->failed; i++) {
        ast_node *e = elts.v[i], *ev = e;
        bool valid = false;
        operand x;
        if (e->kind == AST_KEY_VALUE) {
            int64_t v;
            if (ck_index(k, e->u.kv.key, length, &v)) {
                if (v >= 0) {
                    index = v;
                    valid = true;
                } else {
                    buf b;
                    buf_init(&b);
                    ck_expr_str(&b, e->u.kv.key);
                    ck_errorf(k, e, "index %s must be integer constant", b.p);
                    buf_fini(&b);
                }
            }
            ev = e->u.kv.value;
        } else if (length >= 0 && index >= length) {
            ck_errorf(k, e, "index %lld is out of bounds (>= %lld)",
                      (long long)index, (long long)length);
        } else {
            valid = true;
        }
        if (k->failed)
            break;
        if (valid) {
            for (size_t j = 0; j < seen.len; j++)
                if (seen.p[j] == index) {
                    char m[200];
                    snprintf(m, sizeof m, "duplicate index %lld in array or "
                                          "slice literal",
                             (long long)index);
                    ck_errorp(k, e, m);
                    break;
                }
            VEC_PUSH(seen, index);
        }
        index++;
        if (index > max)
            max = index;
        ck_expr_hint(k, &x, ev, et);
        ck_assignment(k, &x, et, "array or slice literal");
    }
    VEC_FREE(seen);
    *out_len = max;
}

void ck_composite(checker *k, operand *x, ast_node *n, uint32_t hint)
{
    uint32_t t = 0, base = 0;
    const vm_type *u;
    ast_node *tn = n->u.composite.type;
    bool open_array = false;
    uint32_t open_elem = 0;
    if (tn) {
        if (tn->kind == AST_ARRAY_TYPE && tn->u.array.len &&
            tn->u.array.len->kind == AST_ELLIPSIS &&
            !tn->u.array.len->u.ellipsis.elt) {
            open_array = true;
            open_elem = ck_typexpr(k, tn->u.array.elem);
            if (!open_elem)
                return;
        } else {
            t = ck_typexpr(k, tn);
            if (!t)
                return;
        }
        base = t;
    } else if (hint) {
        t = hint;
        base = t;
        if (VM_KIND(ck_core(k, base)) == K_PTR)
            base = prog_type(k->prog, ck_core(k, base))->elem;
    } else {
        ck_errorf(k, n, "invalid composite literal type: missing type");
        return;
    }
    if (open_array) {
        int64_t len;
        indexed_elts(k, n->u.composite.elts, open_elem, -1, &len);
        if (k->failed)
            return;
        t = type_array(k->prog, open_elem, len);
        {
            operand tx;
            memset(&tx, 0, sizeof tx);
            tx.mode = CK_TYPE;
            tx.expr = tn;
            tx.type = t;
            ck_record(k, &tx);
        }
        x->mode = CK_VALUE;
        x->type = t;
        return;
    }
    u = prog_type(k->prog, ck_core(k, base));
    switch (ck_is_complex(k, u->id) ? K_NIL : VM_KIND(u->id)) {
    case K_STRUCT: {
        vm_type us = *u;
        ast_list elts = n->u.composite.elts;
        if (!elts.n)
            break;
        if (elts.v[0]->kind == AST_KEY_VALUE) {
            bool *visited = wf_xcalloc(us.nfields + 1, 1);
            for (size_t i = 0; i < elts.n && !k->failed; i++) {
                ast_node *e = elts.v[i];
                ast_node *key;
                uint32_t nm, fi;
                operand v;
                if (e->kind != AST_KEY_VALUE) {
                    ck_errorf(k, e, "mixture of field:value and value "
                                    "elements in struct literal");
                    break;
                }
                key = e->u.kv.key;
                ck_expr(k, &v, e->u.kv.value);
                if (k->failed)
                    break;
                if (key->kind != AST_IDENT) {
                    buf b;
                    buf_init(&b);
                    ck_expr_str(&b, key);
                    ck_errorf(k, e, "invalid field name %s in struct "
                                    "literal",
                              b.p);
                    buf_fini(&b);
                    break;
                }
                nm = ck_name(k, key->u.ident.name);
                for (fi = 0; fi < us.nfields && us.fields[fi].name != nm; fi++)
                    ;
                /* a blank field has no name a literal can give */
                if (fi == us.nfields || !strcmp(key->u.ident.name, "_")) {
                    ck_errorf(k, key, "unknown field %s in struct literal of "
                                      "type %s",
                              key->u.ident.name, ck_tstr(k, base));
                    break;
                }
                ck_assignment(k, &v, us.fields[fi].type, "struct literal");
                if (visited[fi]) {
                    ck_errorf(k, e, "duplicate field name %s in struct "
                                    "literal",
                              key->u.ident.name);
                    break;
                }
                visited[fi] = true;
            }
            free(visited);
        } else {
            for (size_t i = 0; i < elts.n && !k->failed; i++) {
                ast_node *e = elts.v[i];
                operand v;
                if (e->kind == AST_KEY_VALUE) {
                    ck_errorf(k, e, "mixture of field:value and value "
                                    "elements in struct literal");
                    break;
                }
                ck_expr(k, &v, e);
                if (k->failed)
                    break;
                if (i >= us.nfields) {
                    ck_errorf(k, e, "too many values in struct literal of "
                                    "type %s",
                              ck_tstr(k, base));
                    break;
                }
                ck_assignment(k, &v, us.fields[i].type, "struct literal");
            }
            if (!k->failed && elts.n < us.nfields) {
                ast_node at;
                memset(&at, 0, sizeof at);
                at.kind = AST_EMPTY_STMT;
                at.file = n->file;
                at.line = n->u.composite.rbrace_line;
                at.col = n->u.composite.rbrace_col;
                ck_errorf(k, &at, "too few values in struct literal of type "
                                  "%s",
                          ck_tstr(k, base));
            }
        }
        break;
    }
    case K_ARRAY: {
        int64_t len;
        uint32_t et = u->elem;
        indexed_elts(k, n->u.composite.elts, et, u->len, &len);
        break;
    }
    case K_SLICE: {
        int64_t len;
        indexed_elts(k, n->u.composite.elts, u->elem, -1, &len);
        break;
    }
    case K_MAP: {
        uint32_t kt = u->key, vt = u->elem;
        bool key_iface = ck_is_interface(k, kt);
        VEC(operand) seen = {0};
        for (size_t i = 0; i < n->u.composite.elts.n && !k->failed; i++) {
            ast_node *e = n->u.composite.elts.v[i];
            operand kx, vx;
            if (e->kind != AST_KEY_VALUE) {
                ck_errorf(k, e, "missing key in map literal");
                break;
            }
            ck_expr_hint(k, &kx, e->u.kv.key, kt);
            ck_assignment(k, &kx, kt, "map literal");
            if (kx.mode == CK_CONST) {
                for (size_t j = 0; j < seen.len; j++)
                    if ((!key_iface || seen.p[j].type == kx.type) &&
                        seen.p[j].val.k == kx.val.k &&
                        const_compare(seen.p[j].val, TK_EQL, kx.val)) {
                        buf b;
                        buf_init(&b);
                        const_format(&b, kx.val);
                        ck_errorf(k, e->u.kv.key, "duplicate key %s in map "
                                                  "literal",
                                  b.p);
                        buf_fini(&b);
                        break;
                    }
                VEC_PUSH(seen, kx);
            }
            if (k->failed)
                break;
            ck_expr_hint(k, &vx, e->u.kv.value, vt);
            ck_assignment(k, &vx, vt, "map literal");
        }
        VEC_FREE(seen);
        break;
    }
    default:
        if (u->id)
            ck_errorf(k, n, "invalid composite literal%s type %s",
                      tn ? "" : " element", ck_tstr(k, t));
        return;
    }
    if (k->failed)
        return;
    x->mode = CK_VALUE;
    x->type = t;
}
