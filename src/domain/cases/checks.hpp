// Internal helpers shared by the validators of this folder: field paths and
// the checks every free-text or code-list field gets. Pure; thread-safe.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "core/date.hpp"
#include "core/error.hpp"
#include "domain/cases/lookups.hpp"

namespace opennrm::cases::detail {

constexpr std::size_t kMaxShortText = 200;  // names, numbers, ids
constexpr std::size_t kMaxLongText = 4000;  // grounds, evidence, wishes

// "base.field", or "field" when base is empty.
std::string Path(std::string_view base, std::string_view field);
// "base[i]".
std::string Item(std::string_view base, std::size_t index);

// Adds "required" when blank (and `required`), "utf8" when not clean text,
// "max_length" when longer than `max` bytes.
void CheckText(Problems& p, const std::string& field, const std::string& value, std::size_t max,
               bool required);
// Adds `unknown_rule` for each code the predicate does not know and
// "duplicate" for a repeated code; fields are "field[i]".
void CheckCodes(Problems& p, const std::string& field, const std::vector<std::string>& codes,
                const CodePredicate& known, std::string_view unknown_rule, std::string_view what);
// Adds "not_future" when `date` is after `today`.
void CheckNotFuture(Problems& p, const std::string& field, CivilDate date, CivilDate today);
// Adds "duplicate" on "field[i]" for each repeated id, and "required" for a blank one.
void CheckIds(Problems& p, const std::string& field, const std::vector<std::string>& ids);

}  // namespace opennrm::cases::detail
