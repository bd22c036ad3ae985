// The records of a case (case management): the person's voice and safety
// (wishes at each step, the safety plan, conversations with the interpreter
// used, consents), the assessment (the indicators checklist answered, the
// presumed-victim assessment) and the exploitation the case concerns
// (forms, places, period).
//
// Each record is sealed under the case's organisation's key. Every save is
// kept: a record kept once per person (a safety plan) gets a new version
// that supersedes the one before; a list (wishes, conversations, consents)
// is only added to. Each save writes one timeline entry "<kind>.recorded"
// in the record's section and, where the step definitions ask for it, the
// fact it satisfies (indicators_recorded, presumed_victim_assessment,
// safety_plan, person_wishes_recorded, consent_recorded).
//
// The team writes; the team and break-glass readers read (404 for everyone
// else, as for the case). The person must be in the case (404), and records
// are not kept about suspects or buyers (422 "not_for_suspect_or_buyer").
// Invalid input gives kInvalid naming every field and rule, and nothing is
// written. Thread-safe: every call opens its own units of work.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "app/auth/login.hpp"
#include "app/auth/views.hpp"
#include "app/context.hpp"
#include "domain/cases/assessment.hpp"
#include "domain/cases/conversation.hpp"
#include "domain/cases/indicators.hpp"
#include "domain/cases/safety_plan.hpp"
#include "domain/cases/voice.hpp"
#include "ports/case_record_repository.hpp"

namespace opennrm::app {

// Who saved one version of a record, and when.
struct RecordVersionView {
  std::string id;
  std::string recorded_by;  // user id
  long long recorded_at_us = 0;
};

// One saved version with its body opened.
template <class Body>
struct RecordView {
  RecordVersionView version;
  Body body;
};

// A record kept once (per person or per case): its current version, if any,
// and who saved every version, oldest first (the current one last).
template <class Body>
struct VersionedRecord {
  std::optional<RecordView<Body>> current;
  std::vector<RecordVersionView> history;
};

// Where a record is: the case and the person it is about ("" case-wide).
struct RecordPlace {
  std::string case_id;
  std::string person_id;
};

// The indicators checklist answered for a person; catalog_version must be
// the checklist in use, assessed_by defaults to the caller.
Result<RecordView<cases::IndicatorsAssessment>> RecordIndicators(const Context& ctx,
                                                                 const Caller& caller,
                                                                 const RecordPlace& at,
                                                                 cases::IndicatorsAssessment input,
                                                                 const ClientInfo& client);
Result<VersionedRecord<cases::IndicatorsAssessment>> ReadIndicators(const Context& ctx,
                                                                    const Caller& caller,
                                                                    const RecordPlace& at,
                                                                    const ClientInfo& client);

// The presumed-victim assessment; assessed_by defaults to the caller, and
// assessor and reviewer must be users of the case's organisation
// ("unknown_user").
Result<RecordView<cases::PresumedVictimAssessment>> RecordAssessment(
    const Context& ctx, const Caller& caller, const RecordPlace& at,
    cases::PresumedVictimAssessment input, const ClientInfo& client);
Result<VersionedRecord<cases::PresumedVictimAssessment>> ReadAssessment(const Context& ctx,
                                                                        const Caller& caller,
                                                                        const RecordPlace& at,
                                                                        const ClientInfo& client);

// The person's safety plan.
Result<RecordView<cases::SafetyPlan>> RecordSafetyPlan(const Context& ctx, const Caller& caller,
                                                       const RecordPlace& at,
                                                       cases::SafetyPlan input,
                                                       const ClientInfo& client);
Result<VersionedRecord<cases::SafetyPlan>> ReadSafetyPlan(const Context& ctx, const Caller& caller,
                                                          const RecordPlace& at,
                                                          const ClientInfo& client);

// Adds one wish (the step must be a step of the case's definitions);
// recorded_by is the caller.
Result<RecordView<cases::Wish>> AddWish(const Context& ctx, const Caller& caller,
                                        const RecordPlace& at, cases::Wish input,
                                        const ClientInfo& client);
Result<std::vector<RecordView<cases::Wish>>> ListWishes(const Context& ctx, const Caller& caller,
                                                        const RecordPlace& at,
                                                        const ClientInfo& client);

// Adds a conversation; held_by defaults to the caller. A family member or
// companion as interpreter: kInvalid "interpreter_family_or_companion".
Result<RecordView<cases::Conversation>> AddConversation(const Context& ctx, const Caller& caller,
                                                        const RecordPlace& at,
                                                        cases::Conversation input,
                                                        const ClientInfo& client);
Result<std::vector<RecordView<cases::Conversation>>> ListConversations(const Context& ctx,
                                                                       const Caller& caller,
                                                                       const RecordPlace& at,
                                                                       const ClientInfo& client);

// Adds a consent taken (given or declined), in a language the person
// understands; taken_by defaults to the caller.
Result<RecordView<ports::ConsentBody>> AddConsent(const Context& ctx, const Caller& caller,
                                                  const RecordPlace& at, ports::ConsentBody input,
                                                  const ClientInfo& client);
Result<std::vector<RecordView<ports::ConsentBody>>> ListConsents(const Context& ctx,
                                                                 const Caller& caller,
                                                                 const RecordPlace& at,
                                                                 const ClientInfo& client);

// The exploitation the case concerns (at.person_id must be empty). Also
// replaces the case's plaintext forms and places index; municipality codes
// are left out of it while any person in the case has protected identity.
Result<RecordView<ports::ExploitationBody>> RecordExploitation(const Context& ctx,
                                                               const Caller& caller,
                                                               const std::string& case_id,
                                                               ports::ExploitationBody input,
                                                               const ClientInfo& client);
Result<VersionedRecord<ports::ExploitationBody>> ReadExploitation(const Context& ctx,
                                                                  const Caller& caller,
                                                                  const std::string& case_id,
                                                                  const ClientInfo& client);

// The indicator checklist in use, for the guided flow (reference data, whose
// route decides who may read it); nullptr when none was loaded.
const cases::IndicatorCatalog* IndicatorChecklist(const Context& ctx);

}  // namespace opennrm::app
