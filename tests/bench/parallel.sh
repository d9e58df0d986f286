#!/bin/bash
# parallel.sh (make bench): the speed-up of one exploration across cores
# (issue 17): `explore -j 2` against `explore -j 1` on a complete search of
# a few seconds (goal >= 1.8x on 2 cores): the one search giving work to
# 2 engines, or running its gifts on 1; and 4 shards run by GNU parallel
# -j 2 then `weft merge`, against -j 1 (goal >= 1.7x, the merge
# included). Wall-clock ratios measured in the same run, median of
# PAR_RUNS (3); the outputs are checked equal (-j 2 and -j 1; the merged
# shards and --shard 1/1), so the speed-up is of the same work. On a loaded machine the wall clock says nothing of the
# parallelism: with the kernel's autogroup scheduling (a session's
# processes share one fair share of the machine), a busy machine gives
# this session about the same CPU whether it runs one thread or two
# (its share of the cores: printed). So the figures to read there are the
# CPU ones: -j 2 on 2 idle cores takes its busiest engine's CPU plus its
# serial part (planning, joining: the process's CPU beyond its engines'),
# and the shards take GNU parallel's schedule of their CPU times on 2
# slots, then the merge's. -j's engine 0 is the command's thread (its
# search, and the gifts it runs while it waits for one).
set -u
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
WEFT=${WEFT:-$root/build/weft}
case $WEFT in /*) ;; *) WEFT=$root/$WEFT ;; esac
tmp=$(mktemp -d /tmp/weft-bpar.XXXXXX)
trap 'rm -rf "$tmp"' EXIT
cd "$tmp" || exit 2
# six goroutines taking three locks in turn, joined by a WaitGroup: a
# complete search of a few seconds at -j 1 (8017 executions; the single
# unbounded search 7752, one a trace;
# five goroutines made 608, too few for the engines to pay off)
cat > locks.go <<'GO'
package main

import "sync"

func main() {
	var mu [3]sync.Mutex
	var x [3]int
	var wg sync.WaitGroup
	for g := 0; g < 6; g++ {
		wg.Add(1)
		go func(g int) {
			defer wg.Done()
			for i := 0; i < 2; i++ {
				m := (g + i) % 3
				mu[m].Lock()
				x[m]++
				mu[m].Unlock()
			}
		}(g)
	}
	wg.Wait()
}
GO
now() { date +%s.%N; }
# the median of an odd count of numbers
median() { printf '%s\n' "$@" | sort -g | awk '{v[NR]=$1} END{print v[int((NR+1)/2)]}'; }
# cpu OUT CMD...: run CMD, its stdout into OUT; append its CPU seconds
# (user+sys) to the file cpu (load on the machine does not inflate them)
cpu() {
    local out=$1 TIMEFORMAT='%U %S'
    shift
    { time "$@" > "$out" 2> "$out.err"; } 2>> cpu.raw
    tail -1 cpu.raw | awk '{print $1 + $2}' >> cpu
}
# the steps a run's engines ran and its planning ran (WEFT_ENGINE_STATS):
# a measure of its work that load does not change
steps_run() { awk '/^weft: planning:/ {p = $(NF-1)} /^weft: engine / {for (i = 2; i <= NF; i++) if ($i ~ /^steps,?$/) s += $(i-1)} END{print p + s}' "$1"; }
runs=${PAR_RUNS:-3}
strip() { python3 -c 'import json,sys; d=json.load(sys.stdin); d["stats"]["seconds"]=0; d.pop("db",None); print(json.dumps(d,sort_keys=True))'; }
mms=() mmc=()
# the busiest of some numbers over their mean
maxmean() { awk '{s += $1; if ($1 > m) m = $1} END{printf "%.2f", m * NR / s}'; }
t1=() t2=() ts=() c1=() c2=() e1=() e2=() bal=() sh1=() sh2=() pj2=() psh=() pse=()
wal=() e0=() bal0=() sched=() crit=() loads=()
# each engine's CPU time (its thread's) and executions, as weft says with
# WEFT_ENGINE_STATS: the speed-up the balance allows on 2 idle cores is
# the CPU of -j 1's engine over that of -j 2's busiest engine
engines() { grep -E '^weft: engine ' "$1" | sed -E 's/.*: ([0-9]+) searches, ([0-9]+) executions, ([0-9]+) sleep-set-blocked, ([0-9.]+)s CPU.*/\2 \4/'; }
for r in $(seq "$runs"); do
    : > cpu
    load=$(cut -d' ' -f1 /proc/loadavg)
    loads+=("$load")
    # -j 1 traced (WEFT_ENGINE_TRACE: each search's events with its own
    # CPU time, for the load-free schedule below)
    a=$(now); WEFT_ENGINE_TRACE=1 WEFT_ENGINE_STATS=1 cpu one.json "$WEFT" explore locks.go -j 1 --json; b=$(now)
    t1+=("$(awk "BEGIN{print $b - $a}")")
    a=$(now); WEFT_ENGINE_STATS=1 cpu two.json "$WEFT" explore locks.go -j 2 --json; b=$(now)
    t2+=("$(awk "BEGIN{print $b - $a}")")
    wal+=("$(awk "BEGIN{print ${t1[-1]} / ${t2[-1]}}")")
    # the search without gifts (WEFT_GIFT_EVERY past its size): what -j 1
    # costs beyond it is the gifts' own cost
    WEFT_GIFT_EVERY=1000000000 WEFT_ENGINE_STATS=1 "$WEFT" explore locks.go -j 1 --json > zero.json 2> zero.json.err
    # -j 1's searches on 2 idle engines, as the pool runs them
    "$here/parallel_sched.py" one.json.err 2 > sched.out
    sched+=("$(awk '/^engines 2 /{print $NF}' sched.out)")
    crit+=("$(awk '/^critical path /{print $3}' sched.out)")
    c1+=("$(sed -n 1p cpu)") c2+=("$(sed -n 2p cpu)")
    x1=$(engines one.json.err | awk '{print $2}')
    x2=$(engines two.json.err | awk 'BEGIN{m=0} {if ($2 > m) m = $2} END{print m}')
    e1+=("$x1") e2+=("$x2")
    bal+=("$(awk "BEGIN{print $x1 / $x2}")")
    x0=$(engines zero.json.err | awk '{print $2}')
    e0+=("$x0")
    bal0+=("$(awk "BEGIN{print $x0 / $x2}")")
    echo "bench parallel: run $r (load $load): -j 1 engine ${x1}s CPU, ${t1[-1]}s wall; -j 2 busiest engine ${x2}s CPU, ${t2[-1]}s wall; no gifts ${x0}s CPU; -j 1's searches on 2 idle engines: ${sched[-1]}x (critical path ${crit[-1]}s)"
    # the share of the cores each run got (CPU over wall clock)
    sh1+=("$(awk "BEGIN{print $(sed -n 1p cpu) / ${t1[-1]}}")")
    sh2+=("$(awk "BEGIN{print $(sed -n 2p cpu) / ${t2[-1]}}")")
    # -j 2 on 2 idle cores: the busiest engine, then what is serial (the
    # process's CPU beyond its engines')
    all2=$(engines two.json.err | awk '{s += $2} END{print s}')
    pj2+=("$(awk "BEGIN{s = $(sed -n 2p cpu) - $all2; if (s < 0) s = 0; print $(sed -n 1p cpu) / ($x2 + s)}")")
    echo "bench parallel: run $r: -j 2 engines (executions, CPU s): $(engines two.json.err | tr '\n' ';')"
    if command -v parallel >/dev/null 2>&1; then
        rm -f s?.db m.db
        a=$(now)
        WEFT_ENGINE_STATS=1 parallel --will-cite -j 2 /usr/bin/time -f %U+%S -o t{}.cpu "$WEFT" explore locks.go --shard {}/4 --db s{}.db '>' s{}.out '2>' s{}.err ::: 1 2 3 4 > /dev/null
        /usr/bin/time -f %U+%S -o tm.cpu "$WEFT" merge m.db s1.db s2.db s3.db s4.db --json > merged.json
        b=$(now)
        ts+=("$(awk "BEGIN{print $b - $a}")")
        # GNU parallel's schedule on 2 idle slots (each shard to the slot
        # free first, in order), then the merge
        sc=$(for i in 1 2 3 4; do tail -1 t$i.cpu | bc; done | awk '{ if (a <= b) a += $1; else b += $1 } END{print (a > b ? a : b)}')
        psh+=("$(awk "BEGIN{print $(sed -n 1p cpu) / ($sc + $(tail -1 tm.cpu | bc))}")")
        # the same with each shard's engines counted (a shard runs its parts
        # on engines of its own, one per core): 2 idle cores take at least
        # half the shards' CPU, and at least the longest shard's busiest
        # engine plus its serial part; then the merge. A lower bound of the
        # time, so the speed-up is at most this one
        lb=$(for i in 1 2 3 4; do
                 c=$(tail -1 t$i.cpu | bc)
                 engines s$i.err | awk -v c="$c" '{s += $2; if ($2 > m) m = $2} END{r = c - s; if (r < 0) r = 0; print c, m + r}'
             done | awk '{t += $1; if ($2 > p) p = $2} END{print (t / 2 > p ? t / 2 : p)}')
        pse+=("$(awk "BEGIN{print $(sed -n 1p cpu) / ($lb + $(tail -1 tm.cpu | bc))}")")
        echo "bench parallel: run $r: shard CPU s: $(for i in 1 2 3 4; do tail -1 t$i.cpu | bc; done | tr '\n' ' ')merge $(tail -1 tm.cpu | bc)"
        # the same schedule by steps run (planning's and the engines'):
        # the same every run
        ss=$(for i in 1 2 3 4; do steps_run s$i.err; done | awk '{ if (a <= b) a += $1; else b += $1 } END{print (a > b ? a : b)}')
        pst=$(awk "BEGIN{print $(steps_run one.json.err) / $ss}")
        # the balance: the busiest shard over the mean (planning counted in
        # each), by steps and by CPU
        mms+=("$(for i in 1 2 3 4; do steps_run s$i.err; done | maxmean)")
        mmc+=("$(for i in 1 2 3 4; do tail -1 t$i.cpu | bc; done | maxmean)")
        echo "bench parallel: run $r: shard steps run (planning + engines): $(for i in 1 2 3 4; do steps_run s$i.err; done | tr '\n' ' ')-j 1: $(steps_run one.json.err)"
        # the work each shard did (its summary line: executions)
        echo "bench parallel: run $r: shard executions: $(for i in 1 2 3 4; do grep -oE '^[0-9]+ executions' s$i.out | grep -oE '^[0-9]+' || echo '?'; done | tr '\n' ' ')"
    fi
