// A small page writer over libharu (docs/adr/0012-pdf-with-libharu.md) for
// the printable documents the server makes: A4 pages, DejaVu Sans (regular
// and bold, from fonts-dejavu-core) embedded as subsets and addressed in
// UTF-8, text wrapped to the page width, a new page whenever the current
// one is full, and a footer with page numbers on every page. Text the font
// cannot show (a letter it lacks, a code point outside the Basic
// Multilingual Plane, malformed UTF-8) is replaced, never an error. libharu
// is used here and in nothing else but pdf_writer.cpp. Not thread-safe: one
// writer per document, on one thread (libharu documents share nothing, so
// writers on different threads are independent).
#pragma once

#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "core/error.hpp"

namespace opennrm::http {

// The fonts of fonts-dejavu-core, where Debian 12 installs them.
inline constexpr const char* kDejaVuSansFile = "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf";
inline constexpr const char* kDejaVuSansBoldFile =
    "/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf";

struct PdfOptions {
  std::string font_file = kDejaVuSansFile;
  std::string bold_font_file = kDejaVuSansBoldFile;
  bool compress = true;  // false: readable content streams (tests grep them)
};

// Whether both fonts of `options` exist and libharu can load them; kInternal
// naming the file and the Debian package otherwise. For the start-up check.
Status CheckPdfFonts(const PdfOptions& options = {});

class PdfWriter {
 public:
  // A document with one empty page. kInternal when a font cannot be loaded.
  static Result<std::unique_ptr<PdfWriter>> Open(const PdfOptions& options);
  ~PdfWriter();
  PdfWriter(const PdfWriter&) = delete;
  PdfWriter& operator=(const PdfWriter&) = delete;

  // The document's title (its metadata too), large and bold.
  void Title(const std::string& text);
  // A heading; level 1 for the document's parts, 2 and 3 below them;
  // `indent` as for Field.
  void Heading(const std::string& text, int level, int indent = 0);
  // "label: value" with the label in bold; the value wraps under itself.
  // `indent` is a nesting depth (0 at the margin).
  void Field(const std::string& label, const std::string& value, int indent = 0);
  // Running text, wrapped; a line break in `text` starts a new line.
  void Paragraph(const std::string& text, int indent = 0, bool bold = false);
  // Vertical space in points.
  void Space(double points);

  // Writes `footer` and "n / total" at the foot of every page, then gives the
  // document's bytes ("%PDF-" ... "%%EOF"). Call once; kInternal on a
  // libharu error at any point.
  Result<std::string> Finish(const std::string& footer);

  // How many pages the document has so far.
  size_t pages() const;

 private:
  struct Impl;
  explicit PdfWriter(std::unique_ptr<Impl> impl);
  std::unique_ptr<Impl> impl_;
};

}  // namespace opennrm::http
