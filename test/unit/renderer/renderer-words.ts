import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import ts from 'typescript';

/**
 * The renderer's visible words, read with the TypeScript compiler, and the internal identifiers among them.
 *
 * What counts as visible (and is scanned):
 * - JSX text: `<p>words</p>`;
 * - the JSX attributes people read or hear: title, aria-label, aria-description, placeholder, alt, label;
 * - string literals and template texts inside a JSX child expression: `{busy ? 'Refreshing…' : 'Refresh'}`;
 * - every string of a words file (`*-words.ts`, the renderer's phrase books);
 * - the values of message properties anywhere (title, detail, message, lead, hint, headline, meaning, words,
 *   problem), which is how toasts and message builders carry their words.
 *
 * What never counts: import paths, other JSX attributes (className, data-testid, key, id, href, type…),
 * object keys, type positions, strings compared in code (`===`, `!==`, `case`, `in`, element access),
 * and anything under a technical-detail component: `<TechnicalDetails>` or an element whose className
 * includes `technical`, where internal codes belong.
 *
 * What offends: a snake_case token (`latest_valid`, `install_id_mismatch`) or a command-line flag (`--ca`).
 */
export interface Offence {
  file: string;
  line: number;
  text: string;
  rule: 'snake_case' | 'cli flag';
}

const SNAKE_CASE = /\b[a-z]+(?:_[a-z]+)+\b/;
const CLI_FLAG = /(?:^|\s)--[a-z]/;
const VISIBLE_ATTRIBUTES = new Set(['title', 'aria-label', 'aria-description', 'placeholder', 'alt', 'label']);
const MESSAGE_PROPERTIES = new Set([
  'title',
  'detail',
  'message',
  'lead',
  'hint',
  'headline',
  'meaning',
  'words',
  'problem',
]);
const COMPARISONS = new Set([
  ts.SyntaxKind.EqualsEqualsEqualsToken,
  ts.SyntaxKind.ExclamationEqualsEqualsToken,
  ts.SyntaxKind.EqualsEqualsToken,
  ts.SyntaxKind.ExclamationEqualsToken,
  ts.SyntaxKind.InKeyword,
]);

function offenceRule(text: string): Offence['rule'] | null {
  if (SNAKE_CASE.test(text)) return 'snake_case';
  if (CLI_FLAG.test(text)) return 'cli flag';
  return null;
}

function tagName(node: ts.JsxElement | ts.JsxSelfClosingElement): string {
  const tag = ts.isJsxElement(node) ? node.openingElement.tagName : node.tagName;
  return tag.getText();
}

function attributesOf(node: ts.JsxElement | ts.JsxSelfClosingElement): ts.JsxAttributes {
  return ts.isJsxElement(node) ? node.openingElement.attributes : node.attributes;
}

/** `<TechnicalDetails>` or any element whose className (a literal) includes the word `technical`. */
function isTechnical(node: ts.Node): boolean {
  if (!ts.isJsxElement(node) && !ts.isJsxSelfClosingElement(node)) return false;
  if (tagName(node) === 'TechnicalDetails') return true;
  return attributesOf(node).properties.some(
    (attribute) =>
      ts.isJsxAttribute(attribute) &&
      attribute.name.getText() === 'className' &&
      attribute.initializer !== undefined &&
      ts.isStringLiteral(attribute.initializer) &&
      /\btechnical\b/.test(attribute.initializer.text),
  );
}

/** A string whose value the code compares or looks up, never shows. */
function isComparedOrKey(node: ts.Node): boolean {
  const parent = node.parent;
  if (ts.isBinaryExpression(parent) && COMPARISONS.has(parent.operatorToken.kind)) return true;
  if (ts.isCaseClause(parent) || ts.isElementAccessExpression(parent) || ts.isLiteralTypeNode(parent)) return true;
  if ((ts.isPropertyAssignment(parent) || ts.isPropertySignature(parent)) && parent.name === node) return true;
  if (ts.isImportDeclaration(parent) || ts.isExportDeclaration(parent) || ts.isExternalModuleReference(parent))
    return true;
  return false;
}

function propertyName(node: ts.PropertyAssignment): string | null {
  return ts.isIdentifier(node.name) || ts.isStringLiteral(node.name) ? node.name.text : null;
}

/** Whether a string node sits where people read it: see the rules above. */
function isVisibleString(node: ts.Node, wordsFile: boolean): boolean {
  if (isComparedOrKey(node)) return false;
  if (wordsFile) return true;
  for (let at: ts.Node = node; at.parent !== undefined; at = at.parent) {
    const parent = at.parent;
    if (ts.isJsxAttribute(parent)) return VISIBLE_ATTRIBUTES.has(parent.name.getText());
    if (ts.isJsxExpression(parent) && (ts.isJsxElement(parent.parent) || ts.isJsxFragment(parent.parent))) return true;
    if (ts.isPropertyAssignment(parent) && parent.initializer === at) {
      const name = propertyName(parent);
      if (name !== null && MESSAGE_PROPERTIES.has(name)) return true;
    }
    // A call's arguments are the call's business (a class name builder, a query key) unless a rule above held.
    if (ts.isCallExpression(parent) || ts.isFunctionLike(parent) || ts.isSourceFile(parent)) return false;
  }
  return false;
}

function stringText(node: ts.Node): string | null {
  if (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node)) return node.text;
  if (ts.isTemplateHead(node) || ts.isTemplateMiddle(node) || ts.isTemplateTail(node)) return node.text;
  return null;
}

/** A template's pieces stand where the whole template stands. */
function templateOf(node: ts.Node): ts.Node {
  if (ts.isTemplateHead(node)) return node.parent;
  if (ts.isTemplateMiddle(node) || ts.isTemplateTail(node)) return node.parent.parent;
  return node;
}

/** The offences in one source text; `file` names it in the report and decides whether it is a words file. */
export function scanSource(file: string, text: string): Offence[] {
  const kind = file.endsWith('.tsx') ? ts.ScriptKind.TSX : ts.ScriptKind.TS;
  const source = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true, kind);
  const wordsFile = /-words\.ts$/.test(file);
  const offences: Offence[] = [];
  const report = (node: ts.Node, words: string): void => {
    const rule = offenceRule(words);
    if (rule === null) return;
    const line = source.getLineAndCharacterOfPosition(node.getStart(source)).line + 1;
    offences.push({ file, line, text: words.trim(), rule });
  };
  const visit = (node: ts.Node): void => {
    if (isTechnical(node)) return;
    if (ts.isJsxText(node)) {
      if (node.text.trim() !== '') report(node, node.text);
    } else {
      const words = stringText(node);
      if (words !== null && isVisibleString(templateOf(node), wordsFile)) report(node, words);
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return offences;
}

async function sourceFiles(folder: string): Promise<string[]> {
  const entries = await readdir(folder, { withFileTypes: true, recursive: true });
  return entries
    .filter((entry) => entry.isFile() && /\.tsx?$/.test(entry.name) && !entry.name.endsWith('.d.ts'))
    .map((entry) => path.join(entry.parentPath, entry.name));
}

/** The offences in every renderer source file under `root`/renderer, with paths relative to `root`. */
export async function scanRenderer(root: string): Promise<Offence[]> {
  const files = await sourceFiles(path.join(root, 'renderer'));
  const found = await Promise.all(
    files.map(async (file) =>
      scanSource(path.relative(root, file).split(path.sep).join('/'), await readFile(file, 'utf8')),
    ),
  );
  return found.flat();
}
