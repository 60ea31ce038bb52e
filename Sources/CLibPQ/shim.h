// libpq's client header, found under /usr/include/postgresql on Debian (libpq-dev).
// Linking by name ("pq") needs no pkg-config.
#ifndef CITYLAB_CLIBPQ_SHIM_H
#define CITYLAB_CLIBPQ_SHIM_H
#include <postgresql/libpq-fe.h>
#endif
