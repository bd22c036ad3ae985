#include "domain/stats/crime_figures_csv.hpp"

#include <algorithm>
#include <array>
#include <map>
#include <optional>
#include <string>
#include <tuple>

#include "domain/text/fold.hpp"

namespace opennrm::stats {

namespace {

enum Column { kYear, kOffence, kMeasure, kBreakdown, kCategory, kValue, kSource, kColumnCount };

constexpr std::array<std::string_view, kColumnCount> kColumnNames{
    "year", "offence", "measure", "breakdown", "category", "value", "source"};

// Collects problems up to the limit; full() once it is reached.
class Report {
 public:
  void Add(std::string field, std::string rule, std::string detail) {
    if (problems_.items().size() >= kMaxCrimeFigureProblems) {
      truncated_ = true;
      return;
    }
    problems_.Add(std::move(field), std::move(rule), std::move(detail));
  }
  bool full() const { return problems_.items().size() >= kMaxCrimeFigureProblems; }
  bool empty() const { return problems_.empty(); }
  Status ToStatus() const {
    const size_t n = problems_.items().size();
    std::string message = truncated_ || full()
                              ? "The file has at least " + std::to_string(n) +
                                    " problems (the first " + std::to_string(n) +
                                    " are listed); nothing was imported."
                              : "The file has " + std::to_string(n) +
                                    (n == 1 ? " problem" : " problems") + "; nothing was imported.";
    return problems_.ToStatus(std::move(message));
  }

