// expect: ok
//
// A delayed-task scheduler built on time.AfterFunc: Schedule registers a
// task under an id, Cancel stops its timer and reports whether it was
// stopped before it ran. The callback and Cancel race for the task; the
// map entry, removed under the mutex by whichever comes first, decides
// who owns it, so a task runs at most once and a cancelled one never.
// (outside round 5: a correct program written as engineers write it;
// go run -race prints the same and reports nothing.)
package main

import (
	"fmt"
	"sort"
	"sync"
	"time"
)

type Scheduler struct {
	mu    sync.Mutex
	tasks map[int]*time.Timer
	ran   []int
	wg    sync.WaitGroup
}

func NewScheduler() *Scheduler { return &Scheduler{tasks: map[int]*time.Timer{}} }

func (s *Scheduler) Schedule(id int, after time.Duration, fn func()) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.wg.Add(1)
	s.tasks[id] = time.AfterFunc(after, func() {
		s.mu.Lock()
		_, mine := s.tasks[id]
		delete(s.tasks, id)
		s.mu.Unlock()
		if mine {
			fn()
			s.mu.Lock()
			s.ran = append(s.ran, id)
			s.mu.Unlock()
			s.wg.Done()
		}
	})
}

func (s *Scheduler) Cancel(id int) bool {
	s.mu.Lock()
	t, ok := s.tasks[id]
	delete(s.tasks, id)
	s.mu.Unlock()
	if !ok {
		return false // already running or ran
	}
	t.Stop() // may be too late to stop the callback, which then finds no entry
	s.wg.Done()
	return true
}

func (s *Scheduler) Wait() []int {
	s.wg.Wait()
	s.mu.Lock()
	defer s.mu.Unlock()
	out := append([]int(nil), s.ran...)
	sort.Ints(out)
	return out
}

func main() {
	s := NewScheduler()
	var mu sync.Mutex
	count := map[int]int{}
	for id := 1; id <= 3; id++ {
		id := id
		s.Schedule(id, time.Duration(id)*10*time.Millisecond, func() {
			mu.Lock()
			count[id]++
			mu.Unlock()
		})
	}
	cancelled := s.Cancel(3)
	time.Sleep(15 * time.Millisecond)
	late := s.Cancel(1) // ran at 10 ms
	ran := s.Wait()
	fmt.Println(ran, cancelled, late, count[1], count[3])
}
