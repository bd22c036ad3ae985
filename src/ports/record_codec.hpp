// How the parts of a record that are sealed become bytes and back (case
// management): the use cases encode before sealing and decode after opening,
// so they never hold a serialisation format of their own. The storage layer
// implements it. Thread-safe.
#pragma once

#include <string>
#include <string_view>

#include "core/error.hpp"
#include "domain/cases/person.hpp"

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
};

}  // namespace opennrm::ports
