/* fuzz_run.c: libFuzzer target running what compiles: each input that
 * vm_compile accepts runs under the explorer with every checker, a few
 * executions of dpor (minimizing and steering included), within a step
 * budget, a memory budget and a time limit (the halt word, halt.h), as
 * `weft explore` runs it. Whatever the program does (endless loops,
 * recursion, allocation without end, panics, deadlocks), weft must end
 * with findings or a cut: no crash, no hang past the budgets, no sanitizer
 * report, no leak. Built and run by tests/fuzz/run.sh; tests/fuzz/replay.c
 * replays its corpus in make test. */
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include "checker/checkers.h"
#include "sim/explore.h"
#include "sim/lang/vm.h"
#include "ui/halt.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

/* The budgets of one input: small, so the fuzzer runs many. */
#define FUZZ_MAX_STEPS 20000
#define FUZZ_MAX_MEMORY (64u << 20)
#define FUZZ_SECONDS 2.0
#define FUZZ_EXECUTIONS 3

static void check(int ok)
{
    if (!ok)
        __builtin_trap();
}

static void explore(program *pr)
{
    explore_opts eo;
    explorer *x;
    checkers *ck = checkers_new(NULL);
    atomic_int word = HALT_NONE;
    halt_timer *limit;
    wf_diag d;
    wf_status st;
    memset(&eo, 0, sizeof eo);
    eo.strategy = WF_STRATEGY_DPOR;
    eo.iterative = true;
    eo.minimize = true;
    eo.preemptions = -1;
    eo.max_executions = FUZZ_EXECUTIONS;
    eo.max_steps = FUZZ_MAX_STEPS;
    eo.max_memory = FUZZ_MAX_MEMORY;
    eo.halt = &word;
    limit = halt_timer_start(&word, FUZZ_SECONDS);
    x = explore_new(pr, &eo);
    st = explore_run(x, checkers_consumers(ck), &d);
    checkers_finish(ck, x);
    halt_timer_stop(limit);
    checkers_free(ck);
    check(st == WF_OK || d.msg[0]);
    check(x->executions <= FUZZ_EXECUTIONS + 16); /* + steering */
    check(!x->e || x->e->mem.total <= FUZZ_MAX_MEMORY + (1u << 20) ||
          x->last_end == END_MEMORY);
    explore_free(x);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    vm_program *p = NULL;
    vm_options o;
    wf_diag d;
    program pr;
    memset(&o, 0, sizeof o);
    o.go_version = "1.22";
    if (vm_compile("/nonexistent/weft-fuzz/fuzz.go", data, size, &o, &p,
                   &d) != WF_OK)
        return 0;
    pr = vm_program_entry(p);
    explore(&pr);
    vm_program_free(p);
    return 0;
}
