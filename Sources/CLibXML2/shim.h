#ifndef GEOMENTION_CLIBXML2_SHIM_H
#define GEOMENTION_CLIBXML2_SHIM_H

#include <libxml/xmlversion.h>
/* Foundation ships its own ICU headers; libxml2's ICU declarations clash with
   them ("'UErrorCode' has different definitions in different modules"). No
   Swift code touches the ICU-dependent encoding handler fields, so hiding
   them is safe. */
#undef LIBXML_ICU_ENABLED
#include <libxml/parser.h>
#include <libxml/tree.h>
#include <libxml/xmlwriter.h>
#include <libxml/xmlschemas.h>
#include <libxml/xmlerror.h>

#endif
