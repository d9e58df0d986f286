/* compile.c: the compiler's driver (see compile_int.h): the program and
 * its predeclared types, function prototypes, package variables in
 * dependency order, and the entry function (package initialization, then
 * main.main). Type expressions and named types: compile_type.c. */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "sim/lang/check.h"
#include "sim/lang/compile_int.h"
#include "sim/lang/lib.h"
#include "sim/lang/parse.h"

const char *const vm_op_names[VM_OP__COUNT] = {
#define VM_OP_NAME_(name, doc) #name,
    VM_OPCODES(VM_OP_NAME_)
#undef VM_OP_NAME_
};

/* ---- errors, names ------------------------------------------------------- */

void cerr(compiler *C, const ast_node *n, const char *fmt, ...)
{
    char m[900];
    va_list ap;
    if (C->failed)
        return;
    C->failed = true;
    va_start(ap, fmt);
    vsnprintf(m, sizeof m, fmt, ap);
    va_end(ap);
    diag_set(C->d,
             res_node_path(C->R, n,
                           C->pkg && C->pkg->file ? C->pkg->file->path : ""),
             n ? n->line : 0, n ? n->col : 0, "%s", m);
}

uint32_t cname(compiler *C, const char *s)
{
    vm_program *p = C->prog;
    size_t i;
    if (2 * (p->names.len + 1) > C->nmap_cap) {
        size_t ncap = C->nmap_cap ? C->nmap_cap * 2 : 256;
        uint32_t *m = wf_xmalloc(ncap * sizeof *m);
        memset(m, 0xff, ncap * sizeof *m);
        for (size_t k = 0; k < p->names.len; k++) {
            size_t j = hash_bytes(HASH_INIT, p->names.p[k],
                                  strlen(p->names.p[k])) &
                       (ncap - 1);
            while (m[j] != UINT32_MAX)
                j = (j + 1) & (ncap - 1);
            m[j] = (uint32_t)k;
        }
        free(C->nmap);
        C->nmap = m;
        C->nmap_cap = ncap;
    }
    i = hash_bytes(HASH_INIT, s, strlen(s)) & (C->nmap_cap - 1);
    while (C->nmap[i] != UINT32_MAX) {
        if (!strcmp(p->names.p[C->nmap[i]], s))
            return C->nmap[i];
        i = (i + 1) & (C->nmap_cap - 1);
    }
    C->nmap[i] = (uint32_t)p->names.len;
    VEC_PUSH(p->names, arena_strdup(&p->mem, s));
    return C->nmap[i];
}

const char *cstrdup(compiler *C, const char *s, size_t n)
{
    char *d = arena_alloc(&C->prog->mem, n + 1);
    memcpy(d, s, n);
    d[n] = 0;
    return d;
}

res_sym *csym(fstate *fs, const ast_node *n)
{
    return res_lookup(fs->C->R, fs->pkg, n);
}

/* ---- emitting -------------------------------------------------------------- */

int emit(fstate *fs, vm_opcode opc, int f, int a, int b, int c)
{
    vm_ins i;
    if ((unsigned)a > 0xffff || (unsigned)b > 0xffff || (unsigned)c > 0xffff) {
        cerr(fs->C, fs->node, "unsupported: function %s is too large",
             fs->name);
        a = b = c = 0;
    }
    i.op = (uint8_t)opc;
    i.f = (uint8_t)f;
    i.a = (uint16_t)a;
    i.b = (uint16_t)b;
    i.c = (uint16_t)c;
    VEC_PUSH(fs->code, i);
    VEC_PUSH(fs->lines, fs->line);
    VEC_PUSH(fs->cols, fs->col);
    return (int)fs->code.len - 1;
}

int emit_jmp(fstate *fs, vm_opcode opc, int a)
{
    return emit(fs, opc, 0, a, 0, 0);
}

void patch_to(fstate *fs, int at, int target)
{
    int32_t off = target - (at + 1);
    if (target > fs->lasttarget)
        fs->lasttarget = target;
    fs->code.p[at].b = (uint16_t)((uint32_t)off >> 16);
    fs->code.p[at].c = (uint16_t)((uint32_t)off & 0xffff);
}

void patch_here(fstate *fs, int at)
{
    patch_to(fs, at, (int)fs->code.len);
}

int here_target(fstate *fs)
{
    fs->lasttarget = (int)fs->code.len;
    return (int)fs->code.len;
}

bool retarget_last(fstate *fs, int src, int dst)
{
    vm_ins *last;
    if (!fs->code.len || fs->lasttarget >= (int)fs->code.len ||
        src < fs->nactive || src == dst || dst < 0)
        return false;
    last = &fs->code.p[fs->code.len - 1];
    if (last->a != src)
        return false;
    if (vm_op_checked(last->op)) {
        last->a = (uint16_t)dst;
        return true;
    }
    switch (last->op) {
    /* each writes R[a] alone, and only once it cannot yield or panic
     * any more (vm.c), so R[a] may be a register its operands read */
    case VM_OP_MOVE:
    case VM_OP_COPY:
    case VM_OP_LOADK:
    case VM_OP_GETCELL:
    case VM_OP_GETUP:
    case VM_OP_GETG:
    case VM_OP_ADD:
    case VM_OP_SUB:
    case VM_OP_MUL:
    case VM_OP_DIV:
    case VM_OP_MOD:
    case VM_OP_AND:
    case VM_OP_OR:
    case VM_OP_XOR:
    case VM_OP_ANDNOT:
    case VM_OP_SHL:
    case VM_OP_SHR:
    case VM_OP_NEG:
    case VM_OP_NOT:
    case VM_OP_BNOT:
    case VM_OP_EQ:
    case VM_OP_NE:
    case VM_OP_LT:
    case VM_OP_LE:
    case VM_OP_ISNIL:
    case VM_OP_CONV:
    case VM_OP_LEN:
        last->a = (uint16_t)dst;
        return true;
    default:
        return false;
    }
}

