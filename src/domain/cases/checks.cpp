#include "domain/cases/checks.hpp"

#include <set>

#include "domain/text/fold.hpp"

namespace opennrm::cases::detail {

std::string Path(std::string_view base, std::string_view field) {
  if (base.empty()) return std::string(field);
  std::string out(base);
  out += '.';
  out += field;
  return out;
}

std::string Item(std::string_view base, std::size_t index) {
  return std::string(base) + "[" + std::to_string(index) + "]";
}

void CheckText(Problems& p, const std::string& field, const std::string& value, std::size_t max,
               bool required) {
  if (!text::IsCleanUtf8(value)) {
    p.Add(field, "utf8", "Must be text without control characters.");
    return;
  }
  if (required && text::Trim(value).empty()) {
    p.Add(field, "required", "Must not be empty.");
    return;
  }
  if (value.size() > max) p.Add(field, "max_length", "At most " + std::to_string(max) + " bytes.");
}

void CheckCodes(Problems& p, const std::string& field, const std::vector<std::string>& codes,
                const CodePredicate& known, std::string_view unknown_rule, std::string_view what) {
  std::set<std::string, std::less<>> seen;
  for (std::size_t i = 0; i < codes.size(); ++i) {
    const std::string& code = codes[i];
    if (!Knows(known, code)) {
      p.Add(Item(field, i), std::string(unknown_rule),
            "'" + code + "' is not a known " + std::string(what) + ".");
    } else if (!seen.insert(code).second) {
      p.Add(Item(field, i), "duplicate", "'" + code + "' is listed twice.");
    }
  }
}

void CheckNotFuture(Problems& p, const std::string& field, CivilDate date, CivilDate today) {
  if (today < date) p.Add(field, "not_future", "Must not be after today.");
}

void CheckIds(Problems& p, const std::string& field, const std::vector<std::string>& ids) {
  std::set<std::string, std::less<>> seen;
  for (std::size_t i = 0; i < ids.size(); ++i) {
    if (ids[i].empty()) {
      p.Add(Item(field, i), "required", "Must not be empty.");
    } else if (!seen.insert(ids[i]).second) {
      p.Add(Item(field, i), "duplicate", "'" + ids[i] + "' is listed twice.");
    }
  }
}

}  // namespace opennrm::cases::detail
