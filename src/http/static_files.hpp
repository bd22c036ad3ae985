// The built web app (web/dist), read into memory at start. Unknown paths
// without a file extension get index.html, so client-side routes work.
// Immutable after Load: thread-safe.
#pragma once

#include <map>
#include <optional>
#include <string>

#include "core/error.hpp"
#include "http/message.hpp"

namespace opennrm::http {

class StaticFiles {
 public:
  // Loads every file under `root` (at most 64 MiB in all). An empty root
  // serves a page that says the web app was not built.
  static Result<StaticFiles> Load(const std::string& root);
  // The response for a GET of `path`, or nullopt when nothing matches.
  std::optional<Response> Serve(const std::string& path) const;
  size_t size() const { return files_.size(); }

 private:
  struct File {
    std::string content_type;
    std::string body;
    bool immutable = false;  // hashed build asset
  };
  std::map<std::string, File> files_;
};

std::string ContentTypeFor(const std::string& path);

}  // namespace opennrm::http
