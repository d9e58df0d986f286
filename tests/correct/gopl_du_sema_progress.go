// expect: ok
// weft: --max-executions 300
//
// The Go Programming Language, 8.8 (du4) from memory, over an in-memory
// file tree: one goroutine per directory, a counting semaphore of 4
// limiting the concurrent "ReadDir" calls, a closer goroutine closing
// fileSizes once every walker is done, and a progress ticker in main's
// select loop (stopped before returning). A done channel lets main cancel
// the walk, but here the walk runs to the end. The totals are printed.
package main

import (
	"fmt"
	"path"
	"sync"
	"time"
)

type node struct {
	name     string
	size     int64
	children []*node
}

func dir(name string, kids ...*node) *node { return &node{name: name, children: kids} }
func file(name string, size int64) *node   { return &node{name: name, size: size} }

var root = dir("/",
	dir("usr",
		dir("bin", file("go", 14_000), file("gofmt", 3_000)),
		dir("lib", file("libc.so", 2_000), dir("go", file("pkg.a", 9_000), file("tool", 1_000)))),
	dir("home",
		dir("ann", file("notes.txt", 12), file("todo.md", 30)),
		dir("bob")),
	file("vmlinuz", 8_000),
)

var tree = map[string]*node{}

func index(prefix string, n *node) {
	p := path.Join(prefix, n.name)
	tree[p] = n
	for _, c := range n.children {
		index(p, c)
	}
}

var sema = make(chan struct{}, 4)

var done = make(chan struct{})

func cancelled() bool {
	select {
	case <-done:
		return true
	default:
		return false
	}
}

func dirents(d string) []*node {
	select {
	case sema <- struct{}{}: // acquire token
	case <-done:
		return nil // cancelled
	}
	defer func() { <-sema }() // release token
	return tree[d].children
}

func walkDir(d string, n *sync.WaitGroup, fileSizes chan<- int64) {
	defer n.Done()
	if cancelled() {
		return
	}
	for _, entry := range dirents(d) {
		if entry.children != nil || entry.size == 0 {
			n.Add(1)
			sub := path.Join(d, entry.name)
			go walkDir(sub, n, fileSizes)
		} else {
			fileSizes <- entry.size
		}
	}
}

func printDiskUsage(nfiles, nbytes int64) {
	fmt.Printf("%d files  %.1f KB\n", nfiles, float64(nbytes)/1e3)
}

func main() {
	index("", root)
	fileSizes := make(chan int64)
	var n sync.WaitGroup
	for _, r := range []string{"/usr", "/home", "/"} {
		n.Add(1)
		go walkDir(r, &n, fileSizes)
	}
	go func() {
		n.Wait()
		close(fileSizes)
	}()

	tick := time.NewTicker(500 * time.Millisecond)
	defer tick.Stop()
	var nfiles, nbytes int64
	reports := 0
loop:
	for {
		select {
		case size, ok := <-fileSizes:
			if !ok {
				break loop // fileSizes was closed
			}
			nfiles++
			nbytes += size
		case <-tick.C:
			reports++
		}
	}
	printDiskUsage(nfiles, nbytes)
	close(done)
}
