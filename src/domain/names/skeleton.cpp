#include "domain/names/skeleton.hpp"

#include <array>
#include <utility>

namespace opennrm::names {

namespace {

// Letter groups and their classes, longest first (step 2 in the header).
constexpr std::array<std::pair<std::string_view, std::string_view>, 18> kGroups{{
    {"tsch", "K"},
    {"sch", "S"},
    {"tch", "K"},
    {"dzh", "J"},
    {"ch", "K"},
    {"ck", "K"},
    {"cz", "K"},
    {"sh", "S"},
    {"sz", "S"},
    {"zh", "S"},
    {"ts", "S"},
    {"tz", "S"},
    {"kh", "G"},
    {"gh", "G"},
    {"ph", "F"},
    {"th", "T"},
    {"dh", "D"},
    {"x", "KS"},
}};

// The class of one consonant; 0 for a vowel or anything else.
char ClassOf(char c) {
  switch (c) {
    case 'c':
    case 'k':
    case 'q':
      return 'K';
    case 's':
    case 'z':
      return 'S';
    case 'g':
    case 'h':
      return 'G';
    case 'f':
      return 'F';
    case 'v':
    case 'w':
      return 'V';
    case 't':
      return 'T';
    case 'd':
      return 'D';
    case 'b':
      return 'B';
    case 'p':
      return 'P';
    case 'l':
      return 'L';
    case 'm':
      return 'M';
    case 'n':
      return 'N';
    case 'r':
      return 'R';
    default:
      break;
  }
  if (c >= '0' && c <= '9') return c;
  return 0;
}

bool IsVowel(char c) {
  return c == 'a' || c == 'e' || c == 'i' || c == 'o' || c == 'u' || c == 'y' || c == 'j';
}

bool StartsWith(std::string_view s, std::size_t at, std::string_view prefix) {
  return s.substr(at, prefix.size()) == prefix;
}

// Step 1: the onset ("J", "A" or nothing) and where the rest begins.
std::pair<std::string, std::size_t> Onset(std::string_view t) {
  for (std::string_view glide : {"gi", "yi", "ji", "y", "j", "i"}) {
    if (t.size() > glide.size() && StartsWith(t, 0, glide)) {
      const char next = t[glide.size()];
      if (next == 'a' || next == 'o' || next == 'u') return {"J", glide.size()};
    }
  }
  std::size_t i = 0;
  if (t.size() > 1 && (t[0] == 'y' || t[0] == 'j' || t[0] == 'i') && t[1] == 'e') {
    if (t.size() > 2 && IsVowel(t[2]) && t[2] != 'j') return {"J", 1};  // Jean, Yeo
    i = 1;                                                              // Jelena, Yevgen
  }
  if (i < t.size() && (IsVowel(t[i]) && t[i] != 'j')) {
    while (i < t.size() && IsVowel(t[i])) ++i;
    return {"A", i};
  }
  if (i == 0 && !t.empty() && t[0] == 'j') return {"J", 1};
  return {"", i};
}

}  // namespace

std::string PhoneticSkeleton(std::string_view token) {
  auto [out, i] = Onset(token);
  char last = 0;         // the class just written, 0 after a vowel
  bool final_g = false;  // the last letters were a G class that was written
  while (i < token.size()) {
    std::string_view classes;
    std::size_t length = 1;
    for (const auto& [group, cls] : kGroups) {
      if (StartsWith(token, i, group)) {
        classes = cls;
        length = group.size();
        break;
      }
    }
    char single[1] = {0};
    if (classes.empty()) {
      single[0] = ClassOf(token[i]);
      if (single[0] != 0) classes = std::string_view(single, 1);
    }
    i += length;
    if (classes.empty()) {  // a vowel, or a byte outside the alphabet
      last = 0;
      final_g = false;
      continue;
    }
    final_g = false;
    for (char c : classes) {
      if (c == last) continue;
      out.push_back(c);
      last = c;
      final_g = c == 'G';
    }
  }
  if (final_g && !(out.size() >= 2 && out[out.size() - 2] == 'N')) out.pop_back();
  if (token.size() >= 2 && token.substr(token.size() - 2) == "ff" && !out.empty() &&
      out.back() == 'F') {
    out.back() = 'V';
  }
  return out;
}

}  // namespace opennrm::names
