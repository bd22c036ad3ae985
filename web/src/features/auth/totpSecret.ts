// Showing a TOTP enrolment safely and readably.

/**
 * The QR code SVG as a data: URL for an <img>, or null when the text is not an SVG document. An SVG
 * shown through <img> runs no script and loads nothing, and the CSP allows `img-src data:`; the
 * markup is never put into the page itself.
 */
export function qrDataUrl(svg: string): string | null {
  const body = svg.trim().replace(/^<\?xml[^>]*\?>\s*/, '');
  if (!/^<svg[\s>]/.test(body)) return null;
  const bytes = new TextEncoder().encode(svg);
  let binary = '';
  for (const b of bytes) binary += String.fromCharCode(b);
  return `data:image/svg+xml;base64,${btoa(binary)}`;
}

/** A base32 secret in groups of four for typing by hand: "JBSW Y3DP EHPK 3PXP". */
export function groupSecret(secret: string): string {
  const clean = secret.replace(/[\s=-]/g, '').toUpperCase();
  return clean.match(/.{1,4}/g)?.join(' ') ?? '';
}
