// Package os: what a program without a file system uses of Go's os:
// Exit, Args (the arguments after `--` on weft's command line), the
// environment (weft's own at the start of every execution), Stdin,
// Stdout and Stderr, Signal values, the errors of files, Pipe (in
// memory) and processes (StartProcess, Process, ProcessState; see
// process.go). Stdout and Stderr write to the program's
// output, as fmt and log do; Stdin is empty. Functions on files (Open,
// Create, ReadFile, ...) are refused by name when the program is
// compiled, saying why (lib_src.c).
package os

import (
	"errors"
	"io"
	"sync"
	"syscall"
)

var (
	ErrInvalid          = errors.New("invalid argument")
	ErrPermission       = errors.New("permission denied")
	ErrExist            = errors.New("file already exists")
	ErrNotExist         = errors.New("file does not exist")
	ErrClosed           = errors.New("file already closed")
	ErrNoDeadline       = errors.New("file type does not support deadline")
	ErrDeadlineExceeded = errors.New("i/o timeout")
	ErrProcessDone      = errors.New("os: process already finished")
)

// PathError records an error and the operation and file path that
// caused it.
type PathError struct {
	Op   string
	Path string
	Err  error
}

func (e *PathError) Error() string { return e.Op + " " + e.Path + ": " + e.Err.Error() }
func (e *PathError) Unwrap() error { return e.Err }

// SyscallError records an error from a specific system call.
type SyscallError struct {
	Syscall string
	Err     error
}

func (e *SyscallError) Error() string { return e.Syscall + ": " + e.Err.Error() }
func (e *SyscallError) Unwrap() error { return e.Err }

// LinkError records an error during a link, symlink or rename.
type LinkError struct {
	Op  string
	Old string
	New string
	Err error
}

func (e *LinkError) Error() string {
	return e.Op + " " + e.Old + " " + e.New + ": " + e.Err.Error()
}
func (e *LinkError) Unwrap() error { return e.Err }

func underlying(err error) error {
	switch e := err.(type) {
	case *PathError:
		return e.Err
	case *LinkError:
		return e.Err
	case *SyscallError:
		return e.Err
	}
	return err
}

func IsExist(err error) bool      { return underlying(err) == ErrExist }
func IsNotExist(err error) bool   { return underlying(err) == ErrNotExist }
func IsPermission(err error) bool { return underlying(err) == ErrPermission }
func IsTimeout(err error) bool {
	t, ok := underlying(err).(interface{ Timeout() bool })
	return ok && t.Timeout()
}

// ---- the process --------------------------------------------------------

// Args: the program's path, then the arguments after `--`.
var Args = args()

func args() []string {
	a := make([]string, __nargs())
	for i := range a {
		a[i] = __arg(i)
	}
	return a
}

// Exit ends the program at once with status code: no deferred call
// runs and no other goroutine takes another step. A nonzero code is
// reported as the program's failure ("os.Exit: exit status N").
func Exit(code int) { __exit(code, "os.Exit") }

func Getpid() int               { return 1 }
func Getppid() int              { return 0 }
func Getuid() int               { return 1000 }
func Geteuid() int              { return 1000 }
func Getgid() int               { return 1000 }
func Getegid() int              { return 1000 }
func Getpagesize() int          { return 4096 }
func Hostname() (string, error) { return "weft", nil }
func Executable() (string, error) {
	if len(Args) > 0 {
		return Args[0], nil
	}
	return "", ErrNotExist
}

// ---- the environment -------------------------------------------------------

// The environment: weft's own when the program started (the same in
// every execution), then what the program sets; safe for concurrent use,
// as Go's is.
var envMu sync.RWMutex
var env, envKeys = startEnv()

// startEnv: the variables and their order (the first of a repeated key
// wins, as Go's syscall.Getenv finds it).
func startEnv() (map[string]string, []string) {
	m := map[string]string{}
	var keys []string
	var n int = __nenv() // an intrinsic's result has no static type
	for i := 0; i < n; i++ {
		var kv string = __env(i)
		for j := 0; j < len(kv); j++ {
			if kv[j] == '=' {
				if _, ok := m[kv[:j]]; !ok {
					m[kv[:j]] = kv[j+1:]
					keys = append(keys, kv[:j])
				}
				break
			}
		}
	}
	return m, keys
}

func Getenv(key string) string {
	v, _ := LookupEnv(key)
	return v
}

func LookupEnv(key string) (string, bool) {
	envMu.RLock()
	defer envMu.RUnlock()
	v, ok := env[key]
	return v, ok
}

func Setenv(key, value string) error {
	if len(key) == 0 {
		return &SyscallError{"setenv", ErrInvalid}
	}
	for i := 0; i < len(key); i++ {
		if key[i] == '=' || key[i] == 0 {
			return &SyscallError{"setenv", ErrInvalid}
		}
	}
	envMu.Lock()
	defer envMu.Unlock()
	if _, ok := env[key]; !ok {
		envKeys = append(envKeys, key)
	}
	env[key] = value
	return nil
}

func Unsetenv(key string) error {
	envMu.Lock()
	defer envMu.Unlock()
	if _, ok := env[key]; !ok {
		return nil
	}
	delete(env, key)
	for i, k := range envKeys {
		if k == key {
			envKeys = append(envKeys[:i:i], envKeys[i+1:]...)
			break
		}
	}
	return nil
}

