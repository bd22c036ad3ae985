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
};

}  // namespace opennrm::storage
