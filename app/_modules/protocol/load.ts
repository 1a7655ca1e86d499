// Reads content/protocols/*.yaml from disk. Kept apart from definition.ts so the engine stays free of node:fs.
import "server-only";
import fs from "node:fs";
import path from "node:path";
import { parseProtocolFile, resolveProtocols, type ProtocolDefinition, type ProtocolSet } from "./engine/definition";

/** The folder that holds the protocol files, relative to the repository root. */
export const PROTOCOLS_DIR = path.join("content", "protocols");

/** Parses every *.yaml / *.yml file of a folder (sorted by name) and resolves `extends`. */
export function loadProtocolsFromDir(dir: string = path.resolve(PROTOCOLS_DIR)): ProtocolSet {
  return resolveProtocols(readProtocolDefinitions(dir));
}

/** The validated, unresolved definitions of a folder (for the seed, which stores each file). */
export function readProtocolDefinitions(dir: string): ProtocolDefinition[] {
  const files = fs
    .readdirSync(dir)
    .filter((f) => /\.ya?ml$/i.test(f))
    .sort();
  return files.map((f) => {
    const full = path.join(dir, f);
    const rel = path.relative(process.cwd(), full);
    // Name the file as the editor knows it (content/protocols/x.yaml) when it lies under the working directory.
    const shown = rel && !rel.startsWith("..") && !path.isAbsolute(rel) ? rel.split(path.sep).join("/") : full;
    return parseProtocolFile(fs.readFileSync(full, "utf8"), shown);
  });
}
