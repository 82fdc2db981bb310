import { useEffect, useRef } from 'react';
import { SHORTCUT_SECTIONS } from './shortcuts';

/**
 * The help sheet: a modal dialog listing every keyboard shortcut. It takes the focus when it opens
 * (on its Close button), keeps Tab inside itself, closes on Escape, Close or a click beside it,
 * and gives the focus back to where it was.
 */
export function ShortcutSheet({ onClose }: { onClose(): void }) {
  const closeButton = useRef<HTMLButtonElement>(null);

  useEffect(() => {
    const before = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    closeButton.current?.focus();
    return () => before?.focus();
  }, []);

  return (
    <div className="sheet-backdrop" onMouseDown={(event) => event.target === event.currentTarget && onClose()}>
      <div
        className="sheet"
        role="dialog"
        aria-modal="true"
        aria-labelledby="shortcut-sheet-title"
        onKeyDown={(event) => {
          if (event.key === 'Escape') {
            event.stopPropagation();
            onClose();
          } else if (event.key === 'Tab') {
            // The only control is Close: Tab stays on it rather than leaving the dialog behind.
            event.preventDefault();
            closeButton.current?.focus();
          }
        }}
      >
        <div className="sheet-header">
          <h2 id="shortcut-sheet-title">Keyboard shortcuts</h2>
          <button ref={closeButton} type="button" className="button-quiet" onClick={onClose}>
            Close
          </button>
        </div>
        <div className="sheet-body">
          {SHORTCUT_SECTIONS.map((section, index) => (
            <section key={section.title} aria-labelledby={`shortcuts-${index}`}>
              <h3 id={`shortcuts-${index}`}>{section.title}</h3>
              <table className="shortcut-table">
                <tbody>
                  {section.shortcuts.map((shortcut) => (
                    <tr key={shortcut.keys + shortcut.does}>
                      <th scope="row">
                        <kbd>{shortcut.keys}</kbd>
                      </th>
                      <td>{shortcut.does}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </section>
          ))}
        </div>
      </div>
    </div>
  );
}
