// The RecordCodec for persons: compact JSON with short, stable keys and a
// format number, so that sealed values written today still open after the
// domain types grow. Thread-safe (stateless).
#pragma once

#include "ports/record_codec.hpp"

namespace opennrm::storage {

class JsonRecordCodec final : public ports::RecordCodec {
 public:
  std::string EncodeIdentity(const cases::Person& person) const override;
  Status DecodeIdentity(std::string_view bytes, cases::Person& person) const override;
  std::string EncodeContact(const cases::ContactDetails& contact) const override;
  Result<cases::ContactDetails> DecodeContact(std::string_view bytes) const override;
  // Criminal proceedings: proceedings_codec.cpp.
  std::string EncodeProceedings(const cases::Proceedings& p) const override;
  Result<cases::Proceedings> DecodeProceedings(std::string_view bytes) const override;
  // Records of a case: record_codec_assessment.cpp and record_codec_voice.cpp.
  std::string EncodeIndicators(const cases::IndicatorsAssessment& a) const override;
  Result<cases::IndicatorsAssessment> DecodeIndicators(std::string_view bytes) const override;
  std::string EncodeAssessment(const cases::PresumedVictimAssessment& a) const override;
  Result<cases::PresumedVictimAssessment> DecodeAssessment(std::string_view bytes) const override;
  std::string EncodeSafetyPlan(const cases::SafetyPlan& plan) const override;
  Result<cases::SafetyPlan> DecodeSafetyPlan(std::string_view bytes) const override;
  std::string EncodeWish(const cases::Wish& wish) const override;
  Result<cases::Wish> DecodeWish(std::string_view bytes) const override;
  std::string EncodeConversation(const cases::Conversation& c) const override;
  Result<cases::Conversation> DecodeConversation(std::string_view bytes) const override;
  std::string EncodeConsent(const ports::ConsentBody& c) const override;
  Result<ports::ConsentBody> DecodeConsent(std::string_view bytes) const override;
  std::string EncodeExploitation(const ports::ExploitationBody& e) const override;
  Result<ports::ExploitationBody> DecodeExploitation(std::string_view bytes) const override;
};

}  // namespace opennrm::storage
