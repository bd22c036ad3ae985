#include "app/statistics/fact_cache.hpp"

#include <algorithm>

namespace opennrm::app::statistics {

namespace {

constexpr long long kOverlapUs = 10'000'000;  // transactions that committed late
constexpr size_t kPage = 5000;

}  // namespace

// Everything a refresh needs besides the snapshot. Guarded by refresh_mutex_.
struct FactCache::State {
  FactDecoder decoder;
  // One person in one organisation: key = organisation code (4 bytes) + person id.
  struct Person {
    uint32_t fact = 0;                                      // index in facts
    std::vector<std::pair<std::string, stats::Fact>> rows;  // by case id
  };
  std::unordered_map<std::string, Person> persons;
  std::vector<stats::Fact> facts;
  std::vector<const std::string*> owner;  // per fact: its key in persons
  bool loaded = false;
  long long changed_watermark = 0;  // the newest updated_at_us seen
  long long removed_watermark = 0;  // the newest removed_at_us seen

  State(const Reference* reference, const CaseRules* rules) : decoder(reference, rules) {}

  std::string KeyOf(const std::string& organisation_id, const std::string& person_id) {
    const uint32_t org = decoder.OrganisationCode(organisation_id);
    std::string key(reinterpret_cast<const char*>(&org), sizeof org);
    key += person_id;
    return key;
  }

  // Whether anything was removed.
  bool Remove(const ports::StatisticsFactRemoval& r) {
    auto it = persons.find(KeyOf(r.organisation_id, r.person_id));
    if (it == persons.end()) return false;
    auto& rows = it->second.rows;
    const size_t before = rows.size();
    rows.erase(std::remove_if(rows.begin(), rows.end(),
                              [&](const auto& row) { return row.first == r.case_id; }),
               rows.end());
    if (rows.size() == before) return false;
    if (!rows.empty()) {
      facts[it->second.fact] = Unite(Facts(rows));
      return true;
    }
    const uint32_t gone = it->second.fact;
    const uint32_t last = static_cast<uint32_t>(facts.size() - 1);
    if (gone != last) {  // the last fact takes the place of the one removed
      facts[gone] = facts[last];
      owner[gone] = owner[last];
      persons.find(*owner[gone])->second.fact = gone;
    }
    facts.pop_back();
    owner.pop_back();
    persons.erase(it);
    return true;
  }

  // Whether the row changed anything (a row read again by the overlap, as it
  // was, does not).
  bool Put(const ports::StatisticsFactRow& row, const stats::Fact& fact) {
    auto [it, added] = persons.try_emplace(KeyOf(row.person.organisation_id, row.person.person_id));
    auto& person = it->second;
    auto& rows = person.rows;
    auto same = std::find_if(rows.begin(), rows.end(),
                             [&](const auto& r) { return r.first == row.person.case_id; });
    if (same != rows.end()) {
      if (same->second == fact) return false;
      same->second = fact;
    } else {
      rows.emplace_back(row.person.case_id, fact);
      std::sort(rows.begin(), rows.end(),
                [](const auto& a, const auto& b) { return a.first < b.first; });
    }
    const stats::Fact united = rows.size() == 1 ? fact : Unite(Facts(rows));
    if (added) {
      person.fact = static_cast<uint32_t>(facts.size());
      facts.push_back(united);
      owner.push_back(&it->first);
    } else {
      facts[person.fact] = united;
    }
    return true;
  }

