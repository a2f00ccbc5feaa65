import { readdir, readFile } from 'node:fs/promises';
import { builtinModules } from 'node:module';
import path from 'node:path';
import ts from 'typescript';
import { mainFolderRule } from './main-folder-rules';

/**
 * One import that the "Import rules" table in docs/architecture.md forbids, one between
 * folders of main/ that main-folder-rules.ts forbids, or one by which a simulator under test/sim/ would
 * take the app's own license code instead of implementing authentik's.
 */
export interface Breach {
  /** The importing file, relative to the scanned root, with `/` separators. */
  file: string;
  /** The module specifier exactly as written in the source. */
  specifier: string;
  /** Which rule of the table the import breaks, in words. */
  rule: string;
}

type Layer = 'shared' | 'main' | 'preload' | 'renderer';

const LAYERS: readonly Layer[] = ['shared', 'main', 'preload', 'renderer'];

/** Shared files the sandboxed preload may import as values: channel names, the Api type, the Result type. */
const PRELOAD_SHARED_VALUE_FILES = new Set(['shared/ipc/channels', 'shared/ipc/api', 'shared/ipc/result']);
/** Shared files the preload may import only with `import type` / `export type` (they pull in zod). */
const PRELOAD_SHARED_TYPE_ONLY_FILES = new Set(['shared/ipc/contract']);

const SCRIPT_EXTENSION = /\.(?:d\.)?(?:[cm]?ts|tsx|[cm]?js|jsx)$/;

/** The simulators' folder, and what they may not import: tests comparing the app with them would compare it with itself. */
const SIMULATORS = 'test/sim';
const APP_LICENSE_CODE = ['main', 'shared/license'] as const;

interface ImportSite {
  specifier: string;
  /** True only when the whole import/export is erased at compile time (`import type`, `export type`, `typeof import()`). */
  typeOnly: boolean;
  /** False for a dynamic `import(x)` / `require(x)` whose argument is not a string literal. */
  literal: boolean;
}

/**
 * Scans `.ts`/`.tsx` files under shared/, main/, preload/, renderer/ and test/sim/ of `rootDir` and returns
 * every import that breaks the rules.
 */
export async function findImportBreaches(rootDir: string): Promise<Breach[]> {
  const root = path.resolve(rootDir);
  const breaches: Breach[] = [];
  const scan = async (
    dir: string,
    ruleOf: (file: string, absolute: string, site: ImportSite) => string | undefined,
  ): Promise<void> => {
    for (const absolute of await sourceFiles(path.join(root, dir))) {
      const file = toPosix(path.relative(root, absolute));
      const text = await readFile(absolute, 'utf8');
      for (const site of importSites(absolute, text)) {
        const rule = ruleOf(file, absolute, site);
        if (rule !== undefined) breaches.push({ file, specifier: site.specifier, rule });
      }
    }
  };
  for (const layer of LAYERS)
    await scan(layer, (file, absolute, site) => breachedRule(root, file, layer, absolute, site));
  await scan(SIMULATORS, (_file, absolute, site) => simulatorRule(root, absolute, site));
  return breaches.sort((a, b) => a.file.localeCompare(b.file) || a.specifier.localeCompare(b.specifier));
}

async function sourceFiles(dir: string): Promise<string[]> {
  let entries;
  try {
    entries = await readdir(dir, { withFileTypes: true });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return [];
    throw error;
  }
  const files: string[] = [];
  for (const entry of entries) {
    const absolute = path.join(dir, entry.name);
    if (entry.isDirectory()) {
      if (entry.name === 'node_modules') continue;
      files.push(...(await sourceFiles(absolute)));
    } else if (entry.isFile() && /\.tsx?$/.test(entry.name)) {
      files.push(absolute);
    }
  }
  return files;
}

/** Every module reference in a file, found by walking the TypeScript AST. */
function importSites(fileName: string, text: string): ImportSite[] {
  const kind = fileName.endsWith('.tsx') ? ts.ScriptKind.TSX : ts.ScriptKind.TS;
  const sourceFile = ts.createSourceFile(fileName, text, ts.ScriptTarget.Latest, true, kind);
  const sites: ImportSite[] = [];
  const addLiteral = (node: ts.Expression | undefined, typeOnly: boolean): void => {
    if (node !== undefined && ts.isStringLiteralLike(node))
      sites.push({ specifier: node.text, typeOnly, literal: true });
  };
  const addCallArgument = (argument: ts.Expression | undefined): void => {
    if (argument !== undefined && ts.isStringLiteralLike(argument))
      sites.push({ specifier: argument.text, typeOnly: false, literal: true });
    else
      sites.push({
        specifier: argument === undefined ? '' : argument.getText(sourceFile),
        typeOnly: false,
        literal: false,
      });
  };

  const visit = (node: ts.Node): void => {
    if (ts.isImportDeclaration(node)) {
      addLiteral(node.moduleSpecifier, node.importClause?.isTypeOnly === true);
    } else if (ts.isExportDeclaration(node)) {
      addLiteral(node.moduleSpecifier, node.isTypeOnly);
    } else if (ts.isImportEqualsDeclaration(node) && ts.isExternalModuleReference(node.moduleReference)) {
      addLiteral(node.moduleReference.expression, node.isTypeOnly);
    } else if (ts.isImportTypeNode(node)) {
      const argument = node.argument;
      if (ts.isLiteralTypeNode(argument)) addLiteral(argument.literal as ts.Expression, true);
    } else if (ts.isCallExpression(node)) {
      if (node.expression.kind === ts.SyntaxKind.ImportKeyword) addCallArgument(node.arguments[0]);
      else if (ts.isIdentifier(node.expression) && node.expression.text === 'require')
        addCallArgument(node.arguments[0]);
    }
    ts.forEachChild(node, visit);
  };
  visit(sourceFile);
  return sites;
}

