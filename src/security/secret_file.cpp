#include "security/secret_file.hpp"

#include <fcntl.h>
#include <sodium.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <string>

#include "security/sodium_init.hpp"

namespace opennrm::security {
namespace {

std::string Quoted(const std::filesystem::path& path) { return "'" + path.string() + "'"; }

std::string Errno(int err) { return std::strerror(err); }

// Closes a descriptor when it goes out of scope.
class Fd {
 public:
  explicit Fd(int fd) : fd_(fd) {}
  Fd(const Fd&) = delete;
  Fd& operator=(const Fd&) = delete;
  ~Fd() {
    if (fd_ >= 0) ::close(fd_);
  }
  int get() const { return fd_; }
  // Closes now and reports whether close succeeded (it can report a delayed write error).
  bool Close() {
    const int fd = fd_;
    fd_ = -1;
    return ::close(fd) == 0;
  }

 private:
  int fd_;
};

std::string ModeString(mode_t mode) {
  char buf[8];
  std::snprintf(buf, sizeof buf, "%04o", static_cast<unsigned>(mode & 07777));
  return buf;
}

Status WriteAll(int fd, const unsigned char* data, std::size_t size) {
  std::size_t done = 0;
  while (done < size) {
    const ssize_t n = ::write(fd, data + done, size - done);
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) return Internal("Write failed: " + Errno(n < 0 ? errno : EIO));
    done += static_cast<std::size_t>(n);
  }
  return Ok();
}

// Makes the directory entry of a new file durable.
void SyncDirectory(const std::filesystem::path& dir) {
  Fd fd(::open(dir.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC));
  if (fd.get() >= 0) ::fsync(fd.get());
}

Result<SecureBuffer> CreateAndRead(const std::filesystem::path& path, std::size_t size,
                                   bool* created) {
  EnsureSodium();
  const std::filesystem::path dir =
      path.has_parent_path() ? path.parent_path() : std::filesystem::path(".");
  unsigned char suffix[8];
  randombytes_buf(suffix, sizeof suffix);
  char hex[2 * sizeof suffix + 1];
  sodium_bin2hex(hex, sizeof hex, suffix, sizeof suffix);
  const std::filesystem::path tmp = path.string() + ".tmp-" + hex;

  auto secret = SecureBuffer::Allocate(size);
  if (!secret) return tl::unexpected(secret.error());
  randombytes_buf(secret->data(), size);

  Fd fd(::open(tmp.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0600));
  if (fd.get() < 0) {
    return Internal("Could not create key file " + Quoted(path) + ": " + Errno(errno));
  }
  Status written = WriteAll(fd.get(), secret->data(), size);
  if (written && ::fsync(fd.get()) != 0) written = Internal("fsync failed: " + Errno(errno));
  if (written && !fd.Close()) written = Internal("close failed: " + Errno(errno));
  if (!written) {
    ::unlink(tmp.c_str());
    return Internal("Could not write key file " + Quoted(path) + ": " + written.error().message);
  }
  // link() never replaces an existing file: if another process won the race, use its key.
  const int linked = ::link(tmp.c_str(), path.c_str());
  const int link_errno = errno;
  ::unlink(tmp.c_str());
  if (linked != 0) {
    if (link_errno == EEXIST) return ReadSecretFile(path, size);
    return Internal("Could not create key file " + Quoted(path) + ": " + Errno(link_errno));
  }
  SyncDirectory(dir);
  *created = true;
  secret->MakeReadOnly();
  return secret;
}

}  // namespace

Result<SecureBuffer> ReadSecretFile(const std::filesystem::path& path, std::size_t size) {
  // O_NONBLOCK: a FIFO planted at the path must not hang start-up (no effect on regular files).
  Fd fd(::open(path.c_str(), O_RDONLY | O_CLOEXEC | O_NOCTTY | O_NONBLOCK));
  if (fd.get() < 0) {
    const int err = errno;
    if (err == ENOENT) return NotFound("Key file " + Quoted(path) + " does not exist.");
    if (err == EACCES) {
      return Fail(ErrorCode::kInvalid,
                  "Key file " + Quoted(path) + " cannot be read by this process.");
    }
    return Internal("Could not open key file " + Quoted(path) + ": " + Errno(err));
  }
  struct stat st {};
  if (::fstat(fd.get(), &st) != 0) {
    return Internal("Could not inspect key file " + Quoted(path) + ": " + Errno(errno));
  }
  if (!S_ISREG(st.st_mode)) {
    return Fail(ErrorCode::kInvalid, "Key file " + Quoted(path) + " is not a regular file.");
  }
  if ((st.st_mode & (S_IRWXG | S_IRWXO)) != 0) {
    return Fail(ErrorCode::kInvalid,
                "Key file " + Quoted(path) + " has mode " + ModeString(st.st_mode) +
                    ", which lets group or others use it; run chmod 600 " + Quoted(path) + ".");
  }
  if (st.st_size < 0 || static_cast<std::size_t>(st.st_size) != size) {
    return Fail(ErrorCode::kInvalid, "Key file " + Quoted(path) + " must hold exactly " +
                                         std::to_string(size) + " raw bytes; it holds " +
                                         std::to_string(st.st_size) + ".");
  }
  auto secret = SecureBuffer::Allocate(size);
  if (!secret) return tl::unexpected(secret.error());
  std::size_t done = 0;
  while (done < size) {
    const ssize_t n = ::read(fd.get(), secret->data() + done, size - done);
    if (n < 0 && errno == EINTR) continue;
    if (n < 0) return Internal("Could not read key file " + Quoted(path) + ": " + Errno(errno));
    if (n == 0) break;
    done += static_cast<std::size_t>(n);
  }
  unsigned char extra = 0;
  ssize_t more;
  do {
    more = ::read(fd.get(), &extra, 1);
  } while (more < 0 && errno == EINTR);
  sodium_memzero(&extra, sizeof extra);
  if (done != size || more != 0) {
    return Fail(ErrorCode::kInvalid, "Key file " + Quoted(path) + " changed size while read.");
  }
  secret->MakeReadOnly();
  return secret;
}

Result<LoadedSecret> LoadOrCreateSecretFile(const std::filesystem::path& path, std::size_t size) {
  auto existing = ReadSecretFile(path, size);
  if (existing) return LoadedSecret{std::move(*existing), false};
  if (existing.error().code != ErrorCode::kNotFound) return tl::unexpected(existing.error());
  bool created = false;
  auto made = CreateAndRead(path, size, &created);
  if (!made) return tl::unexpected(made.error());
  return LoadedSecret{std::move(*made), created};
}

}  // namespace opennrm::security
