// The hints are static inline functions of the header; this file gives the target a source.
#include "CMemoryHints.h"
