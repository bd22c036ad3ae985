// Fills a data directory's database with synthetic statistics rows for
// bench/run-statistics-bench (issue 7 item 9): N cases of one presumed victim
// each, over the ten years before this one (about N/10 a year), written with
// StatisticsFactRepository::AddVictim in transactions of --batch rows. The
// database is opened as the server opens it (cli::Start, from the same
// configuration file), without the server running; `opennrm demo` must have
// filled it first, since the rows belong to the organisations that have
// users there (their cases' creators).
//
// The rows' foreign keys need a case and a person: each gets a skeleton case
// row (type, status, closure) and person row (code and protection only, no
// sealed identity or contact, no records). Such a database is for statistics
// benchmarks only: opening those cases or persons fails.
//
// With --measure, loads the statistics facts into an app::statistics::FactCache
// afterwards, as the server does at its first statistics request, and prints
// the time it took and FactCache::MemoryBytes.
//
// usage: statistics_seed -c CONFIG [--rows N] [--batch B] [--seed S] [--measure]
// (--rows 0 --measure: only measures the load of the rows already there)
#include <chrono>
#include <iomanip>
#include <iostream>
#include <map>

#include "cli/commands.hpp"
#include "cli/config.hpp"
#include "cli/runtime.hpp"
#include "core/stockholm_date.hpp"
#include "domain/cases/codes.hpp"
#include "domain/tracks/definition_history.hpp"
#include "statistics_seed_rows.hpp"

