#include "cli/security_runtime.hpp"

#include <sodium.h>
#include <spdlog/spdlog.h>
#include <unistd.h>

#include <filesystem>

#include "cli/audit_checkpoint_dir.hpp"
#include "cli/runtime.hpp"

namespace opennrm::cli {

namespace fs = std::filesystem;

SecurityRuntime::~SecurityRuntime() {
  if (audit) audit->Stop();
  if (journal) journal->Stop();
}

std::string AuditJournalDir(const Config& config) { return config.data_dir + "/audit-journal"; }

std::string ProcessHolderName() {
  char host[256] = {0};
  gethostname(host, sizeof host - 1);
  unsigned char r[6];
  randombytes_buf(r, sizeof r);
  char hex[13];
  sodium_bin2hex(hex, sizeof hex, r, sizeof r);
  return std::string(host) + ":" + std::to_string(getpid()) + ":" + hex;
}

Result<security::MasterKey> LoadMasterKey(const Config& config) {
  if (!config.master_key.empty()) {
    return security::MasterKey::FromBase64("OPENNRM_SECURITY_MASTER_KEY", config.master_key);
  }
  if (auto st = EnsureMasterKey(config); !st) return tl::unexpected(st.error());
  return security::MasterKey::FromFile(config.master_key_file);
}

namespace {

// A key file must not sit in the data directory: every backup would carry it.
Status OutsideDataDir(const std::string& file, const std::string& data_dir, const char* key) {
  std::error_code ec;
  auto rel = fs::relative(fs::absolute(file, ec), fs::absolute(data_dir, ec), ec);
  if (!ec && !rel.empty() && rel.native().rfind("..", 0) != 0) {
    return Invalid(key, "outside_data_dir",
                   std::string(key) + " must live outside the data directory.");
  }
  return Ok();
}

}  // namespace

Result<std::unique_ptr<SecurityRuntime>> StartSecurity(const Config& config, ports::Database& db,
                                                       const Clock& clock,
                                                       const std::string& holder, bool serving) {
  auto rt = std::make_unique<SecurityRuntime>();
  auto master = LoadMasterKey(config);
  if (!master) return tl::unexpected(master.error());
  if (!master->locked()) {
    spdlog::warn(R"("msg":"master key memory could not be locked against swapping")");
  }
  std::optional<security::MasterKey> previous;
  if (!config.previous_master_key_file.empty()) {
    auto p = security::MasterKey::FromFile(config.previous_master_key_file);
    if (!p) return tl::unexpected(p.error());
    previous = std::move(*p);
  }
  rt->keys =
      std::make_unique<security::KeyRing>(db, clock, std::move(*master), std::move(previous));
  // The one holder of the master key; the package box unwraps through it.
  rt->packages = std::make_unique<security::PackageBox>(*rt->keys);
  auto platform = rt->keys->PlatformSecret();
  if (!platform) return tl::unexpected(platform.error());
  auto secrets = security::SodiumSecrets::Create(*platform);
  if (!secrets) return tl::unexpected(secrets.error());
  rt->secrets = std::move(*secrets);

  security::Argon2Params params;
  params.limits.max_concurrent = static_cast<size_t>(config.password_hash_concurrency);
  auto hasher = security::Argon2Hasher::Create(params);
  if (!hasher) return tl::unexpected(hasher.error());
  rt->hasher = std::move(*hasher);
  rt->totp = std::make_unique<security::OathTotp>();

  if (auto st = OutsideDataDir(config.audit_signing_key_file, config.data_dir,
                               "security.audit_signing_key_file");
      !st) {
    return tl::unexpected(st.error());
  }
  std::error_code ec;
  fs::create_directories(fs::path(config.audit_signing_key_file).parent_path(), ec);
  auto signer = security::Ed25519Signer::FromSeedFile(config.audit_signing_key_file, true);
  if (!signer) return tl::unexpected(signer.error());
  rt->signer = std::move(*signer);
  auto exporter = MakeCheckpointDirectory(config.audit_checkpoint_dir);
  if (!exporter) return tl::unexpected(exporter.error());
  rt->exporter = std::move(*exporter);

  app::audit::GroupCommitOptions go;
  // SQLite has one writer at a time, whose lock orders the log (ADR 11).
  go.sequence_on_append = db.Dialect() == "sqlite";
  // The journal is recovered whenever the server starts on SQLite — also with
  // storage.audit_journal now false, so that what an earlier run left in it is not stranded.
  if (serving && go.sequence_on_append &&
      (config.audit_journal || fs::exists(AuditJournalDir(config), ec))) {
    auto file = storage::journal::SegmentJournal::Open(AuditJournalDir(config));
    if (!file) return tl::unexpected(file.error());
    rt->journal_file = std::move(*file);
    app::audit::JournalApplierOptions jo;
    jo.period = std::chrono::milliseconds(config.audit_journal_apply_ms);
    jo.batch_events = static_cast<size_t>(config.audit_journal_batch);
    rt->journal = std::make_unique<app::audit::JournalApplier>(db, *rt->journal_file, clock, jo);
    // What a previous run made durable but did not sequence (it stopped abruptly).
    auto recovered = rt->journal->Recover();
    if (!recovered) return tl::unexpected(recovered.error());
    if (*recovered > 0) {
      spdlog::warn(R"("msg":"audit journal recovered","events":{})", *recovered);
    }
    if (config.audit_journal) {
      rt->journal->Start();
      go.journal = rt->journal.get();
    } else {
      rt->journal.reset();
      rt->journal_file.reset();
    }
  }
  rt->audit = std::make_unique<app::audit::GroupCommitAuditLog>(db, clock, go);
  app::audit::SequencerOptions so;
  so.holder = holder;
  so.checkpoint_interval = std::chrono::seconds(config.audit_checkpoint_interval_s);
  so.index_after = static_cast<uint64_t>(config.audit_index_after);
  so.index_batch = static_cast<uint64_t>(config.audit_index_batch);
  so.index_slice = static_cast<uint64_t>(config.audit_index_slice);
  rt->sequencer = std::make_unique<app::audit::Sequencer>(db, *rt->signer, so, rt->exporter.get());

  app::AuthSettings settings;
  settings.idle_timeout = std::chrono::seconds(config.session_idle_timeout_s);
  settings.absolute_timeout = std::chrono::seconds(config.session_absolute_timeout_s);
  settings.totp_issuer = config.totp_issuer;
  // The key ring is both the field cipher and the blind index.
  rt->services = std::make_unique<app::SecurityServices>(
      app::SecurityServices{*rt->hasher, *rt->totp, *rt->secrets, *rt->keys, *rt->keys, *rt->audit,
                            settings, rt->packages.get()});
  // Kept session checks are the server's: a command signs nobody in twice.
  if (serving && config.session_cache) {
    rt->session_checks = std::make_unique<app::SessionCache>();
    rt->services->session_checks = rt->session_checks.get();
  }
  return rt;
}

}  // namespace opennrm::cli
