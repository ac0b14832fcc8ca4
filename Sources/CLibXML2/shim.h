#ifndef BILAN_CLIBXML2_SHIM_H
#define BILAN_CLIBXML2_SHIM_H
// libxml2's HTML parser for Swift (BilanWeb). The -I path (/usr/include/libxml2) comes from
// pkg-config (`pkgConfig: "libxml-2.0"` in Package.swift).
#include <libxml/xmlversion.h>
// Debian builds libxml2 with ICU, whose headers clash with Foundation's own copy of ICU
// (`_FoundationICU`: "UErrorCode … is not present in definition"). BilanWeb never touches the
// ICU converter fields, so leave ICU's headers out.
#undef LIBXML_ICU_ENABLED
#include <libxml/HTMLparser.h>
#include <libxml/HTMLtree.h>
#include <libxml/tree.h>
#include <libxml/parser.h>
#include <libxml/xmlerror.h>

/// The parser options BilanWeb reads pages with: recover from broken markup, no messages, no network.
static inline int shim_html_options(void) {
    return HTML_PARSE_RECOVER | HTML_PARSE_NOERROR | HTML_PARSE_NOWARNING | HTML_PARSE_NONET;
}

/// libxml2 reports encoding and I/O trouble through its generic error handler even with
/// HTML_PARSE_NOERROR; a page's faults are not the reader's business on stderr. The handlers are
/// per thread in libxml2, so this is called before each parse.
static void shim_ignore_error(void *context, const char *message, ...) { (void)context; (void)message; }
static void shim_ignore_structured(void *context, const xmlError *error) { (void)context; (void)error; }
static inline void shim_silence_errors(void) {
    xmlSetGenericErrorFunc(NULL, shim_ignore_error);
    xmlSetStructuredErrorFunc(NULL, (xmlStructuredErrorFunc)shim_ignore_structured);
}

/// Frees what libxml2 allocated (Swift 6 refuses the `xmlFree` global function pointer).
static inline void shim_xml_free(void *p) { xmlFree(p); }
#endif
