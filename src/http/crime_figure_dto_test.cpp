#include "http/crime_figure_dto.hpp"

#include <gtest/gtest.h>

namespace opennrm::http {
namespace {

TEST(CrimeFigureDto, UnknownIsNullAndNoneIsZero) {
  ports::CrimeFigureRow f;
  f.year = 2024;
  f.offence = "trafficking";
  f.measure = "convicted_persons";
  f.breakdown = "total";
  f.category = "total";
  f.source = "Brå";
  f.import_id = "i1";
  auto unknown = CrimeFigureJson(f);
  EXPECT_TRUE(unknown.at("value").is_null());
  EXPECT_FALSE(unknown.contains("import_id"));
  f.value = 0;
  EXPECT_EQ(CrimeFigureJson(f).at("value"), 0);
  EXPECT_EQ(CrimeFigureJson(f).at("offence"), "trafficking");
  EXPECT_EQ(CrimeFigureJson(f).size(), 7u);
}

TEST(CrimeFigureDto, OnlyCsvInUtf8IsAccepted) {
  for (const char* ok : {"text/csv", "Text/CSV", "text/csv; charset=utf-8",
                         "text/csv;charset=\"UTF-8\"", "text/csv; header=present"}) {
    EXPECT_TRUE(RequireCsvMediaType(std::string(ok)).has_value()) << ok;
  }
  for (const char* bad : {"application/json", "text/plain", "text/csvx",
                          "text/csv; charset=iso-8859-1", "multipart/form-data; boundary=x"}) {
    auto st = RequireCsvMediaType(std::string(bad));
    ASSERT_FALSE(st.has_value()) << bad;
    EXPECT_EQ(st.error().code, ErrorCode::kUnsupportedMedia);
    EXPECT_EQ(st.error().fields.at(0).field, "Content-Type");
  }
  EXPECT_FALSE(RequireCsvMediaType(std::nullopt).has_value());
}

}  // namespace
}  // namespace opennrm::http
