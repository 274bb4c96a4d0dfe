/**
 * A small persistent map. Main backs it with electron-store; tests and the CLI use
 * `JsonFileStore`, which writes atomically (temp file, fsync, rename) with mode 0600.
 */

import {
  closeSync,
  fsyncSync,
  mkdirSync,
  openSync,
  readFileSync,
  renameSync,
  rmSync,
  writeSync,
} from "node:fs";
import { dirname } from "node:path";

export interface KeyValueStore {
  get(key: string): unknown;
  set(key: string, value: unknown): void;
  delete(key: string): void;
}

export class JsonFileStore implements KeyValueStore {
  private values: Record<string, unknown>;

  constructor(private readonly path: string) {
    this.values = readJsonObject(path);
  }

  get(key: string): unknown {
    return this.values[key];
  }

  set(key: string, value: unknown): void {
    this.values = { ...this.values, [key]: value };
    this.write();
  }

  delete(key: string): void {
    if (!(key in this.values)) {
      return;
    }
    const { [key]: _removed, ...rest } = this.values;
    this.values = rest;
    this.write();
  }

  private write(): void {
    writeFileAtomic(this.path, JSON.stringify(this.values));
  }
}

function readJsonObject(path: string): Record<string, unknown> {
  let text: string;
  try {
    text = readFileSync(path, "utf8");
  } catch {
    return {};
  }
  try {
    const parsed: unknown = JSON.parse(text);
    return typeof parsed === "object" &&
      parsed !== null &&
      !Array.isArray(parsed)
      ? (parsed as Record<string, unknown>)
      : {};
  } catch {
    // An unreadable settings file contains nothing worth keeping, because signing in re-creates
    // the session. Start empty rather than fail to start.
    return {};
  }
}

/** Writes a file so that a crash leaves either the old or the new content, never a mix. */
export function writeFileAtomic(path: string, content: string | Buffer): void {
  mkdirSync(dirname(path), { recursive: true, mode: 0o700 });
  const temporary = `${path}.${process.pid}.tmp`;
  const bytes =
    typeof content === "string" ? Buffer.from(content, "utf8") : content;
  try {
    const fd = openSync(temporary, "w", 0o600);
    try {
      writeAll(fd, bytes);
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
    renameSync(temporary, path);
  } catch (error) {
    rmSync(temporary, { force: true });
    throw error;
  }
}

/** Writes every byte: one `writeSync` may write fewer than asked, e.g. on a nearly full disk. */
export function writeAll(fd: number, bytes: Buffer): void {
  let written = 0;
  while (written < bytes.length) {
    written += writeSync(fd, bytes, written, bytes.length - written);
  }
}

/** An in-memory store whose values are lost on exit, for one-off CLI runs. */
export class MemoryStore implements KeyValueStore {
  private readonly values = new Map<string, unknown>();

  get(key: string): unknown {
    return this.values.get(key);
  }

  set(key: string, value: unknown): void {
    this.values.set(key, value);
  }

  delete(key: string): void {
    this.values.delete(key);
  }
}
