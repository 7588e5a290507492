import type { TooMuchWorkError } from '../domain/errors.js';

/** Items a loop over a whole trace handles between two pauses (views, sums). */
export const ITEMS_PER_STEP = 4096;

/** How long pausable work runs before it gives the event loop a turn. */
const SLICE_MS = 8;

/** Gives the event loop a turn. */
export const pause = () => new Promise<void>((resolve) => setImmediate(resolve));

/**
 * For loops whose items cost very different amounts (an actor with one flow, the treasury with
 * 250,000): `turn()` gives the event loop a turn once SLICE_MS have passed since the last one
 * (undefined otherwise: `await` it every few hundred items).
 */
export interface Pacer {
  turn(): Promise<void> | undefined;
}

export function pacer(): Pacer {
  let slice = performance.now();
  return {
    turn() {
      if (performance.now() - slice < SLICE_MS) return undefined;
      return pause().then(() => {
        slice = performance.now();
      });
    },
  };
}

/** Budgets of the work running now, so that a shutdown can bring their deadlines forward. */
const running = new Set<WorkBudget>();

/**
 * The time a piece of heavy work (a trace) may take: past its deadline the work stops at its
 * next pause with a TooMuchWorkError that says what to narrow.
 */
export class WorkBudget {
  private at: number;

  constructor(
    ms: number,
    private readonly tooLong: () => TooMuchWorkError,
  ) {
    this.at = performance.now() + ms;
  }

  /** Milliseconds left; undefined when the work has no deadline. */
  remaining(): number | undefined {
    return Number.isFinite(this.at) ? this.at - performance.now() : undefined;
  }

  /** Throws when the deadline has passed. */
  check() {
    if (performance.now() > this.at) throw this.tooLong();
  }

  /** Runs `work` with this budget counted among the running ones. */
  async run<T>(work: () => Promise<T>): Promise<T> {
    running.add(this);
    try {
      return await work();
    } finally {
      running.delete(this);
    }
  }

  /** Runs pausable work, giving the event loop a turn every few milliseconds. */
  async steps<T>(steps: Steps<T>): Promise<T> {
    const pace = pacer();
    for (;;) {
      const next = steps.next();
      if (next.done) return next.value;
      const turn = pace.turn();
      if (turn) {
        await turn;
        this.check();
      }
    }
  }

  /** Brings the deadline forward to at most `ms` from now. */
  shorten(ms: number) {
    this.at = Math.min(this.at, performance.now() + ms);
  }
}

/** On shutdown: the work still running must end within `ms` (or fail as too long). */
export function hurryRunningWork(ms: number) {
  for (const budget of running) budget.shorten(ms);
}

/**
 * Work that pauses: a generator that yields every so often so that its caller can give the
 * event loop a turn, or stop it (see `WorkBudget.steps`); `drain` runs one through.
 */
export type Steps<T> = Generator<void, T, void>;

export function drain<T>(steps: Steps<T>): T {
  for (;;) {
    const next = steps.next();
    if (next.done) return next.value;
  }
}
