// The document a referral discloses (referrals, issue 5 point 3), as plain
// data: a snapshot of the chosen sections about one person, built by the app
// (app/referrals/snapshot.hpp says what goes in) and turned into bytes by a
// PackageDocumentCodec, which the storage layer implements, so that the use
// cases hold no serialisation format of their own. The bytes are what the
// recipient's web app reads (web/src/features/referrals/packageShape.ts).
// Thread-safe: the codec is stateless; the structs are plain values.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

#include "core/date.hpp"
#include "core/error.hpp"
#include "domain/access/section.hpp"
#include "domain/cases/assessment.hpp"
#include "domain/cases/indicators.hpp"
#include "domain/cases/person.hpp"
#include "domain/cases/proceedings.hpp"
#include "domain/cases/safety_plan.hpp"
#include "domain/cases/voice.hpp"
#include "ports/case_record_repository.hpp"

namespace opennrm::ports {

// The one format the codec writes and reads.
inline constexpr int kPackageDocumentFormat = 1;

// A track's current step.
struct PackageTrack {
  std::string step;
  std::string steps_version;
  long long since_us = 0;
};

// A clock of the person's, as words and dates (unset dates are left out).
struct PackageClock {
  std::string kind;
  std::string rule_id;
  std::string status;
  std::optional<CivilDate> applied_on;
  std::optional<CivilDate> decided_on;
  std::optional<CivilDate> starts_on;
  std::optional<CivilDate> ends_on;
  std::optional<CivilDate> stopped_on;
  std::string stop_reason;  // "" while not stopped: left out
};

// A child-track record; an empty string is left out.
struct PackageChildRecord {
  std::string kind;
  CivilDate on;
  std::string municipality;
  std::string recipient_organisation_id;
  std::string outcome;
  std::optional<std::string> note;  // opened; nullopt when none was written
};

// A note of the case about the person, opened.
struct PackageNote {
  std::string id;
  long long at_us = 0;
  std::string corrects;  // the id of the note it corrects; "" when none (left out)
  std::string text;
};

// One struct per section; each names its section. A record never kept is
// nullopt (no key in the document).
struct PackageIdentity {
  static constexpr access::Section kSection = access::Section::kIdentity;
  std::string role;        // cases::PersonRole word
  cases::Person identity;  // only the identity fields count (RecordCodec::EncodeIdentity)
};
struct PackageContact {
  static constexpr access::Section kSection = access::Section::kContact;
  cases::ContactDetails contact;
};
struct PackageNeedsSafety {
  static constexpr access::Section kSection = access::Section::kNeedsSafety;
  std::vector<cases::Wish> wishes;
  std::optional<cases::SafetyPlan> safety_plan;
};
struct PackageAssessment {
  static constexpr access::Section kSection = access::Section::kAssessment;
  std::optional<cases::IndicatorsAssessment> indicators;
  std::optional<cases::PresumedVictimAssessment> assessment;
  std::optional<ExploitationBody> exploitation;
};
struct PackageSupport {
  static constexpr access::Section kSection = access::Section::kSupport;
  std::optional<PackageTrack> track;
  std::vector<PackageClock> clocks;
};
struct PackageChildProtection {
  static constexpr access::Section kSection = access::Section::kChildProtection;
  std::vector<PackageChildRecord> records;
  std::vector<PackageClock> clocks;
};
struct PackageProceedings {
  static constexpr access::Section kSection = access::Section::kProceedings;
  std::optional<PackageTrack> track;
  std::optional<cases::Proceedings> record;
};
struct PackageReturn {
  static constexpr access::Section kSection = access::Section::kReturn;
  std::optional<PackageTrack> track;
};
struct PackageNotes {
  static constexpr access::Section kSection = access::Section::kNotes;
  std::vector<PackageNote> notes;  // oldest first
};

using PackageSection = std::variant<PackageIdentity, PackageContact, PackageNeedsSafety,
                                    PackageAssessment, PackageSupport, PackageChildProtection,
                                    PackageProceedings, PackageReturn, PackageNotes>;

// The section a part of the document holds.
inline access::Section SectionOf(const PackageSection& part) {
  return std::visit([](const auto& s) { return s.kSection; }, part);
}

struct PackageDocument {
  std::string sender_id;  // the sending organisation
  std::string sender_name;
  std::string case_code;  // the sender's case, e.g. "NRM-2026-000045"
  std::string case_type;  // cases::CaseType word
  CivilDate sent_on;
  std::string person_code;               // the person's pseudonymous code, e.g. "P-2026-000123"
  bool is_protected = false;             // warn the recipient: a protected person
  std::vector<PackageSection> sections;  // disclosed, in scope order, one each
};

class PackageDocumentCodec {
 public:
  virtual ~PackageDocumentCodec() = default;
  // The document's bytes (format kPackageDocumentFormat); never fails.
  virtual std::string Encode(const PackageDocument& document) const = 0;
  // The document in `bytes`; kInternal when they are not a document of this
  // format as Encode writes it (malformed, nested too deeply, another format,
  // a section or record this codec cannot read).
  virtual Result<PackageDocument> Decode(std::string_view bytes) const = 0;
};

}  // namespace opennrm::ports
