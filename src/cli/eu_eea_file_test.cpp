// The EU/EEA membership list the product ships (data/rules/eu_eea.toml), read
// the way the server reads it. Every entry of the file is listed here with
// its dates: an entry added, removed or changed in the file without a change
// here fails ShippedEuEea.EveryEntryIsExpected.
#include "cli/eu_eea_file.hpp"
#include "cli/shipped_data_test_support.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <map>
#include <optional>
#include <set>
#include <string>
#include <tuple>
#include <utility>
#include <vector>

namespace opennrm::cli {
namespace {

namespace fs = std::filesystem;
using stats::Bloc;

std::string ShippedPath() { return testing::ShippedData("rules/eu_eea.toml"); }

const stats::EuEeaMembership& Shipped() {
  static const stats::EuEeaMembership list = [] {
    auto r = ReadEuEeaFile(ShippedPath());
    EXPECT_TRUE(r) << (r ? "" : r.error().message);
    return r ? std::move(*r) : *stats::EuEeaMembership::Build({{"XX", Bloc::kEu, {}, {}, "-"}});
  }();
  return list;
}

CivilDate D(int y, unsigned m, unsigned d) { return CivilDate{y, m, d}; }
CivilDate Day(const std::string& iso) { return *ParseIsoDate(iso); }

// The calendar day before `d`.
CivilDate DayBefore(CivilDate d) {
  if (d.day > 1) return {d.year, d.month, d.day - 1};
  const CivilDate month_before =
      d.month > 1 ? CivilDate{d.year, d.month - 1, 1} : CivilDate{d.year - 1, 12, 1};
  for (unsigned last : {31u, 30u, 29u, 28u}) {
    CivilDate c{month_before.year, month_before.month, last};
    if (ParseIsoDate(FormatIsoDate(c))) return c;
  }
  return month_before;
}

struct Expected {
  std::string country;
  Bloc bloc;
  std::string from;
  std::optional<std::string> to;
};

// Accession dates of the EU (and the EEC/EC before it), the EEA Agreement,
// and the United Kingdom's withdrawal.
const std::vector<Expected> kExpected = {
    {"BE", Bloc::kEu, "1958-01-01", {}},
    {"DE", Bloc::kEu, "1958-01-01", {}},
    {"FR", Bloc::kEu, "1958-01-01", {}},
    {"IT", Bloc::kEu, "1958-01-01", {}},
    {"LU", Bloc::kEu, "1958-01-01", {}},
    {"NL", Bloc::kEu, "1958-01-01", {}},
    {"DK", Bloc::kEu, "1973-01-01", {}},
    {"IE", Bloc::kEu, "1973-01-01", {}},
    {"GB", Bloc::kEu, "1973-01-01", "2020-01-31"},
    {"GR", Bloc::kEu, "1981-01-01", {}},
    {"ES", Bloc::kEu, "1986-01-01", {}},
    {"PT", Bloc::kEu, "1986-01-01", {}},
    {"AT", Bloc::kEeaEfta, "1994-01-01", "1994-12-31"},
    {"AT", Bloc::kEu, "1995-01-01", {}},
    {"FI", Bloc::kEeaEfta, "1994-01-01", "1994-12-31"},
    {"FI", Bloc::kEu, "1995-01-01", {}},
    {"SE", Bloc::kEeaEfta, "1994-01-01", "1994-12-31"},
    {"SE", Bloc::kEu, "1995-01-01", {}},
    {"CY", Bloc::kEu, "2004-05-01", {}},
    {"CZ", Bloc::kEu, "2004-05-01", {}},
    {"EE", Bloc::kEu, "2004-05-01", {}},
    {"HU", Bloc::kEu, "2004-05-01", {}},
    {"LV", Bloc::kEu, "2004-05-01", {}},
    {"LT", Bloc::kEu, "2004-05-01", {}},
    {"MT", Bloc::kEu, "2004-05-01", {}},
    {"PL", Bloc::kEu, "2004-05-01", {}},
    {"SK", Bloc::kEu, "2004-05-01", {}},
    {"SI", Bloc::kEu, "2004-05-01", {}},
    {"BG", Bloc::kEu, "2007-01-01", {}},
    {"RO", Bloc::kEu, "2007-01-01", {}},
    {"HR", Bloc::kEu, "2013-07-01", {}},
    {"IS", Bloc::kEeaEfta, "1994-01-01", {}},
    {"NO", Bloc::kEeaEfta, "1994-01-01", {}},
    {"LI", Bloc::kEeaEfta, "1995-05-01", {}},
};

TEST(ShippedEuEea, EveryEntryIsExpected) {
  const auto& members = Shipped().members();
  ASSERT_EQ(members.size(), kExpected.size());
  for (std::size_t i = 0; i < members.size(); ++i) {
    const auto& m = members[i];
    const auto& e = kExpected[i];
    EXPECT_EQ(m.country, e.country) << i;
    EXPECT_EQ(m.bloc, e.bloc) << m.country;
    EXPECT_EQ(FormatIsoDate(m.valid_from), e.from) << m.country;
    EXPECT_EQ(m.valid_to ? std::optional<std::string>(FormatIsoDate(*m.valid_to)) : std::nullopt,
              e.to)
        << m.country;
    EXPECT_FALSE(m.legal_reference.empty()) << m.country;
  }
}

// Each entry in force on its first and last day and not the day around it.
TEST(ShippedEuEea, EveryEntryHoldsFromItsFirstToItsLastDay) {
  for (const auto& e : kExpected) {
    const CivilDate from = Day(e.from);
    EXPECT_EQ(Shipped().BlocOn(e.country, from), e.bloc) << e.country << " " << e.from;
    if (e.to) {
      EXPECT_EQ(Shipped().BlocOn(e.country, Day(*e.to)), e.bloc) << e.country << " " << *e.to;
    }
  }
  // The days before the first membership and after the last.
  std::map<std::string, CivilDate> first;
  for (const auto& e : kExpected) {
    auto [it, inserted] = first.emplace(e.country, Day(e.from));
    if (!inserted) it->second = std::min(it->second, Day(e.from));
  }
  for (const auto& [country, from] : first) {
    EXPECT_EQ(Shipped().BlocOn(country, DayBefore(from)), std::nullopt) << country;
  }
}

TEST(ShippedEuEea, TheUnitedKingdomLeftAndNorwayNeverJoinedTheEu) {
  EXPECT_TRUE(Shipped().InEu("GB", D(2020, 1, 31)));
  EXPECT_FALSE(Shipped().InEuOrEea("GB", D(2020, 2, 1)));
  EXPECT_FALSE(Shipped().InEu("NO", D(2024, 1, 1)));
  EXPECT_TRUE(Shipped().InEuOrEea("NO", D(2024, 1, 1)));
  EXPECT_FALSE(Shipped().InEuOrEea("CH", D(2024, 1, 1)));
  EXPECT_FALSE(Shipped().InEuOrEea("UA", D(2024, 1, 1)));
}

TEST(ShippedEuEea, TwentySevenEuAndThirtyEeaCountriesToday) {
  std::set<std::string> countries;
  for (const auto& e : kExpected) countries.insert(e.country);
  int eu = 0, eea = 0;
  for (const auto& c : countries) {
    eu += Shipped().InEu(c, D(2026, 1, 1)) ? 1 : 0;
    eea += Shipped().InEuOrEea(c, D(2026, 1, 1)) ? 1 : 0;
  }
  EXPECT_EQ(eu, 27);
  EXPECT_EQ(eea, 30);
  EXPECT_EQ(Shipped().InEu("GB", D(2019, 6, 1)) ? 1 : 0, 1);  // 28 members before Brexit
}

constexpr std::string_view kGood = R"(
format = 1

[[members]]
country = "SE"
bloc = "eu"
valid_from = 1995-01-01
legal_reference = "Act of Accession 1994"
)";

std::string With(std::string_view replace, std::string_view by) {
  std::string s(kGood);
  s.replace(s.find(replace), replace.size(), by);
  return s;
}

TEST(EuEeaFile, ParsesAGoodFile) {
  auto r = ParseEuEeaFile(kGood, "test.toml");
  ASSERT_TRUE(r) << r.error().message;
  EXPECT_TRUE(r->InEu("SE", D(2000, 1, 1)));
}

TEST(EuEeaFile, RefusesBadFilesNamingTheKeyAndLine) {
  const std::vector<std::tuple<std::string, std::string, std::string>> bad = {
      {With("format = 1", "format = 2"), "format", "unsupported"},
      {With("format = 1", ""), "format", "required"},
      {With("bloc = \"eu\"", "bloc = \"efta\""), "members[0].bloc", "unknown_value"},
      {With("valid_from = 1995-01-01", "valid_from = \"1995-01-01\""), "members[0].valid_from",
       "type"},
      {With("valid_from = 1995-01-01", ""), "members[0].valid_from", "required"},
      {With("country = \"SE\"", "country = \"SE\"\ncolour = \"blue\""), "members[0].colour",
       "unknown_key"},
      {With("country = \"SE\"", "country = \"Sweden\""), "members[0].country", "format"},
      {With("valid_from = 1995-01-01", "valid_from = 1995-01-01\nvalid_to = 1994-01-01"),
       "members[0].valid_to", "order"},
      {With("[[members]]",
            "[[members]]\ncountry = \"SE\"\nbloc = \"eu\"\n"
            "valid_from = 2000-01-01\nlegal_reference = \"x\"\n\n[[members]]"),
       "members[1].valid_from", "overlap"},
      {"format = 1\n", "members", "required"},
      {"format = 1\n[[members]\n", "test.toml", "toml"},
  };
  for (const auto& [text, field, rule] : bad) {
    auto r = ParseEuEeaFile(text, "test.toml");
    ASSERT_FALSE(r) << field;
    ASSERT_FALSE(r.error().fields.empty()) << field;
    EXPECT_EQ(r.error().fields[0].field, field) << r.error().message;
    EXPECT_EQ(r.error().fields[0].rule, rule) << r.error().message;
    EXPECT_EQ(r.error().message.rfind("test.toml:", 0), 0u) << r.error().message;
  }
}

TEST(EuEeaFile, AMissingFileIsAnError) {
  EXPECT_FALSE(ReadEuEeaFile("data/rules/no_such_file.toml"));
}

}  // namespace
}  // namespace opennrm::cli