func Clearenv() {
	envMu.Lock()
	defer envMu.Unlock()
	env = map[string]string{}
	envKeys = nil
}

// Environ: "key=value" for each variable, in the order they were set.
func Environ() []string {
	envMu.RLock()
	defer envMu.RUnlock()
	out := make([]string, 0, len(envKeys))
	for _, k := range envKeys {
		out = append(out, k+"="+env[k])
	}
	return out
}

// ExpandEnv replaces $var and ${var} in s by the variables' values.
func ExpandEnv(s string) string { return Expand(s, Getenv) }

func Expand(s string, mapping func(string) string) string {
	var buf []byte
	i := 0
	for j := 0; j < len(s); j++ {
		if s[j] == '$' && j+1 < len(s) {
			if buf == nil {
				buf = make([]byte, 0, 2*len(s))
			}
			buf = append(buf, s[i:j]...)
			name, w := shellName(s[j+1:])
			if name == "" && w > 0 {
				// an invalid ${...}: eat it
			} else if name == "" {
				buf = append(buf, s[j])
			} else {
				buf = append(buf, mapping(name)...)
			}
			j += w
			i = j + 1
		}
	}
	if buf == nil {
		return s
	}
	return string(buf) + s[i:]
}

func isShellSpecial(c byte) bool {
	switch c {
	case '*', '#', '$', '@', '!', '?', '-', '0', '1', '2', '3', '4', '5',
		'6', '7', '8', '9':
		return true
	}
	return false
}

func isAlnum(c byte) bool {
	return c == '_' || '0' <= c && c <= '9' || 'a' <= c && c <= 'z' ||
		'A' <= c && c <= 'Z'
}

func shellName(s string) (string, int) {
	if s[0] == '{' {
		if len(s) > 2 && isShellSpecial(s[1]) && s[2] == '}' {
			return s[1:2], 3
		}
		for i := 1; i < len(s); i++ {
			if s[i] == '}' {
				if i == 1 {
					return "", 2
				}
				return s[1:i], i + 1
			}
		}
		return "", 1
	}
	if isShellSpecial(s[0]) {
		return s[0:1], 1
	}
	var i int
	for i = 0; i < len(s) && isAlnum(s[i]); i++ {
	}
	return s[:i], i
}

// ---- signals ---------------------------------------------------------------

// Signal is an operating-system signal. weft's programs receive none.
type Signal interface {
	String() string
	Signal()
}

var (
	Interrupt Signal = syscall.SIGINT
	Kill      Signal = syscall.SIGKILL
)

// ---- the standard streams ----------------------------------------------------

// File is one of the standard streams: weft has no file system, so no
// other File can be opened.
type File struct {
	name   string
	fd     uintptr
	closed bool
	pipe   *pipeEnd // an end of a Pipe, else a standard stream
}

var (
	Stdin  = &File{name: "/dev/stdin", fd: 0}
	Stdout = &File{name: "/dev/stdout", fd: 1}
	Stderr = &File{name: "/dev/stderr", fd: 2}
)

func (f *File) Name() string { return f.name }
func (f *File) Fd() uintptr  { return f.fd }

func (f *File) check(op string) error {
	if f == nil {
		return ErrInvalid
	}
	if f.closed {
		return &PathError{Op: op, Path: f.name, Err: ErrClosed}
	}
	return nil
}

// Write writes b to the program's output (standard input refuses it,
// as writing to a read-only descriptor does).
func (f *File) Write(b []byte) (n int, err error) {
	if err := f.check("write"); err != nil {
		return 0, err
	}
	if f.pipe != nil {
		return f.pipe.write(f.name, b)
	}
	if f.fd == 0 {
		return 0, &PathError{Op: "write", Path: f.name, Err: errors.New("bad file descriptor")}
	}
	if f.fd == 2 {
		__output_err(string(b))
	} else {
		__output(string(b))
	}
	return len(b), nil
}

func (f *File) WriteString(s string) (n int, err error) {
	return f.Write([]byte(s))
}

// Read: standard input is empty (EOF); the other streams refuse reads.
func (f *File) Read(b []byte) (n int, err error) {
	if err := f.check("read"); err != nil {
		return 0, err
	}
	if f.pipe != nil {
		return f.pipe.read(f.name, b)
	}
	if f.fd != 0 {
		return 0, &PathError{Op: "read", Path: f.name, Err: errors.New("bad file descriptor")}
	}
	if len(b) == 0 {
		return 0, nil
	}
	return 0, io.EOF
}

func (f *File) Close() error {
	if err := f.check("close"); err != nil {
		return err
	}
	f.closed = true
	if f.pipe != nil {
		f.pipe.release()
	}
	return nil
}

func (f *File) Sync() error { return f.check("sync") }

// What weft refuses of os, by name, and why (see the resolver's refused).
const (
	__refuse_files = "Open Create OpenFile ReadFile WriteFile ReadDir Remove RemoveAll Rename Mkdir MkdirAll MkdirTemp CreateTemp TempDir Stat Lstat Chdir Chmod Chown Lchown Chtimes Truncate Link Symlink Readlink SameFile Getwd UserHomeDir UserCacheDir UserConfigDir DirFS NewFile FileInfo FileMode DirEntry ModeDir ModePerm|weft runs programs without a file system (give the program its input in memory: strings.NewReader, bytes.Buffer)"
	__refuse_procs = "FindProcess Getgroups|weft runs one program: the processes it starts are its own (StartProcess)"
)
