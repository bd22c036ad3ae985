// Internal: the stable words of a closed enum, kept in one table per enum so
// that ToString and Parse cannot drift apart. Pure; thread-safe.
#pragma once

#include <array>
#include <optional>
#include <string_view>
#include <utility>
#include <vector>

namespace opennrm::cases::detail {

template <class E, std::size_t N>
struct EnumNames {
  std::array<std::pair<E, std::string_view>, N> items;

  // The word for `value`; "" for a value outside the table.
  constexpr std::string_view Name(E value) const {
    for (const auto& [e, name] : items) {
      if (e == value) return name;
    }
    return "";
  }
  // The value `text` names exactly; nullopt otherwise.
  constexpr std::optional<E> Parse(std::string_view text) const {
    for (const auto& [e, name] : items) {
      if (name == text) return e;
    }
    return std::nullopt;
  }
  // Every value, in table order.
  std::vector<E> All() const {
    std::vector<E> all;
    for (const auto& item : items) all.push_back(item.first);
    return all;
  }
};

template <class E, class... P>
constexpr EnumNames<E, sizeof...(P)> MakeNames(P... pairs) {
  return EnumNames<E, sizeof...(P)>{{{pairs...}}};
}

}  // namespace opennrm::cases::detail
