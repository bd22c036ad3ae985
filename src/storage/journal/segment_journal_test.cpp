#include "storage/journal/segment_journal.hpp"

#include <gtest/gtest.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>

namespace opennrm::storage::journal {
namespace {

namespace fs = std::filesystem;
using ports::JournalPosition;

class SegmentJournalTest : public ::testing::Test {
 protected:
  void SetUp() override {
    char pattern[] = "/tmp/opennrm-journal-XXXXXX";
    dir_ = mkdtemp(pattern);
    dir_ += "/journal";
  }
  void TearDown() override { fs::remove_all(fs::path(dir_).parent_path()); }

  std::unique_ptr<SegmentJournal> Open(uint64_t max_segment_bytes = 16 << 20) {
    auto j = SegmentJournal::Open(dir_, {max_segment_bytes});
    EXPECT_TRUE(j.has_value()) << j.error().message;
    return j ? std::move(*j) : nullptr;
  }

  std::string SegmentPath(uint64_t n) const { return dir_ + "/" + SegmentJournal::SegmentName(n); }

  static std::vector<std::string> Bodies(const std::vector<ports::JournalBatch>& batches) {
    std::vector<std::string> out;
    for (const auto& b : batches) out.insert(out.end(), b.bodies.begin(), b.bodies.end());
    return out;
  }

