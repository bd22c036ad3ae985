#include "http/static_files.hpp"

#include <filesystem>
#include <fstream>
#include <sstream>

namespace opennrm::http {

namespace fs = std::filesystem;

std::string ContentTypeFor(const std::string& path) {
  static const std::map<std::string, std::string> kTypes{
      {".html", "text/html; charset=utf-8"},
      {".js", "text/javascript; charset=utf-8"},
      {".mjs", "text/javascript; charset=utf-8"},
      {".css", "text/css; charset=utf-8"},
      {".json", "application/json"},
      {".svg", "image/svg+xml"},
      {".png", "image/png"},
      {".ico", "image/x-icon"},
      {".woff2", "font/woff2"},
      {".txt", "text/plain; charset=utf-8"},
      {".webmanifest", "application/manifest+json"},
      {".map", "application/json"}};
  auto ext = fs::path(path).extension().string();
  auto it = kTypes.find(ext);
  return it == kTypes.end() ? "application/octet-stream" : it->second;
}

Result<StaticFiles> StaticFiles::Load(const std::string& root) {
  StaticFiles files;
  std::error_code ec;
  if (root.empty() || !fs::is_directory(root, ec)) {
    files.files_["/index.html"] = File{
        "text/html; charset=utf-8",
        "<!doctype html><html lang=\"en\"><head><meta "
        "charset=\"utf-8\"><title>OpenNRM</title></head>"
        "<body><main><h1>OpenNRM</h1><p>The web app has not been built. Run <code>make run</code>."
        "</p></main></body></html>",
        false};
    return files;
  }
  size_t total = 0;
  for (auto it = fs::recursive_directory_iterator(root, ec); !ec && it != fs::end(it);
       it.increment(ec)) {
    if (!it->is_regular_file()) continue;
    std::ifstream in(it->path(), std::ios::binary);
    std::ostringstream buf;
    buf << in.rdbuf();
    std::string rel = "/" + fs::relative(it->path(), root).generic_string();
    total += buf.str().size();
    if (total > 64u * 1024 * 1024) {
      return Invalid("server.web_root", "max_size", "The web root holds more than 64 MiB.");
    }
    bool immutable = rel.rfind("/assets/", 0) == 0;
    files.files_[rel] = File{ContentTypeFor(rel), buf.str(), immutable};
  }
  if (ec)
    return Invalid("server.web_root", "readable", "Cannot read " + root + ": " + ec.message());
  if (!files.files_.count("/index.html")) {
    return Invalid("server.web_root", "index", "No index.html in " + root + ".");
  }
  return files;
}

std::optional<Response> StaticFiles::Serve(const std::string& path) const {
  std::string key = path == "/" ? "/index.html" : path;
  auto it = files_.find(key);
  bool fallback = false;
  if (it == files_.end()) {
    // Client-side routes have no extension; files that are missing do.
    auto slash = path.rfind('/');
    if (path.find('.', slash == std::string::npos ? 0 : slash) != std::string::npos) {
      return std::nullopt;
    }
    it = files_.find("/index.html");
    fallback = true;
    if (it == files_.end()) return std::nullopt;
  }
  Response r;
  r.content_type = it->second.content_type;
  r.body = it->second.body;
  r.headers.emplace_back("Cache-Control", it->second.immutable && !fallback
                                              ? "public, max-age=31536000, immutable"
                                              : "no-cache");
  return r;
}

}  // namespace opennrm::http
