#include "http/pdf_writer.hpp"

#include <hpdf.h>

#include <cstdio>
#include <fstream>

namespace opennrm::http {

namespace {

// A4 in points, and the layout of a page.
constexpr double kPageWidth = 595.276;
constexpr double kPageHeight = 841.89;
constexpr double kMargin = 56.0;
constexpr double kFooterY = 30.0;
constexpr double kBodySize = 10.0;
constexpr double kFooterSize = 8.0;
constexpr double kIndentStep = 14.0;

// Records libharu's first error; libharu then goes on returning error codes,
// which Finish turns into one kInternal. No exception crosses the C code.
void OnHpdfError(HPDF_STATUS error, HPDF_STATUS detail, void* user_data) {
  auto* first = static_cast<std::string*>(user_data);
  if (!first->empty()) return;
  char text[64];
  std::snprintf(text, sizeof text, "libharu error 0x%04X (detail %u)", static_cast<unsigned>(error),
                static_cast<unsigned>(detail));
  *first = text;
}

// One code point from `s` at `i` (advancing `i`); -1 for malformed UTF-8
// (one byte consumed).
long NextCodePoint(std::string_view s, size_t& i) {
  const auto b0 = static_cast<unsigned char>(s[i]);
  const int extra = b0 < 0x80             ? 0
                    : (b0 & 0xE0) == 0xC0 ? 1
                    : (b0 & 0xF0) == 0xE0 ? 2
                    : (b0 & 0xF8) == 0xF0 ? 3
                                          : -1;
  if (extra < 0 || i + extra >= s.size()) {
    ++i;
    return -1;
  }
  long cp = extra == 0 ? b0 : b0 & (0x3F >> extra);
  for (int k = 1; k <= extra; ++k) {
    const auto b = static_cast<unsigned char>(s[i + k]);
    if ((b & 0xC0) != 0x80) {
      ++i;
      return -1;
    }
    cp = (cp << 6) | (b & 0x3F);
  }
  static constexpr long kMin[] = {0, 0x80, 0x800, 0x10000};
  if (cp < kMin[extra] || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) {
    ++i;
    return -1;
  }
  i += extra + 1;
  return cp;
}

void AppendUtf8(std::string& out, long cp) {
  if (cp < 0x80) {
    out += static_cast<char>(cp);
  } else if (cp < 0x800) {
    out += static_cast<char>(0xC0 | (cp >> 6));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  } else {
    out += static_cast<char>(0xE0 | (cp >> 12));
    out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  }
}

// A font of the document: libharu's font and its definition (for glyphs
// and widths).
struct Face {
  HPDF_Font font = nullptr;
  HPDF_FontDef def = nullptr;
  long replacement = '?';  // U+FFFD where the font has it

  bool Has(long cp) const {
    return cp >= 0x20 && cp <= 0xFFFF &&
           HPDF_TTFontDef_GetGlyphid(def, static_cast<HPDF_UINT16>(cp)) != 0;
  }
  // `text` with only code points this font shows: tabs become spaces, other
  // control characters are dropped, anything else it lacks is replaced.
  std::string Showable(std::string_view text) const {
    std::string out;
    for (size_t i = 0; i < text.size();) {
      long cp = NextCodePoint(text, i);
      if (cp == '\t') cp = ' ';
      if (cp >= 0 && (cp < 0x20 || (cp >= 0x7F && cp < 0xA0))) continue;
      AppendUtf8(out, Has(cp) ? cp : replacement);
    }
    return out;
  }
  // The width in points of showable `text` at `size`.
  double Width(std::string_view text, double size) const {
    double units = 0;
    for (size_t i = 0; i < text.size();) {
      long cp = NextCodePoint(text, i);
      if (cp >= 0) units += HPDF_TTFontDef_GetCharWidth(def, static_cast<HPDF_UINT16>(cp));
    }
    return units * size / 1000.0;
  }
};

// Splits showable `text` into lines: the first at most `first` points wide,
// the others `rest`. Words longer than a line are cut between letters.
std::vector<std::string> Wrap(const Face& face, const std::string& text, double size, double first,
                              double rest) {
  std::vector<std::string> lines;
  std::string line;
  auto width = [&] { return lines.empty() ? first : rest; };
  size_t i = 0;
  while (i < text.size()) {
    size_t end = text.find(' ', i);
    if (end == std::string::npos) end = text.size();
    std::string word = text.substr(i, end - i);
    i = end + 1;
    std::string candidate = line.empty() ? word : line + " " + word;
    if (face.Width(candidate, size) <= width()) {
      line = std::move(candidate);
      continue;
    }
    if (!line.empty()) lines.push_back(std::move(line));
    line.clear();
    // A word wider than the line: as many letters as fit, then the next line.
    while (face.Width(word, size) > width()) {
      size_t cut = 0;
      for (size_t k = 0; k < word.size();) {
        size_t next = k;
        NextCodePoint(word, next);
        if (face.Width(word.substr(0, next), size) > width()) break;
        k = cut = next;
      }
      if (cut == 0) NextCodePoint(word, cut);  // at least one letter per line
      lines.push_back(word.substr(0, cut));
      word.erase(0, cut);
    }
    line = std::move(word);
  }
  if (!line.empty() || lines.empty()) lines.push_back(std::move(line));
  return lines;
}

}  // namespace

struct PdfWriter::Impl {
  std::string error;  // libharu's first error; before doc: its handler writes here
  HPDF_Doc doc = nullptr;
  Face regular, bold;
  std::vector<HPDF_Page> pages;
  double y = 0;  // the baseline of the next line on the last page

