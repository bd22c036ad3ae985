#include "core/csv.hpp"

#include <gtest/gtest.h>

namespace opennrm::csv {
namespace {

// The single field problem of a failed parse.
FieldProblem OnlyProblem(const Error& e) {
  EXPECT_EQ(e.code, ErrorCode::kInvalid);
  EXPECT_EQ(e.fields.size(), 1u);
  return e.fields.empty() ? FieldProblem{} : e.fields.front();
}

TEST(CsvParse, ReadsHeaderAndRows) {
  auto t = Parse("code,name\n2584,Kiruna\n1880,Örebro\n", "m.csv");
  ASSERT_TRUE(t) << t.error().message;
  EXPECT_EQ(t->header, (std::vector<std::string>{"code", "name"}));
  ASSERT_EQ(t->rows.size(), 2u);
  EXPECT_EQ(t->rows[1], (std::vector<std::string>{"1880", "Örebro"}));
  EXPECT_EQ(t->Column("name"), 1);
  EXPECT_EQ(t->Column("missing"), -1);
}

TEST(CsvParse, QuotedFieldKeepsCommasAndUnescapesDoubledQuotes) {
  auto t = Parse("name,note\n\"Göteborg, Västra\",\"says \"\"hej\"\"\"\n", "q.csv");
  ASSERT_TRUE(t) << t.error().message;
  ASSERT_EQ(t->rows.size(), 1u);
  EXPECT_EQ(t->rows[0][0], "Göteborg, Västra");
  EXPECT_EQ(t->rows[0][1], "says \"hej\"");
}

TEST(CsvParse, QuotedEmptyFieldAndTrailingEmptyField) {
  auto t = Parse("a,b,c\n\"\",x,\n", "e.csv");
  ASSERT_TRUE(t) << t.error().message;
  ASSERT_EQ(t->rows.size(), 1u);
  EXPECT_EQ(t->rows[0], (std::vector<std::string>{"", "x", ""}));
}

TEST(CsvParse, QuotedFieldMayHoldANewline) {
  auto t = Parse("a,b\n\"line one\nline two\",2\n", "n.csv");
  ASSERT_TRUE(t) << t.error().message;
  ASSERT_EQ(t->rows.size(), 1u);
  EXPECT_EQ(t->rows[0][0], "line one\nline two");
  EXPECT_EQ(t->rows[0][1], "2");
}

TEST(CsvParse, StripsUtf8ByteOrderMark) {
  auto t = Parse(
      "\xEF\xBB\xBF"
      "code,name\n01,Stockholms län\n",
      "bom.csv");
  ASSERT_TRUE(t) << t.error().message;
  EXPECT_EQ(t->header[0], "code");
  EXPECT_EQ(t->Column("code"), 0);
}

TEST(CsvParse, AcceptsCrLfLineEndings) {
  auto t = Parse("code,name\r\n01,Stockholm\r\n03,Uppsala\r\n", "crlf.csv");
  ASSERT_TRUE(t) << t.error().message;
  EXPECT_EQ(t->header, (std::vector<std::string>{"code", "name"}));
  ASSERT_EQ(t->rows.size(), 2u);
  EXPECT_EQ(t->rows[0][1], "Stockholm");  // no stray \r
  EXPECT_EQ(t->rows[1][1], "Uppsala");
}

TEST(CsvParse, LastLineWithoutNewlineAndBlankLinesAreFine) {
  auto t = Parse("a,b\n\n1,2\n\n3,4", "b.csv");
  ASSERT_TRUE(t) << t.error().message;
  ASSERT_EQ(t->rows.size(), 2u);
  EXPECT_EQ(t->rows[1], (std::vector<std::string>{"3", "4"}));
}

TEST(CsvParse, WrongFieldCountNamesFileAndLine) {
  auto t = Parse("code,name\n01,Stockholm\n03,Uppsala,extra\n", "data/counties.csv");
  ASSERT_FALSE(t);
  auto p = OnlyProblem(t.error());
  EXPECT_EQ(p.field, "data/counties.csv:3");
  EXPECT_EQ(p.rule, "csv_columns");
  EXPECT_NE(p.detail.find("Expected 2"), std::string::npos) << p.detail;
  EXPECT_NE(p.detail.find("found 3"), std::string::npos) << p.detail;
}

TEST(CsvParse, TooFewFieldsAfterBlankLineCountsTheBlankLine) {
  auto t = Parse("a,b\n1,2\n\n3\n", "x.csv");
  ASSERT_FALSE(t);
  EXPECT_EQ(OnlyProblem(t.error()).field, "x.csv:4");
}

TEST(CsvParse, LineNumbersAfterCrLfRowsAreCorrect) {
  auto t = Parse("a,b\r\n1,2\r\n3\r\n", "w.csv");
  ASSERT_FALSE(t);
  EXPECT_EQ(OnlyProblem(t.error()).field, "w.csv:3");
}

// The line named must be the one an editor shows: a quoted field spanning two
// physical lines pushes the bad row down to line 4.
TEST(CsvParse, LineNumberCountsNewlinesInsideQuotedFields) {
  auto t = Parse("a,b\n\"two\nlines\",1\n1,2,3\n", "m.csv");
  ASSERT_FALSE(t);
  EXPECT_EQ(OnlyProblem(t.error()).field, "m.csv:4");
}

TEST(CsvParse, UnterminatedQuoteIsAnError) {
  auto t = Parse("a,b\n1,\"open\n", "u.csv");
  ASSERT_FALSE(t);
  auto p = OnlyProblem(t.error());
  EXPECT_EQ(p.rule, "csv_quote");
  EXPECT_EQ(p.field.rfind("u.csv:", 0), 0u) << p.field;
}

TEST(CsvParse, EmptyTextHasNoHeader) {
  auto t = Parse("", "empty.csv");
  ASSERT_FALSE(t);
  EXPECT_EQ(OnlyProblem(t.error()).rule, "csv_header");
  auto only_bom = Parse("\xEF\xBB\xBF", "bom.csv");
  ASSERT_FALSE(only_bom);
  EXPECT_EQ(OnlyProblem(only_bom.error()).field, "bom.csv");
}

TEST(CsvRecords, MapsRowsByHeader) {
  auto t = Parse("code,name,county_code\n2584,Kiruna,25\n", "m.csv");
  ASSERT_TRUE(t);
  auto r = Records(*t, {"code", "county_code"}, "m.csv");
  ASSERT_TRUE(r) << r.error().message;
  ASSERT_EQ(r->size(), 1u);
  EXPECT_EQ((*r)[0].at("name"), "Kiruna");
  EXPECT_EQ((*r)[0].at("county_code"), "25");
}

TEST(CsvRecords, MissingRequiredColumnNamesColumnAndFile) {
  auto t = Parse("code,name\n2584,Kiruna\n", "m.csv");
  ASSERT_TRUE(t);
  auto r = Records(*t, {"code", "county_code"}, "m.csv");
  ASSERT_FALSE(r);
  auto p = OnlyProblem(r.error());
  EXPECT_EQ(p.field, "m.csv");
  EXPECT_EQ(p.rule, "csv_column_missing");
  EXPECT_NE(p.detail.find("county_code"), std::string::npos) << p.detail;
}

TEST(CsvRecords, ColumnNamesAreCaseSensitive) {
  auto t = Parse("Code\n1\n", "c.csv");
  ASSERT_TRUE(t);
  EXPECT_FALSE(Records(*t, {"code"}, "c.csv"));
}

}  // namespace
}  // namespace opennrm::csv
