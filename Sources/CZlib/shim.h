// zlib's init functions are macros that pass the library version and the size of
// z_stream; Swift cannot call macros, so these inline functions do it for us.
#ifndef TAGWATCH_CZLIB_SHIM_H
#define TAGWATCH_CZLIB_SHIM_H
#include <zlib.h>

static inline int tagwatch_inflateInit2(z_streamp strm, int windowBits) {
    return inflateInit2(strm, windowBits);
}

static inline int tagwatch_deflateInit2(z_streamp strm, int level, int windowBits) {
    return deflateInit2(strm, level, Z_DEFLATED, windowBits, 8, Z_DEFAULT_STRATEGY);
}
#endif
