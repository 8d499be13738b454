/**
 * `https-only`: no `http://` address in any locale text. Script links and sources must be https:// already
 * (the script schema refuses anything else); this covers addresses written into the texts themselves. A plain
 * http page can be changed on the way by whoever runs the network, and young people often chat on shared or
 * school Wi-Fi.
 */
import { error, localeFile, type ContentProblem } from './contentProblem';
import type { CheckedContent } from './loadContent';
import { keyAt, textsOf } from './localeKeys';

const HTTP_URL = /\bhttp:\/\/[^\s"'<>)\]]*/i;

export function checkHttps(content: CheckedContent): ContentProblem[] {
  const problems: ContentProblem[] = [];
  for (const [language, namespaces] of content.locales) {
    for (const [namespace, texts] of namespaces) {
      const file = localeFile(language, namespace);
      for (const [key, value] of texts) {
        for (const { text, index } of textsOf(value)) {
          const url = HTTP_URL.exec(text)?.[0];
          if (!url) continue;
          const where = keyAt(key, index);
          problems.push(error(file, where, 'https-only', `"${where}" in ${file} links to ${url}: use the https:// address (open it in a browser to check the site serves it).`));
        }
      }
    }
  }
  return problems;
}
