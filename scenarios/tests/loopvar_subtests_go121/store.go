package ratelimit

import "sync"

// Store counts requests per client behind one mutex.
type Store struct {
	mu     sync.Mutex
	counts map[string]int
	limit  int
}

func NewStore(limit int) *Store { return &Store{counts: map[string]int{}, limit: limit} }

// Allow reports whether client may make one more request.
func (s *Store) Allow(client string) bool {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.counts[client] >= s.limit {
		return false
	}
	s.counts[client]++
	return true
}

// server answers Allow requests from a goroutine, as a test fixture would.
type server struct {
	reqs chan request
	done chan struct{}
}

type request struct {
	client string
	reply  chan bool
}

func startServer(s *Store) *server {
	srv := &server{reqs: make(chan request), done: make(chan struct{})}
	go func() {
		defer close(srv.done)
		for r := range srv.reqs {
			r.reply <- s.Allow(r.client)
		}
	}()
	return srv
}

func (srv *server) ask(client string) bool {
	reply := make(chan bool, 1)
	srv.reqs <- request{client, reply}
	return <-reply
}

func (srv *server) stop() {
	close(srv.reqs)
	<-srv.done
}
