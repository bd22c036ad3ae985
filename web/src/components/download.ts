// Offers text as a file download without a server round trip (a blob: URL, allowed by the CSP for
// downloads; nothing is rendered from it).

/** Lets the browser save `text` as `filename` (UTF-8, Windows line ends for Notepad's sake). */
export function downloadText(filename: string, text: string): void {
  const blob = new Blob([text.replace(/\r?\n/g, '\r\n')], { type: 'text/plain;charset=utf-8' });
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = filename;
  a.hidden = true;
  document.body.append(a);
  a.click();
  a.remove();
  // Give the browser a moment to start the download before the URL goes.
  window.setTimeout(() => {
    URL.revokeObjectURL(url);
  }, 1000);
}
