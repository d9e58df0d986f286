// expect: deadlock
//
// "Understanding Real-World Concurrency Bugs in Go" (Tu et al., 2019),
// a blocking bug of the Docker kind: the manager waits for its workers
// (WaitGroup.Wait) while holding the mutex each worker takes to report,
// so no worker can finish and the manager waits forever.
package main

import (
	"fmt"
	"sync"
)

type manager struct {
	mu      sync.Mutex
	reports []string
}

func (m *manager) run(tasks []string) {
	var wg sync.WaitGroup
	m.mu.Lock()
	defer m.mu.Unlock()
	for _, t := range tasks {
		wg.Add(1)
		go func(t string) {
			defer wg.Done()
			m.mu.Lock()
			m.reports = append(m.reports, t+" done")
			m.mu.Unlock()
		}(t)
	}
	wg.Wait()
}

func main() {
	var m manager
	m.run([]string{"build", "push"})
	fmt.Println(len(m.reports))
}
