// Sets the document title so each page is told apart in tabs, history and screen readers.
import { useEffect } from 'react';

export function usePageTitle(title: string): void {
  useEffect(() => {
    document.title = `${title} – OpenNRM`;
  }, [title]);
}
