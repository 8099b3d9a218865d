import nunjucks from 'nunjucks';

/** The slice of nunjucks' parse tree this check reads. */
interface TemplateNode {
  typename: string;
  fields: string[];
  lineno: number;
  colno: number;
  value?: unknown;
  children?: TemplateNode[];
  [field: string]: unknown;
}

const parser = (nunjucks as unknown as { parser: { parse(source: string): TemplateNode } }).parser;
const GLOBALS = new Set(['range', 'cycler', 'joiner', 'loop', 'caller', 'super']);
const TOLERANT_FILTERS = new Set(['default', 'd']);

/**
 * nunjucks' `throwOnUndefined` catches `{{ typo }}` but not `{% for m in typo %}`, which renders an empty
 * loop and silently changes a query. This finds variables a template outputs or loops over that are
 * neither in the context nor set in the template, and names the first one with its line.
 */
export function findUndefinedVariable(source: string, context: Record<string, unknown>): string | undefined {
  const root = parser.parse(source);
  const bound = new Set<string>();
  const used: TemplateNode[] = [];
  walk(root, (node) => {
    if (node.typename === 'For') bindTargets(node['name'], bound);
    if (node.typename === 'Set') for (const target of asList(node['targets'])) bindTargets(target, bound);
    if (node.typename === 'Macro') {
      bindTargets(node['name'], bound);
      walk(node['args'], (arg) => {
        if (arg.typename === 'Symbol') bound.add(String(arg.value));
      });
    }
    if (node.typename === 'Import' || node.typename === 'FromImport') walk(node, (n) => n.typename === 'Symbol' && bound.add(String(n.value)));
    if (node.typename === 'For') used.push(...rootSymbol(node['arr']));
    if (node.typename === 'Output') for (const child of node.children ?? []) used.push(...rootSymbol(child));
  });
  const missing = used.find((symbol) => {
    const name = String(symbol.value);
    return !(name in context) && !bound.has(name) && !GLOBALS.has(name);
  });
  return missing ? `line ${missing.lineno + 1}, column ${missing.colno + 1}: "${String(missing.value)}" is not defined` : undefined;
}

function rootSymbol(node: unknown): TemplateNode[] {
  if (!isNode(node)) return [];
  if (node.typename === 'Symbol') return [node];
  if (node.typename === 'LookupVal') return rootSymbol(node['target']);
  if (node.typename === 'Filter') {
    const filter = node['name'];
    if (isNode(filter) && TOLERANT_FILTERS.has(String(filter.value))) return [];
    return rootSymbol(asList(node['args'])[0]);
  }
  return [];
}

function bindTargets(target: unknown, bound: Set<string>): void {
  walk(target, (node) => {
    if (node.typename === 'Symbol') bound.add(String(node.value));
  });
}

function walk(node: unknown, visit: (node: TemplateNode) => void): void {
  if (!isNode(node)) return;
  visit(node);
  for (const field of node.fields) if (field !== 'children') walk(node[field], visit);
  for (const child of node.children ?? []) walk(child, visit);
}

function asList(node: unknown): TemplateNode[] {
  if (Array.isArray(node)) return node.filter(isNode);
  return isNode(node) ? (node.children ?? [node]) : [];
}

function isNode(value: unknown): value is TemplateNode {
  return typeof value === 'object' && value !== null && 'typename' in value && 'fields' in value;
}
