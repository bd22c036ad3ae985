// The package box test fixture (package_box_test.cpp and
// package_box_rotation_test.cpp): a box over a key ring of its own, on an
// in-memory data_keys table. Synthetic data only.
#pragma once

#include <gtest/gtest.h>

#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "security/key_ring.hpp"
#include "security/key_table_test_support.hpp"
#include "security/package_box.hpp"
#include "security/test_support.hpp"

namespace opennrm::security {

using ::opennrm::security::testing::KeyTable;
using ::opennrm::security::testing::Master;
using ::opennrm::security::testing::TableDatabase;

inline const std::string kPackage =
    R"({"sections":{"identity":{"name":"Testperson Exempelsdotter","born":"1999-01-01"},)"
    R"("needs_safety":{"needs":["shelter","interpreter"]}}})";

class PackageBoxTest : public ::testing::Test {
 protected:
  // A box over a key ring of its own, as a server has; the fixture keeps the ring.
  std::unique_ptr<PackageBox> Box(char master = 'm', std::optional<char> previous = std::nullopt) {
    rings_.push_back(Ring(master, previous));
    return std::make_unique<PackageBox>(*rings_.back());
  }
  std::unique_ptr<KeyRing> Ring(char master, std::optional<char> previous = std::nullopt) {
    std::optional<MasterKey> prev;
    if (previous) prev = Master(*previous);
    return std::make_unique<KeyRing>(db_, clock_, Master(master), std::move(prev));
  }
  static std::string Sealed(ports::PackageSealer& box, const std::string& org,
                            const std::string& referral, std::string_view plaintext = kPackage) {
    auto s = box.Seal(org, referral, plaintext);
    EXPECT_TRUE(s.has_value()) << s.error().message;
    return s ? *s : std::string();
  }
  static void ExpectCannotOpen(const Result<std::string>& opened, const std::string& why) {
    ASSERT_FALSE(opened.has_value()) << why;
    EXPECT_EQ(opened.error().code, ErrorCode::kInvalid) << why;
    ASSERT_EQ(opened.error().fields.size(), 1u) << why;
    EXPECT_EQ(opened.error().fields[0].rule, "authentication") << why;
  }
  int RowsOf(const std::string& owner) {
    int n = 0;
    for (const auto& r : db_.table.Snapshot()) n += r.organisation_id == owner;
    return n;
  }

  TableDatabase db_;
  FakeClock clock_{FromEpochMicros(1'780'000'000'000'000)};
  std::vector<std::unique_ptr<KeyRing>> rings_;  // outlive the boxes made over them
};

}  // namespace opennrm::security