static bool same_value(vm_value a, vm_value b)
{
    if (a.t != b.t || a.aux != b.aux)
        return false;
    if (VM_KIND(a.t) == K_STRING)
        return a.aux == b.aux && (a.aux == 0 || !memcmp(a.v.s, b.v.s, a.aux));
    return a.v.u == b.v.u;
}

int kindex(fstate *fs, vm_value v)
{
    for (size_t i = 0; i < fs->k.len; i++)
        if (same_value(fs->k.p[i], v))
            return (int)i;
    if (fs->k.len >= 0x7fff) {
        cerr(fs->C, fs->node, "unsupported: too many constants in %s",
             fs->name);
        return 0;
    }
    VEC_PUSH(fs->k, v);
    return (int)fs->k.len - 1;
}

int ktype(fstate *fs, uint32_t t)
{
    return kindex(fs, vm_int(T_UINT32, t));
}

int kstr(fstate *fs, const char *s)
{
    const char *d = cstrdup(fs->C, s, strlen(s));
    return kindex(fs, vm_str(d, (uint32_t)strlen(s)));
}

int newreg(fstate *fs, int n)
{
    int r = fs->freereg;
    fs->freereg += n;
    if (fs->freereg > fs->maxreg)
        fs->maxreg = fs->freereg;
    if (fs->freereg >= 0x7fff) {
        cerr(fs->C, fs->node, "unsupported: function %s needs too many "
                              "registers",
             fs->name);
        fs->freereg = 0;
    }
    return r;
}

int selindex(fstate *fs, const char *name)
{
    uint32_t id = cname(fs->C, name);
    vm_sel s;
    for (size_t i = 0; i < fs->sels.len; i++)
        if (fs->sels.p[i].name == id)
            return (int)i;
    memset(&s, 0, sizeof s);
    s.name = id;
    VEC_PUSH(fs->sels, s);
    return (int)fs->sels.len - 1;
}

/* ---- prototypes -------------------------------------------------------------- */

vm_proto *cnew_proto(compiler *C, const char *name, const char *tname,
                     const char *file, bool user)
{
    vm_proto *pr = arena_alloc(&C->prog->mem, sizeof *pr);
    vm_obj *fo = arena_alloc(&C->prog->mem, sizeof *fo);
    pr->name = arena_strdup(&C->prog->mem, name);
    pr->tname = arena_strdup(&C->prog->mem, tname);
    pr->file = file;
    pr->user = user;
    fo->okind = OK_CLOSURE;
    fo->flags = OF_STATIC;
    fo->u.proto = pr;
    pr->static_fn = fo;
    VEC_PUSH(C->prog->protos, pr);
    return pr;
}

/* The file a declaration of pkg was read from, for events and reports:
 * interned with the program's names, so it lives as long as the program
 * (the parsed files do not). */
const char *cdecl_file(compiler *C, res_pkg *pkg, const ast_node *n)
{
    uint32_t i = cname(C, res_node_path(C->R, n, pkg->file->path));
    return C->prog->names.p[i]; /* after cname: it may move the table */
}

vm_proto *cfunc_proto(compiler *C, res_sym *fn)
{
    char name[300];
    if (fn->cdata)
        return fn->cdata;
    snprintf(name, sizeof name, "%s.%s", fn->pkg->name, fn->name);
    fn->cdata = cnew_proto(C, name, fn->name, cdecl_file(C, fn->pkg, fn->spec),
                          !fn->pkg->library);
    {
        fstate tmp;
        memset(&tmp, 0, sizeof tmp);
        tmp.C = C;
        tmp.pkg = fn->pkg;
        tmp.node = fn->spec;
        tmp.name = name;
        ((vm_proto *)fn->cdata)->type =
            csig(&tmp, fn->spec->u.func_decl.type, NULL);
        if (!((vm_proto *)fn->cdata)->type)
            ((vm_proto *)fn->cdata)->type =
                cfunc_type(&tmp, fn->spec->u.func_decl.type, NULL);
    }
    return fn->cdata;
}

/* Method protos: kept in the receiver type's method table. */
vm_proto *cmethod_proto(compiler *C, ast_node *decl)
{
    ast_node *rt = decl->u.func_decl.recv->u.field.type;
    bool ptr = rt->kind == AST_STAR;
    res_sym *ts;
    fstate tmp;
    uint32_t t, mname;
    vm_type *ty;
    char name[400];
    memset(&tmp, 0, sizeof tmp);
    tmp.C = C;
    tmp.pkg = C->pkg;
    ts = csym(&tmp, ptr ? rt->u.star.x : rt);
    if (!ts || ts->kind != RS_TYPE)
        return NULL;
    tmp.pkg = ts->pkg;
    t = cnamed_type(C, ts, &tmp);
    ty = &C->prog->types.p[VM_TIDX(t)];
    mname = cname(C, decl->u.func_decl.name->u.ident.name);
    for (uint32_t i = 0; i < ty->nmethods; i++) {
        if (ty->methods[i].name != mname)
            continue;
        if (ty->methods[i].fn)
            return (vm_proto *)ty->methods[i].fn;
        snprintf(name, sizeof name, ptr ? "%s.(*%s).%s" : "%s.%s.%s",
                 ts->pkg->name, ts->name, C->prog->names.p[mname]);
        {
            vm_proto *pr = cnew_proto(C, name, C->prog->names.p[mname],
                                     cdecl_file(C, ts->pkg, decl),
                                     !ts->pkg->library);
            tmp.node = decl;
            pr->type = csig(&tmp, decl->u.func_decl.type,
                            decl->u.func_decl.recv);
            if (!pr->type)
                pr->type = cfunc_type(&tmp, decl->u.func_decl.type,
                                     decl->u.func_decl.recv);
            /* the type table may have grown: index it again */
            C->prog->types.p[VM_TIDX(t)].methods[i].fn = pr;
            return pr;
        }
    }
    return NULL;
}

