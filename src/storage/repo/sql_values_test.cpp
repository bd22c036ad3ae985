// Optional values to SQL and back: absent is null, present is the value.
#include "storage/repo/sql_values.hpp"

#include <gtest/gtest.h>

namespace opennrm::storage::repo {
namespace {

TEST(SqlValues, AbsentValuesAreNull) {
  EXPECT_TRUE(std::holds_alternative<sql::Null>(OptInt(std::nullopt)));
  EXPECT_TRUE(std::holds_alternative<sql::Null>(OptText(std::nullopt)));
  EXPECT_TRUE(std::holds_alternative<sql::Null>(TextOrNull("")));
  EXPECT_EQ(std::get<long long>(OptInt(0)), 0);
  EXPECT_EQ(std::get<std::string>(OptText(std::string())), "");  // present, if empty
  EXPECT_EQ(std::get<std::string>(TextOrNull("c1")), "c1");
}

TEST(SqlValues, NullCellsAreAbsent) {
  sql::Rows rows(2);
  rows.Append(std::nullopt);
  rows.Append("42");
  EXPECT_EQ(OptIntAt(rows, 0, 0), std::nullopt);
  EXPECT_EQ(OptIntAt(rows, 0, 1), 42);
  EXPECT_EQ(OptTextAt(rows, 0, 0), std::nullopt);
  EXPECT_EQ(OptTextAt(rows, 0, 1), "42");
}

}  // namespace
}  // namespace opennrm::storage::repo
