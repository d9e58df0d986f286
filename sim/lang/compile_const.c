/* compile_const.c: constant expressions (Go spec, "Constants" and
 * "Constant expressions"): literals, iota, named constants evaluated on
 * first use (a cycle is an error), operators folded on 128-bit integers
 * and doubles, conversions, len of constant strings; and a constant's
 * value as a run-time value of a type, with Go's overflow errors. */
#include <math.h>
#include <stdio.h>
#include <string.h>

#include "sim/lang/compile_int.h"

/* ---- constants ------------------------------------------------------------- */

static bool const_sym(fstate *fs, res_sym *s, cval *out, uint32_t *type,
                      const ast_node *at)
{
    compiler *C = fs->C;
    if (s->state == 2) {
        *out = *(cval *)s->cdata;
        *type = s->type;
        return true;
    }
    if (s->state == 1) {
        cerr(C, at, "initialization cycle: %s refers to itself", s->name);
        return false;
    }
    {
        ast_node *spec = s->spec;
        fstate tmp = *fs;
        int saved = C->iota;
        res_pkg *savedp = C->pkg;
        cval v;
        uint32_t t = 0, vt = 0;
        bool ok;
        if ((size_t)s->index >= spec->u.value_spec.values.n) {
            cerr(C, s->ident, "missing init expr for const declaration");
            return false;
        }
        tmp.pkg = s->pkg;
        C->pkg = s->pkg;
        s->state = 1;
        C->iota = spec->u.value_spec.iota;
        if (spec->u.value_spec.type)
            t = ctype_of(&tmp, spec->u.value_spec.type);
        ok = cconst(&tmp, spec->u.value_spec.values.v[s->index], &v, &vt);
        C->iota = saved;
        C->pkg = savedp;
        if (!ok) {
            if (!C->failed)
                cerr(C, spec->u.value_spec.values.v[s->index],
                     "%s is not constant", s->name);
            s->state = 0;
            return false;
        }
        if (t) {
            vm_value chk = cval_value(&tmp, &v, t, s->ident);
            (void)chk;
            vt = t;
        }
        s->cdata = arena_alloc(&C->prog->mem, sizeof(cval));
        *(cval *)s->cdata = v;
        s->type = vt;
        s->state = 2;
        *out = v;
        *type = vt;
        return true;
    }
}

/* The type of a binary constant operation on types a and b. */
static uint32_t const_result_type(uint32_t a, uint32_t b)
{
    if (!cuntyped(a) && a != T_BOOL && a != T_STRING)
        return a;
    if (!cuntyped(b) && b != T_BOOL && b != T_STRING)
        return b;
    if (!cuntyped(a))
        return a;
    if (!cuntyped(b))
        return b;
    if (a == T_UFLT_K || b == T_UFLT_K)
        return T_UFLT_K;
    if (a == T_URUNE_K || b == T_URUNE_K)
        return T_URUNE_K;
    return a ? a : b;
}

static double cv_float(const cval *c)
{
    return c->k == CV_FLOAT ? c->f : (double)c->i;
}

/* Is the integer i representable in kind k? */
static bool int_fits(vm_kind k, __int128 i)
{
    int b = kind_bits(k);
    if (kind_is_signed(k))
        return i >= -((__int128)1 << (b - 1)) && i < ((__int128)1 << (b - 1));
    return i >= 0 && i < ((__int128)1 << b);
}

