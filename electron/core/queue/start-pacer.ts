/**
 * Spaces request starts at least `intervalMs` apart, measured from when each request actually
 * started. Callers take turns in call order, so a stalled event loop delays the next start
 * instead of letting every waiting worker start at once when their timers fire together.
 */

import { sleep } from "../backoff";

export interface StartTurn {
  /** Records that the request starts now and lets the next caller wait for its turn. */
  started(): void;
  /** Gives the turn up without starting a request. Does nothing after `started`. */
  release(): void;
}

export class StartPacer {
  private lastStartAt = Number.NEGATIVE_INFINITY;
  private previousTurn: Promise<void> = Promise.resolve();

  constructor(
    private readonly intervalMs: number,
    private readonly now: () => number,
  ) {}

  /**
   * Waits until the earlier callers have started or given up and the interval since the last
   * start has passed. Resolves at once, without waiting, when `cancelled` returns true.
   */
  async nextTurn(cancelled: () => boolean): Promise<StartTurn> {
    const earlier = this.previousTurn;
    let endTurn: () => void = () => undefined;
    this.previousTurn = new Promise<void>((resolve) => {
      endTurn = resolve;
    });
    let ended = false;
    const turn: StartTurn = {
      started: () => {
        if (!ended) {
          this.lastStartAt = this.now();
        }
        turn.release();
      },
      release: () => {
        ended = true;
        endTurn();
      },
    };

    await earlier;
    // A loop, because a timer may fire a millisecond before the clock shows the interval passed.
    for (let wait = this.remainingMs(); wait > 0; wait = this.remainingMs()) {
      if (cancelled()) {
        break;
      }
      await sleep(wait);
    }
    return turn;
  }

  private remainingMs(): number {
    return this.lastStartAt + this.intervalMs - this.now();
  }
}
