#include "cli/toml_table_reader.hpp"

namespace opennrm::cli {

Result<toml::table> ParseTomlText(std::string_view text, const std::string& path) {
  try {
    return toml::parse(text, path);
  } catch (const toml::parse_error& e) {
    return Invalid(
        path, "toml",
        path + ":" + std::to_string(e.source().begin.line) + ": " + std::string(e.description()));
  }
}

}  // namespace opennrm::cli