bool cfold_binary(fstate *fs, ast_node *n, lex_kind opk, cval x,
                        uint32_t xt, cval y, uint32_t yt, cval *out,
                        uint32_t *type)
{
    compiler *C = fs->C;
    cval r;
    memset(&r, 0, sizeof r);
    if (opk == TK_LAND || opk == TK_LOR) {
        if (x.k != CV_BOOL || y.k != CV_BOOL)
            return false;
        r.k = CV_BOOL;
        r.b = opk == TK_LAND ? (x.b && y.b) : (x.b || y.b);
        *out = r;
        *type = T_BOOL;
        return true;
    }
    if (opk == TK_SHL || opk == TK_SHR) {
        __int128 s;
        if (y.k == CV_FLOAT && y.f == floor(y.f))
            y.i = (__int128)y.f, y.k = CV_INT;
        if (x.k == CV_FLOAT && x.f == floor(x.f) && fabs(x.f) < 1e30)
            x.i = (__int128)x.f, x.k = CV_INT;
        if (x.k != CV_INT || y.k != CV_INT)
            return false;
        s = y.i;
        if (s < 0) {
            cerr(C, n, "invalid shift count %lld", (long long)s);
            return false;
        }
        r.k = CV_INT;
        if (opk == TK_SHL) {
            if (s >= 126) {
                cerr(C, n, "constant shift overflow");
                return false;
            }
            r.i = x.i * ((__int128)1 << s);
        } else {
            r.i = s >= 127 ? (x.i < 0 ? -1 : 0) : x.i >> s;
        }
        *type = xt ? xt : T_UINT_K;
        if (!cuntyped(*type) && !int_fits(VM_KIND(type_under(C->prog, *type)),
                                         r.i)) {
            cerr(C, n, "constant overflows %s",
                 prog_type(C->prog, *type)->name);
            return false;
        }
        *out = r;
        return true;
    }
    if (opk == TK_EQL || opk == TK_NEQ || opk == TK_LSS || opk == TK_LEQ ||
        opk == TK_GTR || opk == TK_GEQ) {
        int c;
        if (x.k == CV_STRING && y.k == CV_STRING) {
            size_t m = x.n < y.n ? x.n : y.n;
            c = memcmp(x.s, y.s, m);
            if (!c)
                c = x.n < y.n ? -1 : x.n > y.n;
        } else if (x.k == CV_BOOL && y.k == CV_BOOL) {
            c = x.b - y.b;
        } else if ((x.k == CV_INT || x.k == CV_FLOAT) &&
                   (y.k == CV_INT || y.k == CV_FLOAT)) {
            if (x.k == CV_INT && y.k == CV_INT)
                c = x.i < y.i ? -1 : x.i > y.i;
            else
                c = cv_float(&x) < cv_float(&y)   ? -1
                    : cv_float(&x) > cv_float(&y) ? 1
                                                  : 0;
        } else {
            return false;
        }
        r.k = CV_BOOL;
        switch (opk) {
        case TK_EQL:
            r.b = c == 0;
            break;
        case TK_NEQ:
            r.b = c != 0;
            break;
        case TK_LSS:
            r.b = c < 0;
            break;
        case TK_LEQ:
            r.b = c <= 0;
            break;
        case TK_GTR:
            r.b = c > 0;
            break;
        default:
            r.b = c >= 0;
            break;
        }
        *out = r;
        *type = T_BOOL;
        return true;
    }
    *type = const_result_type(xt, yt);
    if (x.k == CV_STRING && y.k == CV_STRING && opk == TK_ADD) {
        char *s = arena_alloc(&C->prog->mem, x.n + y.n + 1);
        memcpy(s, x.s, x.n);
        memcpy(s + x.n, y.s, y.n);
        r.k = CV_STRING;
        r.s = s;
        r.n = x.n + y.n;
        *out = r;
        return true;
    }
    if (!(x.k == CV_INT || x.k == CV_FLOAT) ||
        !(y.k == CV_INT || y.k == CV_FLOAT))
        return false;
    {
        vm_kind k = VM_KIND(type_under(C->prog, *type));
        bool isfloat = k == K_UNTYPED_FLOAT || kind_is_float(k) ||
                       (cuntyped(*type) && (x.k == CV_FLOAT || y.k == CV_FLOAT));
        if (isfloat && k != K_UNTYPED_INT && k != K_UNTYPED_RUNE &&
            !kind_is_int(k)) {
            double a = cv_float(&x), b = cv_float(&y);
            r.k = CV_FLOAT;
            switch (opk) {
            case TK_ADD:
                r.f = a + b;
                break;
            case TK_SUB:
                r.f = a - b;
                break;
            case TK_MUL:
                r.f = a * b;
                break;
            case TK_QUO:
                if (b == 0) {
                    cerr(C, n, "invalid operation: division by zero");
                    return false;
                }
                r.f = a / b;
                break;
            default:
                return false;
            }
            *out = r;
            return true;
        }
        if (x.k == CV_FLOAT || y.k == CV_FLOAT) {
            if (x.k == CV_FLOAT && x.f != floor(x.f))
                return false;
            if (y.k == CV_FLOAT && y.f != floor(y.f))
                return false;
            if (x.k == CV_FLOAT)
                x.i = (__int128)x.f;
            if (y.k == CV_FLOAT)
                y.i = (__int128)y.f;
        }
        r.k = CV_INT;
        switch (opk) {
        case TK_ADD:
            r.i = x.i + y.i;
            break;
        case TK_SUB:
            r.i = x.i - y.i;
            break;
        case TK_MUL:
            r.i = x.i * y.i;
            break;
        case TK_QUO:
        case TK_REM:
            if (y.i == 0) {
                cerr(C, n, "invalid operation: division by zero");
                return false;
            }
            r.i = opk == TK_QUO ? x.i / y.i : x.i % y.i;
            break;
        case TK_AND:
            r.i = x.i & y.i;
            break;
        case TK_OR:
            r.i = x.i | y.i;
            break;
        case TK_XOR:
            r.i = x.i ^ y.i;
            break;
        case TK_AND_NOT:
            r.i = x.i & ~y.i;
            break;
        default:
            return false;
        }
        if (!cuntyped(*type) && kind_is_int(k) && !int_fits(k, r.i)) {
            cerr(C, n, "constant overflows %s",
                 prog_type(C->prog, *type)->name);
            return false;
        }
        *out = r;
        return true;
    }
}

