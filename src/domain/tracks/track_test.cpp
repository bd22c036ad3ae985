#include "domain/tracks/track.hpp"

#include <gtest/gtest.h>

#include "domain/tracks/closure.hpp"

namespace opennrm::tracks {
namespace {

TEST(TrackKind, EveryKindRoundTrips) {
  ASSERT_EQ(AllTrackKinds().size(), 3u);
  EXPECT_EQ(AllTrackKinds().front(), TrackKind::kSupport);
  for (TrackKind k : AllTrackKinds()) {
    EXPECT_FALSE(ToString(k).empty());
    EXPECT_EQ(ParseTrackKind(ToString(k)), k);
  }
  EXPECT_EQ(ToString(TrackKind::kProceedings), "proceedings");
  EXPECT_EQ(ParseTrackKind("return"), TrackKind::kReturn);
}

TEST(TrackKind, UnknownWordsAreRefused) {
  for (const char* text : {"", "Support", "support ", "closed", "child"}) {
    EXPECT_FALSE(ParseTrackKind(text)) << text;
  }
}

TEST(ClosureReason, TheClosedListRoundTrips) {
  const std::vector<std::string> expected{"safe_return_completed",  "integrated",
                                          "declined_support",       "lost_contact",
                                          "not_a_trafficking_case", "transferred_abroad"};
  ASSERT_EQ(AllClosureReasons().size(), expected.size());
  for (size_t i = 0; i < expected.size(); ++i) {
    EXPECT_EQ(ToString(AllClosureReasons()[i]), expected[i]);
    EXPECT_EQ(ParseClosureReason(expected[i]), AllClosureReasons()[i]);
    auto r = RequireClosureReason(expected[i]);
    ASSERT_TRUE(r);
    EXPECT_EQ(*r, AllClosureReasons()[i]);
  }
}

TEST(ClosureReason, AnythingElseIsAnInvalidReason) {
  for (const char* text : {"", "completed", "Integrated", "closed", "other"}) {
    EXPECT_FALSE(ParseClosureReason(text)) << text;
    auto r = RequireClosureReason(text);
    ASSERT_FALSE(r) << text;
    EXPECT_EQ(r.error().code, ErrorCode::kInvalid);
    ASSERT_EQ(r.error().fields.size(), 1u);
    EXPECT_EQ(r.error().fields[0].field, "reason");
    EXPECT_EQ(r.error().fields[0].rule, "unknown_closure_reason");
  }
}

}  // namespace
}  // namespace opennrm::tracks
