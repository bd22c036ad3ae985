#include "domain/knowledge/article.hpp"

#include <algorithm>

#include "domain/text/fold.hpp"

namespace opennrm::knowledge {

namespace {

bool AllOf(std::string_view s, std::size_t max, bool underscore, bool dash) {
  if (s.empty() || s.size() > max) return false;
  return std::all_of(s.begin(), s.end(), [&](char c) {
    return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || (dash && c == '-') ||
           (underscore && c == '_');
  });
}

void CheckText(const std::string& field, const std::string& value, std::size_t max, bool one_line,
               Problems& p) {
  if (text::Trim(value).empty()) {
    p.Add(field, "required", "Write the text in both Swedish and English.");
  } else if (!text::IsCleanUtf8(value)) {
    p.Add(field, "encoding", "The text has characters that cannot be stored.");
  } else if (value.size() > max) {
    p.Add(field, "too_long", "At most " + std::to_string(max) + " bytes.");
  } else if (one_line && value.find_first_of("\r\n\t") != std::string::npos) {
    p.Add(field, "one_line", "A title is one line.");
  }
}

void CheckWords(const std::string& field, const std::vector<std::string>& words,
                std::size_t max_count, bool (*well_formed)(std::string_view),
                const std::set<std::string>* known, const char* shape, Problems& p) {
  if (words.size() > max_count) {
    p.Add(field, "too_many", "At most " + std::to_string(max_count) + ".");
    return;
  }
  std::set<std::string> seen;
  for (std::size_t i = 0; i < words.size(); ++i) {
    const std::string at = field + "[" + std::to_string(i) + "]";
    if (!well_formed(words[i])) {
      p.Add(at, "format", std::string("Use ") + shape + ".");
    } else if (!seen.insert(words[i]).second) {
      p.Add(at, "duplicate", "Named twice.");
    } else if (known != nullptr && known->count(words[i]) == 0) {
      p.Add(at, "unknown_code", "No routing rule gives the reason \"" + words[i] + "\".");
    }
  }
}

}  // namespace

bool IsSlug(std::string_view slug) {
  return AllOf(slug, kMaxSlugBytes, false, true) && slug.front() != '-' && slug.back() != '-';
}

bool IsTag(std::string_view tag) { return AllOf(tag, kMaxTagBytes, false, true); }

bool IsReasonCode(std::string_view reason) { return AllOf(reason, kMaxReasonBytes, true, false); }

Status Validate(const Article& a, const std::set<std::string>* known_reasons) {
  Problems p;
  if (a.slug.empty()) {
    p.Add("slug", "required", "Give the article a slug.");
  } else if (!IsSlug(a.slug)) {
    p.Add("slug", "format", "Lower-case letters a-z, digits and '-', at most 80.");
  }
  CheckText("title_sv", a.title_sv, kMaxTitleBytes, true, p);
  CheckText("title_en", a.title_en, kMaxTitleBytes, true, p);
  CheckText("body_sv", a.body_sv, kMaxBodyBytes, false, p);
  CheckText("body_en", a.body_en, kMaxBodyBytes, false, p);
  CheckWords("tags", a.tags, kMaxTags, &IsTag, nullptr, "lower-case a-z, digits and '-'", p);
  CheckWords("reasons", a.reasons, kMaxReasons, &IsReasonCode, known_reasons,
             "a reason code (a-z, digits, '_')", p);
  return p.ToStatus("The article breaks one or more rules.");
}

}  // namespace opennrm::knowledge
