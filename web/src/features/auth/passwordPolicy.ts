// The password rule the server applies (src/domain/accounts/password_policy.hpp): long enough, and
// nothing else — no composition rules. Length counts Unicode code points, as the server does.
export const MIN_PASSWORD_LENGTH = 12;

/** Code points, not UTF-16 units: "lösenordsfras" is 13 and an emoji counts once. */
export function passwordLength(password: string): number {
  // Array.from walks code points, which is what the server counts (not grapheme clusters).
  return Array.from(password).length;
}

export function longEnough(password: string): boolean {
  return passwordLength(password) >= MIN_PASSWORD_LENGTH;
}
