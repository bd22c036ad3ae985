#include "domain/stats/eu_eea.hpp"

#include <algorithm>

namespace opennrm::stats {

namespace {

bool IsAlpha2(std::string_view code) {
  return code.size() == 2 &&
         std::all_of(code.begin(), code.end(), [](char c) { return c >= 'A' && c <= 'Z'; });
}

bool Covers(const BlocMembership& m, const CivilDate& on) {
  return m.valid_from <= on && (!m.valid_to || on <= *m.valid_to);
}

bool Overlap(const BlocMembership& a, const BlocMembership& b) {
  const bool a_ends_before_b = a.valid_to && *a.valid_to < b.valid_from;
  const bool b_ends_before_a = b.valid_to && *b.valid_to < a.valid_from;
  return !a_ends_before_b && !b_ends_before_a;
}

}  // namespace

std::string_view ToString(Bloc bloc) {
  switch (bloc) {
    case Bloc::kEu:
      return "eu";
    case Bloc::kEeaEfta:
      return "eea_efta";
  }
  return "";
}

std::optional<Bloc> ParseBloc(std::string_view text) {
  if (text == "eu") return Bloc::kEu;
  if (text == "eea_efta") return Bloc::kEeaEfta;
  return std::nullopt;
}

Result<EuEeaMembership> EuEeaMembership::Build(std::vector<BlocMembership> members) {
  Problems problems;
  if (members.empty()) problems.Add("members", "required", "The list of members is empty.");
  for (std::size_t i = 0; i < members.size(); ++i) {
    const auto& m = members[i];
    const std::string at = "members[" + std::to_string(i) + "].";
    if (!IsAlpha2(m.country)) {
      problems.Add(at + "country", "format",
                   "'" + m.country + "' is not an ISO 3166-1 alpha-2 code in upper case.");
    }
    if (m.legal_reference.empty()) {
      problems.Add(at + "legal_reference", "required",
                   "Every membership needs its legal reference.");
    }
    if (m.valid_to && *m.valid_to < m.valid_from) {
      problems.Add(at + "valid_to", "order", "valid_to is before valid_from.");
    }
    for (std::size_t j = 0; j < i; ++j) {
      if (members[j].country == m.country && Overlap(members[j], m)) {
        problems.Add(
            at + "valid_from", "overlap",
            m.country + " is listed twice for the same days (members[" + std::to_string(j) + "]).");
      }
    }
  }
  if (auto st = problems.ToStatus("The EU/EEA membership list breaks one or more rules."); !st) {
    return tl::unexpected(st.error());
  }
  EuEeaMembership out;
  out.members_ = std::move(members);
  return out;
}

std::optional<Bloc> EuEeaMembership::BlocOn(std::string_view alpha2, const CivilDate& on) const {
  for (const auto& m : members_) {
    if (m.country == alpha2 && Covers(m, on)) return m.bloc;
  }
  return std::nullopt;
}

bool EuEeaMembership::InEu(std::string_view alpha2, const CivilDate& on) const {
  return BlocOn(alpha2, on) == Bloc::kEu;
}

bool EuEeaMembership::InEuOrEea(std::string_view alpha2, const CivilDate& on) const {
  return BlocOn(alpha2, on).has_value();
}

}  // namespace opennrm::stats
