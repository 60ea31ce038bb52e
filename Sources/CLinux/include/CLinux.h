// Placeholder: epoll, eventfd and accept4 shims are added by the HTTP work.
#ifndef CITYLAB_CLINUX_H
#define CITYLAB_CLINUX_H
#endif
