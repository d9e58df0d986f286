// Package syscall: the signal numbers of Linux and the Signal and Errno
// types, so programs that name signals (signal.Notify(c,
// syscall.SIGTERM)) compile; weft's programs make no system calls, and
// the calls are refused by name, but for Getpid and Kill of the program
// itself (a signal it sends itself, handled as Go's runtime handles it)
// and Mmap, Munmap and Mprotect of anonymous memory (a []byte whose
// pages fault as Go's do once protected or unmapped: lib_mmap.c).
package syscall

type Signal int

func (s Signal) Signal() {}

func (s Signal) String() string {
	if 0 <= s && int(s) < len(signals) && signals[s] != "" {
		return signals[s]
	}
	return "signal " + itoa(int(s))
}

const (
	SIGABRT   = Signal(0x6)
	SIGALRM   = Signal(0xe)
	SIGBUS    = Signal(0x7)
	SIGCHLD   = Signal(0x11)
	SIGCONT   = Signal(0x12)
	SIGFPE    = Signal(0x8)
	SIGHUP    = Signal(0x1)
	SIGILL    = Signal(0x4)
	SIGINT    = Signal(0x2)
	SIGIO     = Signal(0x1d)
	SIGKILL   = Signal(0x9)
	SIGPIPE   = Signal(0xd)
	SIGPROF   = Signal(0x1b)
	SIGQUIT   = Signal(0x3)
	SIGSEGV   = Signal(0xb)
	SIGSTOP   = Signal(0x13)
	SIGSYS    = Signal(0x1f)
	SIGTERM   = Signal(0xf)
	SIGTRAP   = Signal(0x5)
	SIGTSTP   = Signal(0x14)
	SIGTTIN   = Signal(0x15)
	SIGTTOU   = Signal(0x16)
	SIGURG    = Signal(0x17)
	SIGUSR1   = Signal(0xa)
	SIGUSR2   = Signal(0xc)
	SIGVTALRM = Signal(0x1a)
	SIGWINCH  = Signal(0x1c)
	SIGXCPU   = Signal(0x18)
	SIGXFSZ   = Signal(0x19)
)

var signals = [...]string{
	1:  "hangup",
	2:  "interrupt",
	3:  "quit",
	4:  "illegal instruction",
	5:  "trace/breakpoint trap",
	6:  "aborted",
	7:  "bus error",
	8:  "floating point exception",
	9:  "killed",
	10: "user defined signal 1",
	11: "segmentation fault",
	12: "user defined signal 2",
	13: "broken pipe",
	14: "alarm clock",
	15: "terminated",
	16: "stack fault",
	17: "child exited",
	18: "continued",
	19: "stopped (signal)",
	20: "stopped",
	21: "stopped (tty input)",
	22: "stopped (tty output)",
	23: "urgent I/O condition",
	24: "CPU time limit exceeded",
	25: "file size limit exceeded",
	26: "virtual timer expired",
	27: "profiling timer expired",
	28: "window changed",
	29: "I/O possible",
	30: "power failure",
	31: "bad system call",
}

// An Errno is an operating-system error number.
type Errno uintptr

func (e Errno) Error() string {
	switch e {
	case EINVAL:
		return "invalid argument"
	case ESRCH:
		return "no such process"
	case EBADF:
		return "bad file descriptor"
	case ENOMEM:
		return "cannot allocate memory"
	case ENODEV:
		return "no such device"
	}
	return "errno " + itoa(int(e))
}

const (
	ESRCH  = Errno(0x3)
	EBADF  = Errno(0x9)
	ENOMEM = Errno(0xc)
	ENODEV = Errno(0x13)
	EINVAL = Errno(0x16)
)

const (
	PROT_NONE     = 0x0
	PROT_READ     = 0x1
	PROT_WRITE    = 0x2
	PROT_EXEC     = 0x4
	MAP_SHARED    = 0x1
	MAP_PRIVATE   = 0x2
	MAP_FIXED     = 0x10
	MAP_ANON      = 0x20
	MAP_ANONYMOUS = 0x20
)

