// expect: race
// Struct embedding: a Mutex embedded in a struct (promoted Lock/Unlock),
// value and pointer receivers, an interface satisfied through embedding,
// and a method value passed to a goroutine. Snapshot's value receiver
// reads the counter without the lock: a data race.
package main

import (
	"fmt"
	"strings"
	"sync"
	"sync/atomic"
)

type Stats struct {
	sync.Mutex
	counts map[string]int
	total  atomic.Int64
}

type Named interface {
	fmt.Stringer
	Name() string
}

type Service struct {
	*Stats
	name string
	once sync.Once
}

func (s *Stats) Inc(key string) {
	s.Lock()
	defer s.Unlock()
	if s.counts == nil {
		s.counts = make(map[string]int)
	}
	s.counts[key]++
	s.total.Add(1)
}

func (s *Stats) Snapshot() map[string]int {
	out := make(map[string]int, len(s.counts))
	for k, v := range s.counts { // no lock: races with Inc
		out[k] = v
	}
	return out
}

func (s Service) Name() string    { return s.name }
func (s *Service) String() string { return "service " + strings.ToUpper(s.name) }

func (s *Service) init() {
	s.once.Do(func() { s.Stats = &Stats{} })
}

type Level int

const (
	Debug Level = iota
	Info
	Warn
)

func (l Level) String() string {
	switch l {
	case Debug:
		return "debug"
	case Info:
		return "info"
	}
	return "level(" + fmt.Sprint(int(l)) + ")"
}

func main() {
	svc := &Service{name: "api"}
	svc.init()
	var n Named = svc
	inc := svc.Inc // method value
	var wg sync.WaitGroup
	for i := 0; i < 2; i++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			inc("hits")
		}()
	}
	snap := svc.Snapshot()
	wg.Wait()
	fmt.Println(n, n.Name(), len(snap), svc.total.Load(), Warn)
	f := (*Stats).Inc // method expression
	f(svc.Stats, "misses")
}
