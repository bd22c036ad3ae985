#include "core/error.hpp"

#include <gtest/gtest.h>

namespace opennrm {
namespace {

TEST(Problems, EmptyMeansOk) {
  Problems p;
  EXPECT_TRUE(p.empty());
  EXPECT_TRUE(p.ToStatus());
}

TEST(Problems, CollectsEveryProblemInOrderAsOneInvalidError) {
  Problems p;
  p.Add("name", "required", "The name must not be empty.");
  p.Add("contact.email", "format", "Not a valid e-mail address.");
  EXPECT_FALSE(p.empty());
  ASSERT_EQ(p.items().size(), 2u);
  Status s = p.ToStatus();
  ASSERT_FALSE(s);
  EXPECT_EQ(s.error().code, ErrorCode::kInvalid);
  ASSERT_EQ(s.error().fields.size(), 2u);
  EXPECT_EQ(s.error().fields[0].field, "name");
  EXPECT_EQ(s.error().fields[0].rule, "required");
  EXPECT_EQ(s.error().fields[1].field, "contact.email");
  EXPECT_EQ(s.error().fields[1].rule, "format");
  EXPECT_EQ(s.error().fields[1].detail, "Not a valid e-mail address.");
}

TEST(Problems, ToStatusUsesTheGivenMessage) {
  Problems p;
  p.Add("x", "y", "z");
  EXPECT_EQ(p.ToStatus("Bad organisation.").error().message, "Bad organisation.");
  EXPECT_FALSE(p.ToStatus().error().message.empty());
}

TEST(ErrorHelpers, InvalidCarriesOneFieldProblem) {
  Result<int> r = Invalid("coverage.codes[2]", "unknown_code", "'9999' is not known.");
  ASSERT_FALSE(r);
  EXPECT_EQ(r.error().code, ErrorCode::kInvalid);
  EXPECT_EQ(r.error().message, "'9999' is not known.");
  ASSERT_EQ(r.error().fields.size(), 1u);
  EXPECT_EQ(r.error().fields[0].field, "coverage.codes[2]");
  EXPECT_EQ(r.error().fields[0].rule, "unknown_code");
}

TEST(ErrorHelpers, CodesOfShortcuts) {
  Result<int> nf = NotFound("No such organisation.");
  Result<int> in = Internal("disk full");
  Result<int> conflict = Fail(ErrorCode::kConflict, "stale");
  EXPECT_EQ(nf.error().code, ErrorCode::kNotFound);
  EXPECT_TRUE(nf.error().fields.empty());
  EXPECT_EQ(in.error().code, ErrorCode::kInternal);
  EXPECT_EQ(in.error().message, "disk full");
  EXPECT_EQ(conflict.error().code, ErrorCode::kConflict);
  EXPECT_TRUE(Ok());
}

}  // namespace
}  // namespace opennrm
