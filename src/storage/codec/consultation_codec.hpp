// The ConsultationCodec (ports/consultation_repository.hpp): the sealed body
// of a consultation as compact UTF-8 JSON with short, stable keys and a
// version number, so that bodies sealed today still open after the domain
// types grow. The bytes, for version 1:
//   {"v":1,
//    "c":{"o":"<caller organisation id>","on":"<its name>","r":"<role>",
//         "n":"<name>","p":"<phone>","e":"<e-mail>"},
//    "s":"<situation>",
//    "i":{"n":"<name>","d":"YYYY-MM-DD"|null,"p":"<phone>","e":"<e-mail>"},
//    "a":"<advice>",
//    "o":[{"o":"<organisation id>","a":true,"r":"<reason>"}]}
// Every key is always written, in byte order. Text that is not valid UTF-8 is written with
// U+FFFD in its place. Decoding refuses (kInternal) any other version, a
// missing or unknown key, a value of the wrong type, an invalid date and
// nesting deeper than a body has. Thread-safe (stateless).
#pragma once

#include "ports/consultation_repository.hpp"

namespace opennrm::storage {

class JsonConsultationCodec final : public ports::ConsultationCodec {
 public:
  std::string EncodeBody(const ports::ConsultationBody& body) const override;
  Result<ports::ConsultationBody> DecodeBody(std::string_view bytes) const override;
};

}  // namespace opennrm::storage
