// process.go: Pipe and processes, for os/exec. weft runs one program and
// cannot see another's code, so a started process is an opaque one that
// runs as a goroutine of its own: it reads none of its input, writes
// nothing, and ends when the scheduler runs it, unless a signal (Kill)
// ended it first. It never ran the program it names, and weft does not
// pretend it did: Wait returns an error saying so (errNotRun), with a
// ProcessState that neither exited nor succeeded. Its open files are copies of the ones it
// was given (ProcAttr.Files), as a child's descriptors are: a pipe's
// reader sees EOF once the parent's and the process's copies of the
// write end are all closed. So the goroutines a parent runs around a
// process (os/exec's copying of its output into a bytes.Buffer) run as
// in Go, with every order against the process's exit explored.
package os

import (
	"errors"
	"io"
	"sync"
	"sync/atomic"
)

var errBrokenPipe = errors.New("broken pipe")

// errNotRun: what Wait says of a process weft could not run.
var errNotRun = errors.New("weft runs one program and cannot run another")

// the descriptor numbers of pipes and the ids of processes, in order of
// creation (the program's own: 0-2 are the standard streams, pid 1 the
// program)
var lastFd, lastPid atomic.Int64

func init() {
	lastFd.Store(2)
	lastPid.Store(1)
}

// pipeEnd is one end of a Pipe, open while a File (the parent's, or a
// process's copy) holds it.
type pipeEnd struct {
	mu    sync.Mutex
	opens int
	r     *io.PipeReader
	w     *io.PipeWriter
}

func (p *pipeEnd) hold() {
	p.mu.Lock()
	p.opens++
	p.mu.Unlock()
}

// release drops one holder; the last closes the end.
func (p *pipeEnd) release() {
	p.mu.Lock()
	p.opens--
	last := p.opens == 0
	p.mu.Unlock()
	if !last {
		return
	}
	if p.r != nil {
		p.r.Close()
	} else {
		p.w.Close()
	}
}

func (p *pipeEnd) read(name string, b []byte) (int, error) {
	if p.r == nil {
		return 0, &PathError{Op: "read", Path: name, Err: errors.New("bad file descriptor")}
	}
	n, err := p.r.Read(b)
	if err != nil && err != io.EOF {
		err = &PathError{Op: "read", Path: name, Err: err}
	}
	return n, err
}

func (p *pipeEnd) write(name string, b []byte) (int, error) {
	if p.w == nil {
		return 0, &PathError{Op: "write", Path: name, Err: errors.New("bad file descriptor")}
	}
	n, err := p.w.Write(b)
	if err != nil {
		err = &PathError{Op: "write", Path: name, Err: errBrokenPipe}
	}
	return n, err
}

// Pipe returns a connected pair of Files, in memory: reads from r return
// the bytes written to w; a Write blocks until reads have taken all its
// bytes (the pipe has no buffer).
func Pipe() (r *File, w *File, err error) {
	pr, pw := io.Pipe()
	rfd := lastFd.Add(1)
	wfd := lastFd.Add(1)
	r = &File{name: "|0", fd: uintptr(rfd), pipe: &pipeEnd{opens: 1, r: pr}}
	w = &File{name: "|1", fd: uintptr(wfd), pipe: &pipeEnd{opens: 1, w: pw}}
	return r, w, nil
}

// ProcAttr holds the attributes of a started process. Files are its
// standard input, output and error and further descriptors (nil: none).
type ProcAttr struct {
	Dir   string
	Env   []string
	Files []*File
	Sys   any
}

// Process is a process started by StartProcess.
type Process struct {
	Pid int

	name  string
	mu    sync.Mutex
	files []*pipeEnd // the pipes it holds open
	state *ProcessState
	done  chan struct{}
	wait  bool // Wait was called
}

// ProcessState is how a process ended.
type ProcessState struct {
	pid  int
	code int    // the exit status: -1 (a signal ended it, or it never ran)
	sig  Signal // the signal that ended it, or nil: it never ran
}

// StartProcess starts the program name with the arguments argv: an
// opaque process (see above) holding copies of attr's Files.
func StartProcess(name string, argv []string, attr *ProcAttr) (*Process, error) {
	if attr == nil {
		attr = &ProcAttr{}
	}
	p := &Process{Pid: int(lastPid.Add(1)), name: name, done: make(chan struct{})}
	for _, f := range attr.Files {
		if f != nil && f.pipe != nil {
			f.pipe.hold()
			p.files = append(p.files, f.pipe)
		}
	}
	go p.run()
	return p, nil
}

// run is the process: it ends at once when it runs, unless it was
// already ended, without having run the program it names.
func (p *Process) run() {
	p.end(-1, nil)
}

// end ends the process (if not already) and closes its files.
func (p *Process) end(code int, sig Signal) bool {
	p.mu.Lock()
	if p.state != nil {
		p.mu.Unlock()
		return false
	}
	p.state = &ProcessState{pid: p.Pid, code: code, sig: sig}
	files := p.files
	p.files = nil
	p.mu.Unlock()
	for _, f := range files {
		f.release()
	}
	close(p.done)
	return true
}

// Kill ends the process at once (as SIGKILL does).
func (p *Process) Kill() error { return p.Signal(Kill) }

// Signal sends sig: every signal ends the opaque process, which handles
// none.
func (p *Process) Signal(sig Signal) error {
	if p == nil {
		return errors.New("os: process not initialized")
	}
	if !p.end(-1, sig) {
		return ErrProcessDone
	}
	return nil
}

// Wait waits for the process to exit and returns how it ended.
func (p *Process) Wait() (*ProcessState, error) {
	if p == nil {
		return nil, errors.New("os: process not initialized")
	}
	p.mu.Lock()
	again := p.wait
	p.wait = true
	p.mu.Unlock()
	if again {
		return nil, &SyscallError{Syscall: "wait", Err: errors.New("no child processes")}
	}
	<-p.done
	if p.state.sig == nil {
		return p.state, &PathError{Op: "run", Path: p.name, Err: errNotRun}
	}
	return p.state, nil
}

// Release releases the process's resources (it has none to release).
func (p *Process) Release() error { return nil }

func (s *ProcessState) Pid() int { return s.pid }

// ExitCode is the exit status, or -1 if a signal ended the process (or s
// is nil: it has not exited).
func (s *ProcessState) ExitCode() int {
	if s == nil {
		return -1
	}
	return s.code
}

// Exited and Success: no process weft starts runs its program, so none
// exits (a signal ends it, or it never ran).
func (s *ProcessState) Exited() bool  { return false }
func (s *ProcessState) Success() bool { return false }
func (s *ProcessState) Sys() any      { return nil }
func (s *ProcessState) SysUsage() any { return nil }

func (s *ProcessState) String() string {
	if s == nil {
		return "<nil>"
	}
	if s.sig != nil {
		return "signal: " + s.sig.String()
	}
	return "not run"
}