vm_proto *cnative_proto(compiler *C, int id)
{
    while (C->natives.len <= (size_t)id)
        VEC_PUSH(C->natives, NULL);
    if (!C->natives.p[id]) {
        const lib_native *nd = lib_native_at(id);
        vm_proto *pr = cnew_proto(C, nd->name, nd->name, "<weft>", false);
        pr->nat = nd->fn;
        pr->nres = (uint16_t)nd->nres;
        pr->type = T_FUNC;
        C->natives.p[id] = pr;
    }
    return C->natives.p[id];
}

/* ---- functions ----------------------------------------------------------------- */

void fs_init(fstate *fs, compiler *C, fstate *outer, res_pkg *pkg,
                    ast_node *node, const char *name, const char *tname)
{
    memset(fs, 0, sizeof *fs);
    fs->C = C;
    fs->outer = outer;
    fs->pkg = pkg;
    fs->node = node;
    fs->name = name;
    fs->tname = tname;
    if (node)
        fs_at(fs, node);
    if (outer) { /* a closure in an instance of generic code */
        fs->tps = outer->tps;
        fs->targs = outer->targs;
        fs->ntps = outer->ntps;
    }
}

void fs_fini(fstate *fs)
{
    VEC_FREE(fs->code);
    VEC_FREE(fs->lines);
    VEC_FREE(fs->cols);
    VEC_FREE(fs->k);
    VEC_FREE(fs->caps);
    VEC_FREE(fs->capsyms);
    VEC_FREE(fs->sels);
    VEC_FREE(fs->selects);
    VEC_FREE(fs->kids);
    VEC_FREE(fs->active);
    for (size_t i = 0; i < fs->labels.len; i++)
        VEC_FREE(fs->labels.p[i].uses);
    VEC_FREE(fs->labels);
    free(fs->restypes);
}

/* Copy the function state's output into pr (program memory). */
/* memcpy of n bytes from src (which may be NULL when n is 0). */
static void copy_out(void *dst, const void *src, size_t n)
{
    if (n)
        memcpy(dst, src, n);
}

/* Where pr's instructions read as through the line directives of its
 * file, if it has any (runtime.Caller and the stack report these, as
 * gc's do). */
static void fs_line_directives(fstate *fs, vm_proto *pr)
{
    const ast_file *f = res_node_file(fs->C->R, fs->node);
    arena *m = &fs->C->prog->mem;
    int32_t *lines;
    const char **files;
    if (!f || !f->nlinedirs || !fs->lines.len)
        return;
    lines = arena_alloc(m, fs->lines.len * sizeof *lines);
    files = arena_alloc(m, fs->lines.len * sizeof *files);
    for (size_t i = 0; i < fs->lines.len; i++) {
        const char *file; /* in the file's memory, which the program's
                             outlives: copied, once per run of equals */
        lines[i] = lex_linedir_at(f->linedirs, f->nlinedirs, fs->lines.p[i],
                                  fs->cols.p[i], &file);
        if (!file || !strcmp(file, f->path))
            files[i] = pr->file;
        else if (!*file)
            files[i] = "??";
        else if (i && strcmp(files[i - 1], file) == 0)
            files[i] = files[i - 1];
        else
            files[i] = arena_strdup(m, file);
    }
    pr->dlines = lines;
    pr->dfiles = files;
}

