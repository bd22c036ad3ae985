// A polite live region for the outcome of an action ("Saved."): always in the DOM so that screen
// readers announce the text when it appears.
export function StatusMessage({ message }: { message: string | null }) {
  return <div role="status">{message ? <p className="alert alert--success">{message}</p> : null}</div>;
}
