// context: cancellation reaching workers and a tree of contexts, values,
// timeouts and deadlines on virtual time, causes, WithoutCancel, and a
// parent of the program's own type. No interleaving leaks or races.
package main

import (
	"context"
	"errors"
	"fmt"
	"time"
)

type key string

var extras func()

func worker(ctx context.Context, id int, out chan<- string) {
	<-ctx.Done()
	out <- fmt.Sprint("worker ", id, " stop: ", ctx.Err())
}

func main() {
	start := time.Now()
	ctx, cancel := context.WithCancel(context.Background())
	out := make(chan string)
	go worker(ctx, 1, out)
	child, ccancel := context.WithCancel(context.WithValue(ctx, key("user"), "ann"))
	defer ccancel()
	go worker(child, 2, out)
	time.Sleep(35 * time.Millisecond)
	cancel()
	cancel()
	a, b := <-out, <-out
	if a > b {
		a, b = b, a
	}
	fmt.Println(a)
	fmt.Println(b)
	fmt.Println(child.Value(key("user")), child.Value("user"), child.Err())
	fmt.Println(ctx, child)

	tctx, tcancel := context.WithTimeout(context.Background(), 50*time.Millisecond)
	defer tcancel()
	dl, ok := tctx.Deadline()
	fmt.Println(dl.Sub(start), ok)
	select {
	case <-tctx.Done():
		fmt.Println("timed out at", time.Since(start), tctx.Err(), errors.Is(tctx.Err(), context.DeadlineExceeded))
	case <-time.After(time.Second):
		fmt.Println("no timeout")
	}
	d2, c2 := context.WithDeadline(tctx, time.Now().Add(time.Hour))
	<-d2.Done()
	fmt.Println(d2.Err())
	c2()
	fmt.Println(context.TODO(), context.Background().Err(), context.Background().Done() == nil)
	cc, cf := context.WithCancelCause(context.Background())
	cf(errors.New("boom"))
	fmt.Println(cc.Err(), context.Cause(cc))
	extras()
}

// myCtx is a Context of the program's own type: a child of it is
// cancelled by a goroutine watching its Done channel, as in Go.
type myCtx struct {
	context.Context
	done chan struct{}
}

func (c *myCtx) Done() <-chan struct{} { return c.done }
func (c *myCtx) Err() error {
	select {
	case <-c.done:
		return context.Canceled
	default:
		return nil
	}
}

func init() {
	extras = func() {
		// cancelling a parent cancels the whole tree below it
		root, cancel := context.WithCancel(context.Background())
		mid, midCancel := context.WithCancel(root)
		leaf, leafCancel := context.WithTimeout(mid, time.Hour)
		defer midCancel()
		defer leafCancel()
		cancel()
		<-leaf.Done()
		fmt.Println("tree:", root.Err(), mid.Err(), leaf.Err(), leaf.Done() == leaf.Done())

		// a child made from a cancelled parent starts cancelled
		late, lateCancel := context.WithCancel(root)
		fmt.Println("late:", late.Err())
		lateCancel()

		// a later child deadline keeps the parent's earlier one
		p, pc := context.WithTimeout(context.Background(), time.Second)
		c, cc := context.WithTimeout(p, time.Hour)
		d1, _ := p.Deadline()
		d2, _ := c.Deadline()
		fmt.Println("deadline kept:", d1 == d2)
		cc()
		pc()

		// an expired deadline is exceeded at once
		e, ec := context.WithDeadline(context.Background(), time.Now().Add(-time.Second))
		fmt.Println("expired:", e.Err())
		ec()

		// WithoutCancel keeps values, drops cancellation
		v := context.WithValue(root, "k", 7)
		w := context.WithoutCancel(v)
		fmt.Println("without cancel:", w.Err(), w.Done() == nil, w.Value("k"))

		// a parent of the program's own type
		mine := &myCtx{Context: context.Background(), done: make(chan struct{})}
		kid, kidCancel := context.WithCancel(mine)
		defer kidCancel()
		close(mine.done)
		<-kid.Done()
		fmt.Println("own parent:", kid.Err())
		fmt.Println(context.DeadlineExceeded, context.Canceled)
	}
}