  std::string dir_;
};

TEST_F(SegmentJournalTest, BatchesComeBackInOrderWithTheirEndPositionsAfterReopening) {
  std::vector<JournalPosition> ends;
  {
    auto j = Open();
    ends.push_back(j->Append({"a", "bb"}).value());
    ends.push_back(j->Append({std::string("c\0d", 3)}).value());
    ends.push_back(j->Append({"", "eee", "f"}).value());
    EXPECT_LT(ends[0], ends[1]);
    EXPECT_LT(ends[1], ends[2]);
    EXPECT_EQ(ends[0].segment, 1u);
    EXPECT_EQ(ends[2].offset, fs::file_size(SegmentPath(1)));
  }
  auto j = Open();
  auto all = j->ReadAfter({0, 0}).value();
  ASSERT_EQ(all.size(), 3u);
  for (size_t i = 0; i < 3; ++i) EXPECT_EQ(all[i].end, ends[i]);
  EXPECT_EQ(Bodies(all),
            (std::vector<std::string>{"a", "bb", std::string("c\0d", 3), "", "eee", "f"}));
  auto rest = j->ReadAfter(ends[0]).value();
  ASSERT_EQ(rest.size(), 2u);
  EXPECT_EQ(rest[0].end, ends[1]);
  EXPECT_TRUE(j->ReadAfter(ends[2]).value().empty());
  // Appending after a restart starts a new segment: the old one is never appended to again.
  EXPECT_EQ(j->Append({"g"}).value().segment, 2u);
}

TEST_F(SegmentJournalTest, ATornOrDamagedBatchEndsItsSegmentAndLaterSegmentsStillCount) {
  JournalPosition first;
  {
    auto j = Open();
    first = j->Append({"one"}).value();
    j->Append({"two", "three"}).value();
  }
  // The second batch was being written when the process stopped: half of it reached the disk.
  const auto size = fs::file_size(SegmentPath(1));
  fs::resize_file(SegmentPath(1), size - 4);
  {
    auto j = Open();
    auto batches = j->ReadAfter({0, 0}).value();
    ASSERT_EQ(batches.size(), 1u);
    EXPECT_EQ(batches[0].end, first);
    EXPECT_EQ(j->Stats().torn_batches, 1);
    EXPECT_EQ(j->Append({"four"}).value().segment, 2u);
  }
  // A flipped byte in segment 2's only batch: its checksum no longer matches.
  {
    std::fstream f(SegmentPath(2), std::ios::in | std::ios::out | std::ios::binary);
    f.seekp(-2, std::ios::end);
    f.put('X');
  }
  auto j = Open();
  auto batches = j->ReadAfter({0, 0}).value();
  EXPECT_EQ(Bodies(batches), (std::vector<std::string>{"one"}));
  EXPECT_EQ(j->Stats().torn_batches, 2);
}

TEST_F(SegmentJournalTest, ANewSegmentStartsPastTheBoundAndReleaseForgetsTheAppliedOnes) {
  auto j = Open(64);
  std::vector<JournalPosition> ends;
  for (int i = 0; i < 6; ++i) ends.push_back(j->Append({std::string(40, 'a' + i)}).value());
  EXPECT_EQ(ends.back().segment, 6u) << "each batch passes the 64-byte bound";
  EXPECT_EQ(j->Segments().value().size(), 6u);
  ASSERT_TRUE(j->Release(ends[3]).has_value());
  EXPECT_EQ(j->Segments().value(), (std::vector<uint64_t>{4, 5, 6}));
  EXPECT_EQ(j->Stats().released_segments, 3);
  // The segment being appended to is kept even when a position is past it.
  ASSERT_TRUE(j->Release({99, 0}).has_value());
  EXPECT_EQ(j->Segments().value(), (std::vector<uint64_t>{6}));
}

TEST_F(SegmentJournalTest, ASegmentWrittenAheadIsTakenByTheNextStartAndItsZerosEndIt) {
  std::vector<JournalPosition> ends;
  {
    auto j = Open(4096);
    ASSERT_TRUE(j->PrepareNext().has_value());
    EXPECT_TRUE(fs::exists(dir_ + "/next.spare"));
    EXPECT_EQ(fs::file_size(dir_ + "/next.spare"), 4096u) << "written to the bound, ahead";
    EXPECT_TRUE(j->Segments().value().empty()) << "a spare is not a segment";
    ends.push_back(j->Append({"a", "bb"}).value());
    ends.push_back(j->Append({std::string(100, 'c')}).value());
    EXPECT_EQ(ends[0].segment, 1u);
    EXPECT_FALSE(fs::exists(dir_ + "/next.spare")) << "renamed into segment 1";
    EXPECT_EQ(j->Stats().preallocated_segments, 1);
    EXPECT_EQ(fs::file_size(SegmentPath(1)), 4096u) << "appending changed no size";
    // A second spare while segment 1 is open; PrepareNext with one ready does nothing.
    ASSERT_TRUE(j->PrepareNext().has_value());
    ASSERT_TRUE(j->PrepareNext().has_value());
    // Past the bound, segment 2 starts from it; the batch that passes the bound grows segment 1.
    ends.push_back(j->Append({std::string(4000, 'd')}).value());
    EXPECT_EQ(ends.back().segment, 1u);
    EXPECT_GT(fs::file_size(SegmentPath(1)), 4096u);
    ends.push_back(j->Append({"e"}).value());
    EXPECT_EQ(ends.back().segment, 2u);
    EXPECT_EQ(j->Stats().preallocated_segments, 2);
  }
  auto j = Open(4096);
  EXPECT_FALSE(fs::exists(dir_ + "/next.spare")) << "none was left; none is made at opening";
  auto all = j->ReadAfter({0, 0}).value();
  ASSERT_EQ(all.size(), 4u);
  for (size_t i = 0; i < all.size(); ++i) EXPECT_EQ(all[i].end, ends[i]);
  EXPECT_EQ(Bodies(all), (std::vector<std::string>{"a", "bb", std::string(100, 'c'),
                                                   std::string(4000, 'd'), "e"}));
  EXPECT_EQ(j->Stats().torn_batches, 0) << "the zeros after the last batch are not a torn batch";
}

TEST_F(SegmentJournalTest, ATornBatchInASegmentWrittenAheadEndsIt) {
  JournalPosition first;
  {
    auto j = Open();
    ASSERT_TRUE(j->PrepareNext().has_value());
    first = j->Append({"one"}).value();
    j->Append({"two", "three"}).value();
  }
  {  // The second batch's last bytes never reached the disk: zeros where they were.
    std::fstream f(SegmentPath(1), std::ios::in | std::ios::out | std::ios::binary);
    f.seekp(static_cast<std::streamoff>(first.offset) + 24 + 4 + 3 + 4 + 3);
    f.write("\0\0\0", 3);
  }
  auto j = Open();
  auto batches = j->ReadAfter({0, 0}).value();
  EXPECT_EQ(Bodies(batches), (std::vector<std::string>{"one"}));
  EXPECT_EQ(j->Stats().torn_batches, 1);
}

TEST_F(SegmentJournalTest, WithoutPreallocationSegmentsGrowAndALeftoverSpareIsRemoved) {
  fs::create_directories(dir_);
  std::ofstream(dir_ + "/next.spare") << "half-written by a process that stopped";
  auto j = SegmentJournal::Open(dir_, {16 << 20, false}).value();
  EXPECT_FALSE(fs::exists(dir_ + "/next.spare"));
  ASSERT_TRUE(j->PrepareNext().has_value());
  EXPECT_FALSE(fs::exists(dir_ + "/next.spare"));
  auto end = j->Append({"x"}).value();
  EXPECT_EQ(fs::file_size(SegmentPath(1)), end.offset);
  EXPECT_EQ(j->Stats().preallocated_segments, 0);
}

TEST_F(SegmentJournalTest, NewSegmentsNumberPastTheLogsPositionAfterTheFilesAreGone) {
  auto j = Open();
  EXPECT_TRUE(j->ReadAfter({41, 100}).value().empty());
  EXPECT_EQ(j->Append({"x"}).value().segment, 42u);
}

TEST_F(SegmentJournalTest, AFileThatIsNotASegmentIsRefusedAndOtherNamesAreIgnored) {
  {
    auto j = Open();
    j->Append({"x"}).value();
  }
  std::ofstream(dir_ + "/notes.txt") << "ignored";
  EXPECT_EQ(Open()->ReadAfter({0, 0}).value().size(), 1u);
  std::ofstream(SegmentPath(7)) << "something else entirely";
  auto r = Open()->ReadAfter({0, 0});
  ASSERT_FALSE(r.has_value());
  EXPECT_EQ(r.error().code, ErrorCode::kInternal);
}

TEST_F(SegmentJournalTest, APathThatIsNotADirectoryIsUnavailable) {
  fs::create_directories(fs::path(dir_).parent_path());
  std::ofstream(dir_) << "a file where the journal's directory should be";
  auto j = SegmentJournal::Open(dir_);
  ASSERT_FALSE(j.has_value());
  EXPECT_EQ(j.error().code, ErrorCode::kUnavailable);
}

}  // namespace
}  // namespace opennrm::storage::journal
