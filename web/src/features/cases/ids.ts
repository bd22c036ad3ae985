// Reading an id a colleague pasted: the bare 32-character id, or a link that ends with one
// (…/cases/<id>), in any letter case and with spaces around it.

const ID = /^[0-9a-f]{32}$/;

/** The id in `text` (lower case), or null when it holds none. */
export function idFromText(text: string): string | null {
  const path = text.trim().toLowerCase().split(/[?#]/)[0] ?? '';
  const last = path.split('/').filter(Boolean).pop() ?? '';
  return ID.test(last) ? last : null;
}
