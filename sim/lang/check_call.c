/* check_call.c: calls, conversions and builtins (check_int.h), after
 * types2's call.go, conversions.go and builtins.go: argument lists with
 * multi-valued calls spread, variadic parameters, Go's messages for
 * argument counts ("have (number, string)" / "want (int)"), constant
 * conversions, and each predeclared function's rules (constant len and
 * cap, make, append, min and max, ...). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "sim/lang/check_int.h"
#include "sim/lang/lib.h"

#define INVALID_OP "invalid operation: "
#define INVALID_ARG "invalid argument: "

/* ---- conversions ------------------------------------------------------ */

/* T(c) for a type parameter T: c representable in every type of T's
 * type set that holds constants (types2's conversion of a constant to
 * a type parameter); false with Go's error if not. */
static bool const_fits_tparam(checker *k, operand *x, uint32_t t)
{
    const vm_type *b =
        prog_type(k->prog, ck_under(k, prog_type(k->prog, t)->elem));
    if (!b->has_terms)
        return true;
    for (uint32_t i = 0; i < b->nterms; i++) {
        uint32_t term = b->terms[i];
        operand y = *x;
        if (!ck_is_const_type(k, term) || ck_representable(k, &y, term, false))
            continue;
        {
            operand v = *x;
            char *cs;
            v.mode = CK_VALUE;
            cs = arena_strdup(&k->mem, ck_op_str(k, &v));
            ck_errorf(k, x->expr, "cannot convert %s to type %s:\n\tcannot "
                                  "convert %s to %s (in %s)",
                      cs, ck_tstr(k, t), ck_op_str(k, x), ck_tstr(k, term),
                      ck_tstr(k, t));
        }
        ck_invalidate(x);
        return false;
    }
    return true;
}

void ck_conversion(checker *k, operand *x, uint32_t t)
{
    bool const_arg = x->mode == CK_CONST;
    bool ok = false;
    bool was_nil = x->isnil;
    x->isnil = false; /* T(nil) is a value of T, not nil */
    if (!t)
        return;
    if (!x->type) { /* dynamic */
        x->mode = CK_VALUE;
        x->type = t;
        return;
    }
    if (const_arg && ck_is_const_type(k, t)) {
        const_val r;
        operand tmp = *x;
        if (ck_representable(k, &tmp, t, false)) {
            ok = true;
            x->val = tmp.val;
            if (ck_is_float(k, t)) { /* rounded to the target's precision */
                bool exact;
                double f = ck_bits(k, t) == 32
                               ? const_float32_val(const_to_float(&k->mem,
                                                                  x->val),
                                                   &exact)
                               : const_float64_val(const_to_float(&k->mem,
                                                                  x->val),
                                                   &exact);
                if (!exact)
                    x->val = const_float64(&k->mem, f);
            }
        } else if (ck_is_integer(k, x->type) && ck_is_string(k, t)) {
            /* string(rune constant) */
            uint64_t cp = 0xfffd;
            char tmpb[8];
            size_t len;
            uint64_t v;
            if (const_uint64_val(x->val, &v) && v <= 0x10ffff &&
                !(v >= 0xd800 && v < 0xe000))
                cp = v;
            if (cp < 0x80) {
                tmpb[0] = (char)cp;
                len = 1;
            } else if (cp < 0x800) {
                tmpb[0] = (char)(0xc0 | (cp >> 6));
                tmpb[1] = (char)(0x80 | (cp & 0x3f));
                len = 2;
            } else if (cp < 0x10000) {
                tmpb[0] = (char)(0xe0 | (cp >> 12));
                tmpb[1] = (char)(0x80 | ((cp >> 6) & 0x3f));
                tmpb[2] = (char)(0x80 | (cp & 0x3f));
                len = 3;
            } else {
                tmpb[0] = (char)(0xf0 | (cp >> 18));
                tmpb[1] = (char)(0x80 | ((cp >> 12) & 0x3f));
                tmpb[2] = (char)(0x80 | ((cp >> 6) & 0x3f));
                tmpb[3] = (char)(0x80 | (cp & 0x3f));
                len = 4;
            }
            x->val = const_string(&k->mem, tmpb, len);
            ok = true;
        }
        (void)r;
        if (!ok && ck_is_integer(k, x->type) && ck_is_integer(k, t)) {
            buf b;
            buf_init(&b);
            const_format(&b, x->val);
            ck_errorf(k, x->expr, "constant %s overflows %s", b.p,
                      ck_tstr(k, t));
            buf_fini(&b);
            ck_invalidate(x);
            return;
        }
    } else if (const_arg && ck_is_tparam(t) && ck_is_untyped(x->type) &&
               !const_fits_tparam(k, x, t)) {
        return;
    } else if (ck_convertible(k, x, t)) {
        ok = true;
        x->mode = CK_VALUE;
    }
    if (!ok) {
        if (const_arg && ck_is_numeric(k, x->type) && ck_is_numeric(k, t) &&
            !ck_is_integer(k, x->type) && ck_is_integer(k, t))
            ck_errorf(k, x->expr, "cannot convert %s to type %s (truncated)",
                      ck_op_str(k, x), ck_tstr(k, t));
        else
            ck_errorf(k, x->expr, "cannot convert %s to type %s",
                      ck_op_str(k, x), ck_tstr(k, t));
        ck_invalidate(x);
        return;
    }
    (void)was_nil;
    if (ck_is_untyped(x->type)) {
        uint32_t final = t;
        if (x->type == T_UNIL) {
            final = T_UNIL;
        } else if (ck_is_interface(k, t) ||
                   (const_arg && !ck_is_const_type(k, t))) {
            final = ck_default(x->type);
        } else if (x->mode == CK_CONST && ck_is_integer(k, x->type) &&
                   ck_is_string(k, t)) {
            final = x->type;
        }
        ck_update_expr_type(k, x->expr, final, true);
    }
    x->type = t;
    x->isnil = false; /* T(nil) is a value of type T (types2: mode value) */
}