/* A constant conversion T(c). */
static bool const_convert(fstate *fs, ast_node *n, uint32_t t, cval c,
                          uint32_t ct, cval *out, uint32_t *type)
{
    vm_kind k = VM_KIND(type_under(fs->C->prog, t));
    (void)ct;
    *type = t;
    *out = c;
    if (kind_is_int(k)) {
        if (c.k == CV_FLOAT) {
            if (c.f != floor(c.f)) {
                cerr(fs->C, n, "constant %g truncated to integer", c.f);
                return false;
            }
            out->k = CV_INT;
            out->i = (__int128)c.f;
        } else if (c.k != CV_INT) {
            return false;
        }
        if (!int_fits(k, out->i)) {
            cerr(fs->C, n, "cannot convert constant to type %s (overflows)",
                 prog_type(fs->C->prog, t)->name);
            return false;
        }
        return true;
    }
    if (kind_is_float(k)) {
        if (c.k == CV_INT) {
            out->k = CV_FLOAT;
            out->f = (double)c.i;
        } else if (c.k != CV_FLOAT) {
            return false;
        }
        if (k == K_FLOAT32)
            out->f = (double)(float)out->f;
        return true;
    }
    if (k == K_STRING) {
        if (c.k == CV_STRING)
            return true;
        if (c.k == CV_INT) { /* string(rune) */
            char tmp[8];
            uint32_t r = c.i < 0 || c.i > 0x10ffff ||
                                 (c.i >= 0xd800 && c.i < 0xe000)
                             ? 0xfffd
                             : (uint32_t)c.i;
            size_t len;
            if (r < 0x80) {
                tmp[0] = (char)r;
                len = 1;
            } else if (r < 0x800) {
                tmp[0] = (char)(0xc0 | (r >> 6));
                tmp[1] = (char)(0x80 | (r & 0x3f));
                len = 2;
            } else if (r < 0x10000) {
                tmp[0] = (char)(0xe0 | (r >> 12));
                tmp[1] = (char)(0x80 | ((r >> 6) & 0x3f));
                tmp[2] = (char)(0x80 | (r & 0x3f));
                len = 3;
            } else {
                tmp[0] = (char)(0xf0 | (r >> 18));
                tmp[1] = (char)(0x80 | ((r >> 12) & 0x3f));
                tmp[2] = (char)(0x80 | ((r >> 6) & 0x3f));
                tmp[3] = (char)(0x80 | (r & 0x3f));
                len = 4;
            }
            out->k = CV_STRING;
            out->s = cstrdup(fs->C, tmp, len);
            out->n = len;
            return true;
        }
        return false;
    }
    if (k == K_BOOL)
        return c.k == CV_BOOL;
    return false;
}

