#include "http/audit_dto.hpp"

#include <gtest/gtest.h>

namespace opennrm::http {
namespace {

constexpr long long kUs = 1'000'000;
constexpr long long kDay = 86'400 * kUs;
// 2026-11-28T00:00:00Z
constexpr long long k28Nov2026 = 1'795'824'000 * kUs;

TEST(AuditTimeParameter, ReadsDatesAsWholeUtcDays) {
  EXPECT_EQ(ParseTimeParameter("2026-11-28", false), k28Nov2026);
  EXPECT_EQ(ParseTimeParameter("2026-11-28", true), k28Nov2026 + kDay) << "to= includes the day";
  EXPECT_EQ(ParseTimeParameter("2024-02-29", false), 1'709'164'800 * kUs) << "a leap day";
  EXPECT_EQ(ParseTimeParameter("2025-02-29", false), std::nullopt);
}

TEST(AuditTimeParameter, ReadsRfc3339DateTimesWithOffsetsAndFractions) {
  EXPECT_EQ(ParseTimeParameter("2026-11-28T00:00:00Z", true), k28Nov2026) << "not a date";
  EXPECT_EQ(ParseTimeParameter("2026-11-28t01:02:03z", false),
            k28Nov2026 + (3600 + 2 * 60 + 3) * kUs);
  EXPECT_EQ(ParseTimeParameter("2026-11-28T01:00:00+01:00", false), k28Nov2026)
      << "Swedish winter time";
  EXPECT_EQ(ParseTimeParameter("2026-11-27T23:30:00-00:30", false), k28Nov2026);
  EXPECT_EQ(ParseTimeParameter("2026-11-28T00:00:00.5Z", false), k28Nov2026 + kUs / 2);
  EXPECT_EQ(ParseTimeParameter("2026-11-28T00:00:00.123456789Z", false), k28Nov2026 + 123456)
      << "below a microsecond is dropped";
  EXPECT_EQ(ParseTimeParameter("2016-12-31T23:59:60Z", false), 1'483'228'800 * kUs)
      << "a leap second counts as the next minute's first";
}

TEST(AuditTimeParameter, RefusesAnythingElse) {
  for (const char* bad :
       {"", "yesterday", "2026-11-28T", "2026-11-28 00:00:00Z", "2026-11-28T00:00:00",
        "2026-11-28T24:00:00Z", "2026-11-28T00:60:00Z", "2026-11-28T00:00:61Z",
        "2026-11-28T00:00:00.Z", "2026-11-28T00:00:00+1:00", "2026-11-28T00:00:00+01:60",
        "2026-11-28T00:00:00+0100", "2026-11-28T00:00:00Z ", "1766880000", "26-11-28", "2026-13-01",
        "2026-11-28T0:00:00Z", "1899-12-31"}) {
    EXPECT_EQ(ParseTimeParameter(bad, false), std::nullopt) << bad;
  }
}

TEST(AuditTimeFormat, WritesUtcWithMicroseconds) {
  EXPECT_EQ(AuditTime(k28Nov2026), "2026-11-28T00:00:00.000000Z");
  EXPECT_EQ(AuditTime(k28Nov2026 + 3723 * kUs + 42), "2026-11-28T01:02:03.000042Z");
  EXPECT_EQ(AuditTime(0), "1970-01-01T00:00:00.000000Z");
  for (long long t : {k28Nov2026 + 1, k28Nov2026 + kDay - 1, 1'709'164'800 * kUs + 999'999}) {
    EXPECT_EQ(ParseTimeParameter(AuditTime(t), false), t) << "round trip " << AuditTime(t);
  }
}

TEST(AuditJson, ADamagedEntryShowsOnlyItsNumber) {
  app::audit::LoggedEvent damaged;
  damaged.seq = 7;
  damaged.intact = false;
  Json j = LoggedEventJson(damaged);
  EXPECT_EQ(j["seq"], 7);
  EXPECT_EQ(j["intact"], false);
  EXPECT_TRUE(j["at"].is_null());
  EXPECT_TRUE(j["action"].is_null());
  EXPECT_EQ(j["objects"], Json::array());
}

TEST(AuditJson, AnEventKeepsItsIdsAndSaysNoneWithNull) {
  app::audit::LoggedEvent item;
  item.seq = 3;
  item.event.at_us = k28Nov2026;
  item.event.actor_user_id = "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa";
  item.event.organisation_id = "bbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb";
  item.event.roles = {"auditor"};
  item.event.action = "audit.read";
  item.event.outcome = "allowed";
  item.event.objects.push_back({"audit_log", "all", "", {}});
  item.event.request_id = "req-1";
  Json j = LoggedEventJson(item);
  EXPECT_EQ(j["at"], "2026-11-28T00:00:00.000000Z");
  EXPECT_EQ(j["actor_user_id"], "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa");
  EXPECT_TRUE(j["actor_token_id"].is_null());
  EXPECT_TRUE(j["purpose"].is_null());
  EXPECT_EQ(j["objects"][0]["id"], "all");
  EXPECT_TRUE(j["objects"][0]["organisation_id"].is_null());
  EXPECT_EQ(j["objects"][0]["sections"], Json::array());
  EXPECT_EQ(j["intact"], true);
}

}  // namespace
}  // namespace opennrm::http
