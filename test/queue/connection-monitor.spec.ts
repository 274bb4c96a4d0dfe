import { setTimeout as sleep } from "node:timers/promises";
import { afterEach, describe, expect, it, vi } from "vitest";
import { useSandbox } from "../support/sandbox";
import {
  ConnectionMonitor,
  type ConnectionMonitorOptions,
} from "../../electron/core/connection-monitor";
import { KrakenClient } from "../../electron/core/kraken-client";
import type { ConnectionState } from "../../shared/views";

const sandbox = useSandbox();
const monitors: ConnectionMonitor[] = [];

afterEach(() => {
  for (const monitor of monitors.splice(0)) {
    monitor.stop();
  }
  sandbox().control.reset();
  vi.useRealTimers();
});

/**
 * Creates a monitor whose own retry probes wait 30 s (half of a fixed 60 s backoff), so only
 * the test's probes reach the sandbox.
 */
function createMonitor(
  options: ConnectionMonitorOptions = {},
): ConnectionMonitor {
  const client = new KrakenClient({
    apiUrl: sandbox().url,
    maxRetries: 0,
    timeoutMs: 2_000,
  });
  const monitor = new ConnectionMonitor(client, {
    debounceMs: 50,
    backoff: { baseDelayMs: 60_000, maxDelayMs: 60_000 },
    random: () => 0.5,
    ...options,
  });
  monitors.push(monitor);
  return monitor;
}

function recordAnnouncements(monitor: ConnectionMonitor): ConnectionState[] {
  const announced: ConnectionState[] = [];
  monitor.onChange((view) => announced.push(view.state));
  return announced;
}

describe("ConnectionMonitor probes", () => {
  it("online when the endpoint answers", async () => {
    const monitor = createMonitor();

    const state = await monitor.probe();

    expect(state).toBe("online");
    expect(monitor.view().state).toBe("online");
    expect(monitor.view().checkedAt).not.toBeNull();
  });

  it("offline when the connection resets", async () => {
    const monitor = createMonitor();
    sandbox().control.setOffline(true);

    const state = await monitor.probe();

    expect(state).toBe("offline");
  });

  it("offline on a proxy's HTML 403 page", async () => {
    const monitor = createMonitor();
    sandbox().control.failNext({
      kind: "html-403",
      operationName: "connectionProbe",
    });

    const blocked = await monitor.probe();
    const after = await monitor.probe();

    expect(blocked).toBe("offline");
    expect(after).toBe("online");
  });

  it("back online after offline", async () => {
    const monitor = createMonitor();
    sandbox().control.setOffline(true);
    const offline = await monitor.probe();
    sandbox().control.setOffline(false);

    const online = await monitor.probe();

    expect(offline).toBe("offline");
    expect(online).toBe("online");
  });

  it("system offline sends no request", async () => {
    const monitor = createMonitor();
    await monitor.probe();
    const requestsBefore = sandbox().control.stats().requests;

    const state = await monitor.probe(true);

    expect(state).toBe("offline");
    expect(sandbox().control.stats().requests).toBe(requestsBefore);
  });

  it("concurrent probes send one request", async () => {
    const monitor = createMonitor();
    const requestsBefore = sandbox().control.stats().requests;

    const [first, second] = await Promise.all([
      monitor.probe(),
      monitor.probe(),
    ]);

    expect(first).toBe("online");
    expect(second).toBe("online");
    expect(sandbox().control.stats().requests - requestsBefore).toBe(1);
  });
});

describe("ConnectionMonitor announcements", () => {
  it("announces a state after the debounce", async () => {
    const monitor = createMonitor();
    const announced = recordAnnouncements(monitor);

    await monitor.probe();
    const announcedAtOnce = [...announced];
    await vi.waitFor(() => {
      expect(announced).toEqual(["online"]);
    });

    expect(announcedAtOnce).toEqual([]);
    expect(monitor.announcedView().state).toBe("online");
  });

  it("flapping announces at most the final state", async () => {
    const debounceMs = 1_000;
    const monitor = createMonitor({ debounceMs });
    await monitor.probe();
    await vi.waitFor(
      () => {
        expect(monitor.announcedView().state).toBe("online");
      },
      { timeout: 5_000 },
    );
    const announced = recordAnnouncements(monitor);

    // Each state lasts about 150 ms, far below the debounce, and the flapping outlasts it.
    for (let flip = 0; flip < 10; flip++) {
      sandbox().control.setOffline(flip % 2 === 0);
      await monitor.probe();
      await sleep(140);
    }
    const finalState = monitor.view().state;
    await sleep(debounceMs + 300);

    expect(finalState).toBe("online");
    expect(announced.length).toBeLessThanOrEqual(1);
    expect(announced.filter((state) => state !== finalState)).toEqual([]);
  });

  it("state must hold for the debounce", () => {
    vi.useFakeTimers();
    const monitor = createMonitor({ debounceMs: 1_000 });
    const announced = recordAnnouncements(monitor);

    monitor.reportUnreachable();
    vi.advanceTimersByTime(900);
    monitor.reportReachable();
    vi.advanceTimersByTime(50);
    monitor.reportUnreachable();
    // 1,010 ms after the first change, but offline has held for only 60 ms.
    vi.advanceTimersByTime(60);
    const announcedEarly = [...announced];
    vi.advanceTimersByTime(1_000);

    expect(announcedEarly).toEqual([]);
    expect(announced).toEqual(["offline"]);
  });
});
