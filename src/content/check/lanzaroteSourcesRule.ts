/**
 * `lanzarote-sources`: every Convention article a `lanzarote/*` script cites ("(Article 20)", "Artikel 23",
 * "articolo 6") is held by one of its `meta.sources`, with the day a person last checked it (DESIGN rule 9:
 * every legal statement is traceable to a source and a date). Any text of the script's namespace, in any language,
 * can cite an article; a source lists what it holds in `articles` and the check in `checkedAt`.
 */
import type { Script } from '../scriptSchema';
import { error, scriptFile, type ContentProblem } from './contentProblem';
import type { CheckedContent } from './loadContent';
import { textsOf } from './localeKeys';

/** "Article 20", "Art. 31(1)(e)", "Articles 6 and 14", "Artikel 23", "artículos 30 y 31", "articolo 6". */
const CITATION = /\b(?:articles?|artikeln?|art[ií]culos?|articol[oi]|arts?\.)\s+((?:\d+(?:\(\w+\))*(?:\s*(?:,|and|et|und|y|e|–|-)\s*)?)+)/giu;

/** The article numbers cited in `text`, without paragraphs ("31(1)(e)" → "31"). */
export function citedArticles(text: string): string[] {
  const found: string[] = [];
  for (const match of text.matchAll(CITATION)) {
    const list = match[1]!.replace(/\(\w+\)/g, '');
    found.push(...(list.match(/\d+/g) ?? []));
  }
  return found;
}

/** The articles the script's sources hold with a checked date. */
function checkedArticles(script: Script): Set<string> {
  return new Set(script.meta.sources.filter((s) => s.checkedAt).flatMap((s) => s.articles ?? []));
}

export function checkLanzaroteSources(content: CheckedContent): ContentProblem[] {
  const problems: ContentProblem[] = [];
  for (const script of content.scripts.values()) {
    if (!script.id.startsWith('lanzarote/')) continue;
    const file = scriptFile(script.id);
    const held = checkedArticles(script);
    const missing = new Map<string, string>();
    for (const [language, namespaces] of content.locales) {
      for (const [key, value] of namespaces.get(script.id) ?? []) {
        if (key === 'examples') continue;
        for (const { text } of textsOf(value)) {
          for (const article of citedArticles(text)) if (!held.has(article) && !missing.has(article)) missing.set(article, `locales/${language}/${script.id}.json "${key}"`);
        }
      }
    }
    for (const [article, where] of missing) {
      problems.push(
        error(file, 'meta.sources', 'lanzarote-sources',
          `${file}: ${where} cites Article ${article} of the Convention, but no source in meta.sources holds it with a checked date: ` +
            `add "${article}" to the "articles" of the source with the official text (or add that source), with "checkedAt": "YYYY-MM-DD", the day a person checked it.`)
      );
    }
  }
  return problems;
}
