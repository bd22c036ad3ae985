// Internal to the record use cases (records.hpp): loading and authorising
// the case and person a record is about, sealing and saving a version with
// its timeline entry and fact, and reading the versions back with the read
// audited. Not part of the app's API. Thread-safe: each call opens its own
// units of work.
#pragma once

#include <functional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "app/cases/case_access.hpp"
#include "app/cases/records.hpp"
#include "domain/access/section.hpp"
#include "domain/cases/lookups.hpp"
#include "ports/person_repository.hpp"

namespace opennrm::app::case_internal {

// What kind of record, and how it is kept.
struct RecordKind {
  std::string_view name;  // the kind column; the log entry is "<name>.recorded"
  access::Section section;
  bool versions = true;  // a save supersedes the current version (else: a list)
};

inline constexpr RecordKind kIndicatorsKind{"indicators", access::Section::kAssessment};
inline constexpr RecordKind kAssessmentKind{"assessment", access::Section::kAssessment};
inline constexpr RecordKind kSafetyPlanKind{"safety_plan", access::Section::kNeedsSafety};
inline constexpr RecordKind kWishKind{"wish", access::Section::kNeedsSafety, false};
inline constexpr RecordKind kConversationKind{"conversation", access::Section::kSupport, false};
inline constexpr RecordKind kConsentKind{"consent", access::Section::kSupport, false};
inline constexpr RecordKind kExploitationKind{"exploitation", access::Section::kAssessment};

// The case and person a write is about, loaded and allowed.
struct RecordTarget {
  LoadedCase loaded;
  std::vector<ports::CasePerson> persons;     // everyone in the case
  const ports::CasePerson* person = nullptr;  // the one the record is about; null case-wide
  CivilDate today;
  cases::Lookups lookups;
};

// Loads the case for a write by its team, and the person: kNotFound when
// the caller may not see either, kForbidden ("not-on-team") for break-glass
// readers, kInvalid ("not_for_suspect_or_buyer") for a suspect or buyer.
// Refusals of the case are audited.
Result<RecordTarget> LoadForWrite(const Context& ctx, const Caller& caller, const RecordPlace& at,
                                  const RecordKind& kind, const ClientInfo& client);

// A person's identity opened (for the languages they understand).
Result<cases::Person> OpenPerson(const Context& ctx, const ports::CasePerson& person);

// Adds "unknown_user" on `field` unless `user_id` is a user of `organisation_id`.
Status CheckUser(const Context& ctx, const std::string& organisation_id, const std::string& user_id,
                 const std::string& field, Problems& problems);

struct RecordWrite {
  std::string body;  // encoded, not yet sealed
  std::string fact;  // the fact the save records; "" for none
  std::vector<std::pair<std::string, std::string>> details;  // for the log entry
  // Further writes in the same transaction (the exploitation index).
  std::function<Status(ports::UnitOfWork&)> also;
};

// Seals and saves a version, its log entry and fact in one transaction,
// then audits the write. Returns the stored version.
Result<RecordVersionView> SaveRecord(const Context& ctx, const Caller& caller,
                                     const RecordTarget& target, const RecordKind& kind,
                                     RecordWrite write, const ClientInfo& client);

// Every version of one record (oldest first), for whoever may read the
// case, the read audited before anything is returned.
Result<std::vector<ports::CaseRecordRow>> ReadVersions(const Context& ctx, const Caller& caller,
                                                       const RecordPlace& at,
                                                       const RecordKind& kind,
                                                       const ClientInfo& client);

// A stored body opened (not yet decoded).
Result<std::string> OpenBody(const Context& ctx, const ports::CaseRecordRow& row);

inline RecordVersionView VersionOf(const ports::CaseRecordRow& row) {
  return {row.id, row.recorded_by, row.recorded_at_us};
}

// The current version of a kept-once record, decoded, and its history.
template <class Body, class Decode>
Result<VersionedRecord<Body>> CurrentOf(const Context& ctx,
                                        const std::vector<ports::CaseRecordRow>& rows,
                                        Decode decode) {
  VersionedRecord<Body> out;
  for (const auto& row : rows) {
    out.history.push_back(VersionOf(row));
    if (row.superseded_by) continue;
    auto bytes = OpenBody(ctx, row);
    if (!bytes) return tl::unexpected(bytes.error());
    Result<Body> body = decode(*bytes);
    if (!body) return tl::unexpected(body.error());
    out.current = RecordView<Body>{VersionOf(row), std::move(*body)};
  }
  return out;
}

// Every item of a list record, decoded, oldest first.
template <class Body, class Decode>
Result<std::vector<RecordView<Body>>> ListOf(const Context& ctx,
                                             const std::vector<ports::CaseRecordRow>& rows,
                                             Decode decode) {
  std::vector<RecordView<Body>> out;
  for (const auto& row : rows) {
    auto bytes = OpenBody(ctx, row);
    if (!bytes) return tl::unexpected(bytes.error());
    Result<Body> body = decode(*bytes);
    if (!body) return tl::unexpected(body.error());
    out.push_back(RecordView<Body>{VersionOf(row), std::move(*body)});
  }
  return out;
}

}  // namespace opennrm::app::case_internal
