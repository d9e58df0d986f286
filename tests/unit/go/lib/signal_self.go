// signal_self: a signal the program sends itself (syscall.Kill of its
// own pid) is handled as Go's runtime handles it: delivered to the
// channels of signal.Notify without blocking the sender, nothing for an
// ignored one (signal.Ignore, which Reset does not undo), SIGCHLD
// ignored by default; another process's pid is no such process.
package main

import (
	"fmt"
	"os"
	"os/signal"
	"syscall"
)

func main() {
	c := make(chan os.Signal, 1)
	signal.Notify(c, syscall.SIGUSR1)
	fmt.Println(syscall.Kill(syscall.Getpid(), syscall.SIGUSR1))
	fmt.Println(<-c)
	signal.Stop(c)
	signal.Ignore(syscall.SIGTERM)
	signal.Reset(syscall.SIGTERM)
	fmt.Println(signal.Ignored(syscall.SIGTERM), syscall.Kill(syscall.Getpid(), syscall.SIGTERM))
	fmt.Println(syscall.Kill(syscall.Getpid(), syscall.SIGCHLD))
	fmt.Println(syscall.Kill(12345, 0))
}