void fs_finish(fstate *fs, vm_proto *pr)
{
    arena *m = &fs->C->prog->mem;
    pr->ncode = (uint32_t)fs->code.len;
    pr->nzero = 0;
    while (pr->nzero < fs->code.len && pr->nzero < 0xffff) {
        const vm_ins *z = &fs->code.p[pr->nzero];
        vm_kind k;
        if (z->op != VM_OP_ZERO || z->a < fs->nparams ||
            z->a >= fs->nparams + fs->nres || z->b >= fs->k.len)
            break;
        k = VM_KIND((uint32_t)fs->k.p[z->b].v.u);
        if (!kind_is_int(k) && k != K_BOOL)
            break;
        pr->nzero++;
    }
    if (pr->nzero) {
        uint32_t *z = arena_alloc(m, (size_t)pr->nzero * 2 * sizeof *z);
        for (uint32_t i = 0; i < pr->nzero; i++) {
            z[2 * i] = fs->code.p[i].a;
            z[2 * i + 1] = (uint32_t)fs->k.p[fs->code.p[i].b].v.u;
        }
        pr->zero = z;
    }
    pr->cellres = false;
    for (size_t i = 0; i < fs->code.len; i++)
        if (fs->code.p[i].op == VM_OP_NEWCELL &&
            fs->code.p[i].a >= fs->nparams &&
            fs->code.p[i].a < fs->nparams + fs->nres)
            pr->cellres = true;
    pr->code = arena_alloc(m, fs->code.len * sizeof(vm_ins) + 1);
    copy_out((void *)pr->code, fs->code.p, fs->code.len * sizeof(vm_ins));
    pr->lines = arena_alloc(m, fs->lines.len * sizeof(int32_t) + 1);
    copy_out((void *)pr->lines, fs->lines.p, fs->lines.len * sizeof(int32_t));
    fs_line_directives(fs, pr);
    pr->nk = (uint32_t)fs->k.len;
    pr->k = arena_alloc(m, fs->k.len * sizeof(vm_value) + 1);
    copy_out((void *)pr->k, fs->k.p, fs->k.len * sizeof(vm_value));
    pr->ncaps = (uint16_t)fs->caps.len;
    pr->caps = arena_alloc(m, fs->caps.len * sizeof(vm_capdesc) + 1);
    copy_out((void *)pr->caps, fs->caps.p, fs->caps.len * sizeof(vm_capdesc));
    pr->nsels = (uint32_t)fs->sels.len;
    pr->sels = arena_alloc(m, fs->sels.len * sizeof(vm_sel) + 1);
    copy_out(pr->sels, fs->sels.p, fs->sels.len * sizeof(vm_sel));
    pr->nselects = (uint32_t)fs->selects.len;
    pr->selects = arena_alloc(m, fs->selects.len * sizeof(vm_selectd) + 1);
    copy_out((void *)pr->selects, fs->selects.p,
           fs->selects.len * sizeof(vm_selectd));
    pr->nkids = (uint32_t)fs->kids.len;
    pr->kids = arena_alloc(m, fs->kids.len * sizeof(vm_proto *) + 1);
    copy_out((void *)pr->kids, fs->kids.p, fs->kids.len * sizeof(vm_proto *));
    pr->nregs = (uint16_t)(fs->maxreg + 2);
    pr->nparams = (uint16_t)fs->nparams;
    pr->nres = (uint16_t)fs->nres;
    pr->fastargs = pr->variadic ? 0 : (uint16_t)(pr->nparams + 1u);
    pr->fastres = pr->cellres ? 0 : (uint16_t)(pr->nres + 1u);
    vm_plan_regs(fs->C->prog, pr);
}

/* Declare the parameters (and receiver) and results of fs. */
static void declare_params(fstate *fs, ast_node *recv, ast_node *type,
                           uint32_t *ptypes)
{
    ast_list lists[3];
    int np = 0;
    lists[0] = recv ? (ast_list){&recv, 1} : (ast_list){NULL, 0};
    lists[1] = type->u.func_type.params;
    lists[2] = type->u.func_type.results;
    for (int li = 0; li < 3; li++) {
        if (li == 2)
            fs->nparams = np;
        for (size_t i = 0; i < lists[li].n; i++) {
            ast_node *f = lists[li].v[i];
            size_t k = f->u.field.names.n ? f->u.field.names.n : 1;
            ast_node *tn = f->u.field.type;
            uint32_t t = tn->kind == AST_ELLIPSIS
                             ? type_slice(fs->C->prog,
                                          ctype_of(fs, tn->u.ellipsis.elt))
                             : ctype_of(fs, tn);
            for (size_t j = 0; j < k; j++) {
                int r = newreg(fs, 1);
                res_sym *s = f->u.field.names.n
                                 ? csym(fs, f->u.field.names.v[j])
                                 : NULL;
                fs->nactive = fs->freereg;
                VEC_PUSH(fs->active, s);
                if (li < 2 && np < 256)
                    ptypes[np] = t;
                np += li < 2;
                if (li == 2) {
                    fs->restypes = wf_xrealloc(fs->restypes,
                                               (size_t)(fs->nres + 1) *
                                                   sizeof(uint32_t));
                    fs->restypes[fs->nres++] = t;
                    fs->named_results |= s != NULL;
                }
                if (!s)
                    continue;
                s->reg = r;
                s->type = t;
                s->boxed = false;
            }
        }
    }
    /* zero results, then box captured and address-taken ones */
    for (int i = 0; i < fs->nres; i++)
        emit(fs, VM_OP_ZERO, 0, fs->nparams + i,
             ktype(fs, fs->restypes[i]), 0);
    for (size_t i = 0; i < fs->active.len; i++) {
        res_sym *s = fs->active.p[i];
        if (!s)
            continue;
        if (s->captured || s->addr_taken ||
            (s->method_recv && !VM_KIND(s->type))) {
            s->boxed = true;
            emit(fs, VM_OP_NEWCELL, 1, s->reg, s->reg, kstr(fs, s->name));
        }
    }
}

