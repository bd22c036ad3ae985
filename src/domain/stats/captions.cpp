#include "domain/stats/captions.hpp"

#include <cstdio>

namespace opennrm::stats {

namespace {

const Labels& BuiltIn() {
  static const Labels labels{
      {"woman", {"kvinnor", "women"}},
      {"man", {"män", "men"}},
      {"girl", {"flickor", "girls"}},
      {"boy", {"pojkar", "boys"}},
      {"other", {"annat", "other"}},
      {"not_recorded", {"inte registrerat", "not recorded"}},
      {"female", {"kvinnor och flickor", "women and girls"}},
      {"male", {"män och pojkar", "men and boys"}},
      {"other_unknown", {"annat eller okänt", "other or unknown"}},
      {"child", {"barn", "children"}},
      {"adult", {"vuxna", "adults"}},
      {"unknown", {"okänt", "unknown"}},
      {"sweden", {"svenska medborgare", "Swedish citizens"}},
      {"other_eu_eea", {"medborgare i andra EU/EES-länder", "citizens of other EU/EEA countries"}},
      {"outside_eu_eea", {"medborgare utanför EU/EES", "citizens of countries outside the EU/EEA"}},
      {"stateless", {"statslösa", "stateless persons"}},
      {"reporting_country", {"svenska medborgare", "Swedish citizens"}},
      {"other_eu", {"medborgare i andra EU-länder", "citizens of other EU countries"}},
      {"non_eu", {"medborgare utanför EU", "citizens of countries outside the EU"}},
      {"sexual", {"sexuell exploatering", "sexual exploitation"}},
      {"labour", {"arbetskraftsexploatering", "labour exploitation"}},
      {"sexual_exploitation", {"sexuell exploatering", "sexual exploitation"}},
      {"labour_exploitation", {"arbetskraftsexploatering", "labour exploitation"}},
      {"other_forms", {"andra former", "other forms"}},
      {"phone", {"telefon", "phone"}},
      {"email", {"e-post", "e-mail"}},
      {"web_request", {"webbformulär", "web request"}},
      {"in_person", {"besök", "in person"}},
      {"police_report", {"polisanmälan", "police report"}},
      {"reflection_period_applied", {"betänketid sökt", "reflection period applied for"}},
      {"reflection_period", {"betänketid beviljad", "reflection period granted"}},
      {"residence_permit_applied",
       {"tillfälligt uppehållstillstånd sökt", "temporary residence permit applied for"}},
      {"residence_permit",
       {"tillfälligt uppehållstillstånd beviljat", "temporary residence permit granted"}},
      {"safe_return", {"trygg återvändande", "safe return"}},
      {"0_7", {"högst 7 dagar", "7 days or less"}},
      {"8_30", {"8–30 dagar", "8–30 days"}},
      {"31_90", {"31–90 dagar", "31–90 days"}},
      {"91_plus", {"mer än 90 dagar", "more than 90 days"}},
  };
  return labels;
}

bool Shown(const ProtectedCell& c) { return c.status == CellStatus::kShown && c.value; }

std::string Grouped(long long n, const char* separator) {
  std::string digits = std::to_string(n < 0 ? -n : n);
  std::string out;
  for (size_t i = 0; i < digits.size(); ++i) {
    if (i > 0 && (digits.size() - i) % 3 == 0) out += separator;
    out += digits[i];
  }
  return n < 0 ? "-" + out : out;
}

std::string Decimal(double v, bool swedish) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.1f", v);
  std::string s = buf;
  if (swedish) {
    for (char& c : s) {
      if (c == '.') c = ',';
    }
  }
  return s;
}

Caption Hidden(long long n, std::string_view level) {
  if (n == 0) return {};
  const bool counties = level == "county";
  const Caption count = NumberWords(n);
  return {count.sv + (counties ? " län" : " polisregioner") + " döljs av röjandekontroll.",
          count.en +
              (counties ? (n == 1 ? " county is" : " counties are")
                        : (n == 1 ? " police region is" : " police regions are")) +
              " hidden by statistical disclosure control."};
}

}  // namespace

Caption LabelOf(std::string_view key, const Labels& extra) {
  if (auto it = extra.find(key); it != extra.end()) return it->second;
  if (auto it = BuiltIn().find(key); it != BuiltIn().end()) return it->second;
  return {std::string(key), std::string(key)};
}

Caption NumberWords(long long n) { return {Grouped(n, "\u00a0"), Grouped(n, ",")}; }

Caption HeadlineCaption(int year, const ProtectedCell& total) {
  const std::string y = std::to_string(year);
  if (Shown(total)) {
    const Caption n = NumberWords(*total.value);
    return {"Under " + y + " identifierades " + n.sv + " presumtiva offer för människohandel.",
            "In " + y + ", " + n.en + " presumed victims of trafficking were identified."};
  }
  if (total.status == CellStatus::kSuppressed) {
    return {"Antalet för " + y + " döljs av röjandekontroll.",
            "The figure for " + y + " is hidden by statistical disclosure control."};
  }
  return {"Antalet för " + y + " är inte känt.", "The figure for " + y + " is not known."};
}

