/**
 * A small reader for ARM template expressions ("[concat(parameters('a'), '-b')]"), enough for the template
 * tests: it parses every expression (so a typo fails the test, not the deployment) and evaluates the ones that
 * can be known before deployment, with a parameters file. What only Azure knows at deployment — reference(),
 * list*() — evaluates to a RuntimeValue, and so does anything built from one.
 */
import { createHash } from 'node:crypto';

export type Node =
  | { kind: 'string'; value: string }
  | { kind: 'number'; value: number }
  | { kind: 'call'; name: string; args: Node[] }
  | { kind: 'property'; target: Node; name: string }
  | { kind: 'index'; target: Node; index: Node };

/** A value Azure supplies during deployment. */
export class RuntimeValue {
  constructor(readonly source: string) {}
}

/** Parses "[...]" (without the brackets); throws with the position on a syntax error. */
export function parseExpression(text: string): Node {
  let pos = 0;
  const fail = (what: string): never => {
    throw new Error(`${what} at ${pos} in "${text}"`);
  };
  const skip = () => {
    while (text[pos] === ' ') pos += 1;
  };
  const expect = (char: string) => {
    skip();
    if (text[pos] !== char) fail(`expected "${char}"`);
    pos += 1;
  };
  const primary = (): Node => {
    skip();
    if (text[pos] === "'") {
      let value = '';
      pos += 1;
      for (;;) {
        if (pos >= text.length) fail('unterminated string');
        if (text[pos] === "'") {
          if (text[pos + 1] === "'") {
            value += "'";
            pos += 2;
            continue;
          }
          pos += 1;
          return { kind: 'string', value };
        }
        value += text[pos];
        pos += 1;
      }
    }
    const number = /^-?\d+/.exec(text.slice(pos));
    if (number) {
      pos += number[0].length;
      return { kind: 'number', value: Number(number[0]) };
    }
    const name = /^[A-Za-z][A-Za-z0-9]*/.exec(text.slice(pos))?.[0] ?? fail('expected a function name');
    pos += name.length;
    expect('(');
    const args: Node[] = [];
    skip();
    if (text[pos] === ')') pos += 1;
    else {
      for (;;) {
        args.push(expression());
        skip();
        if (text[pos] === ',') pos += 1;
        else if (text[pos] === ')') {
          pos += 1;
          break;
        } else fail('expected "," or ")"');
      }
    }
    return { kind: 'call', name, args };
  };
  const expression = (): Node => {
    let node = primary();
    for (;;) {
      skip();
      if (text[pos] === '.') {
        pos += 1;
        const name = /^[A-Za-z_][A-Za-z0-9_]*/.exec(text.slice(pos))?.[0] ?? fail('expected a property name');
        pos += name.length;
        node = { kind: 'property', target: node, name };
      } else if (text[pos] === '[') {
        pos += 1;
        const index = expression();
        expect(']');
        node = { kind: 'index', target: node, index };
      } else return node;
    }
  };
  const node = expression();
  skip();
  if (pos !== text.length) fail('unexpected text');
  return node;
}

/** True for a JSON string that ARM treats as an expression. */
export function isExpression(value: unknown): value is string {
  return typeof value === 'string' && value.startsWith('[') && !value.startsWith('[[') && value.endsWith(']');
}

/** Every function called anywhere in `node`. */
export function functionsIn(node: Node): string[] {
  switch (node.kind) {
    case 'call':
      return [node.name, ...node.args.flatMap(functionsIn)];
    case 'property':
      return functionsIn(node.target);
    case 'index':
      return [...functionsIn(node.target), ...functionsIn(node.index)];
    default:
      return [];
  }
}

/** Every name passed to parameters('…') or variables('…') in `node`. */
export function referencesIn(node: Node, fn: 'parameters' | 'variables'): string[] {
  const own = node.kind === 'call' && node.name === fn && node.args[0]?.kind === 'string' ? [node.args[0].value] : [];
  const inner = node.kind === 'call' ? node.args : node.kind === 'property' ? [node.target] : node.kind === 'index' ? [node.target, node.index] : [];
  return [...own, ...inner.flatMap((n) => referencesIn(n, fn))];
}

/** A resource id as this reader spells it: type and name segments interleaved ("Microsoft.Web/sites/app"). */
export function resourcePath(type: string, names: string[]): string {
  const [provider, ...types] = type.split('/');
  return [provider, ...types.flatMap((t, i) => [t, names[i] ?? '?'])].join('/');
}

