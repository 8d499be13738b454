/**
 * What the conversation needs from free-text routing; `IntentRouter` (NLP.js) implements it.
 */
export type RouteResult =
  | { kind: 'match'; scriptId: string; score: number }
  | { kind: 'ambiguous'; scriptIds: [string, string]; scores: [number, number] }
  | { kind: 'none' };

export interface TextRouter {
  route(language: string, text: string, allowed?: ReadonlySet<string>): Promise<RouteResult>;
}
