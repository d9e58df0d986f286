// exec_pipes: StdoutPipe reads to EOF once the process has exited (and
// the parent's copy of the write end is closed by Start); a write into
// StdinPipe that the process never reads fails with a broken pipe once
// it has exited, and Wait ignores that, as Go does.
package main

import (
	"fmt"
	"io"
	"os/exec"
)

func main() {
	c := exec.Command("cat")
	r, _ := c.StdoutPipe()
	_, err := c.StdoutPipe()
	fmt.Println(err, c.Start())
	data, err := io.ReadAll(r)
	fmt.Println(len(data), err, c.Wait())

	c = exec.Command("cat")
	w, _ := c.StdinPipe()
	c.Start()
	_, err = w.Write([]byte("never read"))
	fmt.Println(err, c.Wait())
}
