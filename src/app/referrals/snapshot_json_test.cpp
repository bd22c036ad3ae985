#include "app/referrals/snapshot_json.hpp"

#include <gtest/gtest.h>

namespace opennrm::app::referral_internal {
namespace {

TEST(SnapshotJson, StringsEscapeQuotesBackslashesAndControlCharacters) {
  EXPECT_EQ(JsonString("a\"b\\c"), "\"a\\\"b\\\\c\"");
  EXPECT_EQ(JsonString("line\nnext\ttab\r"), "\"line\\nnext\\ttab\\r\"");
  EXPECT_EQ(JsonString(std::string("\x01\x1f", 2)), "\"\\u0001\\u001f\"");
  EXPECT_EQ(JsonString(std::string("nul\0x", 5)), "\"nul\\u0000x\"");
  // UTF-8 passes through as written.
  EXPECT_EQ(JsonString("\xd8\xa3\xd9\x85"), "\"\xd8\xa3\xd9\x85\"");
}

TEST(SnapshotJson, ObjectsKeepTheirOrderAndLeaveOutUnsetDates) {
  JsonObject o;
  EXPECT_TRUE(o.Empty());
  o.Int("format", 1).Str("name", "x").Bool("flag", true).Date("on", CivilDate{2026, 3, 5});
  o.Date("never", std::optional<CivilDate>{}).Raw("list", JsonStrings({"a", "b"}));
  EXPECT_EQ(
      o.Done(),
      "{\"format\":1,\"name\":\"x\",\"flag\":true,\"on\":\"2026-03-05\",\"list\":[\"a\",\"b\"]}");
  EXPECT_EQ(JsonObject().Done(), "{}");
  EXPECT_EQ(JsonArray({}), "[]");
  EXPECT_EQ(JsonArray({"{}", "1"}), "[{},1]");
}

}  // namespace
}  // namespace opennrm::app::referral_internal
