// Waits that can time out, each saying what it waited for: a test that fails
// by waiting reads "timed out waiting for the venue screen on slide 3", not
// Puppeteer's bare "Waiting failed: 10000ms exceeded". Tests wait through
// these, never through page.waitForFunction or waitForSelector directly
// (eslint.config.js holds tests/ to that).
import {
  TimeoutError,
  type ElementHandle,
  type EvaluateFunc,
  type FrameWaitForFunctionOptions,
  type NodeFor,
  type Page,
  type WaitForSelectorOptions,
} from 'puppeteer';

/** A page or a frame: both wait the same way. */
type Waiter = Pick<Page, 'waitForFunction' | 'waitForSelector'>;

function described(what: string, error: unknown): unknown {
  return error instanceof TimeoutError ? new Error(`timed out waiting for ${what} (${error.message})`, { cause: error }) : error;
}

/** Waits until `fn` returns a truthy value in the page; on a timeout the error names `what`. */
export async function waitInPage<Params extends unknown[], Func extends EvaluateFunc<Params> = EvaluateFunc<Params>>(
  page: Waiter,
  what: string,
  fn: Func,
  options: FrameWaitForFunctionOptions = {},
  ...args: Params
): Promise<void> {
  try {
    await page.waitForFunction(fn, options, ...args);
  } catch (error) {
    throw described(what, error);
  }
}

/** Waits for an element matching `selector`; on a timeout the error names `what`. */
export async function waitForElement<Selector extends string>(
  page: Waiter,
  what: string,
  selector: Selector,
  options: WaitForSelectorOptions = {},
): Promise<ElementHandle<NodeFor<Selector>>> {
  try {
    const found = await page.waitForSelector(selector, options);
    if (found === null) throw new Error(`${what}: ${selector} matched nothing`);
    return found;
  } catch (error) {
    throw described(what, error);
  }
}
