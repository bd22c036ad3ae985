// The PackageDocumentCodec (ports/package_document.hpp): a referral's package
// as compact UTF-8 JSON, members in a fixed order, the records in it written
// by the JsonRecordCodec exactly as they are sealed in a case (each with its
// own format number), so the recipient decodes them with the same codec.
// The bytes, for format 1 (the web app reads them: packageShape.ts):
//   {"format":1,
//    "sender":{"id":"<organisation id>","name":"<organisation name>"},
//    "case":{"code":"NRM-2026-000045","type":"<cases::CaseType>"},
//    "sent_on":"YYYY-MM-DD",
//    "person":"P-2026-000123",
//    "protected":true,                      only when set
//    "sections":{ one member per section, in the document's order:
//      "identity":{"role":"<PersonRole>","identity":<I>},
//      "contact":<C>,
//      "needs_safety":{"wishes":[<W>...],"safety_plan":<S>},
//      "assessment":{"indicators":<N>,"assessment":<A>,"exploitation":<E>},
//      "support":{"track":<T>,"clocks":[<K>...]},
//      "child_protection":{"records":[<R>...],"clocks":[<K>...]},
//      "proceedings":{"track":<T>,"record":<P>},
//      "return":{"track":<T>},
//      "notes":[{"id":"..","at_us":123,"corrects":"..","text":".."}]}}
// where <I> <C> <W> <S> <N> <A> <E> <P> are the JsonRecordCodec's encodings,
// a record or track never kept has no key,
//   <T> = {"step":"..","steps_version":"..","since_us":123},
//   <K> = {"kind","rule_id","status","applied_on","decided_on","starts_on",
//          "ends_on","stopped_on","stop_reason"} (dates only when set),
//   <R> = {"kind","on","municipality","recipient_organisation_id","outcome","note"}
// (empty strings left out, as "corrects" and "stop_reason"). Text that is
// not valid UTF-8 is written with U+FFFD in its place. Decoding refuses
// nesting deeper than kMaxPackageDepth. Thread-safe (stateless).
#pragma once

#include "ports/package_document.hpp"
#include "storage/codec/person_codec.hpp"

namespace opennrm::storage {

// The deepest nesting a package document may have (its records are a few
// levels deep); deeper input is refused rather than followed.
inline constexpr int kMaxPackageDepth = 64;

class JsonPackageDocumentCodec final : public ports::PackageDocumentCodec {
 public:
  std::string Encode(const ports::PackageDocument& document) const override;
  // package_document_decode.cpp.
  Result<ports::PackageDocument> Decode(std::string_view bytes) const override;

 private:
  JsonRecordCodec records_;
};

}  // namespace opennrm::storage
