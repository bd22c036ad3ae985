// Reads the disclosure rules the product ships: the legal bases per sender
// kind as dated entries (data/rules/disclosure_bases.toml) and the referral
// purposes with their response deadlines and outcomes
// (data/rules/referral_purposes.toml), each described in its header, into
// the referrals domain's tables. Strict: unknown keys, kinds, sections, codes
// and purposes, overlapping entries of one code and missing references are
// refused, naming the file, the line and the entry of the first problem.
// Thread-safety: stateless functions.
#pragma once

#include <string>
#include <string_view>

#include "core/error.hpp"
#include "domain/referrals/legal_basis.hpp"
#include "domain/referrals/purpose_table.hpp"

namespace opennrm::cli {

// The bases in the file at `path`; kInvalid whose field is the key
// ("bases[2].sender_kinds[1]") and whose message starts "<path>:<line>:" and
// names the entry ("bases[2] (crime_suspicion)").
Result<referrals::BasisTable> ReadDisclosureBases(const std::string& path);
// The same, from text already read; `path` only names it in errors.
Result<referrals::BasisTable> ParseDisclosureBases(std::string_view text, const std::string& path);

// The purposes in the file at `path`, with errors as above ("purposes[1]
// (shelter)").
Result<referrals::PurposeTable> ReadReferralPurposes(const std::string& path);
// The same, from text already read; `path` only names it in errors.
Result<referrals::PurposeTable> ParseReferralPurposes(std::string_view text,
                                                      const std::string& path);

struct DisclosureRules {
  referrals::BasisTable bases;
  referrals::PurposeTable purposes;
};

// Both files from the rules folder (e.g. "data/rules").
Result<DisclosureRules> ReadDisclosureRules(const std::string& rules_dir);

}  // namespace opennrm::cli
