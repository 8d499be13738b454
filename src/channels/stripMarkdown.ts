/**
 * Turns the little markdown Beacon's texts use into plain text for channels that would show the raw characters
 * (SMS, plain email, Messenger, LINE): `**bold**` → `bold`, `[text](url)` → `text (url)`. A phone link shows the
 * number alone, which phones detect and make tappable themselves. Deliberately small: these two forms are the
 * markdown that locale texts may use.
 */

const LINK = /\[([^\]]+)\]\(([^)\s]+)\)/g;
const BOLD = /\*\*(.+?)\*\*/gs;

export function stripMarkdown(text: string): string {
  return text
    .replace(LINK, (_whole, label: string, url: string) => {
      const shown = url.replace(/^tel:/i, '');
      const sameNumber = shown !== url && digits(label) !== '' && digits(label) === digits(shown);
      if (sameNumber) return label; // "[116 111](tel:116111)" → "116 111"
      return label.trim() === shown || label.trim() === url ? shown : `${label} (${shown})`;
    })
    .replace(BOLD, '$1');
}

function digits(text: string): string {
  return text.replace(/\D/g, '');
}
