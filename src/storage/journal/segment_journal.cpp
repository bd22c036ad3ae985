#include "storage/journal/segment_journal.hpp"

#include <dirent.h>
#include <fcntl.h>
#include <sodium.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <fstream>
#include <iterator>

namespace opennrm::storage::journal {

namespace {

constexpr char kHeader[8] = {'O', 'N', 'R', 'M', 'A', 'J', '1', '\n'};
constexpr size_t kHeaderBytes = sizeof kHeader;
constexpr size_t kBatchHead = 4 + 4 + 16;
constexpr uint32_t kMaxPayload = 256u * 1024 * 1024;
constexpr char kSuffix[] = ".journal";
constexpr char kSpareName[] = "next.spare";

tl::unexpected<Error> Unavailable(const std::string& what) {
  return Fail(ErrorCode::kUnavailable,
              "The audit journal cannot be written (" + what + ": " + std::strerror(errno) + ").");
}

void PutU32(std::string& out, uint32_t v) {
  for (int i = 0; i < 4; ++i) out.push_back(static_cast<char>((v >> (8 * i)) & 0xff));
}

uint32_t GetU32(const char* p) {
  uint32_t v = 0;
  for (int i = 3; i >= 0; --i) v = (v << 8) | static_cast<unsigned char>(p[i]);
  return v;
}

// BLAKE2b-128 of the batch's lengths and its payload.
void Checksum(const char* lengths, const char* payload, size_t payload_bytes, unsigned char* out) {
  crypto_generichash_state st;
  crypto_generichash_init(&st, nullptr, 0, 16);
  crypto_generichash_update(&st, reinterpret_cast<const unsigned char*>(lengths), 8);
  crypto_generichash_update(&st, reinterpret_cast<const unsigned char*>(payload), payload_bytes);
  crypto_generichash_final(&st, out, 16);
}

Status WriteAll(int fd, const char* data, size_t n, uint64_t offset) {
  while (n > 0) {
    ssize_t w = ::pwrite(fd, data, n, static_cast<off_t>(offset));
    if (w < 0) {
      if (errno == EINTR) continue;
      return Unavailable("write");
    }
    data += w;
    n -= static_cast<size_t>(w);
    offset += static_cast<uint64_t>(w);
  }
  return {};
}

// True when the `n` bytes at `p` are all zero: past what was written of a preallocated segment.
bool AllZero(const char* p, size_t n) {
  for (size_t i = 0; i < n; ++i) {
    if (p[i] != 0) return false;
  }
  return true;
}

Status SyncDirectory(const std::string& dir) {
  int fd = ::open(dir.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
  if (fd < 0) return Unavailable("open " + dir);
  int rc = ::fsync(fd);
  ::close(fd);
  if (rc != 0) return Unavailable("fsync " + dir);
  return {};
}

Result<std::string> ReadFile(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in.is_open()) {
    return Fail(ErrorCode::kUnavailable, "The audit journal cannot be read (" + path + ").");
  }
  return std::string{std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

// The segment number of a file name, or 0 when it is not a segment's.
uint64_t SegmentNumber(const std::string& name) {
  const size_t digits = 16;
  if (name.size() != digits + sizeof kSuffix - 1) return 0;
  if (name.compare(digits, std::string::npos, kSuffix) != 0) return 0;
  uint64_t n = 0;
  for (size_t i = 0; i < digits; ++i) {
    if (name[i] < '0' || name[i] > '9') return 0;
    n = n * 10 + static_cast<uint64_t>(name[i] - '0');
  }
  return n;
}

Result<std::vector<uint64_t>> ListSegments(const std::string& dir) {
  DIR* d = ::opendir(dir.c_str());
  if (!d) {
    return Fail(ErrorCode::kUnavailable,
                "The audit journal cannot be listed (" + dir + ": " + std::strerror(errno) + ").");
  }
  std::vector<uint64_t> out;
  while (dirent* e = ::readdir(d)) {
    if (uint64_t n = SegmentNumber(e->d_name); n > 0) out.push_back(n);
  }
  ::closedir(d);
  std::sort(out.begin(), out.end());
  return out;
}

}  // namespace

std::string SegmentJournal::SegmentName(uint64_t n) {
  char name[32];
  std::snprintf(name, sizeof name, "%016llu%s", static_cast<unsigned long long>(n), kSuffix);
  return name;
}

Result<std::unique_ptr<SegmentJournal>> SegmentJournal::Open(const std::string& dir,
                                                             SegmentJournalOptions options) {
  if (::mkdir(dir.c_str(), 0700) != 0 && errno != EEXIST) return Unavailable("mkdir " + dir);
  auto segments = ListSegments(dir);
  if (!segments) return tl::unexpected(segments.error());
  const uint64_t next = segments->empty() ? 1 : segments->back() + 1;
  // A spare left by an earlier process may be incomplete: PrepareNext writes a new one.
  if (const std::string spare = dir + "/" + kSpareName;
      ::unlink(spare.c_str()) != 0 && errno != ENOENT) {
    return Unavailable("remove " + spare);
  }
  return std::unique_ptr<SegmentJournal>(new SegmentJournal(dir, options, next));
}

SegmentJournal::SegmentJournal(std::string dir, SegmentJournalOptions options,
                               uint64_t next_segment)
    : dir_(std::move(dir)), options_(options), next_segment_(next_segment) {}

SegmentJournal::~SegmentJournal() {
  CloseSegment();
  std::lock_guard lock(spare_mu_);
  if (spare_fd_ >= 0) ::close(spare_fd_);
}

Result<std::vector<uint64_t>> SegmentJournal::Segments() const { return ListSegments(dir_); }

void SegmentJournal::CloseSegment() {
  if (fd_ >= 0) ::close(fd_);
  fd_ = -1;
  segment_ = 0;
  size_ = 0;
}

int SegmentJournal::TakeSpare(const std::string& path) {
  std::lock_guard lock(spare_mu_);
  if (spare_fd_ < 0) return -1;
  const int fd = spare_fd_;
  spare_fd_ = -1;
  const std::string spare = dir_ + "/" + kSpareName;
  if (::rename(spare.c_str(), path.c_str()) != 0) {
    ::close(fd);
    (void)::unlink(spare.c_str());
    return -1;
  }
  return fd;
}

Status SegmentJournal::StartSegment() {
  CloseSegment();
  const uint64_t n = next_segment_++;
  const std::string path = dir_ + "/" + SegmentName(n);
  int fd = TakeSpare(path);
  const bool preallocated = fd >= 0;
  if (!preallocated) {
    fd = ::open(path.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0600);
    if (fd < 0) return Unavailable("create " + path);
    Status st = WriteAll(fd, kHeader, kHeaderBytes, 0);
    if (st && ::fdatasync(fd) != 0) st = Unavailable("fdatasync");
    if (!st) {
      ::close(fd);
      return st;
    }
  }
  // The new name must be durable before any batch in it is reported durable.
  if (auto st = SyncDirectory(dir_); !st) {
    ::close(fd);
    return st;
  }
  fd_ = fd;
  segment_ = n;
  size_ = kHeaderBytes;
  if (preallocated) ++stats_.preallocated_segments;
  return {};
}

Status SegmentJournal::PrepareNext() {
  if (!options_.preallocate) return {};
  const std::string spare = dir_ + "/" + kSpareName;
  int fd = -1;
  {
    std::lock_guard lock(spare_mu_);
    if (spare_fd_ >= 0 || preparing_) return {};
    if (::unlink(spare.c_str()) != 0 && errno != ENOENT) return Unavailable("remove " + spare);
    fd = ::open(spare.c_str(), O_RDWR | O_CREAT | O_EXCL | O_CLOEXEC, 0600);
    if (fd < 0) return Unavailable("create " + spare);
    preparing_ = true;
  }
  // Written without the lock: Append goes on meanwhile (into a segment that grows, if it must
  // start one now).
  Status st = WriteAll(fd, kHeader, kHeaderBytes, 0);
  const std::string zeros(1 << 20, '\0');
  for (uint64_t at = kHeaderBytes; st && at < options_.max_segment_bytes;) {
    const size_t n =
        static_cast<size_t>(std::min<uint64_t>(zeros.size(), options_.max_segment_bytes - at));
    st = WriteAll(fd, zeros.data(), n, at);
    at += n;
  }
  if (st && ::fdatasync(fd) != 0) st = Unavailable("fdatasync");
  std::lock_guard lock(spare_mu_);
  preparing_ = false;
  if (!st) {
    ::close(fd);
    (void)::unlink(spare.c_str());
    return st;
  }
  spare_fd_ = fd;
  return {};
}

Result<ports::JournalPosition> SegmentJournal::Append(const std::vector<std::string>& bodies) {
  if (fd_ < 0 || size_ >= options_.max_segment_bytes) {
    if (auto st = StartSegment(); !st) {
      ++stats_.failed_appends;
      return tl::unexpected(st.error());
    }
  }
  size_t payload = 0;
  for (const auto& b : bodies) payload += 4 + b.size();
  if (payload > kMaxPayload) {
    ++stats_.failed_appends;
    return Fail(ErrorCode::kInvalid, "An audit batch is too large for the journal.");
  }
  std::string buf;
  buf.reserve(kBatchHead + payload);
  PutU32(buf, static_cast<uint32_t>(payload));
  PutU32(buf, static_cast<uint32_t>(bodies.size()));
  buf.append(16, '\0');
  for (const auto& b : bodies) {
    PutU32(buf, static_cast<uint32_t>(b.size()));
    buf += b;
  }
  Checksum(buf.data(), buf.data() + kBatchHead, payload,
           reinterpret_cast<unsigned char*>(buf.data() + 8));
  Status st = WriteAll(fd_, buf.data(), buf.size(), size_);
  if (st && ::fdatasync(fd_) != 0) st = Unavailable("fdatasync");
  if (!st) {
    // What was written of the batch may stay at the segment's end: no later batch goes after it.
    ++stats_.failed_appends;
    CloseSegment();
    return tl::unexpected(st.error());
  }
  size_ += buf.size();
  ++stats_.appended_batches;
  return ports::JournalPosition{segment_, size_};
}

Result<std::vector<ports::JournalBatch>> SegmentJournal::ReadAfter(ports::JournalPosition from) {
  next_segment_ = std::max(next_segment_, from.segment + 1);
  auto segments = ListSegments(dir_);
  if (!segments) return tl::unexpected(segments.error());
  std::vector<ports::JournalBatch> out;
  for (uint64_t n : *segments) {
    if (n < from.segment || n == segment_) continue;
    auto data = ReadFile(dir_ + "/" + SegmentName(n));
    if (!data) return tl::unexpected(data.error());
    if (data->size() < kHeaderBytes) {
      // Created, but its header never became durable: nothing in it was reported durable either.
      ++stats_.torn_batches;
      continue;
    }
    if (data->compare(0, kHeaderBytes, kHeader, kHeaderBytes) != 0) {
      return Fail(ErrorCode::kInternal,
                  "The audit journal holds a file that is not one of its segments: " +
                      SegmentName(n) + ".");
    }
    size_t at = n == from.segment ? std::max<size_t>(kHeaderBytes, from.offset) : kHeaderBytes;
    while (at < data->size()) {
      if (data->size() - at < kBatchHead) {
        ++stats_.torn_batches;
        break;
      }
      const char* head = data->data() + at;
      // Zeros: the rest of a segment written ahead, never appended to.
      if (AllZero(head, kBatchHead)) break;
      const uint32_t payload = GetU32(head);
      const uint32_t count = GetU32(head + 4);
      if (payload > kMaxPayload || data->size() - at - kBatchHead < payload) {
        ++stats_.torn_batches;
        break;
      }
      unsigned char sum[16];
      Checksum(head, head + kBatchHead, payload, sum);
      if (sodium_memcmp(sum, head + 8, 16) != 0) {
        ++stats_.torn_batches;
        break;
      }
      ports::JournalBatch batch;
      batch.bodies.reserve(count);
      const char* p = head + kBatchHead;
      const char* end = p + payload;
      bool whole = true;
      for (uint32_t i = 0; i < count; ++i) {
        if (end - p < 4) {
          whole = false;
          break;
        }
        const uint32_t len = GetU32(p);
        p += 4;
        if (static_cast<size_t>(end - p) < len) {
          whole = false;
          break;
        }
        batch.bodies.emplace_back(p, len);
        p += len;
      }
      if (!whole || p != end) {
        return Fail(ErrorCode::kInternal, "The audit journal's segment " + SegmentName(n) +
                                              " holds a batch whose checksum matches but whose "
                                              "events do not add up.");
      }
      at += kBatchHead + payload;
      batch.end = {n, at};
      out.push_back(std::move(batch));
    }
  }
  return out;
}

Status SegmentJournal::Release(ports::JournalPosition applied) {
  auto segments = ListSegments(dir_);
  if (!segments) return tl::unexpected(segments.error());
  for (uint64_t n : *segments) {
    if (n >= applied.segment || n == segment_) continue;
    const std::string path = dir_ + "/" + SegmentName(n);
    if (::unlink(path.c_str()) != 0 && errno != ENOENT) {
      return Fail(ErrorCode::kUnavailable, "An applied audit journal segment cannot be removed (" +
                                               path + ": " + std::strerror(errno) + ").");
    }
    ++stats_.released_segments;
  }
  return {};
}

}  // namespace opennrm::storage::journal
