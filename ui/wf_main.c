/* wf_main.c: running C programs: wf_main (the weft command line for one C
 * program) and wf_explore (the explorer for C and Check tests), as SPEC
 * section 7 states them. */
#define _GNU_SOURCE
#include "weft.h"

#include <link.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "checker/checkers.h"
#include "cli.h"
#include "halt.h"
#include "shard.h"
#include "sim/native.h"

/* The identity of a C program for its schedules: the build id of the
 * object holding the scenario (GNU note) and the scenario's offset in it,
 * so a schedule is refused by another build or another scenario. */
typedef struct find_obj {
    uintptr_t addr;
    uint64_t h;
} find_obj;

static int phdr_cb(struct dl_phdr_info *info, size_t size, void *data)
{
    find_obj *fo = data;
    (void)size;
    for (int i = 0; i < info->dlpi_phnum; i++) {
        const ElfW(Phdr) *ph = &info->dlpi_phdr[i];
        uintptr_t lo = info->dlpi_addr + ph->p_vaddr;
        if (ph->p_type != PT_LOAD || fo->addr < lo ||
            fo->addr >= lo + ph->p_memsz)
            continue;
        fo->h = hash_u64(HASH_INIT, (uint64_t)(fo->addr - info->dlpi_addr));
        for (int j = 0; j < info->dlpi_phnum; j++) {
            const ElfW(Phdr) *nh = &info->dlpi_phdr[j];
            const unsigned char *p, *end;
            if (nh->p_type != PT_NOTE)
                continue;
            p = (const unsigned char *)(info->dlpi_addr + nh->p_vaddr);
            end = p + nh->p_memsz;
            while (p + 12 <= end) {
                const ElfW(Nhdr) *n = (const ElfW(Nhdr) *)(const void *)p;
                size_t nsz = (n->n_namesz + 3) & ~(size_t)3;
                size_t dsz = (n->n_descsz + 3) & ~(size_t)3;
                const unsigned char *desc = p + 12 + nsz;
                if (n->n_type == NT_GNU_BUILD_ID && desc + n->n_descsz <= end)
                    fo->h = hash_bytes(fo->h, desc, n->n_descsz);
                p += 12 + nsz + dsz;
            }
        }
        return 1;
    }
    return 0;
}

static uint32_t c_program_hash(void (*scenario)(void *))
{
    find_obj fo = {(uintptr_t)scenario, HASH_INIT};
    dl_iterate_phdr(phdr_cb, &fo);
    return (uint32_t)(fo.h ^ (fo.h >> 32));
}

static program c_program(void (*scenario)(void *), native_start *ns,
                         const char *name)
{
    program p;
    memset(&p, 0, sizeof p);
    p.drv = &native_driver;
    p.arg = ns;
    p.main_name = "main";
    p.hash = c_program_hash(scenario);
    p.file = name;
    return p;
}

int wf_main(int argc, char **argv, void (*scenario)(void *))
{
    cli_opts o;
    wf_diag d;
    wf_args args;
    native_start ns;
    program p;
    const char *prog = argc > 0 && argv[0] ? argv[0] : "prog";
    char prefix[1200];
    int status;
    halt_install(); /* the program's Ctrl-C is weft's (halt.h) */
    if (cli_parse(argc, argv, 1, false, &o, &d) != WF_OK) {
        char m[1700];
        diag_format(&d, m, sizeof m);
        fprintf(stderr, "%s: %s\n", prog, m);
        cli_opts_fini(&o);
        return 2;
    }
    if ((status = cli_help_or_version(&o, prog)) >= 0) {
        cli_opts_fini(&o);
        return status;
    }
    args.argc = o.prog_argc;
    args.argv = o.prog_argv;
    ns.fn = scenario;
    ns.arg = &args;
    p = c_program(scenario, &ns, prog);
    snprintf(prefix, sizeof prefix, "%s replay --schedule", prog);
    if (o.cmd == CMD_MERGE)
        status = shard_merge_program(&o, &p);
    else
        status = cli_execute(&o, &p, prefix);
    cli_opts_fini(&o);
    return status;
}

wf_options wf_options_default(void)
{
    wf_options o;
    memset(&o, 0, sizeof o);
    o.strategy = WF_STRATEGY_DPOR;
    o.preemptions = -1;
    o.iterative = true;
    o.pct_depth = 3;
    o.max_steps = 1000000;
    o.livelock_window = CHECKERS_LIVELOCK_WINDOW;
    o.starvation_bypass = CHECKERS_STARVATION_BYPASS;
    return o;
}

static char *dup0(const char *s)
{
    return wf_xstrdup(s ? s : "");
}