bool cconst(fstate *fs, ast_node *n, cval *out, uint32_t *type)
{
    res_sym *s;
    memset(out, 0, sizeof *out);
    *type = 0;
    if (!n || fs->C->failed)
        return false;
    switch (n->kind) {
    case AST_INT_LIT:
        if (n->u.int_lit.overflow) {
            cerr(fs->C, n, "unsupported: integer constant %s does not fit in "
                           "64 bits",
                 n->u.int_lit.text);
            return false;
        }
        out->k = CV_INT;
        out->i = (__int128)n->u.int_lit.value;
        *type = T_UINT_K;
        return true;
    case AST_FLOAT_LIT:
        out->k = CV_FLOAT;
        out->f = n->u.float_lit.value;
        *type = T_UFLT_K;
        return true;
    case AST_RUNE_LIT:
        out->k = CV_INT;
        out->i = n->u.rune_lit.value;
        *type = T_URUNE_K;
        return true;
    case AST_STRING_LIT:
        out->k = CV_STRING;
        out->s = cstrdup(fs->C, (const char *)n->u.string_lit.bytes,
                         n->u.string_lit.len);
        out->n = n->u.string_lit.len;
        *type = T_STRING;
        return true;
    case AST_PAREN:
        return cconst(fs, n->u.paren.x, out, type);
    case AST_IDENT:
    case AST_SELECTOR:
        s = csym(fs, n->kind == AST_IDENT ? n : n->u.selector.sel);
        if (!s)
            return false;
        if (n->kind == AST_SELECTOR) {
            res_sym *p = n->u.selector.x->kind == AST_IDENT
                             ? csym(fs, n->u.selector.x)
                             : NULL;
            if (!p || p->kind != RS_PKG)
                return false;
        }
        switch (s->kind) {
        case RS_CONST:
            return const_sym(fs, s, out, type, n);
        case RS_TRUE:
        case RS_FALSE:
            out->k = CV_BOOL;
            out->b = s->kind == RS_TRUE;
            *type = T_BOOL;
            return true;
        case RS_IOTA:
            out->k = CV_INT;
            out->i = fs->C->iota;
            *type = T_UINT_K;
            return true;
        default:
            return false;
        }
    case AST_UNARY: {
        cval x;
        uint32_t xt;
        if (n->u.unary.op == TK_AND || n->u.unary.op == TK_ARROW)
            return false;
        if (!cconst(fs, n->u.unary.x, &x, &xt))
            return false;
        *out = x;
        *type = xt;
        switch (n->u.unary.op) {
        case TK_ADD:
            return x.k == CV_INT || x.k == CV_FLOAT;
        case TK_SUB:
            if (x.k == CV_INT)
                out->i = -x.i;
            else if (x.k == CV_FLOAT)
                out->f = -x.f;
            else
                return false;
            if (x.k == CV_INT && !cuntyped(xt) &&
                !int_fits(VM_KIND(type_under(fs->C->prog, xt)), out->i)) {
                cerr(fs->C, n, "constant overflows %s",
                     prog_type(fs->C->prog, xt)->name);
                return false;
            }
            return true;
        case TK_NOT:
            if (x.k != CV_BOOL)
                return false;
            out->b = !x.b;
            return true;
        case TK_XOR:
            if (x.k != CV_INT)
                return false;
            if (!cuntyped(xt) &&
                !kind_is_signed(VM_KIND(type_under(fs->C->prog, xt)))) {
                int b = kind_bits(VM_KIND(type_under(fs->C->prog, xt)));
                out->i = (~x.i) & (((__int128)1 << b) - 1);
            } else {
                out->i = ~x.i;
            }
            return true;
        default:
            return false;
        }
    }
    case AST_BINARY: {
        cval x, y;
        uint32_t xt, yt;
        if (!cconst(fs, n->u.binary.x, &x, &xt) ||
            !cconst(fs, n->u.binary.y, &y, &yt))
            return false;
        return cfold_binary(fs, n, n->u.binary.op, x, xt, y, yt, out, type);
    }
    case AST_CALL: {
        uint32_t t;
        cval x;
        uint32_t xt;
        if (n->u.call.args.n != 1 || n->u.call.spread)
            return false;
        if (n->u.call.fn->kind == AST_IDENT) {
            s = csym(fs, n->u.call.fn);
            if (s && s->kind == RS_BUILTIN && s->builtin == RB_LEN &&
                cconst(fs, n->u.call.args.v[0], &x, &xt) &&
                x.k == CV_STRING) {
                out->k = CV_INT;
                out->i = (__int128)x.n;
                *type = T_INT;
                return true;
            }
        }
        t = ctype_try(fs, n->u.call.fn);
        if (!t || fs->C->failed)
            return false;
        if (!cconst(fs, n->u.call.args.v[0], &x, &xt))
            return false;
        return const_convert(fs, n, t, x, xt, out, type);
    }
    default:
        return false;
    }
}

