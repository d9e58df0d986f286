/* compile_test.c: a test program's entry (weft test): the functions
 * TestXxx(t *testing.T) of the roots' _test.go files found as go test
 * finds them, and the code that runs the one an execution is for. */
#include <string.h>

#include "sim/lang/compile_int.h"
#include "sim/lang/lib.h"

/* Is name a test function's name, as go test decides: "Test", then
 * nothing or a character that is not a lower-case letter? */
static bool is_test_name(const char *name)
{
    return !strncmp(name, "Test", 4) && !(name[4] >= 'a' && name[4] <= 'z');
}

/* Does func decl d take something other than one *T (TestMain(m
 * *testing.M) is not a test)? */
static bool takes_other_than_t(const ast_node *d)
{
    ast_list ps = d->u.func_decl.type->u.func_type.params;
    const ast_node *t;
    if (ps.n != 1 || ps.v[0]->u.field.names.n > 1)
        return true;
    t = ps.v[0]->u.field.type;
    if (!t || t->kind != AST_STAR)
        return true;
    t = t->u.star.x;
    if (t->kind == AST_SELECTOR)
        t = t->u.selector.sel;
    return t->kind != AST_IDENT || strcmp(t->u.ident.name, "T");
}

/* Is func decl d the package's TestMain(m *testing.M)? */
static bool is_test_main(const ast_node *d)
{
    ast_list ps = d->u.func_decl.type->u.func_type.params;
    const ast_node *t;
    if (strcmp(d->u.func_decl.name->u.ident.name, "TestMain") ||
        d->u.func_decl.type->u.func_type.results.n || ps.n != 1 ||
        ps.v[0]->u.field.names.n > 1)
        return false;
    t = ps.v[0]->u.field.type;
    if (!t || t->kind != AST_STAR)
        return false;
    t = t->u.star.x;
    if (t->kind == AST_SELECTOR)
        t = t->u.selector.sel;
    return t->kind == AST_IDENT && !strcmp(t->u.ident.name, "M");
}

/* A test program's entry, after package initialization: for each test k,
 * `if __test_index() == k { testing.__main("TestK", TestK) }`, or, when
 * the package has a TestMain, `testing.__main_m("TestK", TestK,
 * TestMain)` (TestMain runs, and its m.Run runs test k). The
 * tests are the functions TestXxx(t *testing.T) of the roots' _test.go
 * files, the package's own before its external test package's, each in
 * file and source order, as go test lists them. */
void ctests(compiler *C, fstate *fs, res_pkg *main_pkg)
{
    vm_program *p = C->prog;
    resolver *R = C->R;
    res_pkg *tp = NULL;
    res_sym *run, *tm = NULL;
    vm_proto *rp, *ip, *tmp = NULL;
    int ti;
    VEC(const char *) names = {NULL, 0, 0};
    VEC(res_pkg *) owners = {NULL, 0, 0};
    (void)main_pkg;
    for (size_t i = 0; i < res_npkgs(R); i++)
        if (!strcmp(res_pkg_at(R, i)->path, "testing"))
            tp = res_pkg_at(R, i);
    for (size_t i = 0; i < res_npkgs(R) && tp; i++) {
        res_pkg *pk = res_pkg_at(R, i);
        if (!pk->root)
            continue;
        for (size_t k = 0; k < pk->file->decls.n; k++) {
            ast_node *d = pk->file->decls.v[k];
            const char *nm;
            if (d->kind != AST_FUNC_DECL || d->u.func_decl.recv ||
                !d->u.func_decl.body ||
                !res_is_test_file(res_node_file(R, d)))
                continue;
            nm = d->u.func_decl.name->u.ident.name;
            if (is_test_main(d) && !tm)
                tm = res_pkg_sym(R, pk, nm);
            if (is_test_name(nm) && !takes_other_than_t(d)) {
                VEC_PUSH(names, nm);
                VEC_PUSH(owners, pk);
            }
        }
    }
    p->ntests = (uint32_t)names.len;
    p->tests = arena_alloc(&p->mem, (names.len + 1) * sizeof(char *));
    for (size_t k = 0; k < names.len; k++)
        p->tests[k] = arena_strdup(&p->mem, names.p[k]);
    if (!names.len ||
        !(run = res_pkg_sym(R, tp, tm ? "__main_m" : "__main")) ||
        run->kind != RS_FUNC || (tm && tm->kind != RS_FUNC)) {
        VEC_FREE(names);
        VEC_FREE(owners);
        return;
    }
    rp = cfunc_proto(C, run);
    if (tm)
        tmp = cfunc_proto(C, tm);
    ip = cnative_proto(C, LIB_N_test_index);
    fs->freereg = fs->nactive;
    ti = newreg(fs, 1);
    emit(fs, VM_OP_LOADK, 0, ti, kindex(fs, vm_ref(ip->type, ip->static_fn)),
         0);
    emit(fs, VM_OP_CALL, 0, ti, 0, 1);
    for (size_t k = 0; k < names.len && !C->failed; k++) {
        res_sym *m = res_pkg_sym(R, owners.p[k], names.p[k]);
        vm_proto *mp;
        int c, jf, r;
        if (!m || m->kind != RS_FUNC)
            continue;
        mp = cfunc_proto(C, m);
        fs_at(fs, m->spec);
        fs->freereg = ti + 1;
        c = newreg(fs, 1);
        emit(fs, VM_OP_EQ, 0, c, ti,
             (int)(RK_CONST | (unsigned)kindex(fs, vm_int(T_INT, (int64_t)k))));
        jf = emit_jmp(fs, VM_OP_JF, c);
        r = newreg(fs, tmp ? 4 : 3);
        emit(fs, VM_OP_LOADK, 0, r, kindex(fs, vm_ref(rp->type, rp->static_fn)),
             0);
        emit(fs, VM_OP_LOADK, 0, r + 1, kstr(fs, names.p[k]), 0);
        emit(fs, VM_OP_LOADK, 0, r + 2,
             kindex(fs, vm_ref(mp->type, mp->static_fn)), 0);
        if (tmp)
            emit(fs, VM_OP_LOADK, 0, r + 3,
                 kindex(fs, vm_ref(tmp->type, tmp->static_fn)), 0);
        emit(fs, VM_OP_CALL, 0, r, tmp ? 3 : 2, 0);
        patch_here(fs, jf);
    }
    fs->freereg = fs->nactive;
    VEC_FREE(names);
    VEC_FREE(owners);
}
