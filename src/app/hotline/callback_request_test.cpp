#include "app/hotline/callback_request.hpp"

#include <gtest/gtest.h>

namespace opennrm::app {
namespace {

CallbackRequest Valid() {
  return {"Testa Testsson", "Socialtjänsten i Exempelby", "08-123 456 78", "suspected_trafficking",
          "sv"};
}

// The single problem of `request`, as "field rule"; "" when it passes.
std::string ProblemOf(const CallbackRequest& request) {
  auto st = CheckCallbackRequest(request);
  if (st) return "";
  EXPECT_EQ(st.error().code, ErrorCode::kInvalid);
  EXPECT_EQ(st.error().fields.size(), 1u);
  return st.error().fields.front().field + " " + st.error().fields.front().rule;
}

TEST(CallbackRequest, AcceptsAProfessionalsOwnDetails) {
  EXPECT_EQ(ProblemOf(Valid()), "");
  for (const char* phone : {"+46 8 123 456 78", "(08) 123 45", "0701234567", " 08-12 34 56 "}) {
    CallbackRequest r = Valid();
    r.phone = phone;
    EXPECT_EQ(ProblemOf(r), "") << phone;
  }
  CallbackRequest r = Valid();
  r.message_language = "";
  EXPECT_EQ(ProblemOf(r), "");
  r.message_language = "en";
  EXPECT_EQ(ProblemOf(r), "");
}

TEST(CallbackRequest, NamesEachMissingField) {
  auto st = CheckCallbackRequest(CallbackRequest{" ", "", "", "", ""});
  ASSERT_FALSE(st);
  std::vector<std::string> got;
  for (const auto& f : st.error().fields) got.push_back(f.field + " " + f.rule);
  EXPECT_EQ(got, (std::vector<std::string>{"name required", "organisation required",
                                           "phone required", "topic required"}));
}

TEST(CallbackRequest, RefusesTooLongTextsAndControlCharacters) {
  CallbackRequest r = Valid();
  r.name = std::string(kCallbackMaxTextBytes, 'a');
  EXPECT_EQ(ProblemOf(r), "");
  r.name += "a";
  EXPECT_EQ(ProblemOf(r), "name too_long");
  r = Valid();
  r.organisation = "Socialtjänsten\nPersonen heter ...";
  EXPECT_EQ(ProblemOf(r), "organisation characters");
}

TEST(CallbackRequest, ChecksThePhoneNumberLoosely) {
  CallbackRequest r = Valid();
  r.phone = "ring mig";
  EXPECT_EQ(ProblemOf(r), "phone characters");
  r.phone = "08+123456";
  EXPECT_EQ(ProblemOf(r), "phone characters");
  r.phone = "12345";
  EXPECT_EQ(ProblemOf(r), "phone format");
  r.phone = "1234567890123456";
  EXPECT_EQ(ProblemOf(r), "phone format");
  r.phone = std::string(31, '1');
  EXPECT_EQ(ProblemOf(r), "phone too_long");
}

TEST(CallbackRequest, TakesOnlyTheHotlinesTopicsAndLanguages) {
  CallbackRequest r = Valid();
  r.topic = "shoe_repair";
  EXPECT_EQ(ProblemOf(r), "topic unknown_code");
  r = Valid();
  r.message_language = "swe";
  EXPECT_EQ(ProblemOf(r), "message_language unknown_code");
}

}  // namespace
}  // namespace opennrm::app
