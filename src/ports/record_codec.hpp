// How the parts of a record that are sealed become bytes and back (case
// management): the use cases encode before sealing and decode after opening,
// so they never hold a serialisation format of their own. The storage layer
// implements it. Thread-safe.
#pragma once

#include <string>
#include <string_view>

#include "core/error.hpp"
#include "domain/cases/assessment.hpp"
#include "domain/cases/indicators.hpp"
#include "domain/cases/person.hpp"
#include "domain/cases/proceedings.hpp"
#include "domain/cases/safety_plan.hpp"
#include "domain/cases/voice.hpp"
#include "ports/case_record_repository.hpp"

namespace opennrm::ports {

class RecordCodec {
 public:
  virtual ~RecordCodec() = default;
  // A person's identity: names, date of birth, minor claim, gender,
  // citizenship, languages, documents.
  virtual std::string EncodeIdentity(const cases::Person& person) const = 0;
  // Fills the identity fields of `person`; kInternal when the bytes are not
  // an identity this codec wrote.
  virtual Status DecodeIdentity(std::string_view bytes, cases::Person& person) const = 0;
  virtual std::string EncodeContact(const cases::ContactDetails& contact) const = 0;
  virtual Result<cases::ContactDetails> DecodeContact(std::string_view bytes) const = 0;
  // A case's criminal-proceedings record; kInternal when the bytes are not
  // proceedings this codec wrote.
  virtual std::string EncodeProceedings(const cases::Proceedings& p) const = 0;
  virtual Result<cases::Proceedings> DecodeProceedings(std::string_view bytes) const = 0;
  // The records of a case (app/cases/records.hpp); each Decode gives kInternal
  // when the bytes are not a record of its kind this codec wrote.
  virtual std::string EncodeIndicators(const cases::IndicatorsAssessment& a) const = 0;
  virtual Result<cases::IndicatorsAssessment> DecodeIndicators(std::string_view bytes) const = 0;
  virtual std::string EncodeAssessment(const cases::PresumedVictimAssessment& a) const = 0;
  virtual Result<cases::PresumedVictimAssessment> DecodeAssessment(
      std::string_view bytes) const = 0;
  virtual std::string EncodeSafetyPlan(const cases::SafetyPlan& plan) const = 0;
  virtual Result<cases::SafetyPlan> DecodeSafetyPlan(std::string_view bytes) const = 0;
  virtual std::string EncodeWish(const cases::Wish& wish) const = 0;
  virtual Result<cases::Wish> DecodeWish(std::string_view bytes) const = 0;
  virtual std::string EncodeConversation(const cases::Conversation& c) const = 0;
  virtual Result<cases::Conversation> DecodeConversation(std::string_view bytes) const = 0;
  virtual std::string EncodeConsent(const ConsentBody& c) const = 0;
  virtual Result<ConsentBody> DecodeConsent(std::string_view bytes) const = 0;
  virtual std::string EncodeExploitation(const ExploitationBody& e) const = 0;
  virtual Result<ExploitationBody> DecodeExploitation(std::string_view bytes) const = 0;
};

}  // namespace opennrm::ports