namespace {

using namespace opennrm;
using Seconds = std::chrono::duration<double>;

struct Options {
  std::string config;
  long long rows = 1'000'000;
  long long batch = 10'000;
  std::uint64_t seed = 1;
  bool measure = false;
};

int Fail(const std::string& what) {
  std::cerr << "statistics_seed: " << what << "\n";
  return 1;
}

int Fail(const Error& e) { return Fail(e.message); }

bool IsSeriesKind(orgs::Kind k) {
  using K = orgs::Kind;
  return k == K::kRegionalCoordinator || k == K::kPoliceRegion ||
         k == K::kMunicipalSocialServices || k == K::kMigrationAgency || k == K::kNgoShelter ||
         k == K::kIom;
}

// The organisations of the release series' kinds that have an active user.
Result<std::vector<bench::SeedOrganisation>> Organisations(ports::Database& db) {
  auto uow = db.Begin(ports::Access::kRead);
  if (!uow) return tl::unexpected(uow.error());
  std::map<std::string, std::string> user_of;
  for (int offset = 0;; offset += 500) {
    ports::UserFilter f;
    f.active = true;
    f.limit = 500;
    f.offset = offset;
    auto page = (*uow)->users().List(f);
    if (!page) return tl::unexpected(page.error());
    for (const auto& u : page->items) user_of.emplace(u.organisation_id, u.id);
    if (page->items.size() < 500) break;
  }
  std::vector<bench::SeedOrganisation> out;
  for (int offset = 0;; offset += 500) {
    ports::OrganisationFilter f;
    f.active = true;
    f.limit = 500;
    f.offset = offset;
    f.count_total = false;
    auto page = (*uow)->organisations().List(f);
    if (!page) return tl::unexpected(page.error());
    for (const auto& o : page->items) {
      auto user = user_of.find(o.id);
      if (!IsSeriesKind(o.data.kind) || user == user_of.end()) continue;
      out.push_back({o.id, o.data.kind, user->second, o.data.coverage});
    }
    if (page->items.size() < 500) break;
  }
  return out;
}

// Writes one case, its person and the person's statistics row.
Status Write(ports::UnitOfWork& uow, ports::IdGenerator& ids, bench::SeedRow& row) {
  const int year = ParseIsoDate(row.person.recorded_on)->year;
  auto& c = row.kase;
  c.id = ids.NewId();
  auto case_number = uow.cases().NextCodeNumber(year);
  if (!case_number) return tl::unexpected(case_number.error());
  c.code = cases::ToString(cases::CaseCode{year, *case_number});
  if (auto st = uow.cases().Insert(c); !st) return st;
  ports::PersonRow p;
  p.id = ids.NewId();
  p.organisation_id = c.organisation_id;
  auto person_number = uow.persons().NextCodeNumber(year);
  if (!person_number) return tl::unexpected(person_number.error());
  p.code = cases::ToString(cases::PersonCode{year, *person_number});
  p.protection = row.person.is_protected ? "protected_registration" : "none";
  p.created_at_us = c.created_at_us;
  p.updated_at_us = c.updated_at_us;
  if (auto st = uow.persons().Insert(p); !st) return st;
  row.person.case_id = c.id;
  row.person.person_id = p.id;
  return uow.statistics_facts().AddVictim(row.person, row.facts);
}

int Run(const Options& o) {
  auto config = cli::LoadConfig(o.config, cli::OpennrmEnvironment());
  if (!config) return Fail(config.error());
  cli::SetUpLogging("warn");
  // As `opennrm demo`: commits do not wait for the disk (a throwaway fill).
  auto rt = cli::Start(*config, cli::StartOptions{false, false, true});
  if (!rt) return Fail(rt.error());
  auto& db = *(*rt)->db;
  auto organisations = Organisations(db);
  if (!organisations) return Fail(organisations.error());
  const CivilDate today = StockholmDateOf((*rt)->clock.Now());
  const auto* steps = tracks::InForceOn((*rt)->case_rules->steps, today);
  if (!steps) return Fail("no step definitions in force today");
  const size_t organisation_count = organisations->size();
  auto rows = bench::SyntheticStatisticsRows::Make(
      (*rt)->reference->geography, std::move(*organisations), today.year - 10, today.year - 1,
      today, ToEpochMicros((*rt)->clock.Now()), steps->version, o.seed);
  if (!rows) return Fail(rows.error());

  const auto start = std::chrono::steady_clock::now();
  long long written = 0;  // --rows 0: nothing written, only --measure
  while (written < o.rows) {
    auto uow = db.Begin(ports::Access::kWrite);
    if (!uow) return Fail(uow.error());
    const long long end = std::min(o.rows, written + o.batch);
    for (; written < end; ++written) {
      auto row = rows->Next();
      if (auto st = Write(**uow, (*rt)->ids, row); !st) return Fail(st.error());
    }
    if (auto st = (*uow)->Commit(); !st) return Fail(st.error());
    if (written % 100'000 == 0) std::cerr << "statistics_seed: " << written << " rows\n";
  }
  const double seconds = Seconds(std::chrono::steady_clock::now() - start).count();
  std::cout << std::fixed << std::setprecision(1);
  if (written > 0) {
    std::cout << "statistics_seed: " << written << " rows (one presumed victim per case) in "
              << seconds << " s, " << static_cast<long long>(written / seconds) << " rows/s; years "
              << today.year - 10 << "-" << today.year - 1 << "; over " << organisation_count
              << " organisations; by kind:";
    for (orgs::Kind k : orgs::AllKinds()) {
      const long long n = rows->per_kind()[static_cast<size_t>(k)];
      if (n > 0) std::cout << " " << orgs::ToString(k) << " " << n;
    }
    std::cout << "\n";
  }
  if (auto st = db.Optimize(); !st) return Fail(st.error());

  if (o.measure) {
    const auto load = std::chrono::steady_clock::now();
    app::statistics::FactCache cache(db, (*rt)->clock, (*rt)->reference, (*rt)->case_rules, 1000);
    auto snapshot = cache.Snapshot();
    if (!snapshot) return Fail(snapshot.error());
    std::cout << "statistics_seed: fact cache loaded " << (*snapshot)->facts.size() << " facts in "
              << Seconds(std::chrono::steady_clock::now() - load).count()
              << " s; FactCache::MemoryBytes " << cache.MemoryBytes() / (1024.0 * 1024.0)
              << " MiB (snapshot " << app::statistics::SnapshotBytes(**snapshot) / (1024.0 * 1024.0)
              << " MiB); damaged rows " << cache.DamagedRows() << "\n";
  }
  return 0;
}

}  // namespace

int main(int argc, char** argv) {
  Options o;
  for (int i = 1; i < argc; ++i) {
    const std::string a = argv[i];
    const bool has_value = i + 1 < argc;
    if ((a == "-c" || a == "--config") && has_value) {
      o.config = argv[++i];
    } else if (a == "--rows" && has_value) {
      o.rows = std::stoll(argv[++i]);
    } else if (a == "--batch" && has_value) {
      o.batch = std::stoll(argv[++i]);
    } else if (a == "--seed" && has_value) {
      o.seed = std::stoull(argv[++i]);
    } else if (a == "--measure") {
      o.measure = true;
    } else {
      std::cerr << "usage: statistics_seed -c CONFIG [--rows N] [--batch B] [--seed S] "
                   "[--measure]\n";
      return 2;
    }
  }
  if (o.config.empty() || o.rows < 0 || o.batch < 1) return Fail("-c CONFIG is required");
  return Run(o);
}
