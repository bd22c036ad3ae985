// Romaniser: writes a person's name, in any script, as lower-case ASCII
// Latin letters and digits, the first step of name search over encrypted
// names (see search_keys.hpp). "Йорданов" -> "yordanov", "Nguyễn" -> "nguyen",
// "Ștefan" and "Ştefan" -> "stefan", "Straße" -> "strasse", "Işık" -> "isik",
// "Γιώργος" -> "giorgos", "محمد" -> "mhmd", "สมชาย" -> "smchay".
//
// How each script is written (the rules are in romaniser.cpp):
// - Latin: diacritics dropped (ICU Latin-ASCII): ö -> o, å -> a, ø -> o,
//   ß -> ss, æ -> ae, þ -> th, ł -> l, đ -> d, ı -> i, ğ -> g, ș/ş -> s, ț/ţ -> t.
//   Spelling variants such as ö/oe or å/aa are left to the phonetic skeleton.
// - Cyrillic (Russian, Ukrainian, Belarusian, Bulgarian, Serbian, Macedonian):
//   one table of our own close to the English-language passport spellings
//   (й -> y, ж -> zh, х -> kh, ц -> ts, ч -> ch, ш -> sh, щ -> shch, ю -> yu,
//   я -> ya, є -> ye, ї -> yi, ъ -> a, ь dropped). The language is not known,
//   so Ukrainian г is written g like Russian (the skeleton makes g and h meet).
// - Arabic and Persian: a table of our own; the script writes no short
//   vowels, so "محمد" -> "mhmd" and the skeleton drops vowels on every side.
//   و and ي are w and y at the start of a word and u and i after a letter;
//   ع and ة are a; a word-initial article ال is split off ("al-").
// - Greek: ICU Greek-Latin/UNGEGN (modern pronunciation: Χρήστος -> christos).
// - Thai: ICU Thai-Latin (ISO 11940), with silent letters (marked with the
//   thanthakhat) dropped, อ -> o, ญ -> n, and the word breaks ICU inserts
//   inside one written word removed. Thai written without vowel marks
//   becomes consonants ("smchay" for Somchai): the skeleton copes.
// - Every other script: ICU Any-Latin (Han -> pinyin, Hangul -> Revised...).
// Characters that cannot be romanised are dropped. Hyphens and apostrophes
// are kept as "-" and "'" (they join parts of one name); everything else
// that is not a letter or digit becomes a space.
//
// Thread-safety: Romanise may be called from any thread. ICU transliterators
// must not be used by two threads at once, so one mutex inside serialises
// the transliteration (about 20 microseconds for a two-word name, measured
// on the development machine). Create is expensive (about 50 ms: it compiles
// the rules): create one Romaniser at start-up and share it, or one per
// worker thread if contention ever shows in measurements.
#pragma once

#include <memory>
#include <string>
#include <string_view>

#include "core/error.hpp"

namespace opennrm::names {

class Romaniser {
 public:
  // Compiles the transliteration rules; kInternal only if the rules are broken.
  static Result<Romaniser> Create();

  Romaniser(Romaniser&&) noexcept;
  Romaniser& operator=(Romaniser&&) noexcept;
  ~Romaniser();

  // `utf8` written in [a-z0-9] with single spaces, "-" and "'" between
  // words; ill-formed UTF-8 sequences are dropped like unknown characters.
  std::string Romanise(std::string_view utf8) const;

 private:
  struct Impl;
  explicit Romaniser(std::unique_ptr<Impl> impl);
  std::unique_ptr<Impl> impl_;
};

}  // namespace opennrm::names
