/**
 * `https-only`: no `http://` address in any locale text. Script links and sources must be https:// already
 * (the script schema refuses anything else); this covers addresses written into the texts themselves. A plain
 * http page can be changed on the way by whoever runs the network, and young people often chat on shared or
 * school Wi-Fi.
 */
import { error, type ContentProblem } from './contentProblem';
import type { CheckedContent } from './loadContent';
import { localeTexts } from './localeTexts';

const HTTP_URL = /\bhttp:\/\/[^\s"'<>)\]]*/i;

export function checkHttps(content: CheckedContent): ContentProblem[] {
  const problems: ContentProblem[] = [];
  for (const { file, where, text } of localeTexts(content)) {
    const url = HTTP_URL.exec(text)?.[0];
    if (url) problems.push(error(file, where, 'https-only', `"${where}" in ${file} links to ${url}: use the https:// address (open it in a browser to check the site serves it).`));
  }
  return problems;
}
