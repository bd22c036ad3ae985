#include "http/organisation_dto.hpp"

#include <ctime>

namespace opennrm::http {

namespace {

void ReadContact(const Json* obj, orgs::Contact& c, Problems& p) {
  if (!obj) return;
  ObjectReader r(*obj, "contact", p);
  c.phone = r.String("phone").value_or("");
  c.email = r.String("email").value_or("");
  c.website = r.String("website").value_or("");
  c.postal_address = r.String("postal_address").value_or("");
  r.RejectUnknown();
}

void ReadCoverage(const Json* obj, orgs::Coverage& c, Problems& p) {
  if (!obj) return;
  ObjectReader r(*obj, "coverage", p);
  if (auto scope = r.String("scope", true)) {
    if (auto parsed = orgs::ParseScope(*scope)) {
      c.scope = *parsed;
    } else {
      p.Add("coverage.scope", "enum",
            "Must be national, police_regions, counties or municipalities.");
    }
  }
  c.codes = r.Strings("codes").value_or(std::vector<std::string>{});
  r.RejectUnknown();
}

void ReadCapacity(const Json* arr, std::vector<orgs::CapacityEntry>& out, Problems& p) {
  if (!arr) return;
  for (size_t i = 0; i < arr->size(); ++i) {
    std::string path = "capacity[" + std::to_string(i) + "]";
    const Json& item = (*arr)[i];
    if (!item.is_object()) {
      p.Add(path, "type", "Expected an object.");
      continue;
    }
    ObjectReader r(item, path, p);
    orgs::CapacityEntry e;
    e.gender = r.String("gender", true).value_or("");
    e.age_group = r.String("age_group", true).value_or("");
    auto places = r.Integer("places", true);
    if (places && (*places < 0 || *places > 100000)) {
      p.Add(path + ".places", "range", "Must be between 0 and 100000.");
    } else {
      e.places = static_cast<int>(places.value_or(0));
    }
    r.RejectUnknown();
    out.push_back(std::move(e));
  }
}

void ReadOccupancy(const Json* obj, std::optional<orgs::Occupancy>& out, Problems& p) {
  if (!obj) return;
  ObjectReader r(*obj, "occupancy", p);
  orgs::Occupancy o;
  auto occupied = r.Integer("occupied", true);
  if (occupied && (*occupied < 0 || *occupied > 100000)) {
    p.Add("occupancy.occupied", "range", "Must be between 0 and 100000.");
  } else {
    o.occupied = static_cast<int>(occupied.value_or(0));
  }
  o.reported_on = r.String("reported_on", true).value_or("");
  r.RejectUnknown();
  out = o;
}

}  // namespace

OrganisationInput ReadOrganisationInput(const Json& body, bool require_version, Problems& p) {
  ObjectReader r(body, "", p);
  OrganisationInput in;
  auto& d = in.draft;
  d.name = r.String("name", true).value_or("");
  if (auto kind = r.String("kind", true)) {
    if (auto parsed = orgs::ParseKind(*kind)) {
      d.kind = *parsed;
    } else {
      p.Add("kind", "enum", "'" + *kind + "' is not an organisation kind.");
    }
  }
  ReadContact(r.Object("contact"), d.contact, p);
  ReadCoverage(r.Object("coverage", true), d.coverage, p);
  d.services = r.Strings("services").value_or(std::vector<std::string>{});
  d.languages = r.Strings("languages").value_or(std::vector<std::string>{});
  ReadCapacity(r.Array("capacity"), d.capacity, p);
  ReadOccupancy(r.Object("occupancy", false, true), d.occupancy, p);
  d.active = r.Bool("active").value_or(true);
  d.protected_address = r.String("protected_address");
  if (require_version) in.version = r.Integer("version", true);
  r.RejectUnknown();
  return in;
}

std::string IsoTimestamp(long long epoch_us) {
  std::time_t secs = static_cast<std::time_t>(epoch_us / 1000000);
  std::tm tm{};
  gmtime_r(&secs, &tm);
  char buf[32];
  std::strftime(buf, sizeof buf, "%Y-%m-%dT%H:%M:%SZ", &tm);
  return buf;
}

Json OrganisationJson(const orgs::Organisation& o) {
  const auto& d = o.data;
  Json capacity = Json::array();
  int places = 0;
  for (const auto& c : d.capacity) {
    capacity.push_back({{"gender", c.gender}, {"age_group", c.age_group}, {"places", c.places}});
    places += c.places;
  }
  Json occupancy = nullptr;
  Json free_places = nullptr;
  if (d.occupancy) {
    occupancy = {{"occupied", d.occupancy->occupied}, {"reported_on", d.occupancy->reported_on}};
    free_places = std::max(0, places - d.occupancy->occupied);
  }
  return Json{
      {"id", o.id},
      {"name", d.name},
      {"kind", std::string(orgs::ToString(d.kind))},
      {"public_authority", orgs::IsPublicAuthority(d.kind)},
      {"active", d.active},
      {"contact",
       {{"phone", d.contact.phone},
        {"email", d.contact.email},
        {"website", d.contact.website},
        {"postal_address", d.contact.postal_address}}},
      {"coverage",
       {{"scope", std::string(orgs::ToString(d.coverage.scope))}, {"codes", d.coverage.codes}}},
      {"services", d.services},
      {"languages", d.languages},
      {"capacity", std::move(capacity)},
      {"occupancy", std::move(occupancy)},
      {"free_places", std::move(free_places)},
      {"has_protected_address", o.has_protected_address},
      {"version", o.version},
      {"created_at", IsoTimestamp(o.created_at_us)},
      {"updated_at", IsoTimestamp(o.updated_at_us)}};
}

}  // namespace opennrm::http
