#include "cli/reference_files.hpp"

#include <sodium.h>

#include <fstream>
#include <nlohmann/json.hpp>
#include <sstream>

#include "core/csv.hpp"

namespace opennrm::cli {

Result<std::string> ReadFile(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return Invalid(path, "readable", "Cannot read " + path + ".");
  std::ostringstream buf;
  buf << in.rdbuf();
  return buf.str();
}

namespace {

using Records = std::vector<std::map<std::string, std::string>>;

Result<Records> ReadCsv(const std::string& path, const std::vector<std::string>& columns,
                        crypto_hash_sha256_state& hash) {
  auto text = ReadFile(path);
  if (!text) return tl::unexpected(text.error());
  crypto_hash_sha256_update(&hash, reinterpret_cast<const unsigned char*>(text->data()),
                            text->size());
  auto table = csv::Parse(*text, path);
  if (!table) return tl::unexpected(table.error());
  return csv::Records(*table, columns, path);
}

Result<long long> Number(const std::string& text, const std::string& where) {
  char* end = nullptr;
  long long v = std::strtoll(text.c_str(), &end, 10);
  if (text.empty() || *end != '\0')
    return Invalid(where, "number", "'" + text + "' is not a number.");
  return v;
}

Result<ref::ServiceCatalog> ReadServices(const std::string& path, crypto_hash_sha256_state& hash) {
  auto text = ReadFile(path);
  if (!text) return tl::unexpected(text.error());
  crypto_hash_sha256_update(&hash, reinterpret_cast<const unsigned char*>(text->data()),
                            text->size());
  ref::ServiceCatalog catalog;
  try {
    auto j = nlohmann::json::parse(*text);
    catalog.version = j.at("version").get<std::string>();
    for (const auto& s : j.at("services")) {
      catalog.services.push_back(
          {s.at("code").get<std::string>(), s.at("name_en").get<std::string>(),
           s.at("name_sv").get<std::string>(), s.at("group").get<std::string>()});
    }
  } catch (const nlohmann::json::exception& e) {
    return Invalid(path, "json", path + ": " + e.what());
  }
  return catalog;
}

}  // namespace

Result<ReferenceFiles> ReadReferenceFiles(const std::string& dir) {
  ReferenceFiles out;
  crypto_hash_sha256_state hash;
  crypto_hash_sha256_init(&hash);
  auto& geo = out.data.geography;
  const std::string se = dir + "/sweden/";

  auto regions = ReadCsv(se + "police_regions.csv", {"id", "name", "name_en", "seat"}, hash);
  if (!regions) return tl::unexpected(regions.error());
  for (auto& r : *regions)
    geo.police_regions.push_back({r["id"], r["name"], r["name_en"], r["seat"]});

  auto counties =
      ReadCsv(se + "counties.csv", {"code", "name", "short_name", "letter", "police_region"}, hash);
  if (!counties) return tl::unexpected(counties.error());
  for (auto& c : *counties) {
    geo.counties.push_back(
        {c["code"], c["name"], c["short_name"], c["letter"], c["police_region"], std::nullopt});
  }

  auto munis = ReadCsv(se + "municipalities.csv", {"code", "name", "county_code"}, hash);
  if (!munis) return tl::unexpected(munis.error());
  for (auto& m : *munis)
    geo.municipalities.push_back({m["code"], m["name"], m["county_code"], std::nullopt});

  auto pop = ReadCsv(se + "population.csv", {"code", "level", "year", "population"}, hash);
  if (!pop) return tl::unexpected(pop.error());
  for (size_t i = 0; i < pop->size(); ++i) {
    auto& p = (*pop)[i];
    std::string where = se + "population.csv:" + std::to_string(i + 2);
    auto year = Number(p["year"], where);
    if (!year) return tl::unexpected(year.error());
    auto count = Number(p["population"], where);
    if (!count) return tl::unexpected(count.error());
    geo.population.push_back({p["code"], p["level"], {*count, static_cast<int>(*year)}});
  }

  auto countries =
      ReadCsv(dir + "/countries.csv", {"alpha2", "alpha3", "numeric", "name_en", "name_sv"}, hash);
  if (!countries) return tl::unexpected(countries.error());
  for (auto& c : *countries) {
    out.data.countries.push_back(
        {c["alpha2"], c["alpha3"], c["numeric"], c["name_en"], c["name_sv"]});
  }

  auto langs =
      ReadCsv(dir + "/languages.csv", {"code", "name_en", "name_sv", "scope", "type"}, hash);
  if (!langs) return tl::unexpected(langs.error());
  for (auto& l : *langs) {
    out.data.languages.push_back({l["code"], l["name_en"], l["name_sv"], l["scope"], l["type"]});
  }

  auto services = ReadServices(dir + "/services.json", hash);
  if (!services) return tl::unexpected(services.error());
  out.data.services = std::move(*services);

  auto counties_map = ReadFile(se + "counties.geojson");
  if (!counties_map) return tl::unexpected(counties_map.error());
  out.counties_geojson = std::move(*counties_map);
  auto munis_map = ReadFile(se + "municipalities.geojson");
  if (!munis_map) return tl::unexpected(munis_map.error());
  out.municipalities_geojson = std::move(*munis_map);

  unsigned char digest[crypto_hash_sha256_BYTES];
  crypto_hash_sha256_final(&hash, digest);
  char hex[sizeof digest * 2 + 1];
  sodium_bin2hex(hex, sizeof hex, digest, sizeof digest);
  out.fingerprint = hex;
  return out;
}

}  // namespace opennrm::cli
