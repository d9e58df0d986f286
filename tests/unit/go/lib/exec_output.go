// exec_output: Output gives the command's standard output (the opaque
// process writes none) and the error saying weft could not run it: never
// a success (a program trusting the output would print a wrong result).
package main

import (
	"fmt"
	"os/exec"
)

func main() {
	out, err := exec.Command("echo", "hi").Output()
	fmt.Printf("%q %v\n", out, err)
}
