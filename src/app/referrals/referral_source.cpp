// The sources a referral can be sent from (referral_source.hpp), by the word
// stored in its source_kind.
#include "app/referrals/referral_source.hpp"

#include "app/referrals/referral_source_case.hpp"
#include "app/referrals/referral_source_consultation.hpp"

namespace opennrm::app::referral_internal {

const ReferralSource* SourceOfKind(std::string_view kind) {
  // Stateless and const: shared by every thread.
  static const CaseSource kCase;
  static const ConsultationSource kConsultation;
  static const ReferralSource* const kSources[] = {&kCase, &kConsultation};
  for (const ReferralSource* source : kSources) {
    if (source->Kind() == kind) return source;
  }
  return nullptr;
}

}  // namespace opennrm::app::referral_internal