export interface Scope {
  parameters: Record<string, unknown>;
  variables: Record<string, unknown>;
  /** Stands in for Azure during deployment: answers reference() and list*() calls. Absent: a RuntimeValue. */
  azure?: (fn: string, args: unknown[]) => unknown;
}

const hash = (parts: unknown[], length: number) => createHash('sha256').update(JSON.stringify(parts)).digest('hex').slice(0, length);

/** Evaluates a JSON value: expressions inside strings, recursively inside objects and arrays. */
export function evaluateValue(value: unknown, scope: Scope): unknown {
  if (isExpression(value)) return evaluate(parseExpression(value.slice(1, -1)), scope);
  if (Array.isArray(value)) return value.map((v) => evaluateValue(v, scope));
  if (value && typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, evaluateValue(v, scope)]));
  return value;
}

export function evaluate(node: Node, scope: Scope): unknown {
  if (node.kind === 'string' || node.kind === 'number') return node.value;
  if (node.kind === 'property' || node.kind === 'index') {
    const target = evaluate(node.target, scope);
    if (target instanceof RuntimeValue) return target;
    const key = node.kind === 'property' ? node.name : evaluate(node.index, scope);
    return (target as Record<string, unknown>)[String(key)];
  }
  const args = () => node.args.map((a) => evaluate(a, scope));
  const runtime = (values: unknown[]) => values.find((v) => v instanceof RuntimeValue);
  switch (node.name) {
    case 'parameters': {
      const name = String(evaluate(node.args[0]!, scope));
      if (!(name in scope.parameters)) throw new Error(`parameters('${name}') has no value`);
      return scope.parameters[name];
    }
    case 'variables': {
      const name = String(evaluate(node.args[0]!, scope));
      if (!(name in scope.variables)) throw new Error(`variables('${name}') is not defined`);
      return evaluateValue(scope.variables[name], scope);
    }
    case 'if': {
      const condition = evaluate(node.args[0]!, scope);
      if (condition instanceof RuntimeValue) return condition;
      return evaluate(node.args[condition ? 1 : 2]!, scope);
    }
    case 'reference':
    case 'listKeys':
    case 'listChannelWithKeys':
      return scope.azure ? scope.azure(node.name, args()) : new RuntimeValue(node.name);
  }
  const values = args();
  const unknown = runtime(values);
  if (unknown) return unknown;
  const strings = values.map(String);
  switch (node.name) {
    case 'concat':
      return values.every(Array.isArray) ? values.flat() : strings.join('');
    case 'format':
      return strings[0]!.replace(/\{(\d+)\}/g, (_m, i: string) => strings[Number(i) + 1] ?? '');
    case 'toLower':
      return strings[0]!.toLowerCase();
    case 'toUpper':
      return strings[0]!.toUpperCase();
    case 'take':
      return strings[0]!.slice(0, Number(values[1]));
    case 'equals':
      return values[0] === values[1];
    case 'not':
      return !values[0];
    case 'and':
      return values.every(Boolean);
    case 'or':
      return values.some(Boolean);
    case 'greater':
      return Number(values[0]) > Number(values[1]);
    case 'int': {
      // ARM refuses the deployment when int() gets a string that is not a whole number.
      if (!/^-?\d+$/.test(strings[0]!.trim())) throw new Error(`int('${strings[0]}') is not a whole number`);
      return Number(strings[0]);
    }
    case 'uriComponent':
      return encodeURIComponent(strings[0]!);
    case 'empty':
      return values[0] === '' || values[0] === undefined || (Array.isArray(values[0]) && values[0].length === 0);
    case 'string':
      return strings[0];
    case 'uniqueString':
      return hash(values, 13);
    case 'guid': {
      const h = hash(values, 32);
      return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
    }
    case 'resourceGroup':
      return { id: '/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/rg-beacon', name: 'rg-beacon', location: 'westeurope' };
    case 'subscription':
      return { id: '/subscriptions/00000000-0000-0000-0000-000000000000', subscriptionId: '00000000-0000-0000-0000-000000000000', tenantId: '11111111-1111-1111-1111-111111111111' };
    case 'environment':
      return { name: 'AzureCloud', suffixes: { keyvaultDns: '.vault.azure.net', storage: 'core.windows.net' } };
    case 'resourceId':
    case 'subscriptionResourceId':
      return resourcePath(strings[0]!, strings.slice(1));
    case 'extensionResourceId':
      return `${strings[0]}/providers/${resourcePath(strings[1]!, strings.slice(2))}`;
    default:
      throw new Error(`the reader does not know the template function ${node.name}()`);
  }
}