  ~Impl() {
    if (doc) HPDF_Free(doc);
  }

  Face LoadFace(const std::string& file) {
    Face face;
    const char* name = HPDF_LoadTTFontFromFile(doc, file.c_str(), HPDF_TRUE);
    if (!name) return face;
    face.font = HPDF_GetFont(doc, name, "UTF-8");
    face.def = HPDF_GetFontDef(doc, name);
    if (face.def && face.Has(0xFFFD)) face.replacement = 0xFFFD;
    return face;
  }

  void NewPage() {
    HPDF_Page page = HPDF_AddPage(doc);
    HPDF_Page_SetWidth(page, kPageWidth);
    HPDF_Page_SetHeight(page, kPageHeight);
    pages.push_back(page);
    y = kPageHeight - kMargin;
  }

  // Room for a line of `size` on the last page, or a new page.
  void Need(double height) {
    if (y - height < kMargin) NewPage();
  }

  void Text(const Face& face, double size, double x, double at_y, const std::string& text) {
    HPDF_Page page = pages.back();
    HPDF_Page_BeginText(page);
    HPDF_Page_SetFontAndSize(page, face.font, size);
    HPDF_Page_TextOut(page, x, at_y, text.c_str());
    HPDF_Page_EndText(page);
  }

  // Writes showable lines of `text` starting at x (first line after `lead`
  // points already used by a label).
  void Lines(const Face& face, double size, double x, double lead, const std::string& text) {
    const double width = kPageWidth - kMargin - x;
    const double height = size * 1.4;
    bool first = true;
    size_t start = 0;
    while (start <= text.size()) {
      size_t nl = text.find('\n', start);
      if (nl == std::string::npos) nl = text.size();
      std::string part = face.Showable(text.substr(start, nl - start));
      for (const auto& line : Wrap(face, part, size, first ? width - lead : width, width)) {
        if (!first) {
          Need(height);
          y -= height;
        }
        Text(face, size, first ? x + lead : x, y, line);
        first = false;
      }
      start = nl + 1;
    }
  }
};

PdfWriter::PdfWriter(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}
PdfWriter::~PdfWriter() = default;

Result<std::unique_ptr<PdfWriter>> PdfWriter::Open(const PdfOptions& options) {
  auto impl = std::make_unique<Impl>();
  impl->doc = HPDF_New(OnHpdfError, &impl->error);
  if (!impl->doc) return Fail(ErrorCode::kInternal, "Cannot start a PDF document.");
  HPDF_SetCompressionMode(impl->doc, options.compress ? HPDF_COMP_ALL : HPDF_COMP_NONE);
  HPDF_UseUTFEncodings(impl->doc);
  HPDF_SetCurrentEncoder(impl->doc, "UTF-8");
  impl->regular = impl->LoadFace(options.font_file);
  impl->bold = impl->LoadFace(options.bold_font_file);
  if (!impl->regular.font || !impl->regular.def || !impl->bold.font || !impl->bold.def) {
    return Fail(ErrorCode::kInternal, "Cannot load the PDF fonts " + options.font_file + " and " +
                                          options.bold_font_file + " (" + impl->error +
                                          "); install fonts-dejavu-core.");
  }
  HPDF_SetInfoAttr(impl->doc, HPDF_INFO_CREATOR, "OpenNRM");
  impl->NewPage();
  return std::unique_ptr<PdfWriter>(new PdfWriter(std::move(impl)));
}

void PdfWriter::Title(const std::string& text) {
  HPDF_SetInfoAttr(impl_->doc, HPDF_INFO_TITLE, impl_->bold.Showable(text).c_str());
  impl_->Need(24);
  impl_->y -= 18;
  impl_->Lines(impl_->bold, 16, kMargin, 0, text);
  impl_->y -= 10;
}

void PdfWriter::Heading(const std::string& text, int level, int indent_depth) {
  const double size = level <= 1 ? 13 : level == 2 ? 11.5 : 10.5;
  const double indent = indent_depth * kIndentStep;
  // Keep a heading with the first lines of what follows it (often another
  // heading and a line).
  impl_->Need(size * 1.4 + 8 + 4 * kBodySize * 1.4);
  impl_->y -= size * 1.4 + (level <= 1 ? 8 : 4);
  impl_->Lines(impl_->bold, size, kMargin + indent, 0, text);
  impl_->y -= 2;
}

void PdfWriter::Field(const std::string& label, const std::string& value, int indent) {
  const double x = kMargin + indent * kIndentStep;
  std::string shown = impl_->bold.Showable(label + ": ");
  double lead = impl_->bold.Width(shown, kBodySize);
  const double max_lead = (kPageWidth - kMargin - x) / 2;
  impl_->Need(kBodySize * 1.4);
  impl_->y -= kBodySize * 1.4;
  if (lead > max_lead) {  // a long label: on a line of its own
    impl_->Lines(impl_->bold, kBodySize, x, 0, label + ":");
    impl_->Need(kBodySize * 1.4);
    impl_->y -= kBodySize * 1.4;
    lead = 0;
  } else {
    impl_->Text(impl_->bold, kBodySize, x, impl_->y, shown);
  }
  impl_->Lines(impl_->regular, kBodySize, x, lead, value);
}

void PdfWriter::Paragraph(const std::string& text, int indent, bool bold) {
  impl_->Need(kBodySize * 1.4);
  impl_->y -= kBodySize * 1.4;
  impl_->Lines(bold ? impl_->bold : impl_->regular, kBodySize, kMargin + indent * kIndentStep, 0,
               text);
}

void PdfWriter::Space(double points) { impl_->y -= points; }

size_t PdfWriter::pages() const { return impl_->pages.size(); }

Result<std::string> PdfWriter::Finish(const std::string& footer) {
  const size_t total = impl_->pages.size();
  const std::string shown = impl_->regular.Showable(footer);
  for (size_t n = 0; n < total; ++n) {
    HPDF_Page page = impl_->pages[n];
    std::string number = std::to_string(n + 1) + " / " + std::to_string(total);
    HPDF_Page_BeginText(page);
    HPDF_Page_SetFontAndSize(page, impl_->regular.font, kFooterSize);
    HPDF_Page_TextOut(page, kMargin, kFooterY, shown.c_str());
    HPDF_Page_TextOut(page, kPageWidth - kMargin - impl_->regular.Width(number, kFooterSize),
                      kFooterY, number.c_str());
    HPDF_Page_EndText(page);
  }
  if (HPDF_SaveToStream(impl_->doc) != HPDF_OK || !impl_->error.empty()) {
    return Fail(ErrorCode::kInternal, "Cannot write the PDF: " + impl_->error);
  }
  HPDF_UINT32 size = HPDF_GetStreamSize(impl_->doc);
  std::string bytes(size, '\0');
  HPDF_UINT32 got = size;
  HPDF_ReadFromStream(impl_->doc, reinterpret_cast<HPDF_BYTE*>(bytes.data()), &got);
  if (got != size) return Fail(ErrorCode::kInternal, "Cannot read the PDF back from libharu.");
  return bytes;
}

Status CheckPdfFonts(const PdfOptions& options) {
  for (const auto& file : {options.font_file, options.bold_font_file}) {
    if (!std::ifstream(file).good()) {
      return Fail(ErrorCode::kInternal, "The PDF font " + file +
                                            " is missing: install the Debian package "
                                            "fonts-dejavu-core (scripts/install-deps).");
    }
  }
  auto writer = PdfWriter::Open(options);
  if (!writer) return tl::unexpected(writer.error());
  return Ok();
}

}  // namespace opennrm::http
