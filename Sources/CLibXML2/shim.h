#ifndef NEPTUNE_CONFORMANCE_CLIBXML2_SHIM_H
#define NEPTUNE_CONFORMANCE_CLIBXML2_SHIM_H

#include <libxml/xmlversion.h>
/* Debian builds libxml2 with ICU; its UErrorCode clashes with Foundation's in Swift. */
#undef LIBXML_ICU_ENABLED
#include <libxml/parser.h>
#include <libxml/tree.h>
#include <libxml/xmlerror.h>
#include <libxml/xmlmemory.h>

/* xmlFree is a global function pointer Swift 6 rejects as not concurrency-safe; call it through this. */
static inline void nc_xml_free(void *pointer) { xmlFree(pointer); }

#endif