vm_proto *cfunction(compiler *C, fstate *outer, res_pkg *pkg, ast_node *node,
                    ast_node *recv, ast_node *type, ast_node *body,
                    const char *name, const char *tname)
{
    fstate fs;
    vm_proto *pr;
    uint32_t ptypes[256] = {0};
    res_pkg *saved = C->pkg;
    C->pkg = pkg;
    if (C->inst_now && C->inst_now->decl == node) {
        pr = C->inst_now->proto;
    } else if (node->kind == AST_FUNC_DECL) {
        if (recv) {
            pr = cmethod_proto(C, node);
        } else {
            fstate tmp;
            res_sym *fsym;
            memset(&tmp, 0, sizeof tmp);
            tmp.C = C;
            tmp.pkg = pkg;
            fsym = csym(&tmp, node->u.func_decl.name);
            pr = fsym ? cfunc_proto(C, fsym)
                      : cnew_proto(C, name, tname, cdecl_file(C, pkg, node),
                                  !pkg->library); /* init */
        }
    } else {
        pr = cnew_proto(C, name, tname, cdecl_file(C, pkg, node),
                       !pkg->library);
    }
    if (!pr) {
        C->pkg = saved;
        return NULL;
    }
    if (node->kind == AST_FUNC_DECL && node->u.func_decl.nointerface &&
        C->fieldtrack)
        pr->nointerface = true;
    fs_init(&fs, C, outer, pkg, node, pr->name, pr->tname);
    fs.proto = pr;
    if (C->inst_now && C->inst_now->decl == node) {
        fs.tps = C->inst_now->tps;
        fs.targs = C->inst_now->targs;
        fs.ntps = C->inst_now->ntargs;
    }
    pr->line = node->line;
    declare_params(&fs, recv, type, ptypes);
    if (!pr->type)
        pr->type = cfunc_type(&fs, type, recv);
    fs.functype = pr->type;
    pr->variadic = prog_type(C->prog, pr->type)->variadic;
    pr->ptypes = arena_alloc(&C->prog->mem, (size_t)fs.nparams * 4 + 4);
    if (fs.nparams)
        memcpy((void *)pr->ptypes, ptypes,
               (size_t)(fs.nparams < 256 ? fs.nparams : 256) * 4);
    fs.freereg = fs.nactive;
    if (body)
        cblock_stmts(&fs, body->u.block.stmts);
    for (size_t i = 0; i < fs.labels.len && !C->failed; i++)
        if (fs.labels.p[i].pc < 0 && fs.labels.p[i].uses.len)
            cerr(C, node, "label %s not defined", fs.labels.p[i].name);
    /* the closing brace's line, as Go gives a function's implicit
     * return; after a final return statement Go has no code there, and
     * the RET that follows (for a recovered panic) is the return's */
    if (body) {
        size_t ns = body->u.block.stmts.n;
        if (ns && body->u.block.stmts.v[ns - 1]->kind == AST_RETURN_STMT) {
            fs_at(&fs, body->u.block.stmts.v[ns - 1]);
        } else {
            fs.line = body->u.block.rbrace_line;
            fs.col = body->u.block.rbrace_col;
        }
    }
    pr->ret_pc = (uint32_t)emit(&fs, VM_OP_RET, 0, 0, 0, 0);
    fs_finish(&fs, pr);
    fs_fini(&fs);
    C->pkg = saved;
    return pr;
}

/* ---- the program -------------------------------------------------------------- */

static void predeclare(vm_program *p)
{
    static const struct {
        const char *name;
        vm_kind k;
    } pre[TI__PREDECLARED] = {
        {"nil", K_NIL},          {"bool", K_BOOL},
        {"int", K_INT},          {"int8", K_INT8},
        {"int16", K_INT16},      {"int32", K_INT32},
        {"int64", K_INT64},      {"uint", K_UINT},
        {"uint8", K_UINT8},      {"uint16", K_UINT16},
        {"uint32", K_UINT32},    {"uint64", K_UINT64},
        {"uintptr", K_UINTPTR},  {"float64", K_FLOAT64},
        {"float32", K_FLOAT32},  {"string", K_STRING},
        {"int", K_UNTYPED_INT},  {"float64", K_UNTYPED_FLOAT},
        {"int32", K_UNTYPED_RUNE}, {"interface {}", K_IFACE},
        {"error", K_IFACE},      {"handle", K_HANDLE},
        {"cell", K_CELL},        {"iter", K_ITER},
        {"runtime.Error", K_STRING}, {"unsafe.Pointer", K_PTR},
        {"func()", K_FUNC},      {"bool", K_BOOL},
        {"string", K_STRING},    {"nil", K_NIL},
        {"comparable", K_IFACE}, {"complex64", K_STRUCT},
        {"complex128", K_STRUCT}, {"complex128", K_STRUCT}};
    for (int i = 0; i < TI__PREDECLARED; i++) {
        uint32_t t = type_new(p, pre[i].k, pre[i].name);
        WF_ASSERT(VM_TIDX(t) == (uint32_t)i);
    }
    p->types.p[TI_RTERROR].named = true;
}

/* What a library function the checker found unreachable (check_reach.c)
 * does if called all the same: a panic naming weft's error, not a jump
 * into code never compiled. */
static nat_status unreached(vm_ncall *c)
{
    vm_throwf(c->g, "weft internal error: %s was judged unreachable and "
                    "not compiled",
              c->f->p->name);
    return NAT_PANIC;
}

/* Did the checker make library type s (check_reach.c: a library type
 * nothing uses is never made; no value of it can exist)? */
static bool type_made(const compiler *C, const res_sym *s)
{
    (void)C;
    return !s->pkg || !s->pkg->library || s->state;
}

/* Was the receiver type of method declaration d made? */
static bool recv_made(compiler *C, res_pkg *pk, ast_node *d)
{
    ast_node *rt = d->u.func_decl.recv->u.field.type;
    fstate tmp;
    res_sym *ts;
    while (rt->kind == AST_PAREN || rt->kind == AST_STAR)
        rt = rt->kind == AST_PAREN ? rt->u.paren.x : rt->u.star.x;
    memset(&tmp, 0, sizeof tmp);
    tmp.C = C;
    tmp.pkg = pk;
    ts = csym(&tmp, rt);
    return !ts || ts->kind != RS_TYPE || type_made(C, ts);
}

/* Method d's proto, in its type's method table, for a body never
 * compiled. (A function nothing calls gets no proto at all.) */
static void cunreached(compiler *C, res_pkg *pk, ast_node *d)
{
    vm_proto *pr;
    C->pkg = pk;
    pr = cmethod_proto(C, d);
    if (!pr)
        return;
    pr->nat = unreached;
    pr->nres = (uint16_t)(pr->type && VM_KIND(pr->type) == K_FUNC
                              ? prog_type(C->prog, pr->type)->nresults
                              : 0);
}

