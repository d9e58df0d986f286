// exec_kill: Kill races with the process's exit, and both orders are
// explored: killed first, Wait says "signal: killed" (an ExitError, exit
// code -1); exited first, Kill says the process is done and Wait
// succeeds. A CommandContext whose context is done does not start.
package main

import (
	"context"
	"errors"
	"fmt"
	"os/exec"
)

func main() {
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	fmt.Println(exec.CommandContext(ctx, "sleep", "1").Run())

	var ee *exec.ExitError
	c := exec.Command("sleep", "10")
	c.Start()
	kerr := c.Process.Kill()
	err := c.Wait()
	fmt.Println(kerr, errors.As(err, &ee), err, c.ProcessState.ExitCode())
}
