#include "cli/audit_checkpoint_dir.hpp"

#include <gtest/gtest.h>
#include <sys/stat.h>

#include <array>
#include <fstream>

#include "security/ed25519_signer.hpp"

namespace opennrm::cli {
namespace {

namespace fs = std::filesystem;
namespace oa = opennrm::audit;

class CheckpointDirTest : public ::testing::Test {
 protected:
  void SetUp() override {
    char pattern[] = "/tmp/opennrm-checkpoint-dir-XXXXXX";
    root_ = mkdtemp(pattern);
    std::array<unsigned char, 32> seed;
    seed.fill(5);
    signer_ = security::Ed25519Signer::FromSeed(seed).value();
  }
  void TearDown() override { fs::remove_all(root_); }

  oa::SignedCheckpoint Signed(uint64_t size, const std::string& history = "") {
    oa::Checkpoint c{size, oa::LeafHash(history + std::to_string(size)), 1000};
    return {c, oa::KeyId(signer_->PublicKey()), signer_->Sign(oa::CheckpointMessage(c))};
  }

  fs::path root_;
  std::unique_ptr<security::Ed25519Signer> signer_;
};

TEST_F(CheckpointDirTest, ExportsOnceAndReadsBack) {
  auto exporter = MakeCheckpointDirectory(root_ / "out").value();
  EXPECT_EQ(exporter->LastExportedSize().value(), 0u);
  ASSERT_TRUE(exporter->Export(Signed(3), signer_->PublicKey()).has_value());
  ASSERT_TRUE(exporter->Export(Signed(12), signer_->PublicKey()).has_value());
  ASSERT_TRUE(exporter->Export(Signed(3), signer_->PublicKey()).has_value()) << "idempotent";
  EXPECT_EQ(exporter->LastExportedSize().value(), 12u);
  auto refused = exporter->Export(Signed(12, "fork"), signer_->PublicKey());
  ASSERT_FALSE(refused.has_value());
  EXPECT_EQ(refused.error().code, ErrorCode::kConflict);

  auto contents = ReadCheckpointDirectory(root_ / "out").value();
  EXPECT_TRUE(contents.problems.empty());
  ASSERT_EQ(contents.checkpoints.size(), 2u);
  EXPECT_EQ(contents.checkpoints[1].signed_checkpoint, Signed(12));
  ASSERT_EQ(contents.public_keys.size(), 1u);
  EXPECT_EQ(contents.public_keys[0], signer_->PublicKey());
  struct stat st {};
  ASSERT_EQ(stat((root_ / "out").c_str(), &st), 0);
  EXPECT_EQ(st.st_mode & 0777, 0755u);
  for (const auto& item : fs::directory_iterator(root_ / "out")) {
    EXPECT_NE(item.path().filename().string().front(), '.') << "no temporary file left behind";
  }
}

TEST_F(CheckpointDirTest, ReportsDamagedOrMisnamedFiles) {
  fs::create_directories(root_ / "copy");
  std::ofstream(root_ / "copy" / "README") << "ignored";
  std::ofstream(root_ / "copy" / oa::CheckpointFileName(4)) << "not a checkpoint";
  std::ofstream(root_ / "copy" / oa::CheckpointFileName(5)) << oa::FormatCheckpointFile(Signed(6));
  std::ofstream(root_ / "copy" / oa::PublicKeyFileName("0000000000000000"))
      << oa::FormatPublicKeyFile(signer_->PublicKey());
  auto contents = ReadCheckpointDirectory(root_ / "copy").value();
  EXPECT_TRUE(contents.checkpoints.empty());
  EXPECT_TRUE(contents.public_keys.empty());
  EXPECT_EQ(contents.problems.size(), 3u);
  EXPECT_FALSE(ReadCheckpointDirectory(root_ / "missing").has_value());
}

TEST_F(CheckpointDirTest, RefusesADirectoryItCannotCreate) {
  std::ofstream(root_ / "file") << "x";
  auto made = MakeCheckpointDirectory(root_ / "file" / "sub");
  ASSERT_FALSE(made.has_value());
  EXPECT_EQ(made.error().fields.at(0).field, "security.audit_checkpoint_dir");
}

}  // namespace
}  // namespace opennrm::cli
