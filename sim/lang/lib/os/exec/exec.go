// Package exec: Go's os/exec over os.StartProcess. weft runs one program
// and cannot see another's code: the command runs as an opaque process
// (os/process.go) that reads none of its input, writes nothing and ends
// when the scheduler runs it, unless Kill (or the context of
// CommandContext) ended it first; it never ran the command, so Wait (and
// Run, Output, CombinedOutput) return an error saying weft cannot run
// another program, never a success. What the parent does around it is
// Go's: Start copies a non-File Stdin, Stdout and Stderr through pipes in
// goroutines of its own, Wait waits for the process and then for those
// goroutines, so a program reading its output buffer before Wait returns
// races with the copying as it does in Go.
package exec

import (
	"bytes"
	"context"
	"errors"
	"io"
	"os"
	"strconv"
	"strings"
)

// ErrNotFound is the error of a failed path search.
var ErrNotFound = errors.New("executable file not found in $PATH")

// Error is returned by LookPath when it fails to find an executable.
type Error struct {
	Name string
	Err  error
}

func (e *Error) Error() string {
	return "exec: " + strconv.Quote(e.Name) + ": " + e.Err.Error()
}

func (e *Error) Unwrap() error { return e.Err }

// ExitError reports an unsuccessful exit by a command.
type ExitError struct {
	*os.ProcessState
	Stderr []byte
}

func (e *ExitError) Error() string { return e.ProcessState.String() }

// LookPath finds file: weft has no file system to search, and every
// command runs as the same opaque process, so a non-empty name is found
// as it is.
func LookPath(file string) (string, error) {
	if file == "" {
		return "", &Error{file, ErrNotFound}
	}
	return file, nil
}

// Cmd is an external command being prepared or run.
type Cmd struct {
	Path         string
	Args         []string
	Env          []string
	Dir          string
	Stdin        io.Reader
	Stdout       io.Writer
	Stderr       io.Writer
	ExtraFiles   []*os.File
	Process      *os.Process
	ProcessState *os.ProcessState
	Err          error // LookPath's error, if any

	ctx             context.Context
	childFiles      []*os.File
	closeAfterStart []io.Closer
	closeAfterWait  []io.Closer
	goroutine       []func() error
	errch           chan error
	waitDone        chan struct{}
}

// Command returns the Cmd to run name with the given arguments.
func Command(name string, arg ...string) *Cmd {
	cmd := &Cmd{Path: name, Args: append([]string{name}, arg...)}
	if name != "" && !strings.Contains(name, "/") {
		lp, err := LookPath(name)
		if lp != "" {
			cmd.Path = lp
		}
		if err != nil {
			cmd.Err = err
		}
	}
	return cmd
}

// CommandContext is Command, the process killed if ctx is done before it
// exits.
func CommandContext(ctx context.Context, name string, arg ...string) *Cmd {
	if ctx == nil {
		panic("nil Context")
	}
	cmd := Command(name, arg...)
	cmd.ctx = ctx
	return cmd
}

// String is the command line, for people.
func (c *Cmd) String() string {
	if c.Err != nil || c.Path == "" {
		return strings.Join(c.Args, " ")
	}
	b := c.Path
	for _, a := range c.Args[1:] {
		b += " " + a
	}
	return b
}

// Environ is the environment the command would run in.
func (c *Cmd) Environ() []string {
	if c.Env != nil {
		return c.Env
	}
	return os.Environ()
}

func (c *Cmd) argv() []string {
	if len(c.Args) > 0 {
		return c.Args
	}
	return []string{c.Path}
}

func closeAll(cs []io.Closer) {
	for _, fd := range cs {
		fd.Close()
	}
}

// brokenPipe: the error of a write to a pipe whose reader is gone (the
// process exited without reading its input), which Wait ignores as Go
// does.
func brokenPipe(err error) bool {
	pe, ok := err.(*os.PathError)
	return ok && pe.Op == "write" && pe.Path == "|1" && pe.Err.Error() == "broken pipe"
}

func (c *Cmd) stdin() (*os.File, error) {
	if c.Stdin == nil {
		return nil, nil
	}
	if f, ok := c.Stdin.(*os.File); ok {
		return f, nil
	}
	pr, pw, err := os.Pipe()
	if err != nil {
		return nil, err
	}
	c.closeAfterStart = append(c.closeAfterStart, pr)
	c.closeAfterWait = append(c.closeAfterWait, pw)
	c.goroutine = append(c.goroutine, func() error {
		_, err := io.Copy(pw, c.Stdin)
		if brokenPipe(err) {
			err = nil
		}
		if err1 := pw.Close(); err == nil {
			err = err1
		}
		return err
	})
	return pr, nil
}

func (c *Cmd) writerDescriptor(w io.Writer) (*os.File, error) {
	if w == nil {
		return nil, nil
	}
	if f, ok := w.(*os.File); ok {
		return f, nil
	}
	pr, pw, err := os.Pipe()
	if err != nil {
		return nil, err
	}
	c.closeAfterStart = append(c.closeAfterStart, pw)
	c.closeAfterWait = append(c.closeAfterWait, pr)
	c.goroutine = append(c.goroutine, func() error {
		_, err := io.Copy(w, pr)
		pr.Close()
		return err
	})
	return pw, nil
}

