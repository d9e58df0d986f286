// os/signal and syscall: signals are named and compared as in Go; none is
// ever delivered, so a program waits with a timeout, and NotifyContext's
// context ends by its stop function.
package main

import (
	"context"
	"fmt"
	"os"
	"os/signal"
	"syscall"
	"time"
)

func main() {
	c := make(chan os.Signal, 1)
	signal.Notify(c, os.Interrupt, syscall.SIGTERM)
	fmt.Println(syscall.SIGTERM, syscall.SIGINT == os.Interrupt, syscall.Signal(99), os.Kill)
	select {
	case s := <-c:
		fmt.Println("got", s)
	case <-time.After(time.Second):
		fmt.Println("no signal within a second")
	}
	signal.Stop(c)
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt)
	stop()
	<-ctx.Done()
	fmt.Println(ctx.Err())
}
