/**
 * A full disk while queuing: every check the queue acknowledged must still be there after a
 * restart, and a failed write must not damage the file. Uses a real 64 KiB tmpfs, so it runs
 * only where this process may mount one (root on Linux).
 */

import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { AesGcmCipher } from "../../electron/core/aes-gcm-cipher";
import { toCheckError } from "../../electron/core/kraken-errors";
import { CheckQueue, QUEUE_FILE } from "../../electron/core/queue/check-queue";

function tryMountTmpfs(path: string): boolean {
  if (process.platform !== "linux" || process.getuid?.() !== 0) {
    return false;
  }
  try {
    execFileSync("mount", ["-t", "tmpfs", "-o", "size=64k", "tmpfs", path], {
      stdio: "ignore",
    });
    return true;
  } catch {
    return false;
  }
}

const mountPoint = mkdtempSync(join(tmpdir(), "queue-disk-full-"));
const mounted = tryMountTmpfs(mountPoint);

describe.skipIf(!mounted)("queue on a full disk", () => {
  const dataDir = join(mountPoint, "data");
  const filler = join(mountPoint, "filler");

  beforeAll(() => {
    // Leave room for the queue to open, then take most of the rest.
    CheckQueue.open({
      dataDir,
      cipher: new AesGcmCipher(),
      toCheckError,
    }).close();
    writeFileSync(filler, Buffer.alloc(40 * 1024));
  });

  afterAll(() => {
    execFileSync("umount", [mountPoint]);
    rmSync(mountPoint, { recursive: true, force: true });
  });

  it("keeps every acknowledged check", () => {
    const cipher = new AesGcmCipher();
    const queue = CheckQueue.open({ dataDir, cipher, toCheckError });
    const acknowledged: string[] = [];
    let failure: unknown = null;

    for (
      let number = 0x1000;
      number < 0x1000 + 2_000 && failure === null;
      number++
    ) {
      const accountNumber = `A-${number.toString(16).toUpperCase()}`;
      try {
        queue.enqueue(accountNumber);
        acknowledged.push(accountNumber);
      } catch (error) {
        failure = error;
      }
    }
    queue.close();
    const text = readFileSync(join(dataDir, QUEUE_FILE), "utf8");
    rmSync(filler);
    const reopened = CheckQueue.open({ dataDir, cipher, toCheckError });
    const stored = reopened.view().items.map((item) => item.accountNumber);
    reopened.close();

    expect((failure as NodeJS.ErrnoException | null)?.code).toBe("ENOSPC");
    expect(text.endsWith("\n")).toBe(true);
    expect(stored).toEqual(acknowledged);
    expect(reopened.view().recoveredFromCorruptFile).toBe(false);
  });
});
