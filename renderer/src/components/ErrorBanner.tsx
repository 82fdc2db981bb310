interface ErrorBannerProps {
  message: string | null;
  /** Extra lines, e.g. errors about fields the screen does not show. */
  details?: string[];
}

/** A problem that belongs to no single field. role="alert" so screen readers announce it at once. */
export function ErrorBanner({ message, details = [] }: ErrorBannerProps) {
  if (!message) return null;
  return (
    <div className="banner banner-error" role="alert">
      <p>{message}</p>
      {details.length > 0 && (
        <ul>
          {details.map((line) => (
            <li key={line}>{line}</li>
          ))}
        </ul>
      )}
    </div>
  );
}
