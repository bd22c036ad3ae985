#include "cli/runtime.hpp"

#include <fcntl.h>
#include <sodium.h>
#include <spdlog/spdlog.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <unistd.h>

#include <filesystem>

#include "app/hotline/routing.hpp"
#include "app/knowledge/knowledge.hpp"
#include "app/reference_data.hpp"
#include "app/seed_directory.hpp"
#include "cli/case_rules_files.hpp"
#include "cli/clock_rules_file.hpp"
#include "cli/disclosure_rules_file.hpp"
#include "cli/eu_eea_file.hpp"
#include "cli/holidays_file.hpp"
#include "cli/knowledge_file.hpp"
#include "cli/routing_rules_file.hpp"
#include "cli/step_rules_file.hpp"
#include "core/stockholm_date.hpp"

namespace opennrm::cli {

namespace fs = std::filesystem;

std::string RandomIds::NewId() {
  unsigned char bytes[16];
  randombytes_buf(bytes, sizeof bytes);
  char hex[33];
  sodium_bin2hex(hex, sizeof hex, bytes, sizeof bytes);
  return hex;
}

Runtime::~Runtime() {
  if (lock_fd >= 0) close(lock_fd);
}

namespace {

Status MakePrivateDir(const std::string& dir, const std::string& key) {
  std::error_code ec;
  fs::create_directories(dir, ec);
  if (ec) return Invalid(key, "writable", "Cannot create " + dir + ": " + ec.message());
  chmod(dir.c_str(), 0700);
  return {};
}

Result<int> TakeLock(const std::string& data_dir) {
  std::string path = data_dir + "/opennrm.lock";
  int fd = open(path.c_str(), O_RDWR | O_CREAT | O_CLOEXEC, 0600);
  if (fd < 0) return Invalid("storage.data_dir", "writable", "Cannot open " + path + ".");
  if (flock(fd, LOCK_EX | LOCK_NB) != 0) {
    close(fd);
    return Fail(ErrorCode::kConflict,
                "Another OpenNRM server is using " + data_dir + "; stop it first.");
  }
  return fd;
}

// [hotline] with the closing days of its holidays file; a bad file or
// setting stops the start naming the day or key.
Result<std::shared_ptr<const app::HotlineSettings>> HotlineSettingsFrom(const Config& config) {
  auto holidays = ReadHolidays(config.hotline_holidays_file);
  if (!holidays) return tl::unexpected(holidays.error());
  auto s = std::make_shared<app::HotlineSettings>();
  s->office_hours.weekdays = config.hotline_weekdays;
  s->office_hours.opens_minute = MinuteOfDay(config.hotline_opens).value_or(-1);
  s->office_hours.closes_minute = MinuteOfDay(config.hotline_closes).value_or(-1);
  s->office_hours.holidays = holidays->Dates();
  s->office_hours.urgent_minutes = config.hotline_urgent_minutes;
  s->office_hours.normal_minutes = config.hotline_normal_minutes;
  if (auto st = hotline::CheckOfficeHours(s->office_hours); !st) return tl::unexpected(st.error());
  s->callback_per_address_per_hour = config.callback_per_address_per_hour;
  s->callback_max_bytes = config.callback_max_bytes;
  return std::shared_ptr<const app::HotlineSettings>(std::move(s));
}

// The routing rules file, read and checked against the directory; a bad
// file stops the start naming the rule and why.
Result<std::unique_ptr<app::RoutingRulesHolder>> LoadRoutingRules(Runtime& rt) {
  const std::string path = rt.config.RoutingRulesPath();
  auto rules = ReadRoutingRules(path);
  if (!rules) return tl::unexpected(rules.error());
  if (auto st = app::CheckRoutingRules(rt.context(), *rules); !st) {
    Error e = st.error();
    e.message = path + ": " + e.message;
    return tl::unexpected(std::move(e));
  }
  spdlog::info(R"("msg":"routing rules","rules":{})", rules->rules().size());
  return std::make_unique<app::RoutingRulesHolder>(std::move(*rules), ToEpochMicros(rt.clock.Now()),
                                                   path, [path] { return ReadRoutingRules(path); });
}

}  // namespace

bool DataDirInUse(const std::string& data_dir) {
  std::string path = data_dir + "/opennrm.lock";
  int fd = open(path.c_str(), O_RDWR | O_CLOEXEC);
  if (fd < 0) return false;
  bool busy = flock(fd, LOCK_EX | LOCK_NB) != 0;
  close(fd);
  return busy;
}

Status EnsureMasterKey(const Config& config) {
  std::error_code ec;
  fs::path key = fs::absolute(config.master_key_file, ec);
  fs::path data = fs::absolute(config.data_dir, ec);
  auto rel = fs::relative(key, data, ec);
  if (!ec && !rel.empty() && rel.native().rfind("..", 0) != 0) {
    return Invalid(
        "security.master_key_file", "outside_data_dir",
        "The master key must live outside the data directory, so that no backup carries it.");
  }
  if (fs::exists(key, ec)) {
    struct stat st {};
    if (stat(key.c_str(), &st) == 0 && (st.st_mode & 077) != 0) {
      return Invalid("security.master_key_file", "permissions",
                     "The master key file must not be readable by group or others (chmod 600).");
    }
    return {};
  }
  if (auto st = MakePrivateDir(key.parent_path().string(), "security.master_key_file"); !st)
    return st;
  unsigned char bytes[32];
  randombytes_buf(bytes, sizeof bytes);
  int fd = open(key.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0600);
  if (fd < 0)
    return Invalid("security.master_key_file", "writable", "Cannot create " + key.string() + ".");
  bool ok = write(fd, bytes, sizeof bytes) == static_cast<ssize_t>(sizeof bytes) && fsync(fd) == 0;
  close(fd);
  sodium_memzero(bytes, sizeof bytes);
  if (!ok)
    return Invalid("security.master_key_file", "writable", "Cannot write " + key.string() + ".");
  spdlog::info(R"("msg":"created master key file","path":"{}")", key.string());
  return {};
}

Result<std::unique_ptr<storage::SqlDatabase>> OpenDatabase(const Config& config,
                                                           bool durable_commits) {
  storage::DatabaseOptions o;
  o.durable_commits = durable_commits;
  o.driver = config.driver;
  o.sqlite_path = config.SqlitePath();
  o.postgres_conninfo = config.postgres_url;
  o.pool_size = config.pool_size;
  o.busy_timeout = std::chrono::milliseconds(config.busy_timeout_ms);
  o.sqlite_cache_mib = config.sqlite_cache_mib;
  return storage::SqlDatabase::Open(o);
}

Result<std::unique_ptr<Runtime>> Start(const Config& config, const StartOptions& options) {
  if (sodium_init() < 0) return Internal("libsodium could not initialise.");
  auto rt = std::make_unique<Runtime>();
  rt->config = config;
  if (auto st = MakePrivateDir(config.data_dir, "storage.data_dir"); !st)
    return tl::unexpected(st.error());
  if (options.take_lock) {
    auto fd = TakeLock(config.data_dir);
    if (!fd) return tl::unexpected(fd.error());
    rt->lock_fd = *fd;
  }
  // A master key from the environment needs no file.
  if (config.master_key.empty()) {
    if (auto st = EnsureMasterKey(config); !st) return tl::unexpected(st.error());
  }
  auto db = OpenDatabase(config, !options.bulk_fill);
  if (!db) return tl::unexpected(db.error());
  rt->db = std::move(*db);
  auto migrated = rt->db->Migrate(ToEpochMicros(rt->clock.Now()));
  if (!migrated) return tl::unexpected(migrated.error());
  spdlog::info(R"("msg":"schema ready","dialect":"{}","from":{},"to":{},"applied":{})",
               rt->db->Dialect(), migrated->from_version, migrated->to_version,
               migrated->applied.size());
  // The query planner's statistics: stale or missing ones make name search read every case.
  if (auto st = rt->db->Optimize(); !st) {
    spdlog::warn(R"("msg":"planner statistics not refreshed","error":"{}")", st.error().message);
  }
  // Case management's dates are Stockholm calendar days: the time-zone
  // database must be there before anything counts a deadline.
  if (auto st = CheckStockholmTimeZone(); !st) return tl::unexpected(st.error());
  auto steps = ReadStepRulesFile(config.reference_dir + "/rules/steps.toml");
  if (!steps) return tl::unexpected(steps.error());
  auto rules = std::make_shared<app::CaseRules>();
  rules->steps = std::move(*steps);
  auto indicators = ReadIndicatorRules(config.reference_dir + "/rules/indicators.toml");
  if (!indicators) return tl::unexpected(indicators.error());
  rules->indicators = std::move(*indicators);
  auto offences = ReadOffenceRules(config.reference_dir + "/rules/offences.toml");
  if (!offences) return tl::unexpected(offences.error());
  rules->offences = std::move(*offences);
  auto clock_rules = ReadClockRules(config.reference_dir + "/rules/clocks.toml");
  if (!clock_rules) return tl::unexpected(clock_rules.error());
  rules->clocks = std::move(*clock_rules);
  auto eu_eea = ReadEuEeaFile(config.reference_dir + "/rules/eu_eea.toml");
  if (!eu_eea) return tl::unexpected(eu_eea.error());
  rules->eu_eea = std::move(*eu_eea);
  auto disclosure = ReadDisclosureRules(config.reference_dir + "/rules");
  if (!disclosure) return tl::unexpected(disclosure.error());
  rules->disclosure_bases = std::move(disclosure->bases);
  rules->referral_purposes = std::move(disclosure->purposes);
  rt->case_rules = std::move(rules);
  auto romaniser = names::Romaniser::Create();
  if (!romaniser) return tl::unexpected(romaniser.error());
  rt->romaniser = std::make_unique<names::Romaniser>(std::move(*romaniser));
  auto sniffer = security::MagicSniffer::Open();
  if (!sniffer) return tl::unexpected(sniffer.error());
  rt->sniffer = std::move(*sniffer);
  auto files = ReadReferenceFiles(config.reference_dir);
  if (!files) return tl::unexpected(files.error());
  auto imported = app::ImportReferenceData(*rt->db, files->data, files->fingerprint);
  if (!imported) return tl::unexpected(imported.error());
  spdlog::info(
      R"("msg":"reference data","changed":{},"municipalities":{},"countries":{},"languages":{})",
      imported->changed, imported->municipalities, imported->countries, imported->languages);
  rt->counties_geojson = std::move(files->counties_geojson);
  rt->municipalities_geojson = std::move(files->municipalities_geojson);
  auto reference = app::LoadReference(*rt->db);
  if (!reference) return tl::unexpected(reference.error());
  rt->reference = *reference;
  if (options.seed) {
    auto seeded = app::SeedDirectory(rt->context());
    if (!seeded) return tl::unexpected(seeded.error());
    spdlog::info(R"("msg":"organisation directory seeded","created":{},"existing":{})",
                 seeded->created, seeded->existing);
  }
  auto hotline = HotlineSettingsFrom(config);
  if (!hotline) return tl::unexpected(hotline.error());
  rt->hotline = std::move(*hotline);
  auto routing = LoadRoutingRules(*rt);
  if (!routing) return tl::unexpected(routing.error());
  rt->routing = std::move(*routing);
  app::statistics::StatisticsSettings statistics;
  statistics.threshold = config.statistics_threshold;
  statistics.minimum_threshold = config.statistics_minimum_threshold;
  statistics.rounding_base = config.statistics_rounding_base;
  statistics.refresh_ms = config.statistics_refresh_ms;
  if (auto st = app::statistics::CheckStatisticsSettings(statistics); !st) {
    return tl::unexpected(st.error());
  }
  rt->statistics_settings = std::make_shared<const app::statistics::StatisticsSettings>(statistics);
  // Loaded at first use, so that a start does not wait for every statistics row.
  rt->facts = std::make_unique<app::statistics::FactCache>(*rt->db, rt->clock, rt->reference,
                                                           rt->case_rules, statistics.refresh_ms);
  if (options.seed) {
    // Shipped knowledge-base articles whose slug is not stored yet; edits are never overwritten.
    auto articles = ReadKnowledgeArticles(config.reference_dir + "/knowledge/articles.toml");
    if (!articles) return tl::unexpected(articles.error());
    auto added = app::ImportShippedArticles(rt->context(), *articles);
    if (!added) return tl::unexpected(added.error());
    spdlog::info(R"("msg":"knowledge base","shipped":{},"inserted":{})", articles->size(), *added);
  }
  return rt;
}

}  // namespace opennrm::cli
