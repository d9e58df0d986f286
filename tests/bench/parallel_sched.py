#!/usr/bin/env python3
"""parallel_sched.py TRACE [N...]: the schedule of a -j 1 run's searches on
N idle engines (make bench, tests/bench/parallel.sh).

TRACE: the stderr of `weft explore -j 1` with WEFT_ENGINE_TRACE=1 (lines
"weft: trace ENGINE KIND UNIT OTHER CPU"). -j 1 runs every search (the
command's, unit 0, and each gift) on one engine, so the CPU between two
events of a search is that search's own work, and the searches, their
gifts and the points where each waits for a gift's result are those of
every -j N (they depend on each search's own count of executions only).
This replays them on N engines as cli_parts.c's pool runs them: an idle
engine takes the oldest gift queued; a search that waits for a gift
nobody took runs it itself, else runs the oldest queued meanwhile, else
waits; a chained gift (event A: it starts after another gift's end, a
giver having left its node before joining that one) is queued when that
one ends. So the figure is the speed-up the search allows on N idle cores,
whatever the load of the machine it was measured on (the CPU times are
the thread's own). Prints, per N: the time on N engines, each engine's
busy time, and the speed-up over the total; and the critical path (the
time on as many engines as searches)."""
import sys
from collections import defaultdict


def parse(path):
    ev = []
    for line in open(path):
        a = line.split()
        if len(a) == 7 and a[0] == 'weft:' and a[1] == 'trace':
            ev.append((a[3], int(a[4]), int(a[5]), float(a[6])))
    items = defaultdict(list)
    last = {}
    after = {}
    for kind, u, v, cpu in ev:
        if kind == 'A':
            after[u] = v
            continue
        if kind == 'S':
            last[u] = cpu
            continue
        if last.get(u) is not None and cpu > last[u]:
            items[u].append(('work', cpu - last[u]))
        if kind == 'G':
            items[u].append(('give', v))
            last[u] = cpu
        elif kind == 'W':
            items[u].append(('wait', v))
            last[u] = None
        elif kind == 'w':
            last[u] = cpu
        elif kind == 'E':
            last[u] = None
    return items, after


def schedule(items, follows, n):
    queue, done = [], set()
    held = {}  # a chained gift given before the one it follows ended
    procs = [[] for _ in range(n)]
    procs[0].append([0, 0, None])
    t, busy = 0.0, [0.0] * n

    def settle(p):
        """Run p's non-work items; True when its top search has work."""
        st = procs[p]
        while True:
            if not st:
                if not queue:
                    return False
                st.append([queue.pop(0), 0, None])
            fr = st[-1]
            its = items[fr[0]]
            if fr[1] >= len(its):
                done.add(fr[0])
                queue.extend(held.pop(fr[0], []))
                st.pop()
                if not st:
                    return False
                continue
            kind, a = its[fr[1]]
            if kind == 'work':
                if fr[2] is None:
                    fr[2] = a
                return True
            if kind == 'give':
                if follows.get(a) is not None and follows[a] not in done:
                    held.setdefault(follows[a], []).append(a)
                else:
                    queue.append(a)
                fr[1] += 1
            elif a in done:
                fr[1] += 1
            elif any(a in h for h in held.values()):
                # the chained gift waits for the one it follows: run
                # queued work meanwhile, else wait
                if queue:
                    st.append([queue.pop(0), 0, None])
                else:
                    return False
            elif a in queue:
                queue.remove(a)
                st.append([a, 0, None])
            elif queue:
                st.append([queue.pop(0), 0, None])
            else:
                return False

    while True:
        moved = True
        while moved:
            moved = False
            for p in range(n):
                before = (len(procs[p]), procs[p][-1][1] if procs[p] else -1,
                          len(queue), len(done))
                settle(p)
                after = (len(procs[p]), procs[p][-1][1] if procs[p] else -1,
                         len(queue), len(done))
                moved = moved or before != after
        run = [p for p in range(n) if procs[p] and procs[p][-1][2] is not None]
        if not run:
            if any(procs) or queue:
                raise SystemExit('parallel_sched: the trace does not close')
            return t, busy
        dt = min(procs[p][-1][2] for p in run)
        t += dt
        for p in run:
            fr = procs[p][-1]
            fr[2] -= dt
            busy[p] += dt
            if fr[2] <= 1e-12:
                fr[1] += 1
                fr[2] = None


def main():
    items, after = parse(sys.argv[1])
    if not items:
        raise SystemExit('parallel_sched: no trace (WEFT_ENGINE_TRACE=1)')
    total = sum(w for its in items.values() for k, w in its if k == 'work')
    print('searches %d work %.3f' % (len(items), total))
    for n in [int(a) for a in sys.argv[2:]] or [2]:
        t, busy = schedule(items, after, n)
        print('engines %d time %.3f busy %s speed-up %.2f' %
              (n, t, ','.join('%.3f' % b for b in busy), total / t))
    t, _ = schedule(items, after, len(items))
    print('critical path %.3f (speed-up at most %.2f)' % (t, total / t))


main()