/* ---- arguments ---------------------------------------------------------- */

typedef VEC(operand) opvec;

/* The call's arguments as operands, a single multi-valued call spread
 * into its results. */
static void arg_list(checker *k, ast_list args, opvec *out)
{
    if (args.n == 1) {
        operand x;
        ck_multi_expr(k, &x, args.v[0]);
        if (x.mode != CK_INVALID && x.type && VM_KIND(x.type) == K_TUPLE) {
            const vm_type *t = prog_type(k->prog, x.type);
            for (uint32_t i = 0; i < t->nresults; i++) {
                operand r = x;
                r.mode = CK_VALUE;
                r.type = t->params[i];
                VEC_PUSH(*out, r);
            }
            return;
        }
        VEC_PUSH(*out, x);
        return;
    }
    for (size_t i = 0; i < args.n; i++) {
        operand x;
        ck_expr(k, &x, args.v[i]);
        VEC_PUSH(*out, x);
    }
}

/* "(number, string)" as types2's typesSummary writes it. */
static void types_summary(checker *k, buf *b, const uint32_t *ts, size_t n,
                          bool variadic)
{
    buf_putc(b, '(');
    for (size_t i = 0; i < n; i++) {
        uint32_t t = ts[i];
        if (i)
            buf_puts(b, ", ");
        if (!t)
            buf_puts(b, "unknown type");
        else if (ck_is_untyped(t))
            buf_puts(b, ck_is_numeric(k, t) ? "number"
                        : t == T_UBOOL      ? "bool"
                        : t == T_USTR       ? "string"
                                            : "nil");
        else if (variadic && i == n - 1) {
            buf_puts(b, "...");
            ck_type_str(k, b, prog_type(k->prog, t)->elem);
        } else
            ck_type_str(k, b, t);
    }
    buf_putc(b, ')');
}

static void check_arguments(checker *k, ast_node *call, uint32_t sigt,
                            opvec *args)
{
    const vm_type *sig = prog_type(k->prog, sigt);
    size_t nargs = args->len, npars = sig->nparams;
    bool ddd = call->u.call.spread;
    bool adjusted = false;
    const char *fname = ck_estr(k, call->u.call.fn);
    char ctx[400];
    for (size_t i = 0; i < nargs; i++)
        if (args->p[i].mode == CK_INVALID)
            return;
    if (sig->variadic) {
        if (ddd) {
            if (call->u.call.args.n == 1 && nargs > 1) {
                ck_errorf(k, call, "cannot use ... with %zu-valued %s", nargs,
                          ck_estr(k, call->u.call.args.v[0]));
                return;
            }
        } else if (nargs + 1 >= npars) {
            adjusted = true;
        } else {
            npars--;
        }
    } else if (ddd) {
        ck_errorf(k, call, "cannot use ... in call to non-variadic %s",
                  fname);
        return;
    }
    if (!adjusted && nargs != npars) {
        ast_node *at = call;
        const char *q = "not enough";
        uint32_t *have = wf_xmalloc((nargs + 1) * sizeof *have);
        buf h, w;
        if (nargs > npars) {
            at = args->p[npars].expr;
            q = "too many";
        } else if (nargs > 0) {
            at = args->p[nargs - 1].expr;
        }
        for (size_t i = 0; i < nargs; i++)
            have[i] = args->p[i].type;
        buf_init(&h);
        buf_init(&w);
        types_summary(k, &h, have, nargs, false);
        types_summary(k, &w, sig->params, sig->nparams, sig->variadic);
        ck_errorf(k, at, "%s arguments in call to %s\n\thave %s\n\twant %s", q,
                  fname, h.p, w.p);
        buf_fini(&h);
        buf_fini(&w);
        free(have);
        return;
    }
    snprintf(ctx, sizeof ctx, "argument to %s", fname);
    for (size_t i = 0; i < nargs && !k->failed; i++) {
        uint32_t pt;
        if (sig->variadic && !ddd && i + 1 >= sig->nparams) {
            uint32_t st = sig->params[sig->nparams - 1];
            pt = st ? prog_type(k->prog, st)->elem : 0;
        } else {
            pt = sig->params[i < sig->nparams ? i : sig->nparams - 1];
        }
        ck_assignment(k, &args->p[i], pt, ctx);
    }
}