static void compile_all(compiler *C)
{
    resolver *R = C->R;
    fstate fs;
    vm_program *p = C->prog;
    uint32_t nglobals = 0;
    res_pkg *main_pkg = res_main(R);
    /* named types and method protos, then functions */
    for (size_t i = 0; i < res_npkgs(R) && !C->failed; i++) {
        res_pkg *pk = res_pkg_at(R, i);
        fstate tmp;
        C->pkg = pk;
        fs_init(&tmp, C, NULL, pk, NULL, "types", "types");
        for (size_t k = 0; k < pk->decls.len && !C->failed; k++) {
            res_sym *s = pk->decls.p[k];
            if (s->kind == RS_TYPE && type_made(C, s))
                cnamed_type(C, s, &tmp);
            else if (s->kind == RS_VAR)
                s->gindex = (int)nglobals++;
            else if (s->kind == RS_FUNC && !cdecl_is_generic(C, s->spec) &&
                     check_body_reached(C->K, s->spec))
                cfunc_proto(C, s); /* none for a function nothing calls */
        }
        for (size_t k = 0; k < pk->file->decls.n && !C->failed; k++) {
            ast_node *d = pk->file->decls.v[k];
            if (d->kind == AST_FUNC_DECL && d->u.func_decl.recv &&
                !cdecl_is_generic(C, d) && recv_made(C, pk, d))
                cmethod_proto(C, d);
        }
        fs_fini(&tmp);
    }
    if (C->failed)
        return;
    cinst_methods(C); /* the generic types' instances the checker made */
    p->nglobals = nglobals;
    p->gnames = arena_alloc(&p->mem, (nglobals + 1) * sizeof(char *));
    p->gtypes = arena_alloc(&p->mem, (nglobals + 1) * sizeof(uint32_t));
    for (size_t i = 0; i < res_npkgs(R); i++) {
        res_pkg *pk = res_pkg_at(R, i);
        for (size_t k = 0; k < pk->decls.len; k++) {
            res_sym *s = pk->decls.p[k];
            if (s->kind != RS_VAR)
                continue;
            p->gnames[s->gindex] = arena_strdup(&p->mem, s->name);
            VEC_PUSH(C->gsyms, s);
        }
    }
    /* the entry: zero every variable, initialize, init(), main() */
    p->entry = cnew_proto(C, "runtime.main", "main", p->path, true);
    p->pkg_name = arena_strdup(&p->mem, main_pkg->name);
    C->pkg = main_pkg;
    fs_init(&fs, C, NULL, main_pkg, main_pkg->file->pkg, "main", "main");
    fs.proto = p->entry;
    for (size_t i = 0; i < res_npkgs(R) && !C->failed; i++) {
        res_pkg *pk = res_pkg_at(R, i);
        C->pkg = pk;
        fs.pkg = pk;
        for (size_t k = 0; k < pk->decls.len && !C->failed; k++) {
            res_sym *s = pk->decls.p[k];
            ast_node *sp;
            int r;
            if (s->kind != RS_VAR)
                continue;
            sp = s->spec;
            s->type = sp->u.value_spec.type
                          ? ctype_of(&fs, sp->u.value_spec.type)
                          : 0;
            p->gtypes[s->gindex] = s->type;
            if (!s->type)
                continue;
            fs.line = sp->line;
            fs.freereg = fs.nactive;
            r = newreg(&fs, 1);
            emit(&fs, VM_OP_ZERO, 0, r, ktype(&fs, s->type), 0);
            emit(&fs, VM_OP_SETG, 0, s->gindex, r, 0);
        }
    }
    for (size_t i = 0; i < res_npkgs(R) && !C->failed; i++) {
        res_pkg *pk = res_pkg_at(R, i);
        C->pkg = pk;
        fs.pkg = pk;
        fs.freereg = fs.nactive;
        cinit_vars(&fs, pk);
        for (size_t k = 0; k < pk->inits.len && !C->failed; k++) {
            char nm[300];
            vm_proto *ip;
            int r;
            snprintf(nm, sizeof nm, "%s.init.%zu", pk->name, k);
            ip = cfunction(C, NULL, pk, pk->inits.p[k], NULL,
                           pk->inits.p[k]->u.func_decl.type,
                           pk->inits.p[k]->u.func_decl.body, nm, "init");
            C->pkg = pk;
            if (!ip)
                continue;
            fs.line = pk->inits.p[k]->line;
            fs.freereg = fs.nactive;
            r = newreg(&fs, 1);
            emit(&fs, VM_OP_LOADK, 0, r,
                 kindex(&fs, vm_ref(ip->type, ip->static_fn)), 0);
            emit(&fs, VM_OP_CALL, 0, r, 0, 0);
        }
    }
    /* every function body */
    for (size_t i = 0; i < res_npkgs(R) && !C->failed; i++) {
        res_pkg *pk = res_pkg_at(R, i);
        for (size_t k = 0; k < pk->file->decls.n && !C->failed; k++) {
            ast_node *d = pk->file->decls.v[k];
            const char *nm;
            if (d->kind != AST_FUNC_DECL)
                continue;
            nm = d->u.func_decl.name->u.ident.name;
            if (!d->u.func_decl.recv && !strcmp(nm, "init"))
                continue;
            if (cdecl_is_generic(C, d))
                continue; /* compiled per instance, below */
            if (!check_body_reached(C->K, d)) {
                if (d->u.func_decl.recv && recv_made(C, pk, d))
                    cunreached(C, pk, d);
                continue; /* a library body nothing can call */
            }
            cfunction(C, NULL, pk, d, d->u.func_decl.recv,
                      d->u.func_decl.type, d->u.func_decl.body, nm, nm);
        }
    }
    C->pkg = main_pkg;
    fs.pkg = main_pkg;
    if (!C->failed && p->is_test) {
        ctest_entry(C, &fs);
    } else if (!C->failed) {
        res_sym *m = res_pkg_sym(R, main_pkg, "main");
        if (m && m->kind == RS_FUNC) {
            vm_proto *mp = cfunc_proto(C, m);
            int r;
            fs.freereg = fs.nactive;
            r = newreg(&fs, 1);
            fs.line = m->spec->line;
            emit(&fs, VM_OP_LOADK, 0, r,
                 kindex(&fs, vm_ref(mp->type, mp->static_fn)), 0);
            emit(&fs, VM_OP_CALL, 0, r, 0, 0);
        }
    }
    p->entry->ret_pc = (uint32_t)emit(&fs, VM_OP_RET, 0, 0, 0, 0);
    fs_finish(&fs, p->entry);
    fs_fini(&fs);
    cinst_run(C); /* the instances of generic code referenced */
    if (C->failed)
        return;
    /* what the VM needs at run time: the fatal-panic formatter, runtime
     * errors' Error method, and *T for every type (for &x) */
    p->panicmsg = cnative_proto(C, LIB_N_panicmsg);
    {
        /* Error() and runtime.Error's RuntimeError() */
        vm_method *m = arena_alloc(&p->mem, 2 * sizeof *m);
        m[0].name = p->n_Error;
        m[0].fn = cnative_proto(C, LIB_N_rterror_Error);
        m[1].name = cname(C, "RuntimeError");
        m[1].fn = cnative_proto(C, LIB_N_rt_runtime_error);
        p->types.p[TI_RTERROR].methods = m;
        p->types.p[TI_RTERROR].nmethods = 2;
    }
    {
        size_t n = p->types.len;
        for (size_t i = 1; i < n; i++) {
            vm_kind k = VM_KIND(p->types.p[i].id);
            if (k != K_CELL && k != K_ITER && k != K_TUPLE &&
                k != K_TPARAM && !kind_is_untyped(k) &&
                !p->types.p[i].generic && i < TI_UNTYPED_BOOL)
                type_ptr(p, p->types.p[i].id);
            else if (k != K_CELL && k != K_ITER && k != K_TUPLE &&
                     k != K_TPARAM && !kind_is_untyped(k) &&
                     !p->types.p[i].generic && i >= TI__PREDECLARED)
                type_ptr(p, p->types.p[i].id);
        }
    }
    {
        /* reflect's Method of *T: a value method's type with *T first
         * (func(*T, ...)), as Go's method set of *T has it */
        size_t n = p->types.len;
        for (size_t i = TI__PREDECLARED; i < n; i++) {
            for (uint32_t j = 0; j < p->types.p[i].nmethods; j++) {
                const vm_type *ty = &p->types.p[i];
                const vm_proto *fn = ty->methods[j].fn;
                const vm_type *ft;
                uint32_t *ps, pt = ty->ptr;
                if (!ty->named || ty->generic || ty->methods[j].ptr_recv ||
                    !fn || !fn->type || !pt ||
                    VM_KIND(fn->type) != K_FUNC)
                    continue;
                ft = prog_type(p, fn->type);
                if (!ft->nparams || ft->params[0] != ty->id)
                    continue;
                ps = wf_xmalloc((ft->nparams + ft->nresults) * sizeof *ps);
                memcpy(ps, ft->params,
                       (ft->nparams + ft->nresults) * sizeof *ps);
                ps[0] = pt;
                type_func(p, ps, ft->nparams, ps + ft->nparams, ft->nresults,
                          ft->variadic);
                free(ps);
            }
        }
    }
    type_members(p, C);
}