done
if ! cmp -s <(strip < one.json) <(strip < two.json); then
    echo "bench parallel: -j 2 did not give what -j 1 gives" >&2; exit 1
fi
execs=$(python3 -c 'import json; print(json.load(open("one.json"))["executions"])')
WEFT_GIFT_EVERY=1000000000 "$WEFT" explore locks.go --json > single.json
single=$(python3 -c 'import json; print(json.load(open("single.json"))["executions"])')
m1=$(median "${t1[@]}"); m2=$(median "${t2[@]}")
first=$(grep -oE '[0-9]+ before its first gift' one.json.err | grep -oE '^[0-9]+')
echo "bench parallel: the search gave its first gift after ${first:-?} executions (its bounded rounds run on one engine)"
loadl=$(printf '%s ' "${loads[@]}")
printf 'bench parallel: -j 2 over -j 1 by CPU (the busiest engine): %.2fx; by wall clock: %.2fx (medians of %s; goal >= 1.8x; load %sat the runs, on %s cores)\n' \
    "$(median "${bal[@]}")" "$(median "${wal[@]}")" "$runs" "$loadl" "$(nproc)"
printf 'bench parallel: explore -j 1: %.2fs, -j 2: %.2fs wall (%s executions; the search without gifts: %s)\n' \
    "$m1" "$m2" "$execs" "$single"