/* ---- builtins ------------------------------------------------------------- */

static bool has_call_or_recv(checker *k, const ast_node *n, int depth);

bool ck_has_call_or_recv(checker *k, const ast_node *n)
{
    return has_call_or_recv(k, n, 0);
}

static bool has_call_or_recv(checker *k, const ast_node *n, int depth)
{
    if (!n || depth > 200)
        return false;
    switch (n->kind) {
    case AST_CALL: {
        ck_mode m = check_mode_of(k, n->u.call.fn);
        if (m == CK_TYPE)
            return has_call_or_recv(k, n->u.call.args.n ? n->u.call.args.v[0]
                                                        : NULL,
                                    depth + 1);
        if (m == CK_BUILTIN) {
            /* builtins with constant results (len of a constant) */
            const ck_info *in = ck_info_get(k, n);
            if (in && in->has_val)
                return false;
        }
        return true;
    }
    case AST_UNARY:
        if (n->u.unary.op == TK_ARROW)
            return true;
        return has_call_or_recv(k, n->u.unary.x, depth + 1);
    case AST_PAREN:
        return has_call_or_recv(k, n->u.paren.x, depth + 1);
    case AST_BINARY:
        return has_call_or_recv(k, n->u.binary.x, depth + 1) ||
               has_call_or_recv(k, n->u.binary.y, depth + 1);
    case AST_SELECTOR:
        return has_call_or_recv(k, n->u.selector.x, depth + 1);
    case AST_INDEX:
        return has_call_or_recv(k, n->u.index.x, depth + 1) ||
               has_call_or_recv(k, n->u.index.index, depth + 1);
    case AST_SLICE:
        return has_call_or_recv(k, n->u.slice.x, depth + 1) ||
               has_call_or_recv(k, n->u.slice.lo, depth + 1) ||
               has_call_or_recv(k, n->u.slice.hi, depth + 1) ||
               has_call_or_recv(k, n->u.slice.max, depth + 1);
    case AST_STAR:
        return has_call_or_recv(k, n->u.star.x, depth + 1);
    case AST_TYPE_ASSERT:
        return has_call_or_recv(k, n->u.type_assert.x, depth + 1);
    case AST_COMPOSITE_LIT:
        for (size_t i = 0; i < n->u.composite.elts.n; i++)
            if (has_call_or_recv(k, n->u.composite.elts.v[i], depth + 1))
                return true;
        return false;
    case AST_KEY_VALUE:
        return has_call_or_recv(k, n->u.kv.key, depth + 1) ||
               has_call_or_recv(k, n->u.kv.value, depth + 1);
    default:
        return false;
    }
}

static bool has_cap(checker *k, uint32_t t)
{
    const vm_type *u = prog_type(k->prog, ck_under(k, t));
    if (VM_KIND(u->id) == K_PTR && u->elem &&
        VM_KIND(ck_under(k, u->elem)) == K_ARRAY)
        return true;
    return VM_KIND(u->id) == K_ARRAY || VM_KIND(u->id) == K_SLICE ||
           VM_KIND(u->id) == K_CHAN;
}

static bool has_len(checker *k, uint32_t t)
{
    vm_kind x = VM_KIND(ck_under(k, t));
    return has_cap(k, t) || x == K_MAP || ck_is_string(k, t);
}

/* string or []byte: what append([]byte, x...) takes */
static bool is_bytestring(checker *k, uint32_t t)
{
    const vm_type *u = prog_type(k->prog, ck_under(k, t));
    if (ck_is_string(k, t))
        return true;
    return VM_KIND(u->id) == K_SLICE &&
           VM_KIND(ck_under(k, u->elem)) == K_UINT8;
}

static const char *const bnames[RB__COUNT] = {
    "append", "cap",   "clear",   "close", "copy",    "delete",
    "len",    "make",  "max",     "min",   "new",     "panic",
    "print",  "println", "recover", "assert", "progress",
    "complex", "real", "imag"};

/* An untyped constant argument of complex, real or imag: as untyped
 * float (complex) or untyped complex (real, imag) when it is one. */
static void untyped_part(checker *k, operand *a, uint32_t to)
{
    if (a->mode != CK_CONST || !ck_is_untyped(a->type) ||
        !ck_is_numeric(k, a->type))
        return;
    if (to == T_UFLT_K) {
        const_val f = const_to_float(&k->mem, a->val);
        if (f.k == CONST_FLOAT) {
            a->val = f;
            a->type = T_UFLT_K;
        }
    } else {
        a->val = const_to_complex(&k->mem, a->val);
        a->type = T_UCPLX;
    }
}

