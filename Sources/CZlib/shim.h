#ifndef NEPTUNE_CONFORMANCE_CZLIB_SHIM_H
#define NEPTUNE_CONFORMANCE_CZLIB_SHIM_H

#include <zlib.h>

/* inflateInit2 is a macro Swift cannot call; 15 + 32 reads gzip or zlib headers with a 32 KiB window. */
static inline int nc_inflate_init_gzip(z_streamp stream) {
    return inflateInit2(stream, 15 + 32);
}

#endif