/* The value of constant cv as type t (0: its default type; WANT_SOFT:
 * untyped if it is). */
vm_value cval_value(fstate *fs, const cval *cv, uint32_t t, ast_node *at)
{
    compiler *C = fs->C;
    vm_kind k;
    if (t == WANT_SOFT)
        t = 0;
    k = VM_KIND(type_under(C->prog, t));
    if (cv->k == CV_NIL)
        return kind_is_nilable(k) && k != K_IFACE ? vm_ref(t, NULL) : vm_nil();
    if (!t || k == K_IFACE) {
        switch (cv->k) {
        case CV_BOOL:
            return vm_bool(cv->b);
        case CV_STRING:
            return vm_str(cv->s, (uint32_t)cv->n);
        case CV_FLOAT:
            return vm_float(T_FLOAT64, cv->f);
        default:
            if (!int_fits(K_INT64, cv->i)) {
                cerr(C, at, "cannot use constant as int value (overflows)");
                return vm_nil();
            }
            return vm_int(T_INT, (int64_t)cv->i);
        }
    }
    if (kind_is_untyped(k)) {
        if (cv->k == CV_FLOAT)
            return vm_float(T_UFLT_K, cv->f);
        if (cv->k == CV_INT) {
            if (!int_fits(K_UINT64, cv->i) && !int_fits(K_INT64, cv->i)) {
                cerr(C, at, "constant overflows");
                return vm_nil();
            }
            return vm_int(t, (int64_t)(uint64_t)cv->i);
        }
        return cval_value(fs, cv, 0, at);
    }
    if (kind_is_int(k)) {
        __int128 i;
        if (cv->k == CV_FLOAT) {
            if (cv->f != floor(cv->f)) {
                cerr(C, at, "constant %g truncated to integer", cv->f);
                return vm_nil();
            }
            i = (__int128)cv->f;
        } else if (cv->k == CV_INT) {
            i = cv->i;
        } else {
            cerr(C, at, "cannot use this constant as %s value",
                 prog_type(C->prog, t)->name);
            return vm_nil();
        }
        if (!int_fits(k, i)) {
            cerr(C, at, "cannot use constant %lld as %s value (overflows)",
                 (long long)i, prog_type(C->prog, t)->name);
            return vm_nil();
        }
        return vm_int(t, int_wrap(k, (uint64_t)(int64_t)i));
    }
    if (kind_is_float(k)) {
        double f;
        if (cv->k == CV_INT)
            f = (double)cv->i;
        else if (cv->k == CV_FLOAT)
            f = cv->f;
        else {
            cerr(C, at, "cannot use this constant as %s value",
                 prog_type(C->prog, t)->name);
            return vm_nil();
        }
        if (k == K_FLOAT32)
            f = (double)(float)f;
        return vm_float(t, f);
    }
    if (k == K_STRING && cv->k == CV_STRING) {
        vm_value v = vm_str(cv->s, (uint32_t)cv->n);
        v.t = t;
        return v;
    }
    if (k == K_BOOL && cv->k == CV_BOOL)
        return vm_int(t, cv->b);
    /* a mismatch Go would reject: keep the constant's own type */
    return cval_value(fs, cv, 0, at);
}

