#ifndef TILLIT_CQRENCODE_SHIM_H
#define TILLIT_CQRENCODE_SHIM_H
#include <qrencode.h>
#endif
