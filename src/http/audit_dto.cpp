#include "http/audit_dto.hpp"

#include <chrono>
#include <cstdio>

#include "core/date.hpp"
#include "domain/audit/merkle.hpp"

namespace opennrm::http {

namespace {

constexpr long long kMicrosPerSecond = 1'000'000;
constexpr long long kSecondsPerDay = 24 * 60 * 60;

// Reads `len` decimal digits at `at`; nullopt unless they all are digits.
std::optional<int> Digits(std::string_view s, size_t at, size_t len) {
  if (at + len > s.size()) return std::nullopt;
  int n = 0;
  for (size_t i = at; i < at + len; ++i) {
    if (s[i] < '0' || s[i] > '9') return std::nullopt;
    n = n * 10 + (s[i] - '0');
  }
  return n;
}

long long DaysSinceEpoch(const CivilDate& d) {
  std::chrono::year_month_day ymd{std::chrono::year{d.year}, std::chrono::month{d.month},
                                  std::chrono::day{d.day}};
  return std::chrono::sys_days(ymd).time_since_epoch().count();
}

// Empty strings are "none" in an event; JSON says so with null.
Json OrNull(const std::string& s) { return s.empty() ? Json(nullptr) : Json(s); }

}  // namespace

std::optional<long long> ParseTimeParameter(std::string_view text, bool end_of_day_for_dates) {
  if (text.size() < 10) return std::nullopt;
  auto date = ParseIsoDate(text.substr(0, 10));
  if (!date) return std::nullopt;
  long long day_us = DaysSinceEpoch(*date) * kSecondsPerDay * kMicrosPerSecond;
  if (text.size() == 10) {
    return end_of_day_for_dates ? day_us + kSecondsPerDay * kMicrosPerSecond : day_us;
  }
  // full-date "T" HH:MM:SS [.fraction] ("Z" / ("+" / "-") HH:MM)
  if (text[10] != 'T' && text[10] != 't') return std::nullopt;
  auto hour = Digits(text, 11, 2);
  auto minute = Digits(text, 14, 2);
  auto second = Digits(text, 17, 2);
  if (!hour || !minute || !second || text[13] != ':' || text[16] != ':') return std::nullopt;
  // RFC 3339 allows a leap second (60); it is counted as the next minute's first.
  if (*hour > 23 || *minute > 59 || *second > 60) return std::nullopt;
  size_t at = 19;
  long long micros = 0;
  if (at < text.size() && text[at] == '.') {
    ++at;
    size_t start = at;
    long long scale = 100000;
    while (at < text.size() && text[at] >= '0' && text[at] <= '9') {
      micros += (text[at] - '0') * scale;
      scale /= 10;
      ++at;
    }
    if (at == start) return std::nullopt;
  }
  long long offset_s = 0;
  if (at < text.size() && (text[at] == 'Z' || text[at] == 'z')) {
    ++at;
  } else if (at < text.size() && (text[at] == '+' || text[at] == '-')) {
    auto oh = Digits(text, at + 1, 2);
    auto om = Digits(text, at + 4, 2);
    if (!oh || !om || at + 3 >= text.size() || text[at + 3] != ':' || *oh > 23 || *om > 59) {
      return std::nullopt;
    }
    offset_s = (*oh * 60LL + *om) * 60 * (text[at] == '+' ? 1 : -1);
    at += 6;
  } else {
    return std::nullopt;
  }
  if (at != text.size()) return std::nullopt;
  long long seconds = *hour * 3600LL + *minute * 60LL + *second - offset_s;
  return day_us + seconds * kMicrosPerSecond + micros;
}

std::string AuditTime(long long epoch_us) {
  long long seconds = epoch_us / kMicrosPerSecond;
  long long micros = epoch_us % kMicrosPerSecond;
  if (micros < 0) {
    micros += kMicrosPerSecond;
    seconds -= 1;
  }
  long long days = seconds / kSecondsPerDay;
  long long rest = seconds % kSecondsPerDay;
  if (rest < 0) {
    rest += kSecondsPerDay;
    days -= 1;
  }
  std::chrono::year_month_day ymd{std::chrono::sys_days(std::chrono::days(days))};
  char buf[40];
  std::snprintf(buf, sizeof buf, "%04d-%02u-%02uT%02lld:%02lld:%02lld.%06lldZ",
                static_cast<int>(ymd.year()), static_cast<unsigned>(ymd.month()),
                static_cast<unsigned>(ymd.day()), rest / 3600, rest / 60 % 60, rest % 60, micros);
  return buf;
}

Json LoggedEventJson(const app::audit::LoggedEvent& item) {
  const audit::Event& e = item.event;
  Json objects = Json::array();
  for (const auto& o : e.objects) {
    objects.push_back(Json{{"type", o.type},
                           {"id", o.id},
                           {"organisation_id", OrNull(o.organisation_id)},
                           {"sections", o.sections}});
  }
  return Json{{"seq", item.seq},
              {"intact", item.intact},
              // A damaged entry decodes to nothing: only its seq and `intact: false` are known.
              {"at", item.intact ? Json(AuditTime(e.at_us)) : Json(nullptr)},
              {"actor_user_id", OrNull(e.actor_user_id)},
              {"actor_token_id", OrNull(e.actor_token_id)},
              {"organisation_id", OrNull(e.organisation_id)},
              {"roles", e.roles},
              {"action", OrNull(e.action)},
              {"outcome", OrNull(e.outcome)},
              {"objects", std::move(objects)},
              {"purpose", OrNull(e.purpose)},
              {"reason_id", OrNull(e.reason_id)},
              {"request_id", OrNull(e.request_id)}};
}

Json CheckpointJson(const audit::SignedCheckpoint& c) {
  return Json{{"size", c.checkpoint.size},
              {"root", audit::ToHex(c.checkpoint.root)},
              {"time", AuditTime(c.checkpoint.time_us)},
              {"time_us", c.checkpoint.time_us},
              {"key_id", c.key_id},
              {"signature", audit::BytesToHex(c.signature)}};
}

Json InclusionProofJson(const app::audit::InclusionProof& p) {
  Json path = Json::array();
  for (const auto& h : p.path) path.push_back(audit::ToHex(h));
  return Json{{"seq", p.seq},
              {"size", p.tree_size},
              {"leaf_hash", audit::ToHex(p.leaf_hash)},
              {"root", audit::ToHex(p.root)},
              {"path", std::move(path)}};
}

Json ConsistencyProofJson(const app::audit::ConsistencyProof& p) {
  Json proof = Json::array();
  for (const auto& h : p.proof) proof.push_back(audit::ToHex(h));
  return Json{{"from", p.from_size},
              {"to", p.to_size},
              {"from_root", audit::ToHex(p.from_root)},
              {"to_root", audit::ToHex(p.to_root)},
              {"proof", std::move(proof)}};
}

Json AuditKeyJson(const ports::AuditKey& k) {
  return Json{{"key_id", k.key_id},
              {"public_key", audit::BytesToHex(k.public_key)},
              {"first_used_at", AuditTime(k.first_used_at_us)}};
}

}  // namespace opennrm::http
