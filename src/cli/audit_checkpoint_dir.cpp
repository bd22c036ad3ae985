#include "cli/audit_checkpoint_dir.hpp"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <fstream>
#include <sstream>

namespace opennrm::cli {

namespace fs = std::filesystem;

namespace {

constexpr std::string_view kCheckpointPrefix = "checkpoint-";
constexpr std::string_view kKeyPrefix = "public-key-";
constexpr size_t kMaxFileBytes = 64 * 1024;

Error IoError(const fs::path& path, const std::string& what) {
  return Error{ErrorCode::kInternal, what + " " + path.string() + ": " + std::strerror(errno), {}};
}

Status SyncDirectory(const fs::path& dir) {
  int fd = open(dir.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
  if (fd < 0) return tl::unexpected(IoError(dir, "Cannot open"));
  int rc = fsync(fd);
  close(fd);
  if (rc != 0) return tl::unexpected(IoError(dir, "Cannot sync"));
  return {};
}

// Writes `content` to dir/name unless it exists: atomically (a temporary file, fsync, link),
// mode 0644. An existing file must hold exactly `content`; else kConflict.
Status SameAsExisting(const fs::path& target, const std::string& content) {
  auto existing = ReadSmallFile(target);
  if (!existing) return tl::unexpected(existing.error());
  if (*existing == content) return {};
  return Fail(ErrorCode::kConflict, target.string() +
                                        " already holds a different checkpoint or key: the audit "
                                        "log may have forked or been rolled back.");
}

Status WriteOnce(const fs::path& dir, const std::string& name, const std::string& content) {
  const fs::path target = dir / name;
  std::error_code ec;
  if (fs::exists(target, ec)) return SameAsExisting(target, content);
  const fs::path temp = dir / ("." + name + ".tmp." + std::to_string(getpid()));
  int fd = open(temp.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0644);
  if (fd < 0) return tl::unexpected(IoError(temp, "Cannot create"));
  fchmod(fd, 0644);  // readable by the outside party despite the process umask
  bool ok = write(fd, content.data(), content.size()) == static_cast<ssize_t>(content.size()) &&
            fsync(fd) == 0;
  close(fd);
  if (!ok) {
    unlink(temp.c_str());
    return tl::unexpected(IoError(temp, "Cannot write"));
  }
  // link() never replaces an existing file, unlike rename().
  int rc = link(temp.c_str(), target.c_str());
  int link_errno = errno;
  unlink(temp.c_str());
  if (rc != 0) {
    errno = link_errno;
    if (link_errno == EEXIST) return SameAsExisting(target, content);  // another exporter won
    return tl::unexpected(IoError(target, "Cannot create"));
  }
  return SyncDirectory(dir);
}

}  // namespace

Result<std::string> ReadSmallFile(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return NotFound("Cannot read " + path.string() + ".");
  std::ostringstream buffer;
  buffer << in.rdbuf();
  std::string text = buffer.str();
  if (text.size() > kMaxFileBytes) {
    return Invalid("file", "too_large", path.string() + " is too large to be a checkpoint or key.");
  }
  return text;
}

Result<uint64_t> CheckpointDirectory::LastExportedSize() {
  std::lock_guard lock(mu_);
  std::error_code ec;
  if (!fs::exists(dir_, ec)) return uint64_t{0};
  uint64_t largest = 0;
  for (const auto& item : fs::directory_iterator(dir_, ec)) {
    std::string name = item.path().filename().string();
    if (name.size() != kCheckpointPrefix.size() + 20 || !name.starts_with(kCheckpointPrefix)) {
      continue;
    }
    std::string digits = name.substr(kCheckpointPrefix.size());
    if (!std::all_of(digits.begin(), digits.end(), [](char c) { return c >= '0' && c <= '9'; })) {
      continue;
    }
    largest = std::max<uint64_t>(largest, std::stoull(digits));
  }
  if (ec) return Internal("Cannot list " + dir_.string() + ": " + ec.message());
  return largest;
}

Status CheckpointDirectory::Export(const audit::SignedCheckpoint& checkpoint,
                                   std::string_view public_key) {
  std::lock_guard lock(mu_);
  std::error_code ec;
  if (!fs::exists(dir_, ec)) {
    fs::create_directories(dir_, ec);
    if (ec) return Internal("Cannot create " + dir_.string() + ": " + ec.message());
    chmod(dir_.c_str(), 0755);
  }
  if (auto st = WriteOnce(dir_, audit::PublicKeyFileName(checkpoint.key_id),
                          audit::FormatPublicKeyFile(public_key));
      !st) {
    return st;
  }
  return WriteOnce(dir_, audit::CheckpointFileName(checkpoint.checkpoint.size),
                   audit::FormatCheckpointFile(checkpoint));
}

Result<std::unique_ptr<app::audit::CheckpointExporter>> MakeCheckpointDirectory(
    const fs::path& dir) {
  std::error_code ec;
  if (!fs::exists(dir, ec)) {
    fs::create_directories(dir, ec);
    if (ec) {
      return Invalid("security.audit_checkpoint_dir", "writable",
                     "Cannot create " + dir.string() + ": " + ec.message());
    }
    chmod(dir.c_str(), 0755);
  }
  if (!fs::is_directory(dir, ec) || access(dir.c_str(), W_OK) != 0) {
    return Invalid("security.audit_checkpoint_dir", "writable",
                   dir.string() + " is not a writable directory.");
  }
  return std::unique_ptr<app::audit::CheckpointExporter>(new CheckpointDirectory(dir));
}

Result<CheckpointDirContents> ReadCheckpointDirectory(const fs::path& dir) {
  std::error_code ec;
  if (!fs::is_directory(dir, ec)) return NotFound(dir.string() + " is not a directory.");
  std::vector<fs::path> files;
  for (const auto& item : fs::directory_iterator(dir, ec)) files.push_back(item.path());
  if (ec) return Internal("Cannot list " + dir.string() + ": " + ec.message());
  std::sort(files.begin(), files.end());
  CheckpointDirContents out;
  for (const auto& path : files) {
    const std::string name = path.filename().string();
    const bool is_checkpoint = name.starts_with(kCheckpointPrefix);
    const bool is_key = name.starts_with(kKeyPrefix);
    if (!is_checkpoint && !is_key) continue;
    auto text = ReadSmallFile(path);
    if (!text) {
      out.problems.push_back(name + ": " + text.error().message);
      continue;
    }
    if (is_key) {
      auto key = audit::ParsePublicKeyFile(*text);
      if (!key) {
        out.problems.push_back(name + ": " + key.error().message);
      } else if (audit::PublicKeyFileName(audit::KeyId(*key)) != name) {
        out.problems.push_back(name + ": the key's id is not the one in the file name.");
      } else {
        out.public_keys.push_back(*key);
      }
      continue;
    }
    auto checkpoint = audit::ParseCheckpointFile(*text);
    if (!checkpoint) {
      out.problems.push_back(name + ": " + checkpoint.error().message);
    } else if (audit::CheckpointFileName(checkpoint->checkpoint.size) != name) {
      out.problems.push_back(name + ": the checkpoint's size is not the one in the file name.");
    } else {
      out.checkpoints.push_back({*checkpoint, name});
    }
  }
  return out;
}

}  // namespace opennrm::cli
