#include "domain/stats/crime_figures_csv.hpp"

#include <gtest/gtest.h>

#include <set>

namespace opennrm::stats {
namespace {

constexpr int kNow = 2026;
const std::string kHeader = "year,offence,measure,breakdown,category,value,source\n";

// The problems as "field rule" strings.
std::set<std::string> ProblemsOf(const Result<std::vector<CrimeFigure>>& r) {
  std::set<std::string> out;
  if (r) return out;
  for (const auto& f : r.error().fields) out.insert(f.field + " " + f.rule);
  return out;
}

TEST(CrimeFiguresCsv, ReadsAValidFileKeepingUnknownApartFromNone) {
  std::string text =
      "\xEF\xBB\xBF" + kHeader +
      "2024,trafficking,reported_offences,total,total,185,\"Brå, kriminalstatistik 2024\"\r\n"
      "\r\n"
      "2024,trafficking,convicted_persons,total,total,0,Brå\n"
      " 2024 , trafficking ,suspected_persons,sex,female,,Brå\n"
      "2024,trafficking,suspected_persons,form,labour,12,\"Polisen \"\"Lägesrapport\"\"\"\n"
      "1990,child_sexual_act_purchase,prosecuted_persons,age,child,3,Brå";
  auto r = ParseCrimeFigures(text, kNow);
  ASSERT_TRUE(r) << r.error().message;
  ASSERT_EQ(r->size(), 5u);
  EXPECT_EQ((*r)[0].value, 185);
  EXPECT_EQ((*r)[0].source, "Brå, kriminalstatistik 2024");
  EXPECT_EQ((*r)[1].value, 0);             // known to be none
  EXPECT_EQ((*r)[2].value, std::nullopt);  // not known
  EXPECT_EQ((*r)[2].category, "female");
  EXPECT_EQ((*r)[3].source, "Polisen \"Lägesrapport\"");
  EXPECT_EQ((*r)[3].breakdown, CrimeBreakdown::kForm);
  EXPECT_EQ((*r)[4].offence, Offence::kChildSexualActPurchase);
  EXPECT_EQ((*r)[4].year, 1990);
}

TEST(CrimeFiguresCsv, ColumnsMayComeInAnyOrder) {
  auto r = ParseCrimeFigures(
      "source,value,category,breakdown,measure,offence,year\nBrå,7,total,total,"
      "reported_offences,procuring,2025\n",
      kNow);
  ASSERT_TRUE(r) << r.error().message;
  ASSERT_EQ(r->size(), 1u);
  EXPECT_EQ((*r)[0].offence, Offence::kProcuring);
  EXPECT_EQ((*r)[0].year, 2025);
  EXPECT_EQ((*r)[0].value, 7);
}

TEST(CrimeFiguresCsv, ReportsEveryBrokenLineByLineAndColumnAndStoresNothing) {
  std::string text = kHeader +
                     "2024,trafficking,reported_offences,total,total,185,Brå\n"          // 2 fine
                     "2024,traficking,reported_offences,total,total,1,Brå\n"             // 3
                     "1989,procuring,reported_offences,total,total,1,Brå\n"              // 4
                     "2027,procuring,convicted_persons,total,total,1,Brå\n"              // 5
                     "24,procuring,suspected_persons,total,total,1,Brå\n"                // 6
                     "2024,procuring,reported_offences,sex,male,1,Brå\n"                 // 7
                     "2024,procuring,suspected_persons,form,sexual,1,Brå\n"              // 8
                     "2024,trafficking,suspected_persons,sex,woman,1,Brå\n"              // 9
                     "2024,trafficking,suspected_persons,total,total,-1,Brå\n"           // 10
                     "2024,trafficking,suspected_persons,total,total,1.5,\n"             // 11
                     "2024,trafficking,reported_offences,total,total,186,Brå\n"          // 12
                     "2024,trafficking,reported_offences,total,total\n"                  // 13
                     "2024,trafficking,prosecuted_persons,total,total,\"4,Brå\n"         // 14
                     "2024,trafficking,prosecuted_persons,total,total,1000000000,Brå\n"  // 15
                     ",,,,,,\n";                                                         // 16
  auto r = ParseCrimeFigures(text, kNow);
  ASSERT_FALSE(r);
  EXPECT_EQ(r.error().code, ErrorCode::kInvalid);
  auto got = ProblemsOf(r);
  std::set<std::string> want{
      "line 3.offence unknown_code",
      "line 4.year range",
      "line 5.year range",
      "line 6.year format",
      "line 7.breakdown not_for_measure",
      "line 8.breakdown not_for_offence",
      "line 9.category unknown_code",
      "line 10.value format",
      "line 11.value format",
      "line 11.source required",
      "line 12 duplicate",
      "line 13 columns",
      "line 14 csv_quote",
      "line 15.value range",
      "line 16.year required",
      "line 16.offence required",
      "line 16.measure required",
      "line 16.breakdown required",
      "line 16.category required",
      "line 16.source required",
  };
  EXPECT_EQ(got, want);
  for (const auto& f : r.error().fields) EXPECT_FALSE(f.detail.empty()) << f.field;
  EXPECT_NE(r.error().message.find("20 problems"), std::string::npos) << r.error().message;
}

TEST(CrimeFiguresCsv, TheDuplicateNamesTheEarlierLine) {
  auto r = ParseCrimeFigures(kHeader +
                                 "2024,procuring,reported_offences,total,total,1,Brå\n"
                                 "2024,procuring,reported_offences,total,total,2,Brå\n",
                             kNow);
  ASSERT_FALSE(r);
  ASSERT_EQ(r.error().fields.size(), 1u);
  EXPECT_NE(r.error().fields[0].detail.find("line 2"), std::string::npos);
}

TEST(CrimeFiguresCsv, AHeaderWithoutTheColumnsIsRefusedAsAWhole) {
  auto r = ParseCrimeFigures(
      "year,offence,measure,breakdown,kategori,value,value\n2024,procuring,reported_offences,"
      "total,total,1,2\n",
      kNow);
  EXPECT_EQ(ProblemsOf(r), (std::set<std::string>{
                               "line 1 unknown_column", "line 1.value duplicate_column",
                               "line 1.category column_missing", "line 1.source column_missing"}));
  EXPECT_EQ(ProblemsOf(ParseCrimeFigures("", kNow)), (std::set<std::string>{"body header"}));
  EXPECT_EQ(ProblemsOf(ParseCrimeFigures("\n\n", kNow)), (std::set<std::string>{"body header"}));
  EXPECT_EQ(ProblemsOf(ParseCrimeFigures(kHeader, kNow)), (std::set<std::string>{"body no_rows"}));
}

TEST(CrimeFiguresCsv, TextThatIsNotUtf8IsNamedByLine) {
  auto r =
      ParseCrimeFigures(kHeader + "2024,procuring,reported_offences,total,total,1,Br\xE5\n", kNow);
  EXPECT_EQ(ProblemsOf(r), (std::set<std::string>{"line 2 utf8"}));
}

TEST(CrimeFiguresCsv, StopsListingAtFiftyProblems) {
  std::string text = kHeader;
  for (int i = 0; i < 80; ++i) text += "2024,nope,reported_offences,total,total,1,Brå\n";
  auto r = ParseCrimeFigures(text, kNow);
  ASSERT_FALSE(r);
  EXPECT_EQ(r.error().fields.size(), kMaxCrimeFigureProblems);
  EXPECT_EQ(r.error().fields.back().field, "line 51.offence");
  EXPECT_NE(r.error().message.find("at least 50"), std::string::npos) << r.error().message;
}

TEST(CrimeFiguresCsv, TooManyLinesOrBytesIsTooLarge) {
  std::string lines = kHeader;
  for (size_t i = 0; i < kMaxCrimeFigureLines; ++i) lines += "\n";
  auto r = ParseCrimeFigures(lines, kNow);
  ASSERT_FALSE(r);
  EXPECT_EQ(r.error().code, ErrorCode::kTooLarge);
  EXPECT_EQ(ProblemsOf(r), (std::set<std::string>{"body max_lines"}));
  std::string big = kHeader + std::string(kMaxCrimeFigureBytes, ' ');
  auto b = ParseCrimeFigures(big, kNow);
  ASSERT_FALSE(b);
  EXPECT_EQ(b.error().code, ErrorCode::kTooLarge);
  EXPECT_EQ(ProblemsOf(b), (std::set<std::string>{"body max_size"}));
}

TEST(CrimeFiguresCsv, ASourceLongerThanTheLimitIsRefused) {
  std::string source(kMaxCrimeFigureSourceBytes + 1, 'x');
  auto r =
      ParseCrimeFigures(kHeader + "2024,procuring,reported_offences,total,total,1," + source, kNow);
  EXPECT_EQ(ProblemsOf(r), (std::set<std::string>{"line 2.source too_long"}));
}

}  // namespace
}  // namespace opennrm::stats
