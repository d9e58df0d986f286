// log: the standard logger's header on virtual time (0 is the epoch),
// prefixes and flags, a Logger of its own writing to a strings.Builder,
// Panic, and Fatal ending the program as os.Exit(1) does: no deferred
// call runs, and weft reports the exit.
package main

import (
	"fmt"
	"log"
	"strings"
	"sync"
	"time"
)

func main() {
	defer fmt.Println("deferred: never printed, os.Exit runs no defers")
	log.Println("starting", 1)
	time.Sleep(90*time.Minute + 1500*time.Millisecond)
	log.Printf("after %v", 90*time.Minute)
	log.SetFlags(log.LstdFlags | log.Lmicroseconds | log.Lshortfile)
	log.SetPrefix("[app] ")
	log.Print("with file")
	log.SetFlags(log.Lmsgprefix)
	log.Print("prefix last\n")
	fmt.Println(log.Prefix(), log.Flags() == log.Lmsgprefix)

	var b strings.Builder
	l := log.New(&b, "mine: ", 0)
	var wg sync.WaitGroup
	for i := 0; i < 2; i++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			l.Printf("worker")
		}()
	}
	wg.Wait()
	fmt.Printf("%q\n", b.String())
	func() {
		defer func() { fmt.Println("recovered:", recover()) }()
		log.Panicf("bad %d", 7)
	}()
	log.Fatalf("giving up after %d tries", 3)
	fmt.Println("not reached")
}