  static std::vector<stats::Fact> Facts(
      const std::vector<std::pair<std::string, stats::Fact>>& rows) {
    std::vector<stats::Fact> out;
    for (const auto& r : rows) out.push_back(r.second);
    return out;
  }
};

FactCache::FactCache(ports::Database& db, const Clock& clock,
                     std::shared_ptr<const Reference> reference,
                     std::shared_ptr<const CaseRules> rules, long long refresh_ms)
    : db_(db),
      clock_(clock),
      reference_(std::move(reference)),
      rules_(std::move(rules)),
      refresh_ms_(refresh_ms),
      state_(std::make_unique<State>(reference_.get(), rules_.get())) {}

FactCache::~FactCache() = default;

Result<std::shared_ptr<const stats::FactSnapshot>> FactCache::Snapshot() {
  std::shared_ptr<const stats::FactSnapshot> current;
  {
    std::lock_guard lock(snapshot_mutex_);
    current = snapshot_;
  }
  if (!current) {  // the first load: everyone waits for it
    std::lock_guard lock(refresh_mutex_);
    if (!state_->loaded) {
      if (auto st = RefreshLocked(); !st) return tl::unexpected(st.error());
    }
    std::lock_guard read(snapshot_mutex_);
    return snapshot_;
  }
  const long long now_us = ToEpochMicros(clock_.Now());
  if (now_us - checked_at_us_.load() < refresh_ms_ * 1000) return current;
  std::unique_lock lock(refresh_mutex_, std::try_to_lock);
  if (!lock.owns_lock()) return current;  // another thread refreshes: never wait for it
  if (auto st = RefreshLocked(); !st) return tl::unexpected(st.error());
  std::lock_guard read(snapshot_mutex_);
  return snapshot_;
}

Status FactCache::Refresh() {
  std::lock_guard lock(refresh_mutex_);
  return RefreshLocked();
}

Status FactCache::RefreshLocked() {
  const long long started_us = ToEpochMicros(clock_.Now());
  const long long reload_after_us =
      std::chrono::duration_cast<std::chrono::microseconds>(kReloadAfter).count();
  if (state_->loaded && started_us - checked_at_us_.load() > reload_after_us) {
    // Removals this cache has not read may have been pruned since: start over.
    state_ = std::make_unique<State>(reference_.get(), rules_.get());
  }
  State& s = *state_;
  auto uow = db_.Begin(ports::Access::kRead);
  if (!uow) return tl::unexpected(uow.error());
  auto& repo = (*uow)->statistics_facts();
  bool changed = !s.loaded;

  // Removals first, each followed by a fresh read of its case: a row removed
  // and written again (a correction, a merge) is put back as it is now, so
  // reading a removal twice (the overlap) is harmless.
  if (s.loaded) {
    auto removed = repo.RemovedSince(std::max(0LL, s.removed_watermark - kOverlapUs));
    if (!removed) return tl::unexpected(removed.error());
    std::vector<std::string> cases;
    for (const auto& r : *removed) {
      // A removal read again by the overlap removes nothing; its case is
      // read again all the same (a row may have come back since).
      changed = s.Remove(r) || changed;
      s.removed_watermark = std::max(s.removed_watermark, r.removed_at_us);
      cases.push_back(r.case_id);
    }
    std::sort(cases.begin(), cases.end());
    cases.erase(std::unique(cases.begin(), cases.end()), cases.end());
    for (const auto& case_id : cases) {
      auto rows = repo.OfCase(case_id);
      if (!rows) return tl::unexpected(rows.error());
      for (const auto& row : *rows) {
        if (auto fact = s.decoder.Decode(row)) changed = s.Put(row, *fact) || changed;
      }
    }
  }
  const long long since = s.loaded ? std::max(0LL, s.changed_watermark - kOverlapUs) : 0;
  std::optional<ports::StatisticsFactCursor> after;
  size_t damaged = damaged_.load();
  for (;;) {
    auto page = repo.ChangedSince(since, kPage, after);
    if (!page) return tl::unexpected(page.error());
    for (const auto& row : *page) {
      auto fact = s.decoder.Decode(row);
      if (!fact) {
        if (!s.loaded) ++damaged;
        continue;
      }
      changed = s.Put(row, *fact) || changed;
      s.changed_watermark = std::max(s.changed_watermark, row.facts.updated_at_us);
    }
    if (page->size() < kPage) break;
    const auto& last = page->back();
    after = ports::StatisticsFactCursor{last.facts.updated_at_us, last.person.case_id,
                                        last.person.person_id};
  }
  // Removals before the first load are history; later ones count from then.
  if (!s.loaded) s.removed_watermark = started_us;
  s.loaded = true;
  damaged_.store(damaged);
  checked_at_us_.store(started_us);
  if (!changed) return Ok();

  auto next = std::make_shared<stats::FactSnapshot>();
  next->dictionary = s.decoder.dictionary();
  next->facts = s.facts;
  stats::GroupByOrganisation(*next);  // own figures read one organisation's facts only
  next->loaded_at_us = started_us;
  size_t index = s.persons.size() * (sizeof(State::Person) + sizeof(std::string) + 64) +
                 s.facts.capacity() * sizeof(stats::Fact) +
                 s.owner.capacity() * sizeof(const std::string*);
  for (const auto& [key, person] : s.persons) {
    index += key.capacity() + person.rows.capacity() * sizeof(std::pair<std::string, stats::Fact>);
    for (const auto& r : person.rows) index += r.first.capacity();
  }
  index_bytes_.store(index);
  std::lock_guard lock(snapshot_mutex_);
  snapshot_ = std::move(next);
  return Ok();
}

size_t FactCache::MemoryBytes() const {
  std::shared_ptr<const stats::FactSnapshot> s;
  {
    std::lock_guard lock(snapshot_mutex_);
    s = snapshot_;
  }
  size_t bytes = index_bytes_.load();
  if (s) bytes += SnapshotBytes(*s);
  return bytes;
}

Result<long long> PruneFactRemovals(ports::Database& db, TimePoint now) {
  auto uow = db.Begin(ports::Access::kWrite);
  if (!uow) return tl::unexpected(uow.error());
  auto n = (*uow)->statistics_facts().PruneRemovals(ToEpochMicros(now - kRemovalsKept));
  if (!n) return tl::unexpected(n.error());
  if (auto st = (*uow)->Commit(); !st) return tl::unexpected(st.error());
  return *n;
}

size_t SnapshotBytes(const stats::FactSnapshot& s) {
  size_t bytes = sizeof s + s.facts.capacity() * sizeof(stats::Fact) +
                 s.organisation_start.capacity() * sizeof(uint32_t);
  auto words = [&](const std::vector<std::string>& list) {
    for (const auto& w : list) bytes += sizeof w + (w.capacity() > 15 ? w.capacity() : 0);
  };
  const auto& d = s.dictionary;
  words(d.organisations);
  words(d.organisation_kinds);
  words(d.case_types);
  words(d.police_regions);
  words(d.counties);
  words(d.countries);
  words(d.outcomes);
  words(d.forms);
  words(d.sectors);
  words(d.steps);
  return bytes;
}

}  // namespace opennrm::app::statistics
