// Attachment storage behind an interface; a local folder by default (UPLOAD_DIR).
import "server-only";
import { randomUUID } from "node:crypto";
import fs from "node:fs/promises";
import path from "node:path";
import { env } from "@/app/_core/env";

export interface FileStorage {
  put(bytes: Uint8Array): Promise<string>;
  get(key: string): Promise<Buffer>;
  remove(key: string): Promise<void>;
}

/** Stores files as `<dir>/<yyyy-mm>/<uuid>`; keys never contain user input. */
export function localFolderStorage(dir: string): FileStorage {
  const full = (key: string) => {
    if (!/^\d{4}-\d{2}\/[0-9a-f-]{36}$/.test(key)) throw new Error("invalid storage key");
    return path.join(dir, key);
  };
  return {
    async put(bytes) {
      const key = `${new Date().toISOString().slice(0, 7)}/${randomUUID()}`;
      const target = full(key);
      await fs.mkdir(path.dirname(target), { recursive: true });
      const tmp = `${target}.tmp`;
      await fs.writeFile(tmp, bytes);
      await fs.rename(tmp, target);
      return key;
    },
    get: (key) => fs.readFile(full(key)),
    remove: (key) => fs.rm(full(key), { force: true }),
  };
}

let instance: FileStorage | undefined;
/** The configured storage. */
export function storage(): FileStorage {
  instance ??= localFolderStorage(path.resolve(env().UPLOAD_DIR));
  return instance;
}
