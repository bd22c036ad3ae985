// PrepareCrimeFigures (matrix_crime_figure_requests.hpp).
#include "matrix_crime_figure_requests.hpp"

namespace opennrm::testing::matrix {

bool IsCrimeFigureRoute(const std::string& key) {
  return key == "POST /api/v1/statistics/crime-figures" ||
         key == "GET /api/v1/statistics/crime-figures";
}

void PrepareCrimeFigures(const std::string& key, Prepared& p) {
  if (key == "POST /api/v1/statistics/crime-figures") {
    p.body =
        "year,offence,measure,breakdown,category,value,source\n"
        "2001,procuring,reported_offences,total,total,42,Matrisen (syntetisk)\n";
    // Sent before the matrix's own Content-Type, so the server reads this one.
    p.headers = {{"Content-Type", "text/csv"}};
  } else if (key == "GET /api/v1/statistics/crime-figures") {
    p.path += "?from=2000&to=2002";
  } else {
    p.error = "no request builder for " + key;
  }
}

}  // namespace opennrm::testing::matrix
