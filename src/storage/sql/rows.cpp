#include <cstdlib>

#include "storage/sql/connection.hpp"

namespace opennrm::storage::sql {

const std::string& Rows::Text(size_t row, size_t col) const {
  static const std::string kEmpty;
  const auto& cell = cells_[row * columns_ + col];
  return cell ? *cell : kEmpty;
}

long long Rows::Int(size_t row, size_t col) const {
  const auto& cell = cells_[row * columns_ + col];
  return cell ? std::strtoll(cell->c_str(), nullptr, 10) : 0;
}

}  // namespace opennrm::storage::sql
