// The words of the referral summary's PDF (http/referral_pdf.hpp), in
// Swedish and English: its own labels (the web app's print page's words,
// web/src/i18n/referrals*.ts, where it has them) and the labels of the
// package's members (the record codec's short keys, as the web app's
// package view names them). Thread-safety: constant tables; safe to share.
#pragma once

#include <string>
#include <string_view>

namespace opennrm::http {

class SummaryWords {
 public:
  // "en" for English; anything else Swedish.
  explicit SummaryWords(const std::string& lang) : sv_(lang != "en") {}
  bool sv() const { return sv_; }

  // The label of `key` (e.g. "sender.phone", "purpose.shelter"); `fallback`
  // (or the key itself) when the table has none.
  std::string operator()(std::string_view key, std::string_view fallback = {}) const;

  // The label of the package member `key` inside `parent` (the member or
  // list holding it; "" at a section's top): "names"/"l" -> "Namn". A key
  // the table does not know is shown in words: "valid_from" -> "Valid from",
  // "since_us" -> "Since".
  std::string Member(std::string_view parent, std::string_view key) const;

 private:
  bool sv_;
};

}  // namespace opennrm::http