Caption AreasCaption(const ProtectedTable& table, std::string_view level,
                     const std::vector<ProtectedRate>& rates_per_100000, const Labels& labels) {
  long long areas = 0, with_victims = 0, hidden = 0;
  bool every_rate_shown = rates_per_100000.size() == table.rows.size();
  std::optional<size_t> highest;
  for (size_t r = 0; r < table.rows.size(); ++r) {
    if (table.rows[r] == "unknown") continue;
    ++areas;
    const ProtectedCell& c = table.row_totals[r];
    if (Shown(c) && *c.value > 0) ++with_victims;
    if (c.status == CellStatus::kSuppressed) ++hidden;
    if (!every_rate_shown) continue;
    const ProtectedRate& rate = rates_per_100000[r];
    if (rate.status != CellStatus::kShown || !rate.value) {
      every_rate_shown = false;
      continue;
    }
    if (!highest || *rate.value > *rates_per_100000[*highest].value) highest = r;
  }
  const bool counties = level == "county";
  const Caption shown = NumberWords(with_victims), all = NumberWords(areas);
  Caption out{"Presumtiva offer redovisas i " + shown.sv + " av " + all.sv +
                  (counties ? " län." : " polisregioner."),
              "Presumed victims are shown for " + shown.en + " of " + all.en +
                  (counties ? " counties." : " police regions.")};
  Caption extra = Hidden(hidden, level);
  if (every_rate_shown && highest) {
    const Caption name = LabelOf(table.rows[*highest], labels);
    const double v = *rates_per_100000[*highest].value;
    extra = Join({extra,
                  {"Flest per 100 000 invånare: " + name.sv + " (" + Decimal(v, true) + ").",
                   "The highest rate per 100,000 inhabitants: " + name.en + " (" +
                       Decimal(v, false) + ")."}});
  }
  return Join({out, extra});
}

std::optional<std::string> LargestKey(const std::vector<std::string>& keys,
                                      const std::vector<ProtectedCell>& cells,
                                      const ProtectedCell& total, bool adds_up) {
  if (keys.size() != cells.size() || keys.empty()) return std::nullopt;
  std::optional<size_t> best;
  bool tie = false;
  long long shown_sum = 0;
  bool any_hidden = false;
  for (size_t i = 0; i < cells.size(); ++i) {
    if (cells[i].status == CellStatus::kSuppressed) any_hidden = true;
    if (!Shown(cells[i])) continue;
    shown_sum += *cells[i].value;
    if (!best || *cells[i].value > *cells[*best].value) {
      best = i;
      tie = false;
    } else if (*cells[i].value == *cells[*best].value) {
      tie = true;
    }
  }
  if (!best || tie || *cells[*best].value == 0) return std::nullopt;
  if (any_hidden) {
    // A hidden value is at most what the total leaves over (rounding aside:
    // with a rounding base the published total itself is approximate, so
    // no claim is made then).
    if (!adds_up || !Shown(total)) return std::nullopt;
    const long long hidden_mass = *total.value - shown_sum;
    if (hidden_mass >= *cells[*best].value) return std::nullopt;
  }
  return keys[*best];
}

Caption LargestGroupCaption(const ProtectedTable& table, bool by_columns, const Labels& labels) {
  // The column totals add up to the total when the rows add up, and the row
  // totals when the columns do.
  const bool rounded = table.policy.rounding_base > 1;
  auto key = by_columns ? LargestKey(table.columns, table.column_totals, table.total,
                                     table.rows_add_up && !rounded)
                        : LargestKey(table.rows, table.row_totals, table.total,
                                     table.columns_add_up && !rounded);
  if (!key) {
    return {"De publicerade talen visar inte vilken grupp som är störst.",
            "The published figures do not show which group is largest."};
  }
  const Caption name = LabelOf(*key, labels);
  return {"Den största gruppen är " + name.sv + ".", "The largest group is " + name.en + "."};
}

Caption ShareCaption(std::string_view column, const ProtectedRate& share, const Labels& labels) {
  if (share.status != CellStatus::kShown || !share.value) return {};
  const Caption name = LabelOf(column, labels);
  return {Decimal(*share.value, true) + " % av de presumtiva offren: " + name.sv + ".",
          Decimal(*share.value, false) + "% of presumed victims: " + name.en + "."};
}

Caption MedianCaption(const std::optional<std::string>& bucket, const Labels& labels) {
  if (!bucket) {
    return {"Tiden från första konsultation till stöd kan inte anges från de publicerade talen.",
            "The time from first consultation to support cannot be given from the published "
            "figures."};
  }
  const Caption name = LabelOf(*bucket, labels);
  return {"Mediantiden från första konsultation till godtagen hänvisning: " + name.sv + ".",
          "The median time from first consultation to an accepted referral: " + name.en + "."};
}

Caption Join(const std::vector<Caption>& parts) {
  Caption out;
  for (const auto& p : parts) {
    if (!p.sv.empty()) out.sv += (out.sv.empty() ? "" : " ") + p.sv;
    if (!p.en.empty()) out.en += (out.en.empty() ? "" : " ") + p.en;
  }
  return out;
}

}  // namespace opennrm::stats