// Mmap maps length bytes. Only anonymous memory (MAP_ANON, fd -1) can
// be mapped: weft has no files, and every descriptor a program holds is
// a stream (a standard one or a pipe), which Linux cannot map (ENODEV).
// The memory is zero; an access its protection forbids faults.
func Mmap(fd int, offset int64, length int, prot int, flags int) (data []byte, err error) {
	if length <= 0 || flags&(MAP_SHARED|MAP_PRIVATE) == 0 || offset < 0 || offset%4096 != 0 {
		return nil, EINVAL
	}
	if flags&MAP_ANON == 0 {
		if fd < 0 {
			return nil, EBADF
		}
		return nil, ENODEV
	}
	if flags&MAP_FIXED != 0 {
		return nil, EINVAL // weft chooses where memory lies
	}
	b := __mmap(length, []byte(nil), prot)
	if b == nil {
		return nil, ENOMEM
	}
	return b, nil
}

// Munmap unmaps the mapping b (all of it, as Mmap gave it): any later
// access to its pages faults.
func Munmap(b []byte) error {
	if e := __munmap(b); e != 0 {
		return Errno(e)
	}
	return nil
}

// Mprotect sets the protection of the pages b covers (PROT_READ,
// PROT_WRITE, or PROT_NONE: an access faults).
func Mprotect(b []byte, prot int) error {
	switch e := __mprotect(b, prot); e {
	case 0:
		return nil
	case -1:
		panic("unsupported: syscall.Mprotect of memory syscall.Mmap did not map (weft protects only its mappings)")
	default:
		return Errno(e)
	}
}

// Getpid: the program's process id, 1 (os.Getpid's).
func Getpid() int { return 1 }

// __notify is os/signal's (nil while the program does not import it):
// it delivers sig to the channels Notify registered for it and tells
// whether sig was handled there (delivered, or ignored by
// signal.Ignore).
var __notify func(sig Signal) bool

// Kill sends sig to process pid. weft runs one process, the program
// (pid 1; 0 and -1 name it too): its own signals are handled as Go's
// runtime handles them: delivered to the channels of signal.Notify
// (without blocking, as Go's are), else SIGCHLD, SIGURG, SIGWINCH and
// SIGCONT are ignored and any other ends the program, killed by it.
// Signal 0 only checks that the process exists.
func Kill(pid int, sig Signal) error {
	if pid != Getpid() && pid != 0 && pid != -1 {
		return ESRCH
	}
	if sig < 0 || sig > 64 {
		return EINVAL
	}
	if sig == 0 {
		return nil
	}
	if __notify != nil && __notify(sig) {
		return nil
	}
	switch sig {
	case SIGCHLD, SIGURG, SIGWINCH, SIGCONT:
		return nil
	}
	__exit(128+int(sig), "killed by signal: "+sig.String())
	return nil
}

func itoa(n int) string {
	if n == 0 {
		return "0"
	}
	neg := n < 0
	if neg {
		n = -n
	}
	var b [20]byte
	i := len(b)
	for n > 0 {
		i--
		b[i] = byte('0' + n%10)
		n /= 10
	}
	if neg {
		i--
		b[i] = '-'
	}
	return string(b[i:])
}

const __refuse_calls = "Syscall Syscall6 RawSyscall RawSyscall6 Open Read Write Close Seek Pipe Dup Dup2 Exec ForkExec StartProcess Getppid Getuid Getgid Getenv Setenv Environ Madvise Mlock Munlock Msync Socket Bind Listen Accept Connect Stat Fstat Lstat Mkdir Rmdir Unlink Chdir Getwd Uname Sysinfo Getrlimit Setrlimit Gettimeofday Time Nanosleep|weft runs programs on its own scheduler, without system calls"

// Getpagesize: the page size of linux/amd64, as Go's syscall gives it.
func Getpagesize() int { return 4096 }
