// expect: leak
// weft: --max-executions 300
//
// The leak is real: the coordinator's loop still waits on requests when
// main returns (a goroutine goleak would report; Go ends the program).
// From seeds/000 ("Beautiful Go patterns for concurrent access to shared
// resources and coordinating responses"): one shared unbuffered request
// channel and one shared response channel. Every routine gets the
// response meant for it: an unbuffered channel's rendezvous is the
// synchronisation.
package main

// demo the fact that we can just use one shared req and one resp channel.
// as long as they are unbuffered, the synchronization works just fine.
import "fmt"
import "sync"
import "math/rand"
import "time"

var requests = make(chan int)
var responses = make(chan string)

func routine(num int, wg *sync.WaitGroup) {
	// pretend this is a routine that's doing something, like serving a user session
	// but then we need to modify some shared state
	time.Sleep(time.Duration(rand.Intn(100)) * time.Millisecond)
	requests <- num
	resp := <-responses
	fmt.Printf("routine %d gets response: %s\n", num, resp)
	wg.Done()
}

func coordinator() {
	for {
		req := <-requests
		// in here, you can do whatever modifications to shared state you need.
		time.Sleep(time.Duration(rand.Intn(100)) * time.Millisecond) // simulate some heavy lifting
		responses <- fmt.Sprintf("this return value is meant for routine %d", req)
	}
}

func main() {
	go coordinator()
	var wg sync.WaitGroup
	for i := 0; i < 10; i++ {
		wg.Add(1)
		go routine(i, &wg)
	}
	wg.Wait()
}