/* complex(x, y) (go/types' _Complex). */
static bool builtin_complex(checker *k, operand *x, operand *a, operand *b,
                            ast_node *call)
{
    uint32_t ft;
    untyped_part(k, a, T_UFLT_K);
    untyped_part(k, b, T_UFLT_K);
    if (ck_is_untyped(a->type) && !ck_is_untyped(b->type))
        ck_convert_untyped(k, a, b->type);
    else if (ck_is_untyped(b->type) && !ck_is_untyped(a->type))
        ck_convert_untyped(k, b, a->type);
    if (a->mode == CK_INVALID || b->mode == CK_INVALID || k->failed)
        return false;
    if (a->type && b->type && a->type != b->type) {
        ck_errorf(k, call, INVALID_OP "%s (mismatched types %s and %s)",
                  ck_estr(k, call), ck_tstr(k, a->type), ck_tstr(k, b->type));
        return false;
    }
    ft = a->type ? a->type : b->type;
    if (ft && !ck_is_float(k, ft)) {
        ck_errorf(k, a->expr, INVALID_ARG "arguments have type %s, expected "
                                          "floating-point",
                  ck_tstr(k, ft));
        return false;
    }
    if (a->mode == CK_CONST && b->mode == CK_CONST) {
        x->mode = CK_CONST;
        x->val = const_make_complex(&k->mem, const_to_float(&k->mem, a->val),
                                    const_to_float(&k->mem, b->val));
    } else {
        x->mode = CK_VALUE;
    }
    if (!ft || ft == T_UFLT_K)
        x->type = ft ? T_UCPLX : 0;
    else
        x->type = ck_under(k, ft) == T_FLOAT32 ? T_COMPLEX64 : T_COMPLEX128;
    if (x->mode == CK_VALUE && ft == T_UFLT_K) {
        /* complex(1, f()) of untyped and dynamic: complex128 */
        x->type = T_COMPLEX128;
    }
    return true;
}

/* real(x), imag(x) (go/types' _Real, _Imag). */
static bool builtin_part(checker *k, operand *x, operand *a, int id)
{
    uint32_t t;
    untyped_part(k, a, T_UCPLX);
    t = a->type;
    if (t && !ck_is_complex(k, t)) {
        ck_errorf(k, a->expr, INVALID_ARG "%s must be of complex type",
                  ck_op_str(k, a));
        return false;
    }
    if (a->mode == CK_CONST) {
        x->mode = CK_CONST;
        x->val = id == RB_REAL ? const_real(&k->mem, a->val)
                               : const_imag(&k->mem, a->val);
        x->val = const_to_float(&k->mem, x->val);
    } else {
        x->mode = CK_VALUE;
    }
    if (!t)
        x->type = 0;
    else if (t == T_UCPLX)
        x->type = T_UFLT_K;
    else
        x->type = ck_under(k, t) == T_COMPLEX64 ? T_FLOAT32 : T_FLOAT64;
    return true;
}

