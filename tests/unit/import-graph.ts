// The import graph of app/ as the bundler sees it: value imports only (TypeScript drops an import used only as a
// type, so it is transpiled first and the imports are read from the output), `export … from`, and import().
// Used by server-only.test.ts to find the modules a "use client" file pulls into the browser bundle.
import fs from "node:fs";
import path from "node:path";
import ts from "typescript";

export type SourceFiles = Map<string, string>; // repo-relative path -> source text

const EXTENSIONS = [".ts", ".tsx", "/index.ts", "/index.tsx"];

/** Every .ts/.tsx file under the given folders (repo-relative, forward slashes), generated code left out. */
export function readSources(root: string, folders: string[]): SourceFiles {
  const files: SourceFiles = new Map();
  const walk = (dir: string) => {
    for (const entry of fs.readdirSync(path.join(root, dir), { withFileTypes: true })) {
      const rel = `${dir}/${entry.name}`;
      if (entry.isDirectory()) {
        if (entry.name !== "_generated" && entry.name !== "node_modules") walk(rel);
      } else if (/\.tsx?$/.test(entry.name) && !entry.name.endsWith(".d.ts")) {
        files.set(rel, fs.readFileSync(path.join(root, rel), "utf8"));
      }
    }
  };
  for (const folder of folders) walk(folder);
  return files;
}

/** The file's first statement is the given directive ("use client", "use server"). */
export function hasDirective(source: string, directive: string): boolean {
  return directives(source).includes(directive);
}

const directiveCache = new Map<string, string[]>();

function directives(source: string): string[] {
  if (!directiveCache.has(source)) directiveCache.set(source, readDirectives(source));
  return directiveCache.get(source)!;
}

function readDirectives(source: string): string[] {
  const found: string[] = [];
  const sf = ts.createSourceFile("x.tsx", source, ts.ScriptTarget.Latest, false, ts.ScriptKind.TSX);
  for (const statement of sf.statements) {
    if (!ts.isExpressionStatement(statement) || !ts.isStringLiteral(statement.expression)) break;
    found.push(statement.expression.text);
  }
  return found;
}

const imported = new Map<string, string[]>();

/** The module specifiers a file imports at run time (type-only imports are dropped, as the compiler does). */
export function valueImports(file: string, source: string): string[] {
  const key = `${file}\0${source}`;
  if (!imported.has(key)) imported.set(key, transpiledImports(file, source));
  return imported.get(key)!;
}

function transpiledImports(file: string, source: string): string[] {
  const js = ts.transpileModule(source, {
    fileName: file,
    compilerOptions: { module: ts.ModuleKind.ESNext, target: ts.ScriptTarget.ES2022, jsx: ts.JsxEmit.Preserve },
  }).outputText;
  return ts.preProcessFile(js, true, true).importedFiles.map((f) => f.fileName);
}

/** Resolves "@/…" and relative specifiers to a file in `files`; packages and unknown paths give null. */
export function resolveImport(files: SourceFiles, from: string, specifier: string): string | null {
  let base: string;
  if (specifier.startsWith("@/")) base = specifier.slice(2);
  else if (specifier.startsWith(".")) base = path.posix.normalize(path.posix.join(path.posix.dirname(from), specifier));
  else return null;
  if (files.has(base)) return base;
  for (const ext of EXTENSIONS) if (files.has(base + ext)) return base + ext;
  return null;
}

/**
 * Every file a "use client" file brings into the client bundle, with the chain that brings it in. A "use server"
 * file is not followed: a client component imports it as references to server actions, not as code.
 */
export function clientReachable(files: SourceFiles): Map<string, string[]> {
  const reached = new Map<string, string[]>();
  const queue: string[] = [];
  for (const [file, source] of files) {
    if (hasDirective(source, "use client")) {
      reached.set(file, [file]);
      queue.push(file);
    }
  }
  while (queue.length > 0) {
    const file = queue.shift()!;
    for (const specifier of valueImports(file, files.get(file)!)) {
      const target = resolveImport(files, file, specifier);
      if (!target || reached.has(target) || hasDirective(files.get(target)!, "use server")) continue;
      reached.set(target, [...reached.get(file)!, target]);
      queue.push(target);
    }
  }
  return reached;
}

/** The file imports the "server-only" marker. */
export function importsServerOnly(file: string, source: string): boolean {
  return valueImports(file, source).includes("server-only");
}
