// Everything a running OpenNRM needs, set up in order: the data directory
// (and its lock, held while a server runs), the master key file, the
// database with its migrations, the reference data, the seed directory and
// the hotline's settings and routing rules.
#pragma once

#include <memory>
#include <string>

#include "app/context.hpp"
#include "app/hotline/routing_rules_holder.hpp"
#include "app/statistics/fact_cache.hpp"
#include "app/statistics/statistics_settings.hpp"
#include "cli/config.hpp"
#include "cli/reference_files.hpp"
#include "core/clock.hpp"
#include "ports/id_generator.hpp"
#include "security/magic_sniffer.hpp"
#include "storage/codec/consultation_codec.hpp"
#include "storage/codec/package_document_codec.hpp"
#include "storage/codec/person_codec.hpp"
#include "storage/sql_database.hpp"

namespace opennrm::cli {

// 128-bit random hex ids from libsodium. Thread-safe.
class RandomIds final : public ports::IdGenerator {
 public:
  std::string NewId() override;
};

struct Runtime {
  Config config;
  std::unique_ptr<storage::SqlDatabase> db;
  SystemClock clock;
  RandomIds ids;
  std::shared_ptr<const app::Reference> reference;
  std::shared_ptr<const app::CaseRules> case_rules;
  storage::JsonRecordCodec codec;
  storage::JsonPackageDocumentCodec package_codec;
  storage::JsonConsultationCodec consultation_codec;
  std::unique_ptr<names::Romaniser> romaniser;
  std::unique_ptr<security::MagicSniffer> sniffer;  // attachments by content
  std::string counties_geojson;
  std::string municipalities_geojson;
  app::DirectoryCache directory;
  std::shared_ptr<const app::HotlineSettings> hotline;  // [hotline] with the closing days
  std::unique_ptr<app::RoutingRulesHolder> routing;     // the routing rules in force
  std::shared_ptr<const app::statistics::StatisticsSettings> statistics_settings;  // [statistics]
  std::unique_ptr<app::statistics::FactCache> facts;  // the statistics facts in memory
  int lock_fd = -1;  // flock on <data_dir>/opennrm.lock while serving
  ~Runtime();
  app::Context context() {
    app::Context ctx{*db, clock, ids, reference, &directory};
    ctx.case_rules = case_rules;
    ctx.codec = &codec;
    ctx.package_codec = &package_codec;
    ctx.consultation_codec = &consultation_codec;
    ctx.romaniser = romaniser.get();
    ctx.sniffer = sniffer.get();
    ctx.max_attachment_bytes = config.attachment_max_bytes;
    ctx.hotline = hotline;
    ctx.routing = routing.get();
    ctx.statistics_settings = statistics_settings;
    ctx.facts = facts.get();
    return ctx;
  }
};

struct StartOptions {
  bool take_lock = false;  // serve: refuse if another server holds the data directory
  bool seed = true;
  // Filling a throwaway database (opennrm demo): SQLite commits without waiting for the disk.
  bool bulk_fill = false;
};

// Opens, migrates, loads reference data and seeds. Logs what it did.
Result<std::unique_ptr<Runtime>> Start(const Config& config, const StartOptions& options);

// Opens the database only (no migrations): for backup.
// `durable_commits` false only for a throwaway fill (see StartOptions::bulk_fill).
Result<std::unique_ptr<storage::SqlDatabase>> OpenDatabase(const Config& config,
                                                           bool durable_commits = true);

// Whether a running server holds the data directory's lock.
bool DataDirInUse(const std::string& data_dir);

// Creates the master key file (32 random bytes, mode 0600) if missing;
// refuses a key file inside the data directory (backups would carry it).
Status EnsureMasterKey(const Config& config);

}  // namespace opennrm::cli