printf 'bench parallel: CPU: -j 1 engine %.3fs, -j 2 busiest engine %.3fs, the search without gifts %.3fs: -j 2 over it %.2fx (medians of %s)\n' \
    "$(median "${e1[@]}")" "$(median "${e2[@]}")" "$(median "${e0[@]}")" "$(median "${bal0[@]}")" "$runs"
printf 'bench parallel: -j 1'"'"'s searches scheduled on 2 idle engines as the pool runs them (each search'"'"'s own CPU; load-free): %.2fx (median of %s; goal >= 1.8x); critical path %.3fs\n' \
    "$(median "${sched[@]}")" "$runs" "$(median "${crit[@]}")"
printf 'bench parallel: the share of the 2 cores this session got: -j 1 %.2f, -j 2 %.2f cores (2 idle cores: 1 and 2)\n' \
    "$(median "${sh1[@]}")" "$(median "${sh2[@]}")"
printf 'bench parallel: -j 2 on 2 idle cores, from CPU times (busiest engine + serial part): %.2fx (median of %s; goal >= 1.8x)\n' \
    "$(median "${pj2[@]}")" "$runs"
p1=$(median "${c1[@]}"); p2=$(median "${c2[@]}")
printf 'bench parallel: CPU (user+sys) per execution: -j 1 %.0fus, -j 2 %.0fus (%.2fx the work of -j 1)\n' \
    "$(awk "BEGIN{print $p1 * 1e6 / $execs}")" "$(awk "BEGIN{print $p2 * 1e6 / $execs}")" \
    "$(awk "BEGIN{print $p2 / $p1}")"
