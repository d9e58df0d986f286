// exec_output: Output gives the command's standard output (the opaque
// process writes none) and no error for a zero exit status.
package main

import (
	"fmt"
	"os/exec"
)

func main() {
	out, err := exec.Command("echo", "hi").Output()
	fmt.Printf("%q %v\n", out, err)
}
