// Searching raw bytes of files for known markers, as an attacker holding a
// copy of the disk would: in the clear and in the encodings a careless
// program might store them in (lower/upper case, hex, base64 at each byte
// alignment). Fast enough for a PostgreSQL cluster directory (one pass per
// file for all markers). Not thread-safe.
#pragma once

#include <map>
#include <set>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace opennrm::testing {

class MarkerSearch {
 public:
  // Looks for `marker` (and its encodings) under the name `label`. Forms
  // shorter than 8 bytes are not searched; a marker should be longer.
  void Add(const std::string& label, const std::string& marker);
  size_t forms() const { return forms_.size(); }

  // The labels found in `data`.
  std::set<std::string> Find(std::string_view data) const;
  // label -> the files under `roots` (files or directories, recursively)
  // that hold it. Unreadable files are listed under the label "<unreadable>".
  std::map<std::string, std::set<std::string>> FindInFiles(
      const std::vector<std::string>& roots) const;

 private:
  struct Form {
    std::string label;
    std::string bytes;
  };
  std::vector<Form> forms_;
  std::unordered_map<unsigned long long, std::vector<size_t>> by_prefix_;
  std::vector<bool> first_two_ = std::vector<bool>(65536);
};

}  // namespace opennrm::testing
