// expect: ok outcomes "accepted 5, handled 5\nshutdown complete\n"
//
// Graceful shutdown driven by a signal-like channel: the listener stops
// accepting on the signal, in-flight handlers finish, then the closers
// run in reverse order of registration.
// (outside round 4: a correct program written as engineers write it;
// go run -race prints the same and reports nothing.)
package main

import (
	"context"
	"fmt"
	"os"
	"sync"
	"syscall"
	"time"
)

type Server struct {
	conns    chan int
	wg       sync.WaitGroup
	mu       sync.Mutex
	handled  int
	accepted int
	closers  []func()
}

func (s *Server) OnShutdown(f func()) {
	s.mu.Lock()
	s.closers = append(s.closers, f)
	s.mu.Unlock()
}

func (s *Server) Serve(ctx context.Context) {
	for {
		select {
		case <-ctx.Done():
			return
		case c, ok := <-s.conns:
			if !ok {
				return
			}
			s.mu.Lock()
			s.accepted++
			s.mu.Unlock()
			s.wg.Add(1)
			go s.handle(c)
		}
	}
}

func (s *Server) handle(c int) {
	defer s.wg.Done()
	time.Sleep(time.Duration(c) * time.Millisecond)
	s.mu.Lock()
	s.handled++
	s.mu.Unlock()
}

func (s *Server) Shutdown() {
	s.wg.Wait()
	s.mu.Lock()
	closers := s.closers
	s.closers = nil
	s.mu.Unlock()
	for i := len(closers) - 1; i >= 0; i-- {
		closers[i]()
	}
}

func main() {
	sigs := make(chan os.Signal, 1)
	s := &Server{conns: make(chan int)}
	var log []string
	s.OnShutdown(func() { log = append(log, "db") })
	s.OnShutdown(func() { log = append(log, "cache") })

	ctx, cancel := context.WithCancel(context.Background())
	served := make(chan struct{})
	go func() {
		s.Serve(ctx)
		close(served)
	}()
	go func() {
		for i := 1; i <= 5; i++ {
			s.conns <- i
		}
		sigs <- syscall.SIGTERM
	}()

	<-sigs
	cancel()
	<-served
	s.Shutdown()
	fmt.Printf("accepted %d, handled %d\n", s.accepted, s.handled)
	if len(log) == 2 && log[0] == "cache" && log[1] == "db" {
		fmt.Println("shutdown complete")
	}
}