 private:
  Problems problems_;
  bool truncated_ = false;
};

std::string LineField(size_t line) { return "line " + std::to_string(line); }
std::string LineField(size_t line, std::string_view column) {
  return LineField(line) + "." + std::string(column);
}

std::string_view TrimSpaces(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t')) s.remove_suffix(1);
  return s;
}

// At most 40 bytes of a (valid UTF-8) field, cut at a character boundary.
std::string Shown(std::string_view s) {
  constexpr size_t kShown = 40;
  if (s.size() <= kShown) return "'" + std::string(s) + "'";
  size_t cut = kShown;
  while (cut > 0 && (static_cast<unsigned char>(s[cut]) & 0xC0) == 0x80) --cut;
  return "'" + std::string(s.substr(0, cut)) + "…'";
}

// The fields of one line, or nullopt (and `why`) when a quote is broken.
std::optional<std::vector<std::string>> SplitLine(std::string_view line, std::string& why) {
  std::vector<std::string> fields;
  size_t pos = 0;
  for (;;) {
    std::string field;
    size_t start = pos;
    while (pos < line.size() && (line[pos] == ' ' || line[pos] == '\t')) ++pos;
    if (pos < line.size() && line[pos] == '"') {
      ++pos;
      bool closed = false;
      while (pos < line.size()) {
        if (line[pos] == '"') {
          if (pos + 1 < line.size() && line[pos + 1] == '"') {
            field.push_back('"');
            pos += 2;
            continue;
          }
          closed = true;
          ++pos;
          break;
        }
        field.push_back(line[pos++]);
      }
      if (!closed) {
        why = "A quoted field is not closed on its line.";
        return std::nullopt;
      }
      while (pos < line.size() && (line[pos] == ' ' || line[pos] == '\t')) ++pos;
      if (pos < line.size() && line[pos] != ',') {
        why = "Text follows a closing quote; write \"\" for a quote inside a quoted field.";
        return std::nullopt;
      }
    } else {
      pos = start;
      size_t end = line.find(',', pos);
      if (end == std::string_view::npos) end = line.size();
      std::string_view raw = line.substr(pos, end - pos);
      if (raw.find('"') != std::string_view::npos) {
        why = "A quote inside an unquoted field; quote the whole field and write \"\" for it.";
        return std::nullopt;
      }
      field = std::string(TrimSpaces(raw));
      pos = end;
    }
    fields.push_back(std::move(field));
    if (pos >= line.size()) return fields;
    ++pos;  // the comma
  }
}

// A count written in digits only; nullopt when anything else.
std::optional<long long> DigitsValue(std::string_view s) {
  if (s.empty() || s.size() > 12) return std::nullopt;
  long long v = 0;
  for (char c : s) {
    if (c < '0' || c > '9') return std::nullopt;
    v = v * 10 + (c - '0');
  }
  return v;
}

std::string Choices(const std::vector<std::string_view>& names) {
  std::string out;
  for (auto n : names) out += (out.empty() ? "" : ", ") + std::string(n);
  return out;
}

template <typename E>
std::string ChoicesOf(const std::vector<E>& all) {
  std::vector<std::string_view> names;
  for (E e : all) names.push_back(ToString(e));
  return Choices(names);
}

// The column index of each of kColumnNames in the header, or problems.
std::optional<std::array<size_t, kColumnCount>> ReadHeader(const std::vector<std::string>& names,
                                                           size_t line, Report& report) {
  std::array<std::optional<size_t>, kColumnCount> at{};
  for (size_t i = 0; i < names.size(); ++i) {
    auto it = std::find(kColumnNames.begin(), kColumnNames.end(), names[i]);
    if (it == kColumnNames.end()) {
      report.Add(LineField(line), "unknown_column",
                 "Column " + Shown(names[i]) + " is not one of " +
                     Choices({kColumnNames.begin(), kColumnNames.end()}) + ".");
      continue;
    }
    auto& slot = at[static_cast<size_t>(it - kColumnNames.begin())];
    if (slot) {
      report.Add(LineField(line, *it), "duplicate_column", "The column appears twice.");
      continue;
    }
    slot = i;
  }
  for (size_t c = 0; c < kColumnCount; ++c) {
    if (!at[c]) {
      report.Add(LineField(line, kColumnNames[c]), "column_missing",
                 "The header lacks the column '" + std::string(kColumnNames[c]) + "'.");
    }
  }
  if (!report.empty()) return std::nullopt;
  std::array<size_t, kColumnCount> out{};
  for (size_t c = 0; c < kColumnCount; ++c) out[c] = *at[c];
  return out;
}

// The figure on one line, or nullopt after reporting what is wrong with it.
std::optional<CrimeFigure> ReadFigure(const std::array<std::string, kColumnCount>& f, size_t line,
                                      int current_year, Report& report) {
  bool ok = true;
  auto bad = [&](Column c, const char* rule, std::string detail) {
    report.Add(LineField(line, kColumnNames[c]), rule, std::move(detail));
    ok = false;
  };
  auto required = [&](Column c) {
    if (!f[c].empty()) return true;
    bad(c, "required", "The " + std::string(kColumnNames[c]) + " is required.");
    return false;
  };
  CrimeFigure out;
  if (required(kYear)) {
    auto year = DigitsValue(f[kYear]);
    if (!year || f[kYear].size() != 4) {
      bad(kYear, "format", "A year of four digits, not " + Shown(f[kYear]) + ".");
    } else if (*year < kFirstCrimeFigureYear || *year > current_year) {
      bad(kYear, "range",
          "A year from " + std::to_string(kFirstCrimeFigureYear) + " to " +
              std::to_string(current_year) + ", not " + f[kYear] + ".");
    } else {
      out.year = static_cast<int>(*year);
    }
  }
  std::optional<Offence> offence;
  if (required(kOffence) && !(offence = ParseOffence(f[kOffence]))) {
    bad(kOffence, "unknown_code",
        Shown(f[kOffence]) + " is not an offence; one of " + ChoicesOf(AllOffences()) + ".");
  }
  std::optional<CrimeMeasure> measure;
  if (required(kMeasure) && !(measure = ParseCrimeMeasure(f[kMeasure]))) {
    bad(kMeasure, "unknown_code",
        Shown(f[kMeasure]) + " is not a measure; one of " + ChoicesOf(AllCrimeMeasures()) + ".");
  }
  std::optional<CrimeBreakdown> breakdown;
  if (required(kBreakdown) && !(breakdown = ParseCrimeBreakdown(f[kBreakdown]))) {
    bad(kBreakdown, "unknown_code",
        Shown(f[kBreakdown]) + " is not a breakdown; one of " + ChoicesOf(AllCrimeBreakdowns()) +
            ".");
  }
  if (offence && measure && breakdown) {
    if (auto refusal = BreakdownRefusal(*offence, *measure, *breakdown)) {
      bad(kBreakdown, refusal->data(),
          *refusal == "not_for_measure"
              ? "Reported offences are counted in total only; break down the persons."
              : "Form of exploitation is recorded for trafficking only.");
    }
  }
  if (required(kCategory) && breakdown) {
    const auto& categories = CrimeCategoriesOf(*breakdown);
    if (std::find(categories.begin(), categories.end(), f[kCategory]) == categories.end()) {
      bad(kCategory, "unknown_code",
          Shown(f[kCategory]) + " is not a category of " + std::string(ToString(*breakdown)) +
              "; one of " + Choices(categories) + ".");
    }
  }
  if (!f[kValue].empty()) {
    auto value = DigitsValue(f[kValue]);
    if (!value) {
      bad(kValue, "format",
          "A count in digits (0 = none, empty = not known), not " + Shown(f[kValue]) + ".");
    } else if (*value > kMaxCrimeFigureValue) {
      bad(kValue, "range", "At most " + std::to_string(kMaxCrimeFigureValue) + ".");
    } else {
      out.value = *value;
    }
  }
  if (required(kSource) && f[kSource].size() > kMaxCrimeFigureSourceBytes) {
    bad(kSource, "too_long",
        "At most " + std::to_string(kMaxCrimeFigureSourceBytes) + " bytes; name the publication.");
  }
  if (!ok) return std::nullopt;
  out.offence = *offence;
  out.measure = *measure;
  out.breakdown = *breakdown;
  out.category = f[kCategory];
  out.source = f[kSource];
  return out;
}

using Key = std::tuple<int, Offence, CrimeMeasure, CrimeBreakdown, std::string>;

}  // namespace

Result<std::vector<CrimeFigure>> ParseCrimeFigures(std::string_view text, int current_year) {
  if (text.size() > kMaxCrimeFigureBytes) {
    return Fail(
        ErrorCode::kTooLarge, "The file is too large.",
        {{"body", "max_size", "At most " + std::to_string(kMaxCrimeFigureBytes) + " bytes."}});
  }
  if (text.substr(0, 3) == "\xEF\xBB\xBF") text.remove_prefix(3);
  std::vector<std::string_view> lines;
  for (size_t pos = 0; pos < text.size();) {
    size_t end = text.find('\n', pos);
    if (end == std::string_view::npos) end = text.size();
    std::string_view line = text.substr(pos, end - pos);
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    lines.push_back(line);
    pos = end + 1;
  }
  if (lines.size() > kMaxCrimeFigureLines) {
    return Fail(
        ErrorCode::kTooLarge, "The file has too many lines.",
        {{"body", "max_lines", "At most " + std::to_string(kMaxCrimeFigureLines) + " lines."}});
  }
  Report report;
  std::optional<std::array<size_t, kColumnCount>> columns;
  size_t header_fields = 0;
  std::map<Key, size_t> seen;  // key -> line
  std::vector<CrimeFigure> out;
  for (size_t i = 0; i < lines.size() && !report.full(); ++i) {
    const size_t n = i + 1;
    std::string_view line = lines[i];
    if (TrimSpaces(line).empty()) continue;
    if (!text::IsCleanUtf8(line)) {
      report.Add(LineField(n), "utf8", "Not UTF-8 text, or it holds control characters.");
      if (!columns) break;
      continue;
    }
    std::string why;
    auto fields = SplitLine(line, why);
    if (!fields) {
      report.Add(LineField(n), "csv_quote", why);
      if (!columns) break;
      continue;
    }
    if (!columns) {
      header_fields = fields->size();
      columns = ReadHeader(*fields, n, report);
      if (!columns) break;
      continue;
    }
    if (fields->size() != header_fields) {
      report.Add(LineField(n), "columns",
                 "Expected " + std::to_string(header_fields) + " fields, found " +
                     std::to_string(fields->size()) + ".");
      continue;
    }
    std::array<std::string, kColumnCount> named;
    for (size_t c = 0; c < kColumnCount; ++c) named[c] = (*fields)[(*columns)[c]];
    auto figure = ReadFigure(named, n, current_year, report);
    if (!figure) continue;
    Key key{figure->year, figure->offence, figure->measure, figure->breakdown, figure->category};
    auto [it, fresh] = seen.emplace(std::move(key), n);
    if (!fresh) {
      report.Add(LineField(n), "duplicate",
                 "The same year, offence, measure, breakdown and category as line " +
                     std::to_string(it->second) + ".");
      continue;
    }
    out.push_back(std::move(*figure));
  }
  if (!columns && report.empty()) {
    report.Add("body", "header",
               "The file is empty; it needs a header row (" +
                   Choices({kColumnNames.begin(), kColumnNames.end()}) + ") and figures.");
  }
  if (auto st = report.ToStatus(); !st) return tl::unexpected(st.error());
  if (out.empty()) {
    return Invalid("body", "no_rows", "The file has a header but no figures.");
  }
  return out;
}

}  // namespace opennrm::stats
