import { azureFailure } from './failure.js';

/** An abort signal that fires when one page has taken longer than the deadline: the pipeline stops retrying and waiting. */
export class PageDeadline {
  private readonly controller = new AbortController();
  private timer: NodeJS.Timeout | undefined;

  constructor(readonly ms: number) {}

  get signal(): AbortSignal {
    return this.controller.signal;
  }

  restart(): void {
    this.pause();
    this.timer = setTimeout(() => this.controller.abort(), this.ms);
  }

  pause(): void {
    clearTimeout(this.timer);
    this.timer = undefined;
  }
}

/**
 * The pages of an SDK listing (`byPage()` of a listing given `deadline.signal`), each awaited within the deadline. A
 * page that fails after the pipeline's retries, or takes longer than the deadline, ends the listing with a
 * SweepFailure for `what` ('Azure subscription … : listing network security groups').
 */
export async function* pagesWithin<T>(pages: AsyncIterator<T[]>, deadline: PageDeadline, what: string): AsyncGenerator<T[]> {
  while (true) {
    deadline.restart();
    let next: IteratorResult<T[]>;
    try {
      next = await pages.next();
    } catch (error) {
      throw azureFailure(what, error, deadline.signal.aborted ? deadline.ms : undefined);
    } finally {
      // The deadline is for ARM's answer, not for the time the caller takes with a page.
      deadline.pause();
    }
    if (next.done) return;
    yield next.value;
  }
}

/** The items of an SDK listing's pages, each page awaited within the deadline (see pagesWithin). */
export async function* itemsWithin<T>(pages: AsyncIterator<T[]>, deadline: PageDeadline, what: string): AsyncGenerator<T> {
  for await (const page of pagesWithin(pages, deadline, what)) yield* page;
}
