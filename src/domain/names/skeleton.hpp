// The phonetic skeleton of one name token: a short key on which spelling
// variants of the same name collide ("jordanov", "yordanov", "iordanov" ->
// "JRDNV"; "mohammed", "muhammad", "mhmd" -> "MGMD"). Our own design, close
// to Soundex in spirit, tuned for the names OpenNRM meets (Slavic, Romanian,
// Arabic, Thai, Greek, Nordic, German, Turkish, West African).
//
// Input is one romanised token, [a-z0-9]+. The key is upper case, so it can
// never equal an exact token. It is built in four steps:
//  1. Onset. A glide before a, o or u becomes J: "gi", "yi", "ji", "y", "j",
//     "i" (Yulia, Julia, Iulia, Giulia -> "JL"; Giorgos, Yiorgos -> "JRGS").
//     y, j or i before e and a consonant is dropped (Yelena, Jelena, Ielena
//     = Elena), before e and a vowel it is J (Jean = Jan = Ian). A word
//     that then starts with vowels gets the single onset A for all of them,
//     whatever they are (Oleksandr = Aleksandr, Omar = Umar = Arabic "amr",
//     Åsa = Aasa = Asa, Ivanov -> "AVNV").
//  2. Letters and letter groups map to classes, longest first:
//       tsch tch ch ck cz c k q -> K     sch sh sz zh s z ts tz -> S
//       kh gh g h -> G  (Oleh = Oleg, Hryhoriy = Grigoriy, Mikhail = Mihail)
//       dzh -> J        ph f -> F        w v -> V        th t -> T
//       dh d -> D       x -> KS          b p l m n r -> themselves
//     Digits stay as they are.
//  3. Vowels after the onset are dropped: a e i o u, and y and j (Mariya =
//     Marija = Maria -> "MR"; Müller = Mueller = Muller -> "MLR"). This is
//     what makes Arabic and Thai script, which write few vowels, meet Latin.
//     Two equal classes next to each other are one (mm, ss, "tth").
//  4. Ending. A final G (g, h, gh, kh as the last letters) is dropped unless
//     it follows N: Oleh = Oleg = "AL", Sarah = Sara, Abdullah = Arabic
//     "abdallh"; but Wang stays "VNG", apart from Van. A final "ff" is V
//     (Ivanoff = Ivanov).
//
// Decided: a feminine surname ending in a vowel meets its masculine form
// (Ivanova = Ivanov, Petrova = Petrov, Kowalska = Kowalski): relatives share
// a surname and a caseworker sees both in the results, exact matches first.
//
// Known collisions (names that are different but share a key; the exact
// token still tells them apart and ranks first): names that differ only in
// vowels, such as Maria/Mario, Müller/Miller, Omar/Amir, Nikolaev/Nikolov,
// Mohammed/Mahmoud (Arabic script writes them alike but for one letter).
// Known misses (variants that do not meet): Christos/Hristo and German
// Chruschtschow/Khrushchev (ch is K, h and kh are G), Georgios/Giorgos,
// Djamal/Jamal, Cvetan/Tsvetan, Achmed/Ahmed, Schmid/Schmidt, and
// Ukrainian/Russian pairs that differ in consonants (Mykola/Nikolai).
// Pure; thread-safe.
#pragma once

#include <string>
#include <string_view>

namespace opennrm::names {

// The skeleton of `token`; "" for an empty token (or one that is only "h").
// REQUIRES: `token` is [a-z0-9]*; other bytes are skipped like vowels.
std::string PhoneticSkeleton(std::string_view token);

}  // namespace opennrm::names