if [ ${#ts[@]} -gt 0 ]; then
    rm -f r.db rm.db
    # the unsharded reference of shards is --shard 1/1 (one shard: every
    # part): the merge gives its findings, outcomes and executions
    "$WEFT" explore locks.go --shard 1/1 --db r.db > /dev/null 2>&1
    "$WEFT" merge rm.db r.db --json > ref.json
    if ! cmp -s <(strip < ref.json) <(strip < merged.json); then
        echo "bench parallel: the merged shards did not give what --shard 1/1 gives" >&2; exit 1
    fi
    ms=$(median "${ts[@]}")
    printf 'bench parallel: 4 shards by GNU parallel -j 2 + merge: %.2fs: %.2fx of -j 1 (goal >= 1.7x)\n' \
        "$ms" "$(awk "BEGIN{print $m1 / $ms}")"
    printf 'bench parallel: 4 shards on 2 idle slots + merge, from CPU times (a shard counted as one slot; it runs its parts on engines of its own, so a shard left alone uses both cores): %.2fx of -j 1 (median of %s; goal >= 1.7x)\n' \
        "$(median "${psh[@]}")" "$runs"
    printf 'bench parallel: 4 shards on 2 slots by steps run (planning + engines, load-free; the merge not counted): %.2fx of -j 1 (goal >= 1.7x)\n' "$pst"
    printf 'bench parallel: the shards'"'"' balance, busiest over mean: %s by steps, %s by CPU (median of %s; 1.00 is even)\n' \
        "$(median "${mms[@]}")" "$(median "${mmc[@]}")" "$runs"
    printf 'bench parallel: 4 shards on 2 idle cores + merge, from CPU times with each shard'"'"'s engines counted (at most; a lower bound of the time): %.2fx of -j 1 (median of %s)\n' \
        "$(median "${pse[@]}")" "$runs"
else
    echo "bench parallel: GNU parallel is not installed: no shard figure"
fi
# Beyond the bench program (the planning budgets and estimates were
# chosen on it): 4 shards, each alone (-j 1), against -j 1, on programs
# of searches of 1 to 5 s: scenarios, and Go programs generated from a
# seed (goroutines taking locks, atomics, a buffered channel), one run
# each (steps are load-free; the CPU figure is one run's)
if [ "${PAR_MORE:-1}" = 1 ] && command -v python3 >/dev/null 2>&1; then
    gen() { # SEED GOROUTINES OPS: a Go program
        python3 - "$@" <<'PY'
import random, sys
seed, G, K = map(int, sys.argv[1:4])
r = random.Random(seed)
out = ["package main", "", "import (", "\t\"sync\"", "\t\"sync/atomic\"", ")", "",
       "func main() {", "\tvar mu [3]sync.Mutex", "\tvar x [3]int", "\tvar a int64",
       "\tch := make(chan int, 2)", "\tvar wg sync.WaitGroup"]
sends = 0
for g in range(G):
    out += ["\twg.Add(1)", "\tgo func() {", "\t\tdefer wg.Done()"]
    for k in range(K):
        c = r.random()
        if c < 0.55 or c >= 0.88:
            m, v = r.randrange(3), r.randrange(3)
        if c < 0.55:
            out += [f"\t\tmu[{m}].Lock()", f"\t\tx[{v}]++", f"\t\tmu[{m}].Unlock()"]
        elif c < 0.75:
            out += ["\t\tatomic.AddInt64(&a, 1)"]
        elif c < 0.88:
            out += [f"\t\tch <- {g}"]
            sends += 1
        else:
            out += [f"\t\tmu[{m}].Lock()", f"\t\t_ = x[{v}]", f"\t\tmu[{m}].Unlock()"]
    out += ["\t}()"]
out += [f"\tfor i := 0; i < {sends}; i++ {{", "\t\t<-ch", "\t}", "\twg.Wait()", "}"]
print("\n".join(out))
PY
    }
    gen 6 4 4 > g6_4_4.go; gen 6 5 3 > g6_5_3.go; gen 7 4 3 > g7_4_3.go
    gen 8 4 3 > g8_4_3.go; gen 8 5 2 > g8_5_2.go; gen 3 4 3 > g3_4_3.go
    sched2() { awk '{ if (a <= b) a += $1; else b += $1 } END{print (a > b ? a : b)}'; }
    for f in g6_4_4.go g6_5_3.go g7_4_3.go g8_4_3.go g8_5_2.go g3_4_3.go \
             "$root"/tests/correct/semaphore_chan.go "$root"/tests/correct/fan_in_done.go \
             "$root"/tests/correct/gobyexample_waitgroups.go; do
        rm -f o?.db om.db
        WEFT_ENGINE_STATS=1 /usr/bin/time -f %U+%S -o o0.cpu "$WEFT" explore "$f" -j 1 --json > o0.out 2> o0.err
        for i in 1 2 3 4; do
            WEFT_ENGINE_STATS=1 /usr/bin/time -f %U+%S -o o$i.cpu "$WEFT" explore "$f" -j 1 --shard $i/4 --db o$i.db > o$i.out 2> o$i.err
        done
        /usr/bin/time -f %U+%S -o om.cpu "$WEFT" merge om.db o1.db o2.db o3.db o4.db > /dev/null 2>&1
        st=$(for i in 1 2 3 4; do steps_run o$i.err; done | tr '\n' ' ')
        cp=$(for i in 1 2 3 4; do tail -1 o$i.cpu | bc; done | tr '\n' ' ')
        s0=$(steps_run o0.err) c0=$(tail -1 o0.cpu | bc) cm=$(tail -1 om.cpu | bc)
        printf 'bench parallel: other program %s (%s executions): shard steps %s(-j 1 %s), CPU s %s(-j 1 %s, merge %s): busiest/mean %s steps, %s CPU; 4 shards on 2 slots %.2fx of -j 1 by steps, %.2fx by CPU with the merge (goal >= 1.7x)\n' \
            "$(basename "$f")" "$(python3 -c 'import json; print(json.load(open("o0.out"))["executions"])' 2>/dev/null)" \
            "$st" "$s0" "$cp" "$c0" "$cm" "$(echo $st | tr ' ' '\n' | maxmean)" "$(echo $cp | tr ' ' '\n' | maxmean)" \
            "$(awk "BEGIN{print $s0 / $(echo $st | tr ' ' '\n' | sched2)}")" \
            "$(awk "BEGIN{print $c0 / ($(echo $cp | tr ' ' '\n' | sched2) + $cm)}")"
    done
fi
echo "bench parallel: load: $(uptime) on $(nproc) cores (other work skews the ratios)"