static bool builtin(checker *k, operand *x, ast_node *call, int id)
{
    ast_list args = call->u.call.args;
    size_t nargs = args.n;
    const char *name = bnames[id];
    opvec ops = {0};
    bool ok = false;
    operand *a0;
    /* the arguments, a multi-valued call spread (make and new take a
     * type first) */
    if (id != RB_MAKE && id != RB_NEW) {
        arg_list(k, args, &ops);
        for (size_t i = 0; i < ops.len; i++)
            if (ops.p[i].mode == CK_INVALID) {
                VEC_FREE(ops);
                return false;
            }
        nargs = ops.len;
    }
    /* argument count */
    {
        size_t minn = 0, maxn = 0;
        bool variadic = false;
        switch (id) {
        case RB_APPEND:
            minn = 1;
            variadic = true;
            break;
        case RB_CAP:
        case RB_CLEAR:
        case RB_CLOSE:
        case RB_LEN:
        case RB_NEW:
        case RB_PANIC:
            minn = maxn = 1;
            break;
        case RB_COPY:
        case RB_DELETE:
        case RB_COMPLEX:
            minn = maxn = 2;
            break;
        case RB_REAL:
        case RB_IMAG:
            minn = maxn = 1;
            break;
        case RB_MAKE:
            minn = 1;
            maxn = 3;
            break;
        case RB_MAX:
        case RB_MIN:
            minn = 1;
            variadic = true;
            break;
        case RB_PRINT:
        case RB_PRINTLN:
        case RB_ASSERT:
            minn = id == RB_ASSERT ? 1 : 0;
            variadic = true;
            break;
        case RB_RECOVER:
        case RB_PROGRESS:
            minn = maxn = 0;
            break;
        default:
            break;
        }
        if (call->u.call.spread && id != RB_APPEND) {
            VEC_FREE(ops);
            ck_errorf(k, call, INVALID_OP "invalid use of ... with built-in "
                                          "%s",
                      name);
            return false;
        }
        if (nargs < minn || (!variadic && nargs > maxn)) {
            const char *msg = nargs < minn ? "not enough" : "too many";
            ast_node *at = nargs < minn || maxn >= args.n ? call
                                                          : args.v[maxn];
            VEC_FREE(ops);
            ck_errorf(k, at,
                      INVALID_OP "%s arguments for %s (expected %zu, found "
                                 "%zu)",
                      msg, ck_estr(k, call), nargs < minn ? minn : maxn, nargs);
            return false;
        }
    }
    /* evaluate the arguments (make and new take a type first) */
    if (id == RB_MAKE || id == RB_NEW) {
        uint32_t t = ck_typexpr(k, args.v[0]);
        if (!t)
            return false;
        if (id == RB_NEW) {
            x->mode = CK_VALUE;
            x->type = type_ptr(k->prog, t);
            return true;
        }
        {
            vm_kind uk = VM_KIND(ck_core(k, t));
            size_t minargs = uk == K_SLICE ? 2 : 1;
            if (uk != K_SLICE && uk != K_MAP && uk != K_CHAN) {
                ck_errorf(k, args.v[0], INVALID_ARG "cannot make %s; type "
                                                    "must be slice, map, or "
                                                    "channel",
                          ck_estr(k, args.v[0]));
                return false;
            }
            if (nargs < minargs || nargs > minargs + 1) {
                ck_errorf(k, call, INVALID_OP "%s expects %zu or %zu "
                                              "arguments; found %zu",
                          ck_estr(k, call), minargs, minargs + 1, nargs);
                return false;
            }
            {
                int64_t sizes[2] = {-1, -1};
                for (size_t i = 1; i < nargs; i++) {
                    operand s;
                    int64_t v = -1;
                    ck_expr(k, &s, args.v[i]);
                    if (s.mode == CK_INVALID)
                        return false;
                    ck_convert_untyped(k, &s, T_INT);
                    if (s.mode == CK_INVALID)
                        return false;
                    if (s.type && !ck_is_integer(k, s.type)) {
                        ck_errorf(k, args.v[i], "cannot convert %s to type "
                                                "int",
                                  ck_op_str(k, &s));
                        return false;
                    }
                    if (s.mode == CK_CONST) {
                        if (const_sign(s.val) < 0) {
                            ck_errorf(k, args.v[i], INVALID_ARG "index %s "
                                                                "must not be "
                                                                "negative",
                                      ck_op_str(k, &s));
                            return false;
                        }
                        if (!const_int64_val(s.val, &v)) {
                            ck_errorf(k, args.v[i], INVALID_ARG "index %s "
                                                                "overflows "
                                                                "int",
                                      ck_op_str(k, &s));
                            return false;
                        }
                    }
                    sizes[i - 1] = v;
                }
                if (sizes[0] >= 0 && sizes[1] >= 0 && sizes[0] > sizes[1]) {
                    ck_errorf(k, args.v[1], INVALID_ARG "length and capacity "
                                                        "swapped");
                    return false;
                }
            }
            x->mode = CK_VALUE;
            x->type = t;
            return true;
        }
    }
    a0 = ops.len ? &ops.p[0] : NULL;
    switch (id) {
    case RB_APPEND: {
        uint32_t s = a0->type;
        const vm_type *u;
        if (a0->isnil) {
            ck_errorf(k, a0->expr, "first argument to append must be a "
                                   "slice; have untyped nil");
            break;
        }
        if (!s) {
            for (size_t i = 1; i < ops.len; i++)
                ck_assignment(k, &ops.p[i], 0, "argument to append");
            x->mode = CK_VALUE;
            x->type = 0;
            ok = true;
            break;
        }
        u = prog_type(k->prog, ck_core(k, s));
        if (VM_KIND(u->id) != K_SLICE) {
            ck_errorf(k, a0->expr, "first argument to append must be a "
                                   "slice; have %s",
                      ck_op_str(k, a0));
            break;
        }
        if (call->u.call.spread) {
            /* append(s, t...) and append([]byte, string...) */
            if (ops.len != 2) {
                ck_errorf(k, call, "can only use ... with final argument in "
                                   "list");
                break;
            }
            if (VM_KIND(ck_under(k, u->elem)) == K_UINT8 &&
                (ck_is_string(k, ops.p[1].type) ||
                 (ck_is_tparam(ops.p[1].type) &&
                  ck_tparam_all(k, ops.p[1].type, is_bytestring)))) {
                ck_convert_untyped(k, &ops.p[1], T_STRING);
            } else {
                /* passed as a []E: another named slice type of the same
                 * elements is assignable to it */
                ck_assignment(k, &ops.p[1], type_slice(k->prog, u->elem),
                              "argument to append");
            }
        } else {
            for (size_t i = 1; i < ops.len && !k->failed; i++)
                ck_assignment(k, &ops.p[i], u->elem, "argument to append");
        }
        if (k->failed)
            break;
        x->mode = CK_VALUE;
        x->type = s;
        ok = true;
        break;
    }
    case RB_CAP:
    case RB_LEN: {
        uint32_t t = a0->type;
        const vm_type *u;
        bool is_const = false;
        int64_t n = -1;
        if (!t || (ck_is_tparam(t) &&
                   ck_tparam_all(k, t, id == RB_LEN ? has_len : has_cap))) {
            x->mode = CK_VALUE;
            x->type = T_INT;
            ok = true;
            break;
        }
        u = prog_type(k->prog, ck_under(k, t));
        if (VM_KIND(u->id) == K_PTR && u->elem &&
            VM_KIND(ck_under(k, u->elem)) == K_ARRAY)
            u = prog_type(k->prog, ck_under(k, u->elem));
        switch (VM_KIND(u->id)) {
        case K_STRING:
            if (id == RB_LEN && ck_is_string(k, t)) {
                if (a0->mode == CK_CONST) {
                    is_const = true;
                    n = (int64_t)a0->val.n;
                }
                ok = true;
            }
            break;
        case K_ARRAY:
            ok = true;
            if (!has_call_or_recv(k, a0->expr, 0)) {
                is_const = true;
                n = u->len;
            }
            break;
        case K_SLICE:
        case K_CHAN:
            ok = true;
            break;
        case K_MAP:
            ok = id == RB_LEN;
            break;
        default:
            break;
        }
        if (!ok) {
            ck_errorf(k, a0->expr, INVALID_ARG "%s for built-in %s",
                      ck_op_str(k, a0), name);
            break;
        }
        if (ck_is_untyped(t))
            ck_convert_untyped(k, a0, T_STRING);
        if (is_const) {
            x->mode = CK_CONST;
            x->val = const_int64(&k->mem, n);
        } else {
            x->mode = CK_VALUE;
        }
        x->type = T_INT;
        break;
    }
    case RB_CLEAR: {
        vm_kind uk = VM_KIND(ck_core(k, a0->type));
        if (a0->type && uk != K_MAP && uk != K_SLICE) {
            ck_errorf(k, a0->expr, INVALID_ARG "cannot clear %s: argument "
                                               "must be (or constrained by) "
                                               "map or slice",
                      ck_op_str(k, a0));
            break;
        }
        x->mode = CK_NOVALUE;
        ok = true;
        break;
    }
    case RB_CLOSE: {
        const vm_type *u = a0->type ? prog_type(k->prog, ck_core(k, a0->type))
                                    : NULL;
        if (u && VM_KIND(u->id) != K_CHAN) {
            ck_errorf(k, a0->expr, INVALID_OP "cannot close non-channel %s",
                      ck_op_str(k, a0));
            break;
        }
        if (u && u->dir == 2) {
            ck_errorf(k, a0->expr, INVALID_OP "cannot close receive-only "
                                              "channel %s",
                      ck_op_str(k, a0));
            break;
        }
        x->mode = CK_NOVALUE;
        ok = true;
        break;
    }
    case RB_COPY: {
        uint32_t dt = a0->type, st = ops.p[1].type;
        const vm_type *du, *su;
        x->mode = CK_VALUE;
        x->type = T_INT;
        if (!dt || !st) {
            ok = true;
            break;
        }
        du = prog_type(k->prog, ck_core(k, dt));
        su = prog_type(k->prog, ck_core(k, ck_default(st)));
        if (VM_KIND(du->id) != K_SLICE) {
            ck_errorf(k, a0->expr, INVALID_ARG "copy expects slice "
                                               "arguments; found %s and %s",
                      ck_op_str(k, a0), ck_op_str(k, &ops.p[1]));
            break;
        }
        if (VM_KIND(su->id) == K_STRING &&
            VM_KIND(ck_under(k, du->elem)) == K_UINT8) {
            ck_convert_untyped(k, &ops.p[1], T_STRING);
            ok = true;
            break;
        }
        if (VM_KIND(su->id) != K_SLICE) {
            ck_errorf(k, a0->expr, INVALID_ARG "copy expects slice "
                                               "arguments; found %s and %s",
                      ck_op_str(k, a0), ck_op_str(k, &ops.p[1]));
            break;
        }
        if (du->elem != su->elem) {
            ck_errorf(k, a0->expr, INVALID_ARG "arguments to copy %s and %s "
                                               "have different element types "
                                               "%s and %s",
                      ck_op_str(k, a0), ck_op_str(k, &ops.p[1]),
                      ck_tstr(k, du->elem), ck_tstr(k, su->elem));
            break;
        }
        ok = true;
        break;
    }
    case RB_DELETE: {
        const vm_type *u;
        if (!a0->type) {
            x->mode = CK_NOVALUE;
            ok = true;
            break;
        }
        u = prog_type(k->prog, ck_core(k, a0->type));
        if (VM_KIND(u->id) != K_MAP) {
            ck_errorf(k, a0->expr, INVALID_ARG "%s is not a map",
                      ck_op_str(k, a0));
            break;
        }
        ck_assignment(k, &ops.p[1], u->key, "argument to delete");
        if (k->failed)
            break;
        x->mode = CK_NOVALUE;
        ok = true;
        break;
    }
    case RB_MAX:
    case RB_MIN: {
        operand *r = a0;
        for (size_t i = 0; i < ops.len && !k->failed; i++) {
            operand *a = &ops.p[i];
            if (a->type && !ck_ordered(k, a->type)) {
                ck_errorf(k, a->expr, INVALID_ARG "%s cannot be ordered",
                          ck_op_str(k, a));
                break;
            }
            if (i == 0)
                continue;
            ck_match_types(k, r, a);
            if (k->failed || r->mode == CK_INVALID)
                break;
            if (r->type && a->type && r->type != a->type) {
                ck_errorf(k, a->expr, INVALID_ARG "mismatched types %s "
                                                  "(previous argument) and %s "
                                                  "(type of %s)",
                          ck_tstr(k, r->type), ck_tstr(k, a->type),
                          ck_estr(k, a->expr));
                break;
            }
            if (r->mode == CK_CONST && a->mode == CK_CONST) {
                const_val p = r->val, q = a->val;
                const_match(&k->mem, &p, &q);
                if (const_compare(q, id == RB_MAX ? TK_GTR : TK_LSS, p)) {
                    r->val = a->val;
                    r->expr = a->expr;
                }
            } else {
                r->mode = CK_VALUE;
            }
        }
        if (k->failed)
            break;
        x->mode = r->mode == CK_CONST ? CK_CONST : CK_VALUE;
        x->type = r->type;
        x->val = r->val;
        if (x->mode != CK_CONST) {
            ck_assignment(k, x, T_ANY, id == RB_MAX ? "argument to built-in "
                                                      "max"
                                                    : "argument to built-in "
                                                      "min");
            for (size_t i = 0; i < ops.len; i++)
                ck_update_expr_type(k, ops.p[i].expr, x->type, true);
        }
        ok = true;
        break;
    }
    case RB_PANIC:
        ck_assignment(k, a0, T_ANY, "argument to panic");
        if (k->failed)
            break;
        x->mode = CK_NOVALUE;
        ok = true;
        break;
    case RB_PRINT:
    case RB_PRINTLN:
        for (size_t i = 0; i < ops.len && !k->failed; i++)
            ck_assignment(k, &ops.p[i], 0,
                          id == RB_PRINT ? "argument to built-in print"
                                         : "argument to built-in println");
        if (k->failed)
            break;
        x->mode = CK_NOVALUE;
        ok = true;
        break;
    case RB_RECOVER:
        x->mode = CK_VALUE;
        x->type = T_ANY;
        ok = true;
        break;
    case RB_ASSERT:
        ck_assignment(k, a0, T_BOOL, "argument to assert");
        for (size_t i = 1; i < ops.len && !k->failed; i++)
            ck_assignment(k, &ops.p[i], 0, "argument to assert");
        if (k->failed)
            break;
        x->mode = CK_NOVALUE;
        ok = true;
        break;
    case RB_PROGRESS:
        x->mode = CK_NOVALUE;
        ok = true;
        break;
    case RB_COMPLEX:
        ok = builtin_complex(k, x, &ops.p[0], &ops.p[1], call);
        if (ok && x->mode == CK_VALUE && x->type) {
            /* the arguments' final types */
            uint32_t ft = x->type == T_COMPLEX64 ? T_FLOAT32 : T_FLOAT64;
            if (ck_is_untyped(ops.p[0].type))
                ck_convert_untyped(k, &ops.p[0], ft);
            if (ck_is_untyped(ops.p[1].type))
                ck_convert_untyped(k, &ops.p[1], ft);
        }
        break;
    case RB_REAL:
    case RB_IMAG:
        ok = builtin_part(k, x, a0, id);
        break;
    default:
        break;
    }
    VEC_FREE(ops);
    return ok && !k->failed;
}

