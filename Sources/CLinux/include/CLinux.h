// Thin Linux shims for the HTTP target: epoll, eventfd, accept4, listeners.
// Every function returns -1 (or a negative value) on failure with errno set,
// so the Swift side can capture errno right at the failing call.
#ifndef CITYLAB_CLINUX_H
#define CITYLAB_CLINUX_H

#include <stdint.h>
#include <stddef.h>
#include <sys/types.h>

static const uint32_t CLINUX_EPOLLIN = 0x001;
static const uint32_t CLINUX_EPOLLOUT = 0x004;
static const uint32_t CLINUX_EPOLLERR = 0x008;
static const uint32_t CLINUX_EPOLLHUP = 0x010;
static const uint32_t CLINUX_EPOLLRDHUP = 0x2000;

/// epoll_create1(EPOLL_CLOEXEC).
int clinux_epoll_create(void);
/// op: 1 add, 2 delete, 3 modify (EPOLL_CTL_*). data is stored as the event's u64.
int clinux_epoll_ctl(int epfd, int op, int fd, uint32_t events, uint64_t data);
/// Waits like epoll_wait and copies each event's data and flags into the two arrays.
int clinux_epoll_wait(int epfd, uint64_t *datas, uint32_t *events, int max_events, int timeout_ms);

/// eventfd(0, EFD_NONBLOCK | EFD_CLOEXEC).
int clinux_eventfd_create(void);
/// Adds 1 to the counter; EAGAIN (counter full) counts as success.
int clinux_eventfd_signal(int fd);
/// Resets the counter; EAGAIN (nothing pending) counts as success.
int clinux_eventfd_drain(int fd);

/// accept4 with SOCK_NONBLOCK | SOCK_CLOEXEC, and TCP_NODELAY set on the result.
int clinux_accept(int listen_fd);
/// A non-blocking TCP socket with SO_REUSEADDR (and SO_REUSEPORT when reuse_port is
/// non-zero), bound to host:port (numeric IPv4/IPv6 or a name), listening when backlog > 0.
/// Writes the bound port to *bound_port. Returns the fd, or -1 with errno set
/// (name-resolution failures are reported as EINVAL).
int clinux_listen(const char *host, int port, int backlog, int reuse_port, int *bound_port);
/// send(..., MSG_NOSIGNAL).
ssize_t clinux_send(int fd, const void *buffer, size_t length);
/// recv(..., 0).
ssize_t clinux_recv(int fd, void *buffer, size_t length);
/// shutdown(fd, SHUT_WR).
int clinux_shutdown_write(int fd);
/// Ignores SIGPIPE process-wide.
void clinux_ignore_sigpipe(void);
/// Raises the RLIMIT_NOFILE soft limit to the hard limit; returns the new soft limit or -1.
long clinux_raise_fd_limit(void);
int clinux_errno(void);

#endif
