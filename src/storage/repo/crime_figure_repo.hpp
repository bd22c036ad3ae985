// CrimeFigureRepository over a dialect-neutral SQL connection: crime_figures
// and crime_figure_imports (migration 0019). Lives inside one unit of work;
// not thread-safe.
#pragma once

#include "ports/crime_figure_repository.hpp"
#include "storage/sql/connection.hpp"

namespace opennrm::storage::repo {

class SqlCrimeFigureRepository final : public ports::CrimeFigureRepository {
 public:
  explicit SqlCrimeFigureRepository(sql::Connection& conn) : conn_(conn) {}
  Status ReplaceYears(const ports::CrimeFigureImportRow& import,
                      const std::vector<ports::CrimeFigureRow>& figures) override;
  Result<std::vector<ports::CrimeFigureRow>> InYears(int year_from, int year_to) override;
  Result<std::vector<ports::CrimeFigureImportRow>> Imports(int limit) override;

 private:
  sql::Connection& conn_;
};

}  // namespace opennrm::storage::repo
