#include "domain/cases/merge.hpp"

#include <algorithm>

namespace opennrm::cases {

namespace {

template <class T>
void AppendMissing(std::vector<T>& into, const std::vector<T>& from) {
  for (const auto& item : from) {
    if (std::find(into.begin(), into.end(), item) == into.end()) into.push_back(item);
  }
}

Citizenship MergeCitizenship(const Citizenship& a, const Citizenship& b) {
  if (a.status == CitizenshipStatus::kUnknown) return b;
  if (b.status != CitizenshipStatus::kKnown || a.status != CitizenshipStatus::kKnown) return a;
  Citizenship out = a;
  AppendMissing(out.countries, b.countries);
  return out;
}

}  // namespace

Status CheckMerge(const Person& kept, const Person& duplicate) {
  if (kept.protection == ProtectionLevel::kAssumedIdentity) {
    return Invalid("kept_person_id", "assumed_identity_never_merged",
                   "An assumed identity is never merged with or linked to another person.");
  }
  if (duplicate.protection == ProtectionLevel::kAssumedIdentity) {
    return Invalid("merged_person_id", "assumed_identity_never_merged",
                   "An assumed identity is never merged with or linked to another person.");
  }
  if (kept.id == duplicate.id) {
    return Invalid("merged_person_id", "merge_same_person", "A record cannot merge with itself.");
  }
  if (kept.organisation_id.empty() || kept.organisation_id != duplicate.organisation_id) {
    return Invalid("merged_person_id", "merge_other_organisation",
                   "Only records of the same organisation can be merged.");
  }
  if (kept.merged_into || duplicate.merged_into) {
    return Invalid(kept.merged_into ? "kept_person_id" : "merged_person_id", "already_merged",
                   "The record was already merged into another one.");
  }
  return Ok();
}

Result<MergeOutcome> Merge(const Person& kept, const Person& duplicate,
                           const std::string& merged_by, CivilDate on) {
  if (auto st = CheckMerge(kept, duplicate); !st) return tl::unexpected(st.error());
  if (merged_by.empty()) return Invalid("merged_by", "required", "Who merged the records.");

  MergeOutcome out{kept, duplicate, {kept.id, duplicate.id, merged_by, on}};
  Person& k = out.kept;
  AppendMissing(k.names, duplicate.names);
  if (!k.date_of_birth) k.date_of_birth = duplicate.date_of_birth;
  k.claimed_minor = k.claimed_minor || duplicate.claimed_minor;
  if (k.residence_permit == ResidencePermit::kUnknown)
    k.residence_permit = duplicate.residence_permit;
  k.unaccompanied = k.unaccompanied || duplicate.unaccompanied;
  if (k.gender == Gender::kNotRecorded) k.gender = duplicate.gender;
  k.citizenship = MergeCitizenship(k.citizenship, duplicate.citizenship);
  AppendMissing(k.languages, duplicate.languages);
  AppendMissing(k.documents, duplicate.documents);
  AppendMissing(k.contact.phones, duplicate.contact.phones);
  AppendMissing(k.contact.emails, duplicate.contact.emails);
  if (k.contact.address.empty()) k.contact.address = duplicate.contact.address;
  if (k.contact.notes.empty()) k.contact.notes = duplicate.contact.notes;
  k.protection = Stricter(k.protection, duplicate.protection);
  k.merged_from.push_back(duplicate.id);
  AppendMissing(k.merged_from, duplicate.merged_from);
  out.retired.merged_into = kept.id;
  return out;
}

}  // namespace opennrm::cases