// Start starts the command without waiting for it to complete.
func (c *Cmd) Start() error {
	if c.Path == "" && c.Err == nil && c.Process == nil {
		c.Err = errors.New("exec: no command")
	}
	if c.Err != nil {
		closeAll(c.closeAfterStart)
		closeAll(c.closeAfterWait)
		return c.Err
	}
	if c.Process != nil {
		return errors.New("exec: already started")
	}
	if c.ctx != nil {
		select {
		case <-c.ctx.Done():
			closeAll(c.closeAfterStart)
			closeAll(c.closeAfterWait)
			return c.ctx.Err()
		default:
		}
	}
	in, err := c.stdin()
	if err == nil {
		c.childFiles = append(c.childFiles, in)
		var out *os.File
		out, err = c.writerDescriptor(c.Stdout)
		c.childFiles = append(c.childFiles, out)
		if err == nil {
			if c.Stderr != nil && c.Stderr == c.Stdout {
				c.childFiles = append(c.childFiles, out)
			} else {
				out, err = c.writerDescriptor(c.Stderr)
				c.childFiles = append(c.childFiles, out)
			}
		}
	}
	if err != nil {
		closeAll(c.closeAfterStart)
		closeAll(c.closeAfterWait)
		return err
	}
	c.childFiles = append(c.childFiles, c.ExtraFiles...)
	c.Process, err = os.StartProcess(c.Path, c.argv(), &os.ProcAttr{
		Dir:   c.Dir,
		Files: c.childFiles,
		Env:   c.Environ(),
	})
	if err != nil {
		closeAll(c.closeAfterStart)
		closeAll(c.closeAfterWait)
		return err
	}
	closeAll(c.closeAfterStart)
	c.errch = make(chan error, len(c.goroutine))
	for _, fn := range c.goroutine {
		go func(fn func() error) {
			c.errch <- fn()
		}(fn)
	}
	if c.ctx != nil {
		c.waitDone = make(chan struct{})
		go func() {
			select {
			case <-c.ctx.Done():
				c.Process.Kill()
			case <-c.waitDone:
			}
		}()
	}
	return nil
}

// Wait waits for the command to exit and for the copying of its input
// and output to end.
func (c *Cmd) Wait() error {
	if c.Process == nil {
		return errors.New("exec: not started")
	}
	if c.ProcessState != nil {
		return errors.New("exec: Wait was already called")
	}
	state, err := c.Process.Wait()
	if c.waitDone != nil {
		close(c.waitDone)
	}
	c.ProcessState = state
	var copyError error
	for range c.goroutine {
		if err := <-c.errch; err != nil && copyError == nil {
			copyError = err
		}
	}
	closeAll(c.closeAfterWait)
	if err != nil {
		return err
	} else if !state.Success() {
		return &ExitError{ProcessState: state}
	}
	return copyError
}

// Run starts the command and waits for it.
func (c *Cmd) Run() error {
	if err := c.Start(); err != nil {
		return err
	}
	return c.Wait()
}

// Output runs the command and returns its standard output.
func (c *Cmd) Output() ([]byte, error) {
	if c.Stdout != nil {
		return nil, errors.New("exec: Stdout already set")
	}
	var stdout, stderr bytes.Buffer
	c.Stdout = &stdout
	captureErr := c.Stderr == nil
	if captureErr {
		c.Stderr = &stderr
	}
	err := c.Run()
	if err != nil && captureErr {
		if ee, ok := err.(*ExitError); ok {
			ee.Stderr = stderr.Bytes()
		}
	}
	return stdout.Bytes(), err
}

// CombinedOutput runs the command and returns its standard output and
// standard error together.
func (c *Cmd) CombinedOutput() ([]byte, error) {
	if c.Stdout != nil {
		return nil, errors.New("exec: Stdout already set")
	}
	if c.Stderr != nil {
		return nil, errors.New("exec: Stderr already set")
	}
	var b bytes.Buffer
	c.Stdout = &b
	c.Stderr = &b
	err := c.Run()
	return b.Bytes(), err
}

// StdinPipe returns a pipe connected to the command's standard input.
func (c *Cmd) StdinPipe() (io.WriteCloser, error) {
	if c.Stdin != nil {
		return nil, errors.New("exec: Stdin already set")
	}
	if c.Process != nil {
		return nil, errors.New("exec: StdinPipe after process started")
	}
	pr, pw, err := os.Pipe()
	if err != nil {
		return nil, err
	}
	c.Stdin = pr
	c.closeAfterStart = append(c.closeAfterStart, pr)
	c.closeAfterWait = append(c.closeAfterWait, pw)
	return pw, nil
}

// StdoutPipe returns a pipe connected to the command's standard output.
func (c *Cmd) StdoutPipe() (io.ReadCloser, error) { return c.outPipe(&c.Stdout, "Stdout") }

// StderrPipe returns a pipe connected to the command's standard error.
func (c *Cmd) StderrPipe() (io.ReadCloser, error) { return c.outPipe(&c.Stderr, "Stderr") }

func (c *Cmd) outPipe(w *io.Writer, name string) (io.ReadCloser, error) {
	if *w != nil {
		return nil, errors.New("exec: " + name + " already set")
	}
	if c.Process != nil {
		return nil, errors.New("exec: " + name + "Pipe after process started")
	}
	pr, pw, err := os.Pipe()
	if err != nil {
		return nil, err
	}
	*w = pw
	c.closeAfterStart = append(c.closeAfterStart, pw)
	c.closeAfterWait = append(c.closeAfterWait, pr)
	return pr, nil
}
