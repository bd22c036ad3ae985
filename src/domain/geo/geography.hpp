// Sweden's administrative geography as the product knows it: police regions,
// counties (län) and municipalities (kommuner), with population figures.
// Built once from reference data and then read-only: safe to share between
// threads after construction.
#pragma once

#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/error.hpp"

namespace opennrm::geo {

struct Population {
  long long count = 0;
  int year = 0;
};

struct PoliceRegion {
  std::string id;  // ASCII slug, e.g. "nord"
  std::string name;
  std::string name_en;
  std::string seat;
};

struct County {
  std::string code;  // two-digit SCB länskod, e.g. "25"
  std::string name;
  std::string short_name;
  std::string letter;  // länsbokstav, e.g. "BD"
  std::string police_region;
  std::optional<Population> population;
};

struct Municipality {
  std::string code;  // four-digit SCB kommunkod, e.g. "2584"
  std::string name;
  std::string county_code;
  std::optional<Population> population;
};

struct PopulationFigure {
  std::string code;
  std::string level;  // "county" or "municipality"
  Population population;
};

struct GeographyData {
  std::vector<PoliceRegion> police_regions;
  std::vector<County> counties;
  std::vector<Municipality> municipalities;
  std::vector<PopulationFigure> population;
};

// The places one municipality belongs to.
struct Place {
  const Municipality* municipality = nullptr;
  const County* county = nullptr;
  const PoliceRegion* police_region = nullptr;
};

struct MunicipalityQuery {
  std::optional<std::string> county;
  std::optional<std::string> police_region;
  std::optional<std::string> name_prefix;  // case- and accent-insensitive
};

class Geography {
 public:
  // Checks integrity (unique codes, every municipality in a known county, every
  // county in a known police region, population rows for known codes) and
  // attaches population figures. Fails naming the first broken row.
  static Result<Geography> Build(GeographyData data);

  const std::vector<PoliceRegion>& police_regions() const { return data_.police_regions; }
  const std::vector<County>& counties() const { return data_.counties; }
  const std::vector<Municipality>& municipalities() const { return data_.municipalities; }

  const PoliceRegion* FindPoliceRegion(std::string_view id) const;
  const County* FindCounty(std::string_view code) const;
  const Municipality* FindMunicipality(std::string_view code) const;
  // The county and police region of a municipality; nullopt for an unknown code.
  std::optional<Place> Locate(std::string_view municipality_code) const;
  std::vector<const Municipality*> FindMunicipalities(const MunicipalityQuery& q) const;
  std::vector<const County*> CountiesOf(std::string_view police_region) const;

 private:
  GeographyData data_;
  std::map<std::string, size_t, std::less<>> region_index_;
  std::map<std::string, size_t, std::less<>> county_index_;
  std::map<std::string, size_t, std::less<>> municipality_index_;
  std::vector<std::string> folded_names_;  // per municipality, for prefix search
};

}  // namespace opennrm::geo
