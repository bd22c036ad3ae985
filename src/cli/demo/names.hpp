// Synthetic names for the demo generator, in their original scripts with a
// Latin spelling beside them: Thai, Cyrillic (Ukrainian, Bulgarian), Arabic
// and Han with a romanisation; Romanian, Vietnamese, Polish and Swedish in
// Latin letters with their diacritics (Ș, Ț, ễ, Ł, Å), Nigerian names in
// Latin. Built from short tables of common given names and surnames combined
// at random: no record of a real person. Pure; thread-safe.
#pragma once

#include <string_view>

#include "cli/demo/random.hpp"
#include "domain/cases/person.hpp"

namespace opennrm::cli::demo {

enum class NameOrigin {
  kThai,
  kRomanian,
  kUkrainian,
  kBulgarian,
  kNigerian,
  kSwedish,
  kVietnamese,
  kPolish,
  kChinese,
  kArabic,
};

std::string_view ToString(NameOrigin origin);

// A full name of `origin` for a woman or girl (`female`) or a man or boy.
// `original` is empty for names written in Latin letters.
cases::PersonName MakeName(NameOrigin origin, bool female, DemoRandom& random);

// A short alias (a nickname or a given name used alone), of the same origin.
cases::PersonName MakeAlias(NameOrigin origin, bool female, DemoRandom& random);

}  // namespace opennrm::cli::demo
