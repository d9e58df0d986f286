// exec: os/exec over weft's opaque processes (os/process.go): a command
// reads no input, writes nothing and never runs (Wait says so) unless killed
// first; the parent's side (pipes, the goroutines copying into
// Stdout/Stderr, Wait, the errors) is Go's. The other exec_*.go: Output,
// pipes, Kill against the exit, and the race of reading an output buffer
// before Wait returns.
package main

import (
	"bytes"
	"fmt"
	"os"
	"os/exec"
)

func main() {
	cmd := exec.Command("sh", "-c", "ls")
	fmt.Println(cmd, cmd.Args, len(cmd.Args), cmd.Err)
	var b bytes.Buffer
	cmd.Stdout, cmd.Stderr = &b, &b
	fmt.Println(cmd.Start(), cmd.Process.Pid > 1, cmd.Start())
	fmt.Println(cmd.Wait(), cmd.ProcessState, cmd.ProcessState.ExitCode(), cmd.ProcessState.Success(), b.Len())
	fmt.Println(cmd.Wait())
	fmt.Println(cmd.Process.Kill() == os.ErrProcessDone)
	fmt.Println(exec.Command("true").Wait())
	fmt.Println(exec.Command("").Run())
	_, err := exec.LookPath("")
	fmt.Println(err)
}