int wf_explore(void (*scenario)(void *), void *arg, const wf_options *opt,
               wf_result *res)
{
    wf_options def = wf_options_default();
    explore_opts eo;
    native_start ns = {scenario, arg};
    program p = c_program(scenario, &ns, "scenario");
    explorer *x;
    checkers *ck;
    checkers_opts co;
    wf_status st;
    wf_diag d;
    report_info ri;
    /* wf_options.time_limit: real time, measured in ui/ (STYLE 8) by a
     * timer thread on a halt word of this call's own (halt.h): a test
     * program's signals are left alone */
    atomic_int word = HALT_NONE;
    halt_timer *limit;
    int status;
    if (!opt)
        opt = &def;
    memset(res, 0, sizeof *res);
    memset(&eo, 0, sizeof eo);
    eo.strategy = opt->strategy;
    eo.seed = opt->seed;
    eo.schedule = opt->schedule;
    eo.max_executions = opt->max_executions;
    eo.max_steps = opt->max_steps > 0 ? (uint64_t)opt->max_steps : 0;
    eo.preemptions = opt->preemptions;
    eo.pct_depth = opt->pct_depth;
    eo.cond_any = opt->cond_order_any;
    eo.spurious = opt->spurious_wakeups;
    eo.mutex_fifo = opt->mutex_fifo;
    eo.time_loose = opt->time_loose;
    eo.stack_size = opt->stack_size;
    eo.minimize = opt->strategy != WF_STRATEGY_REPLAY;
    eo.iterative = opt->iterative;
    eo.max_memory = opt->max_memory > 0 ? (uint64_t)opt->max_memory
                                        : cli_default_memory();
    eo.halt = &word;
    co = checkers_opts_default();
    if (opt->livelock_window)
        co.livelock_window = opt->livelock_window > 0
                                 ? (uint64_t)opt->livelock_window
                                 : 0;
    if (opt->starvation_bypass)
        co.starvation_bypass = opt->starvation_bypass > 0
                                   ? (uint64_t)opt->starvation_bypass
                                   : 0;
    x = explore_new(&p, &eo);
    ck = checkers_new(&co);
    limit = halt_timer_start(&word, opt->time_limit);
    st = explore_run(x, opt->checkers_off ? NULL : checkers_consumers(ck),
                     &d);
    checkers_finish(ck, x);
    halt_timer_stop(limit);
    checkers_free(ck);
    if (st != WF_OK) {
        char m[1700];
        diag_format(&d, m, sizeof m);
        res->error = wf_xstrdup(m);
        explore_free(x);
        return 2;
    }
    memset(&ri, 0, sizeof ri);
    ri.file = "scenario";
    ri.replay = "replay --schedule";
    res->executions = x->executions;
    res->steps = (int64_t)x->steps;
    res->complete = x->complete;
    res->bound = x->bound;
    res->nfindings = x->findings.len;
    res->findings = wf_xcalloc(x->findings.len + 1, sizeof(wf_finding));
    for (size_t i = 0; i < x->findings.len; i++) {
        const xfinding *f = &x->findings.p[i];
        wf_finding *w = &res->findings[i];
        buf rep;
        buf_init(&rep);
        report_finding_text(&rep, f, &ri);
        w->kind = (wf_finding_kind)f->f.kind;
        w->kind_name = finding_kind_names[f->f.kind];
        w->error = f->f.error;
        w->message = dup0(f->message);
        w->report = dup0(rep.p);
        w->step = (int64_t)f->f.step;
        w->schedule = dup0(f->schedule);
        w->count = f->count;
        w->preemptions = f->preempts;
        buf_fini(&rep);
    }
    res->noutcomes = x->outcomes.len;
    res->outcomes = wf_xcalloc(x->outcomes.len + 1, sizeof(wf_outcome));
    for (size_t i = 0; i < x->outcomes.len; i++) {
        const xoutcome *o = &x->outcomes.p[i];
        res->outcomes[i].output = dup0(o->output);
        res->outcomes[i].kinds = dup0(o->kinds);
        res->outcomes[i].count = o->count;
        res->outcomes[i].schedule = dup0(o->schedule);
    }
    res->output = dup0(x->last_output);
    status = explore_status(x, opt->strict);
    if (x->diverged) {
        res->error = wf_xstrdup(x->diverged);
        status = 2;
    }
    explore_free(x);
    return status;
}

void wf_result_free(wf_result *res)
{
    if (!res)
        return;
    for (size_t i = 0; i < res->nfindings; i++) {
        free((char *)res->findings[i].message);
        free((char *)res->findings[i].report);
        free((char *)res->findings[i].schedule);
    }
    for (size_t i = 0; i < res->noutcomes; i++) {
        free((char *)res->outcomes[i].output);
        free((char *)res->outcomes[i].kinds);
        free((char *)res->outcomes[i].schedule);
    }
    free(res->findings);
    free(res->outcomes);
    free((char *)res->output);
    free((char *)res->error);
    memset(res, 0, sizeof *res);
}
