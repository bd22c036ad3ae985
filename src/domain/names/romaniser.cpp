#include "domain/names/romaniser.hpp"

#include <unicode/translit.h>
#include <unicode/uchar.h>
#include <unicode/unistr.h>

#include <mutex>

namespace opennrm::names {

namespace {

// ICU transliteration rules, applied in order. Rules between two "::" lines
// form one pass; in a pass the first rule that matches at a position wins.
// "^" anchors a rule at the start of the text: Romanise transliterates one
// space-separated word at a time, so "^" means "at the start of a word".
constexpr std::string_view kRules = R"(
:: NFC ;
:: Lower ;

# Cyrillic: one table for every language that writes it.
ё > yo ; є > ye ; ж > zh ; х > kh ; ц > ts ; ч > ch ; ш > sh ; щ > shch ;
ъ > a ; ь > ; ю > yu ; я > ya ; ї > yi ; й > y ; ы > y ; э > e ;
а > a ; б > b ; в > v ; г > g ; ґ > g ; д > d ; е > e ; з > z ; и > i ; і > i ;
к > k ; л > l ; м > m ; н > n ; о > o ; п > p ; р > r ; с > s ; т > t ; у > u ;
ф > f ; ђ > dj ; ј > j ; љ > lj ; њ > nj ; ћ > c ; џ > dz ; ѓ > gj ; ќ > kj ;
ѕ > dz ; ў > u ;

# Arabic and Persian. Short-vowel marks and the tatweel are dropped.
[\u064B-\u065F\u0670\u0640] > ;
^ الله > allah ;
^ ال > 'al-' ;
^ و > w ;
و > u ;
^ [يی] > y ;
[يی] > i ;
[اأإآى] > a ; [ءئ] > i ; ؤ > u ; ة > a ; ع > a ;
غ > gh ; خ > kh ; ش > sh ; ث > th ; ذ > dh ; ظ > z ; ض > d ; ص > s ; ط > t ;
ح > h ; ق > q ; ج > j ; ه > h ; ب > b ; ت > t ; د > d ; ر > r ; ز > z ; س > s ;
ف > f ; [كک] > k ; ل > l ; م > m ; ن > n ; پ > p ; چ > ch ; ژ > zh ; گ > g ;

# Thai: letters under the thanthakhat (with a vowel mark between) are silent;
# so is ทร or ตร before it (จันทร์ -> "chan").
[ทต] ร \u0E4C > ;
[ก-ฮ] [\u0E34-\u0E3A]? \u0E4C > ;
อ > o ;
ญ > n ;

:: Greek-Latin/UNGEGN ;
:: Any-Latin ;
:: Latin-ASCII ;
:: NFD ;
:: [:Mn:] Remove ;
:: Lower ;
:: NFC ;
)";

bool IsThai(UChar32 c) { return c >= 0x0E00 && c <= 0x0E7F; }

// Appends the ASCII form of one transliterated word: letters and digits
// kept, "-" and "'" kept as joiners, what is left of other scripts dropped
// (a modifier letter inside "Saʿid" must not split it), any other ASCII a
// space.
void AppendAscii(const std::string& word, bool drop_spaces, std::string& out) {
  for (char ch : word) {
    const auto c = static_cast<unsigned char>(ch);
    if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' || c == '\'') {
      out.push_back(static_cast<char>(c));
    } else if (c >= 'A' && c <= 'Z') {
      out.push_back(static_cast<char>(c - 'A' + 'a'));
    } else if (c >= 0x80) {
      continue;
    } else if (!drop_spaces || c != ' ') {
      if (!out.empty() && out.back() != ' ') out.push_back(' ');
    }
  }
}

}  // namespace

struct Romaniser::Impl {
  std::mutex mu;
  std::unique_ptr<icu::Transliterator> transliterator;  // GUARDED_BY(mu)
};

Romaniser::Romaniser(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}
Romaniser::Romaniser(Romaniser&&) noexcept = default;
Romaniser& Romaniser::operator=(Romaniser&&) noexcept = default;
Romaniser::~Romaniser() = default;

Result<Romaniser> Romaniser::Create() {
  UErrorCode status = U_ZERO_ERROR;
  UParseError where{};
  auto rules = icu::UnicodeString::fromUTF8(
      icu::StringPiece(kRules.data(), static_cast<int32_t>(kRules.size())));
  std::unique_ptr<icu::Transliterator> t(
      icu::Transliterator::createFromRules("opennrm-names", rules, UTRANS_FORWARD, where, status));
  if (U_FAILURE(status) || !t) {
    return Internal(std::string("Name romanisation rules do not compile (") + u_errorName(status) +
                    ", line " + std::to_string(where.line) + ").");
  }
  auto impl = std::make_unique<Impl>();
  impl->transliterator = std::move(t);
  return Romaniser(std::move(impl));
}

std::string Romaniser::Romanise(std::string_view utf8) const {
  const icu::UnicodeString in = icu::UnicodeString::fromUTF8(
      icu::StringPiece(utf8.data(), static_cast<int32_t>(utf8.size())));
  std::string out;
  int32_t i = 0;
  while (i < in.length()) {
    while (i < in.length() && u_isUWhiteSpace(in.char32At(i))) i = in.moveIndex32(i, 1);
    const int32_t start = i;
    bool thai = false;
    while (i < in.length() && !u_isUWhiteSpace(in.char32At(i))) {
      thai = thai || IsThai(in.char32At(i));
      i = in.moveIndex32(i, 1);
    }
    if (start == i) break;
    icu::UnicodeString word(in, start, i - start);
    {
      std::lock_guard<std::mutex> lock(impl_->mu);
      impl_->transliterator->transliterate(word);
    }
    std::string latin;
    word.toUTF8String(latin);
    if (!out.empty() && out.back() != ' ') out.push_back(' ');
    // ICU breaks Thai text into words with spaces; one written Thai word is
    // one name, so those spaces go.
    AppendAscii(latin, thai, out);
  }
  while (!out.empty() && out.back() == ' ') out.pop_back();
  return out;
}

}  // namespace opennrm::names