/* ---- calls ------------------------------------------------------------------ */

/* Instantiate generic callee x for the arguments of call (inferring what
 * F[...] did not give) and record the type arguments at the callee. */
static bool instantiate_call(checker *k, operand *x, ast_node *call,
                             opvec *ops)
{
    const vm_type *sig = prog_type(k->prog, x->type);
    size_t nargs = ops->len;
    uint32_t *params = wf_xcalloc(nargs + 1, sizeof *params);
    uint32_t targs[16] = {0}, n = x->ntparams;
    ast_node *fn = call->u.call.fn;
    ck_info *in;
    ast_node at;
    bool ok;
    for (size_t i = 0; i < nargs; i++) {
        if (sig->variadic && !call->u.call.spread && i + 1 >= sig->nparams) {
            uint32_t st = sig->params[sig->nparams - 1];
            params[i] = st ? prog_type(k->prog, st)->elem : 0;
        } else {
            params[i] = i < sig->nparams ? sig->params[i] : 0;
        }
    }
    memcpy(targs, x->targs, x->ntargs * sizeof *targs);
    for (size_t i = 0; i < nargs; i++)
        if (ops->p[i].mode == CK_INVALID) {
            free(params);
            return false;
        }
    /* errors about the instantiation are at the call's "(" (types2) */
    memset(&at, 0, sizeof at);
    at.kind = AST_EMPTY_STMT;
    at.file = call->file;
    at.line = call->line;
    at.col = call->col;
    if (nargs == sig->nparams || sig->variadic)
        ok = ck_infer(k, &at, ck_estr(k, fn), x->tparams, targs, n, params,
                      ops->p, nargs, sig->variadic);
    else
        ok = true; /* the count error comes from check_arguments */
    free(params);
    if (!ok)
        return false;
    if (nargs == sig->nparams || sig->variadic) {
        if (!ck_verify_targs(k, &at, x->tparams, targs, n))
            return false;
        x->type = ck_subst(k, x->type, x->tparams, targs, n);
        while (fn->kind == AST_PAREN)
            fn = fn->u.paren.x;
        in = ck_info_put(k, fn);
        in->targs = arena_alloc(&k->mem, n * sizeof *targs);
        memcpy(in->targs, targs, n * sizeof *targs);
        in->ntargs = n;
    }
    x->tparams = NULL;
    x->ntparams = 0;
    return true;
}

