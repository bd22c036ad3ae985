// Reading a file of official crime figures (issue 7 item 2): the national
// unit's import. Pure (the caller passes the year it is now); thread-safe.
//
// The file: UTF-8 (a byte-order mark is skipped), LF or CRLF line ends, a
// header row naming the columns year,offence,measure,breakdown,category,
// value,source (any order, each once), then one figure per line. Fields are
// separated by commas and may be double-quoted ("" is a quote inside one);
// a field never spans lines. Spaces around an unquoted field are ignored.
// Blank lines are skipped. `value` empty means not known, 0 known to be
// none, otherwise a non-negative integer. The year is kFirstCrimeFigureYear
// up to the current year. One line per key (year, offence, measure,
// breakdown, category). At most kMaxCrimeFigureBytes bytes and
// kMaxCrimeFigureLines lines (the header and blank lines count).
//
// Every broken line is reported, up to kMaxCrimeFigureProblems problems: the
// field is "line N.<column>" (or "line N" for the whole line, "body" for the
// whole file) and the rule a stable word: header, column_missing,
// unknown_column, duplicate_column, csv_quote, columns, utf8, required,
// format, range, unknown_code, not_for_measure, not_for_offence, too_long,
// duplicate, no_rows. Any problem: no figures at all.
#pragma once

#include <cstddef>
#include <string_view>
#include <vector>

#include "core/error.hpp"
#include "domain/stats/crime_figures.hpp"

namespace opennrm::stats {

inline constexpr size_t kMaxCrimeFigureBytes = 2 * 1024 * 1024;
inline constexpr size_t kMaxCrimeFigureLines = 20000;
inline constexpr size_t kMaxCrimeFigureProblems = 50;

// The figures of the file in its order, or kTooLarge naming "body"
// ("max_size", "max_lines"), or kInvalid with the problems (see above).
Result<std::vector<CrimeFigure>> ParseCrimeFigures(std::string_view text, int current_year);

}  // namespace opennrm::stats
