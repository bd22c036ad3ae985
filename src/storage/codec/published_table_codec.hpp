// A published (protected) statistics table as stored in a release
// (migration 0020): compact JSON with short, stable keys and a version, so
// releases stored today still read after the types grow. Version 1:
//   {"v":1,"id":"...","g":"<group>","s":"<series>","rd":"<row dimension>",
//    "cd":"<column dimension>","geo":"<geography>","off":false,"sb":"<share base>",
//    "th":11,"rb":1,"rau":true,"cau":true,
//    "r":["<row key>",...],"c":["<column key>",...],
//    "x":[[cell,...],...],"rt":[cell,...],"ct":[cell,...],"t":cell,
//    "rate":[rate,...],"sh":[["<column key>",[rate,...]],...]}
// A cell is a number (shown, after rounding), "s" (suppressed) or null
// (unknown); a rate the same with a decimal number. Why a cell is hidden is
// never stored. Decoding refuses (kInternal) another version, a missing key,
// a wrong type or a shape that does not hold together. Thread-safe.
#pragma once

#include <string>
#include <string_view>

#include "core/error.hpp"
#include "ports/statistics_release_repository.hpp"

namespace opennrm::storage {

std::string EncodePublishedTable(const ports::PublishedTable& table);
Result<ports::PublishedTable> DecodePublishedTable(std::string_view text);

}  // namespace opennrm::storage