static bool parse_go_version(const char *v, int *minor)
{
    int major = 0, mi = 0;
    if (!v || !*v)
        return false;
    if (sscanf(v, "%d.%d", &major, &mi) < 2 && sscanf(v, "go%d.%d", &major,
                                                       &mi) < 2)
        return false;
    *minor = major > 1 ? 1000 : mi;
    return major >= 1;
}

static void phase(const vm_options *o, const char *name)
{
    if (o && o->on_phase)
        o->on_phase(o->phase_ud, name);
}

wf_status ccompile_roots(const char *path, const cpkg_root *roots,
                         size_t nroots, const res_library *lib,
                         const char *mod_go, const vm_options *o,
                         vm_program **out, wf_diag *d)
{
    compiler C;
    vm_program *p;
    wf_status st = WF_OK;
    wf_diag dummy;
    char ver[64];
    int minor;
    uint64_t h = HASH_INIT;
    size_t nfiles = 0;
    *out = NULL;
    if (!d)
        d = &dummy;
    memset(&C, 0, sizeof C);
    C.d = d;
    C.R = res_new(lib);
    /* Go honours //go:nointerface only in its fieldtrack experiment,
     * which the environment selects, as it does for the go command */
    {
        const char *ge = getenv("GOEXPERIMENT");
        C.fieldtrack = ge && strstr(ge, "fieldtrack") &&
                       !strstr(ge, "nofieldtrack");
    }
    p = wf_xcalloc(1, sizeof *p);
    arena_init(&p->mem);
    p->path = wf_xstrdup(path);
    /* the program's identity in schedules: one file's text, or every
     * file's name and text */
    for (size_t i = 0; i < nroots; i++)
        nfiles += roots[i].n;
    for (size_t i = 0; i < nroots; i++)
        for (size_t k = 0; k < roots[i].n; k++) {
            const res_source *f = &roots[i].files[k];
            const char *base = strrchr(f->path, '/');
            base = base ? base + 1 : f->path;
            if (nfiles > 1)
                h = hash_bytes(h, base, strlen(base) + 1);
            h = hash_bytes(h, f->text, f->len);
            if (res_is_test_path(f->path))
                p->is_test = true;
        }
    p->hash = (uint32_t)h;
    p->nargs = 1 + (uint32_t)(o && o->nargs > 0 ? o->nargs : 0);
    p->args = arena_alloc(&p->mem, p->nargs * sizeof *p->args);
    p->args[0] = arena_strdup(&p->mem, path);
    for (uint32_t i = 1; i < p->nargs; i++)
        p->args[i] = arena_strdup(&p->mem, o->args[i - 1]);
    for (p->nenv = 0; o && o->env && o->env[p->nenv]; p->nenv++)
        ;
    p->env = arena_alloc(&p->mem, (p->nenv + 1) * sizeof *p->env);
    for (uint32_t i = 0; i < p->nenv; i++)
        p->env[i] = arena_strdup(&p->mem, o->env[i]);
    C.prog = p;
    predeclare(p);
    cname(&C, "_");
    p->n_Error = cname(&C, "Error");
    {
        /* the predeclared error interface: Error() string */
        uint32_t *m = arena_alloc(&p->mem, sizeof *m);
        *m = p->n_Error;
        uint32_t *mt = arena_alloc(&p->mem, sizeof *mt), str = T_STRING;
        p->types.p[TI_ERROR].imethods = m;
        p->types.p[TI_ERROR].nimethods = 1;
        *mt = type_func(p, NULL, 0, &str, 1, false);
        p->types.p[TI_ERROR].imtypes = mt;
        p->types.p[TI_COMPARABLE].comparable = true;
    }
    {
        /* complex64, complex128 (and the untyped complex, whose values
         * are complex128): two float fields, named so that no selector
         * reaches them */
        static const uint32_t parts[3] = {T_FLOAT32, T_FLOAT64, T_FLOAT64};
        uint32_t re = cname(&C, "0real"), im = cname(&C, "0imag");
        for (int i = 0; i < 3; i++) {
            vm_type *ct = &p->types.p[TI_COMPLEX64 + i];
            ct->nfields = 2;
            ct->fields = arena_alloc(&p->mem, 2 * sizeof *ct->fields);
            memset(ct->fields, 0, 2 * sizeof *ct->fields);
            ct->fields[0].name = re;
            ct->fields[0].type = parts[i];
            ct->fields[1].name = im;
            ct->fields[1].type = parts[i];
        }
    }
    p->n_String = cname(&C, "String");
    p->n_GoString = cname(&C, "GoString");
    p->n_Lock = cname(&C, "Lock");
    p->n_Unlock = cname(&C, "Unlock");
    C.loop_per_iter = true;
    if (o && o->go_version && *o->go_version) {
        if (!parse_go_version(o->go_version, &minor)) {
            st = diag_set(d, "", 0, 0, "--go wants a version like 1.21, "
                                       "not '%s'",
                          o->go_version);
            goto out;
        }
        C.loop_per_iter = minor >= 22;
        p->async_timers = minor < 23;
    } else {
        snprintf(ver, sizeof ver, "%s", mod_go ? mod_go : "");
        if (parse_go_version(ver, &minor)) {
            C.loop_per_iter = minor >= 22;
            p->async_timers = minor < 23;
        }
    }
    phase(o, "resolve");
    for (size_t i = 0; i < nroots && st == WF_OK; i++)
        st = res_resolve_files(C.R, roots[i].path, roots[i].files,
                               roots[i].n, d);
    if (st != WF_OK)
        goto out;
    phase(o, "check");
    C.K = check_new(&C);
    st = check_run(C.K, C.R, d);
    if (st != WF_OK)
        goto out;
    phase(o, "compile");
    compile_all(&C);
    phase(o, "done");
    if (C.failed) {
        st = WF_ERR_INPUT;
        goto out;
    }
    *out = p;
    p = NULL;
out:
    vm_program_free(p);
    check_free(C.K);
    cinst_free(&C);
    res_free(C.R);
    VEC_FREE(C.natives);
    VEC_FREE(C.gsyms);
    free(C.nmap);
    return st;
}