void ck_call(checker *k, operand *x, ast_node *call)
{
    ast_list args = call->u.call.args;
    if (ck_unsafe_call(k, x, call))
        return;
    ck_callee(k, x, call->u.call.fn);
    switch (x->mode) {
    case CK_INVALID:
        return;
    case CK_TYPE: {
        uint32_t t = x->type;
        x->mode = CK_INVALID;
        if (args.n == 0) {
            ck_errorf(k, call, "missing argument in conversion to %s",
                      ck_tstr(k, t));
            return;
        }
        if (args.n > 1) {
            ck_errorf(k, args.v[args.n - 1], "too many arguments in "
                                             "conversion to %s",
                      ck_tstr(k, t));
            return;
        }
        ck_expr(k, x, args.v[0]);
        if (x->mode == CK_INVALID)
            return;
        if (call->u.call.spread) {
            ck_errorf(k, args.v[0], "invalid use of ... in conversion to %s",
                      ck_tstr(k, t));
            ck_invalidate(x);
            return;
        }
        ck_conversion(k, x, t);
        x->expr = call;
        return;
    }
    case CK_BUILTIN:
        if (!builtin(k, x, call, x->builtin))
            ck_invalidate(x);
        x->expr = call;
        return;
    default:
        break;
    }
    if (!x->type) {
        /* dynamic callee (a library intrinsic): any arguments */
        opvec ops = {0};
        res_sym *s = call->u.call.fn->kind == AST_IDENT
                         ? ck_sym(k, call->u.call.fn)
                         : NULL;
        arg_list(k, args, &ops);
        for (size_t i = 0; i < ops.len && !k->failed; i++)
            ck_assignment(k, &ops.p[i], 0, "argument");
        VEC_FREE(ops);
        if (k->failed) {
            ck_invalidate(x);
            return;
        }
        if (s && s->kind == RS_NATIVE) {
            int nres = lib_native_at(s->builtin)->nres;
            if (nres == 0) {
                x->mode = CK_NOVALUE;
            } else if (nres == 1) {
                x->mode = CK_VALUE;
            } else {
                uint32_t zs[8] = {0};
                x->mode = CK_VALUE;
                x->type = type_tuple(k->prog, zs, (uint32_t)nres);
                x->expr = call;
                return;
            }
        } else {
            x->mode = CK_VALUE;
        }
        x->type = 0;
        x->expr = call;
        return;
    }
    if (VM_KIND(ck_core(k, x->type)) != K_FUNC) {
        ck_errorf(k, x->expr, INVALID_OP "cannot call non-function %s",
                  ck_op_str(k, x));
        ck_invalidate(x);
        return;
    }
    {
        uint32_t sigt;
        const vm_type *sig;
        opvec ops = {0};
        arg_list(k, args, &ops);
        if (!k->failed && x->ntparams && !instantiate_call(k, x, call, &ops)) {
            VEC_FREE(ops);
            ck_invalidate(x);
            return;
        }
        sigt = ck_core(k, x->type);
        if (!k->failed)
            check_arguments(k, call, sigt, &ops);
        VEC_FREE(ops);
        if (k->failed) {
            ck_invalidate(x);
            return;
        }
        sig = prog_type(k->prog, sigt);
        if (sig->nresults == 0) {
            x->mode = CK_NOVALUE;
            x->type = 0;
        } else if (sig->nresults == 1) {
            x->mode = CK_VALUE;
            x->type = sig->params[sig->nparams];
        } else {
            x->mode = CK_VALUE;
            x->type = type_tuple(k->prog, sig->params + sig->nparams,
                                 sig->nresults);
        }
        x->expr = call;
    }
}
