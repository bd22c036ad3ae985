#include "byte_search.hpp"

#include <cstring>
#include <filesystem>
#include <fstream>
#include <sstream>

namespace opennrm::testing {

namespace {

constexpr size_t kPrefix = 8;

unsigned long long Prefix(const char* p) {
  unsigned long long v;
  std::memcpy(&v, p, sizeof v);
  return v;
}

std::string Base64(std::string_view in, bool url) {
  const char* table = url ? "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_"
                          : "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
  std::string out;
  size_t i = 0;
  for (; i + 2 < in.size(); i += 3) {
    unsigned v = (static_cast<unsigned char>(in[i]) << 16) |
                 (static_cast<unsigned char>(in[i + 1]) << 8) |
                 static_cast<unsigned char>(in[i + 2]);
    for (int s = 18; s >= 0; s -= 6) out += table[(v >> s) & 63];
  }
  return out;  // whole groups only: the tail depends on what follows the marker
}

std::string Hex(std::string_view in, bool upper) {
  const char* digits = upper ? "0123456789ABCDEF" : "0123456789abcdef";
  std::string out;
  for (unsigned char c : in) {
    out += digits[c >> 4];
    out += digits[c & 15];
  }
  return out;
}

std::string Cased(std::string s, bool upper) {
  for (auto& c : s) {
    c = static_cast<char>(upper ? std::toupper(static_cast<unsigned char>(c))
                                : std::tolower(static_cast<unsigned char>(c)));
  }
  return s;
}

}  // namespace

void MarkerSearch::Add(const std::string& label, const std::string& marker) {
  std::set<std::string> forms;
  std::string undashed;
  for (char c : marker) {
    if (c != '-' && c != ' ') undashed += c;
  }
  for (const std::string& m : {marker, undashed}) {
    forms.insert(m);
    forms.insert(Cased(m, false));
    forms.insert(Cased(m, true));
    forms.insert(Hex(m, false));
    forms.insert(Hex(m, true));
    for (size_t skip = 0; skip < 3 && skip < m.size(); ++skip) {
      forms.insert(Base64(std::string_view(m).substr(skip), false));
      forms.insert(Base64(std::string_view(m).substr(skip), true));
    }
  }
  for (const auto& f : forms) {
    if (f.size() < kPrefix) continue;
    size_t index = forms_.size();
    forms_.push_back(Form{label, f});
    by_prefix_[Prefix(f.data())].push_back(index);
    first_two_[(static_cast<unsigned char>(f[0]) << 8) | static_cast<unsigned char>(f[1])] = true;
  }
}

std::set<std::string> MarkerSearch::Find(std::string_view data) const {
  std::set<std::string> found;
  if (data.size() < kPrefix) return found;
  const char* d = data.data();
  for (size_t i = 0; i + kPrefix <= data.size(); ++i) {
    if (!first_two_[(static_cast<unsigned char>(d[i]) << 8) |
                    static_cast<unsigned char>(d[i + 1])]) {
      continue;
    }
    auto it = by_prefix_.find(Prefix(d + i));
    if (it == by_prefix_.end()) continue;
    for (size_t index : it->second) {
      const Form& f = forms_[index];
      if (data.compare(i, f.bytes.size(), f.bytes) == 0) found.insert(f.label);
    }
  }
  return found;
}

std::map<std::string, std::set<std::string>> MarkerSearch::FindInFiles(
    const std::vector<std::string>& roots) const {
  namespace fs = std::filesystem;
  std::map<std::string, std::set<std::string>> out;
  auto scan = [&](const fs::path& file) {
    std::ifstream in(file, std::ios::binary);
    if (!in) {
      std::error_code gone;
      if (fs::exists(file, gone)) out["<unreadable>"].insert(file.string());
      return;  // else removed since it was listed (a temporary file)
    }
    std::ostringstream bytes;
    bytes << in.rdbuf();
    for (const auto& label : Find(bytes.str())) out[label].insert(file.string());
  };
  for (const auto& root : roots) {
    std::error_code ec;
    if (fs::is_regular_file(root, ec)) {
      scan(root);
      continue;
    }
    for (auto it = fs::recursive_directory_iterator(root, ec); !ec && it != fs::end(it);
         it.increment(ec)) {
      if (it->is_regular_file(ec)) scan(it->path());
    }
    if (ec) out["<unreadable>"].insert(root + ": " + ec.message());
  }
  return out;
}

}  // namespace opennrm::testing
