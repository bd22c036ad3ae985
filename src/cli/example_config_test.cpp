// The documented example configuration is valid and states the defaults.
#include <gtest/gtest.h>

#include "cli/config.hpp"

namespace opennrm::cli {
namespace {

TEST(ExampleConfig, ParsesAndMatchesTheBuiltInDefaults) {
  auto example = LoadConfig("opennrm.example.toml", {});
  ASSERT_TRUE(example.has_value()) << example.error().message;
  auto defaults = LoadConfig("", {});
  ASSERT_TRUE(defaults.has_value());
  EXPECT_EQ(example->port, defaults->port);
  EXPECT_EQ(example->max_header_bytes, defaults->max_header_bytes);
  EXPECT_EQ(example->max_body_bytes, defaults->max_body_bytes);
  EXPECT_EQ(example->request_timeout_s, defaults->request_timeout_s);
  EXPECT_EQ(example->keepalive_idle_timeout_s, defaults->keepalive_idle_timeout_s);
  EXPECT_EQ(example->data_dir, defaults->data_dir);
  EXPECT_EQ(example->master_key_file, defaults->master_key_file);
  EXPECT_EQ(example->driver, "sqlite");
  EXPECT_EQ(example->hotline_weekdays, defaults->hotline_weekdays);
  EXPECT_EQ(example->hotline_opens, defaults->hotline_opens);
  EXPECT_EQ(example->hotline_closes, defaults->hotline_closes);
  EXPECT_EQ(example->hotline_holidays_file, defaults->hotline_holidays_file);
  EXPECT_EQ(example->hotline_urgent_minutes, defaults->hotline_urgent_minutes);
  EXPECT_EQ(example->hotline_normal_minutes, defaults->hotline_normal_minutes);
  EXPECT_EQ(example->callback_per_address_per_hour, defaults->callback_per_address_per_hour);
  EXPECT_EQ(example->callback_max_bytes, defaults->callback_max_bytes);
  EXPECT_EQ(example->RoutingRulesPath(), defaults->RoutingRulesPath());
}

TEST(Environment, MisspeltVariablesAreReportedNotApplied) {
  auto c = LoadConfig(
      "",
      {{"OPENNRM_SERVER_PROT", "9000"}, {"OPENNRM_SERVER_PORT", "9001"}, {"OPENNRM_TEST_PG", "x"}});
  ASSERT_TRUE(c.has_value());
  EXPECT_EQ(c->port, 9001);
  EXPECT_EQ(c->unknown_environment, std::vector<std::string>{"OPENNRM_SERVER_PROT"});
}

}  // namespace
}  // namespace opennrm::cli
