// An id usable in an SVG `url(#…)` reference: React's useId may hold characters a URL fragment does not.
import { useId } from 'react';

export function useSvgId(prefix: string): string {
  return `${prefix}-${useId().replace(/[^A-Za-z0-9_-]/g, '')}`;
}
