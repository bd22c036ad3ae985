// Joins the parts of the authorization matrix (authorization_matrix_table.hpp)
// in the order they run: rows run in table order, and some rely on earlier ones.
#include "authorization_matrix_table.hpp"

#include "authorization_matrix_rows.hpp"

namespace opennrm::testing::matrix {

const std::vector<RouteRows>& Table() {
  static const std::vector<RouteRows> kTable = [] {
    std::vector<RouteRows> all;
    for (auto part : {PublicRows, AccountRows, AuditRows, CaseRows, NoteRows, RecordRows, TrackRows,
                      ClockRows, ConsentRows, ReferralRows, RoutingRows, KnowledgeRows, HotlineRows,
                      ConsultationReferralRows, StatisticsPublicationRows, CrimeFigureRows}) {
      std::vector<RouteRows> rows = part();
      all.insert(all.end(), rows.begin(), rows.end());
    }
    return all;
  }();
  return kTable;
}

}  // namespace opennrm::testing::matrix