function breachedRule(
  root: string,
  file: string,
  layer: Layer,
  absolute: string,
  site: ImportSite,
): string | undefined {
  const { specifier } = site;
  if (!site.literal) return `${layer}/: import specifiers must be string literals so the import rules can check them`;

  if (specifier.startsWith('.') || path.isAbsolute(specifier)) {
    const target = toPosix(path.relative(root, path.resolve(path.dirname(absolute), specifier)));
    const targetLayer = LAYERS.find((candidate) => target === candidate || target.startsWith(`${candidate}/`));
    if (targetLayer === undefined)
      return `${layer}/ may import only from shared/, main/, preload/ or renderer/ (this lands in ${target})`;
    const targetModule = target.replace(SCRIPT_EXTENSION, '');
    return (
      layerRule(layer, targetLayer, targetModule, site.typeOnly) ??
      (layer === 'main' ? mainFolderRule(file, targetModule) : undefined)
    );
  }

  if (specifier.startsWith('node:') || builtinModules.includes(specifier)) return nodeRule(layer);
  return packageRule(file, layer, specifier);
}

/** test/sim/ may import anything (packages, node:*, test/pki, shared/time …) except the app's license code, types included. */
function simulatorRule(root: string, absolute: string, site: ImportSite): string | undefined {
  if (!site.literal)
    return `${SIMULATORS}/: import specifiers must be string literals so the import rules can check them`;
  if (!site.specifier.startsWith('.') && !path.isAbsolute(site.specifier)) return undefined;
  const target = toPosix(path.relative(root, path.resolve(path.dirname(absolute), site.specifier)));
  const forbidden = APP_LICENSE_CODE.find((folder) => target === folder || target.startsWith(`${folder}/`));
  if (forbidden === undefined) return undefined;
  return `${SIMULATORS}/ may not import ${forbidden}/ (type imports included): a simulator implements authentik's rules itself, or tests compare the app with itself`;
}

function layerRule(layer: Layer, target: Layer, targetModule: string, typeOnly: boolean): string | undefined {
  switch (layer) {
    case 'shared':
      return target === 'shared' ? undefined : `shared/ may not import ${target}/`;
    case 'main':
      return target === 'shared' || target === 'main' ? undefined : `main/ may not import ${target}/`;
    case 'renderer':
      return target === 'shared' || target === 'renderer' ? undefined : `renderer/ may not import ${target}/`;
    case 'preload':
      if (target === 'preload') return undefined;
      if (target !== 'shared') return `preload/ may not import ${target}/`;
      if (PRELOAD_SHARED_VALUE_FILES.has(targetModule)) return undefined;
      if (PRELOAD_SHARED_TYPE_ONLY_FILES.has(targetModule)) {
        return typeOnly
          ? undefined
          : `preload/ may import ${targetModule}.ts only with \`import type\` (a value import bundles zod into the sandboxed preload)`;
      }
      return `preload/ may import from shared/ only shared/ipc/channels.ts, api.ts, result.ts and (type-only) contract.ts, not ${targetModule}`;
  }
}

function nodeRule(layer: Layer): string | undefined {
  return layer === 'main' ? undefined : `${layer}/ may not import Node built-ins (node:*)`;
}

function packageRule(file: string, layer: Layer, specifier: string): string | undefined {
  const name = packageName(specifier);
  if (name === undefined) return `${layer}/: unrecognised module specifier`;
  const isElectronShell = file === 'main/index.ts' || file.startsWith('main/electron/');
  switch (layer) {
    case 'shared':
      return name === 'zod' ? undefined : `shared/ may import only the zod package (pure), not ${name}`;
    case 'renderer':
      if (name === 'electron') return 'renderer/ may not import electron';
      return isRendererPackage(specifier)
        ? undefined
        : `renderer/ may import only react, react-dom, react-dom/client, zustand, zustand/*, @tanstack/react-query, @tanstack/react-virtual and zod, not ${specifier}`;
    case 'preload':
      if (name !== 'electron') return `preload/ may import only the electron package, not ${name}`;
      return file === 'preload/index.ts' ? undefined : 'preload/ may import electron only from preload/index.ts';
    case 'main':
      if (name === 'electron' && !isElectronShell)
        return 'main/ may import electron only from main/electron/** and main/index.ts';
      return undefined;
  }
}

function isRendererPackage(specifier: string): boolean {
  return (
    [
      'react',
      'react-dom',
      'react-dom/client',
      'zustand',
      'zod',
      '@tanstack/react-query',
      '@tanstack/react-virtual',
    ].includes(specifier) ||
    specifier.startsWith('zustand/') ||
    specifier.startsWith('zod/')
  );
}

/** `@scope/name/sub` → `@scope/name`, `name/sub` → `name`; undefined for specifiers that are not package names (`#imports`, URLs). */
function packageName(specifier: string): string | undefined {
  const parts = specifier.split('/');
  const name = specifier.startsWith('@') ? parts.slice(0, 2).join('/') : parts[0];
  if (name === undefined || !/^(?:@[a-z0-9][\w.-]*\/)?[a-z0-9][\w.-]*$/i.test(name)) return undefined;
  return name;
}

function toPosix(relative: string): string {
  return relative.split(path.sep).join('/');
}
