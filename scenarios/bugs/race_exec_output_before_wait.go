// expect: race
//
// Reading a command's Stdout buffer before Wait has returned races with
// the goroutine Start runs to copy the output into it (the shape of
// GoBench's moby#18412; Go's race detector reports the same pair: the
// read here, the write in bytes.Buffer under os/exec's copying). weft's
// os/exec runs the command as an opaque process (it writes nothing and
// ends when the scheduler runs it, without having run), and the copying as Go does.
package main

import (
	"bytes"
	"os/exec"
)

func main() {
	c := exec.Command("ls")
	var out bytes.Buffer
	c.Stdout = &out
	c.Start()
	done := make(chan error)
	go func() { done <- c.Wait() }()
	_ = out.String() // races with the copying into out
	<-done
}
