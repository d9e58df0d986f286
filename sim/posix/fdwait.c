/* fdwait.c: waits on file descriptors, which weft does not model.
 *
 * Descriptors are the real thing (io.c): a read of a pipe or socket is
 * the process's own read. All the program's threads run on one thread of
 * the process, so a read that blocks (on a pipe another thread of the
 * program would write, the self-pipe wake-up) would hang the whole check
 * with no finding. Such a wait is refused instead: when the call would
 * block (nothing to read now, a descriptor in blocking mode that is not
 * a regular file), the check stops with exit status 2 and a message
 * naming the call's file and line, as for the other calls weft does not
 * model. A read that finds data, or end of file, is done for real. */
#define _GNU_SOURCE
#include "px.h"

#include <fcntl.h>
#include <poll.h>
#include <sys/select.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <unistd.h>

#define RA ((uintptr_t)__builtin_return_address(0))

#define REAL(T, name)                                                         \
    static T real;                                                            \
    if (!real)                                                                \
        real = (T)px_real(name);

typedef int (*poll_fn)(struct pollfd *, nfds_t, int);

static const char why[] =
    "a wait on a pipe, socket or terminal with nothing to read yet: "
    "weft does not model file descriptors, and the threads share one "
    "process thread, so the wait would hang the check";

/* Whether a read of fd would block now. */
static bool would_block(int fd)
{
    struct stat st;
    struct pollfd p = {.fd = fd, .events = POLLIN};
    int fl;
    REAL(poll_fn, "poll");
    if (fstat(fd, &st) != 0 || S_ISREG(st.st_mode) || S_ISDIR(st.st_mode) ||
        S_ISBLK(st.st_mode))
        return false;
    fl = fcntl(fd, F_GETFL);
    if (fl < 0 || (fl & O_NONBLOCK))
        return false;
    return real(&p, 1, 0) == 0;
}

/* The program's task, when fd's read would block: refused. */
static void check_read(int fd, const char *fn, uintptr_t pc)
{
    px_task *pt = px_enter();
    if (!pt)
        return;
    if (would_block(fd))
        px_unsupported(pt, pc, fn, why);
    px_leave(pt);
}

PX_API ssize_t read(int fd, void *p, size_t n)
{
    typedef ssize_t (*fn_t)(int, void *, size_t);
    REAL(fn_t, "read");
    if (n)
        check_read(fd, "read", RA);
    return real(fd, p, n);
}

PX_API ssize_t __read_chk(int fd, void *p, size_t n, size_t len)
{
    typedef ssize_t (*fn_t)(int, void *, size_t, size_t);
    REAL(fn_t, "__read_chk");
    if (n)
        check_read(fd, "read", RA);
    return real(fd, p, n, len);
}

PX_API ssize_t recv(int fd, void *p, size_t n, int flags)
{
    typedef ssize_t (*fn_t)(int, void *, size_t, int);
    REAL(fn_t, "recv");
    if (!(flags & MSG_DONTWAIT))
        check_read(fd, "recv", RA);
    return real(fd, p, n, flags);
}

/* poll and select with descriptors and no timeout (io.c handles the
 * ones on no descriptors): refused when nothing is ready now. */
bool px_fd_poll_blocks(struct pollfd *fds, unsigned long n)
{
    REAL(poll_fn, "poll");
    for (unsigned long i = 0; i < n; i++)
        fds[i].revents = 0;
    return real(fds, n, 0) == 0;
}

void px_fd_refuse(px_task *pt, uintptr_t pc, const char *fn)
{
    px_unsupported(pt, pc, fn, why);
}