void vm_program_free(vm_program *p)
{
    if (!p)
        return;
    arena_fini(&p->mem);
    free(p->greach);
    free(p->shapes);
    free(p->run_pattern);
    VEC_FREE(p->types);
    VEC_FREE(p->names);
    VEC_FREE(p->protos);
    free(p->path);
    free(p);
}

void vm_find_go_version(const char *path, char *out, size_t n)
{
    char dir[4096];
    char *slash;
    out[0] = 0;
    snprintf(dir, sizeof dir, "%s", path);
    slash = strrchr(dir, '/');
    if (slash)
        *slash = 0;
    else
        snprintf(dir, sizeof dir, ".");
    for (int up = 0; up < 64; up++) {
        char gm[4200], line[512];
        FILE *fp;
        snprintf(gm, sizeof gm, "%s/go.mod", dir);
        fp = fopen(gm, "r");
        if (fp) {
            while (fgets(line, sizeof line, fp)) {
                char v[64];
                if (sscanf(line, " go %63s", v) == 1) {
                    snprintf(out, n, "%s", v);
                    break;
                }
            }
            fclose(fp);
            return;
        }
        if (!strcmp(dir, "/") || !*dir)
            return;
        slash = strrchr(dir, '/');
        if (slash == dir)
            dir[1] = 0;
        else if (slash)
            *slash = 0;
        else if (!strcmp(dir, "."))
            snprintf(dir, sizeof dir, "..");
        else if (!strncmp(dir, "..", 2) && strlen(dir) < sizeof dir - 4)
            strcat(dir, "/..");
        else
            snprintf(dir, sizeof dir, ".");
    }
}
