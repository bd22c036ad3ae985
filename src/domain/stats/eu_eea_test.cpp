#include "domain/stats/eu_eea.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <vector>

namespace opennrm::stats {
namespace {

CivilDate D(int y, unsigned m, unsigned d) { return CivilDate{y, m, d}; }

std::vector<BlocMembership> Sample() {
  return {
      {"SE", Bloc::kEeaEfta, D(1994, 1, 1), D(1994, 12, 31), "EEA Agreement"},
      {"SE", Bloc::kEu, D(1995, 1, 1), std::nullopt, "Act of Accession 1994"},
      {"GB", Bloc::kEu, D(1973, 1, 1), D(2020, 1, 31), "Act of Accession 1972"},
      {"NO", Bloc::kEeaEfta, D(1994, 1, 1), std::nullopt, "EEA Agreement"},
  };
}

bool HasProblem(const Error& e, const std::string& field, const std::string& rule) {
  return std::any_of(e.fields.begin(), e.fields.end(),
                     [&](const FieldProblem& p) { return p.field == field && p.rule == rule; });
}

TEST(EuEeaMembership, TheUnitedKingdomLeftOnThe31stOfJanuary2020) {
  auto m = EuEeaMembership::Build(Sample());
  ASSERT_TRUE(m) << m.error().message;
  EXPECT_TRUE(m->InEu("GB", D(2020, 1, 31)));
  EXPECT_FALSE(m->InEu("GB", D(2020, 2, 1)));
  EXPECT_FALSE(m->InEuOrEea("GB", D(2020, 2, 1)));
  EXPECT_FALSE(m->InEu("GB", D(1972, 12, 31)));
  EXPECT_TRUE(m->InEu("GB", D(1973, 1, 1)));
}

TEST(EuEeaMembership, EeaThroughEftaIsNotEu) {
  auto m = EuEeaMembership::Build(Sample());
  ASSERT_TRUE(m);
  EXPECT_EQ(m->BlocOn("NO", D(2024, 6, 1)), Bloc::kEeaEfta);
  EXPECT_TRUE(m->InEuOrEea("NO", D(2024, 6, 1)));
  EXPECT_FALSE(m->InEu("NO", D(2024, 6, 1)));
  EXPECT_EQ(m->BlocOn("SE", D(1994, 12, 31)), Bloc::kEeaEfta);
  EXPECT_EQ(m->BlocOn("SE", D(1995, 1, 1)), Bloc::kEu);
  EXPECT_EQ(m->BlocOn("SE", D(1993, 12, 31)), std::nullopt);
  EXPECT_EQ(m->BlocOn("CH", D(2024, 6, 1)), std::nullopt);
}

TEST(EuEeaMembership, RefusesBrokenLists) {
  EXPECT_TRUE(HasProblem(EuEeaMembership::Build({}).error(), "members", "required"));

  auto bad = Sample();
  bad[0].country = "se";
  bad[1].legal_reference = "";
  bad[2].valid_to = D(1972, 1, 1);
  auto e = EuEeaMembership::Build(bad).error();
  EXPECT_EQ(e.code, ErrorCode::kInvalid);
  EXPECT_TRUE(HasProblem(e, "members[0].country", "format"));
  EXPECT_TRUE(HasProblem(e, "members[1].legal_reference", "required"));
  EXPECT_TRUE(HasProblem(e, "members[2].valid_to", "order"));
}

TEST(EuEeaMembership, ACountryIsInOneBlocAtATime) {
  auto overlapping = Sample();
  overlapping[0].valid_to = D(1995, 1, 1);  // one day into its EU membership
  EXPECT_TRUE(
      HasProblem(EuEeaMembership::Build(overlapping).error(), "members[1].valid_from", "overlap"));
  auto twice = Sample();
  twice.push_back({"NO", Bloc::kEeaEfta, D(2030, 1, 1), std::nullopt, "again"});
  EXPECT_TRUE(
      HasProblem(EuEeaMembership::Build(twice).error(), "members[4].valid_from", "overlap"));
}

TEST(EuEeaMembership, BlocWords) {
  EXPECT_EQ(ToString(Bloc::kEu), "eu");
  EXPECT_EQ(ParseBloc("eea_efta"), Bloc::kEeaEfta);
  EXPECT_EQ(ParseBloc("EU"), std::nullopt);
}

}  // namespace
}  // namespace opennrm::stats
