// What every use case needs: the database, the clock, id generation and the
// read-only reference data. Thread-safe to share; the reference snapshot is
// immutable.
#pragma once

#include <memory>

#include "app/auth/services.hpp"
#include "app/case_rules.hpp"
#include "app/directory_cache.hpp"
#include "app/hotline/hotline_settings.hpp"
#include "core/clock.hpp"
#include "domain/geo/geography.hpp"
#include "domain/names/romaniser.hpp"
#include "domain/ref/reference.hpp"
#include "ports/consultation_repository.hpp"
#include "ports/content_type_sniffer.hpp"
#include "ports/database.hpp"
#include "ports/id_generator.hpp"
#include "ports/package_document.hpp"
#include "ports/record_codec.hpp"

namespace opennrm::app {

class RoutingRulesHolder;  // app/hotline/routing_rules_holder.hpp
namespace statistics {
struct StatisticsSettings;  // app/statistics/statistics_settings.hpp
class FactCache;            // app/statistics/fact_cache.hpp
}  // namespace statistics

struct Reference {
  geo::Geography geography;
  ref::Catalogs catalogs;
};

struct Context {
  ports::Database& db;
  const Clock& clock;
  ports::IdGenerator& ids;
  std::shared_ptr<const Reference> reference;
  // Optional: answers directory reads from memory while nothing changed.
  DirectoryCache* directory = nullptr;
  // The security core: required by every use case that needs an actor.
  SecurityServices* security = nullptr;
  // Case management's versioned rules: required by the case use cases.
  std::shared_ptr<const CaseRules> case_rules;
  // How sealed parts of records become bytes: required by the case use cases.
  const ports::RecordCodec* codec = nullptr;
  // How a referral's package document becomes bytes: required by referrals.
  const ports::PackageDocumentCodec* package_codec = nullptr;
  // Writes names in Latin letters for the name index: required by persons.
  const names::Romaniser* romaniser = nullptr;
  // Tells what an attachment is from its bytes: required by attachments.
  const ports::ContentTypeSniffer* sniffer = nullptr;
  // The largest attachment accepted, in bytes ([attachments] max_bytes).
  long long max_attachment_bytes = 10LL * 1024 * 1024;
  // The hotline's office hours and call-back limits: required by consultations.
  std::shared_ptr<const HotlineSettings> hotline;
  // The routing rules in force, swapped whole on reload: required by routing.
  RoutingRulesHolder* routing = nullptr;
  // How a consultation's sealed body becomes bytes: required by consultations.
  const ports::ConsultationCodec* consultation_codec = nullptr;
  // Statistical disclosure control's threshold and rounding ([statistics]):
  // required by statistics.
  std::shared_ptr<const statistics::StatisticsSettings> statistics_settings;
  // The statistics facts in memory: required by statistics.
  statistics::FactCache* facts = nullptr;
};

}  // namespace opennrm::app
