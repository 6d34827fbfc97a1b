import { expect } from 'vitest';
import type { ObservedServer } from '../server.ts';

/**
 * The three engines readers use, each from Debian's packages: Chromium (Chrome, Edge), Gecko
 * (Firefox ESR) and WebKit (Safari, every browser on an iPhone), the last as WebKitGTK's
 * MiniBrowser through WebKitWebDriver.
 */
export const engineNames = ['chromium', 'firefox', 'webkit'] as const;
export type EngineName = (typeof engineNames)[number];

/** The keys the journeys press; each driver spells them its own way. */
export type KeyName =
  'Enter' | 'Escape' | 'Tab' | 'ArrowDown' | 'ArrowUp' | 'PageUp' | 'PageDown' | 'End' | 'Home';

export interface OpenOptions {
  width: number;
  height: number;
}

/** One tab of one engine, at one window size, on the observed host. */
export interface ReaderPage {
  readonly engine: EngineName;
  /** Runs `fn` in the page; it is sent as source text, so it may use only its argument. */
  evaluate<R, A = undefined>(fn: (arg: A) => R | Promise<R>, arg?: A): Promise<R>;
  /** A real pointer click in the middle of the first element matching `selector`, scrolled into view first. */
  click(selector: string): Promise<void>;
  hover(selector: string): Promise<void>;
  press(key: KeyName): Promise<void>;
  type(text: string): Promise<void>;
  reload(): Promise<void>;
  /**
   * The browser's own offline mode, where its driver has one: Chromium (Playwright) and Firefox
   * (WebDriver BiDi). Classic WebDriver has none, so WebKit refuses; drop the network there with
   * the server's `disconnect`.
   */
  setOffline(offline: boolean): Promise<void>;
  screenshot(file: string): Promise<void>;
  /**
   * Everything that went wrong since the page was opened and that the test has not said it
   * expects: uncaught errors, failed loads and CSP violations, as the page recorded them, as the
   * engine's console reported them where its driver has one, and as the browser reported them to
   * the server.
   */
  problems(): Promise<string[]>;
  /**
   * For a test that provokes problems on purpose: waits until each pattern matches a problem
   * (failing if one never does), and from then on counts problems that match one of them as
   * expected. Every other problem still fails the page when it closes.
   */
  expectProblems(...patterns: RegExp[]): Promise<void>;
  /** Closes the page, and fails if it has a problem the test did not expect. */
  close(): Promise<void>;
}

/** A launched engine; `O` is what it can be asked for when opening a page, `P` what it gives. */
export interface Engine<P extends ReaderPage = ReaderPage, O extends OpenOptions = OpenOptions> {
  readonly name: EngineName;
  open(path: string, options: O): Promise<P>;
  close(): Promise<void>;
}

/**
 * Resolves once the loaded page has drawn two more frames after its fonts: what a reader sees (and
 * where a click lands) is settled only then.
 */
export async function settled(): Promise<void> {
  await document.fonts.ready;
  await new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done)));
}

const readRecorded = (): string[] =>
  (window as unknown as { __pageProblems?: string[] }).__pageProblems ?? [
    'the page-problem recorder did not run',
  ];

/**
 * What every adapter shares: the in-page record (kept across reloads), the server's record, the
 * problems a test provoked on purpose, and the check when the page closes.
 */
export abstract class ObservedPage implements ReaderPage {
  abstract readonly engine: EngineName;
  /** Problems the driver reported as they happened: console errors, page errors. */
  protected readonly reported: string[] = [];
  private readonly fromEarlierDocuments: string[] = [];
  private readonly expected: RegExp[] = [];
  private readonly reportsBefore: number;
  private readonly failuresBefore: number;
  private closed = false;

  /**
   * `opened` names the page in a failure; `scripts` says whether its scripts run, and so whether
   * it has an in-page record to read.
   */
  constructor(
    protected readonly server: ObservedServer,
    readonly opened: string,
    protected readonly scripts = true,
  ) {
    this.reportsBefore = server.cspReports.length;
    this.failuresBefore = server.failedResponses.length;
  }

  abstract evaluate<R, A = undefined>(fn: (arg: A) => R | Promise<R>, arg?: A): Promise<R>;
  abstract click(selector: string): Promise<void>;
  abstract hover(selector: string): Promise<void>;
  abstract press(key: KeyName): Promise<void>;
  abstract type(text: string): Promise<void>;
  abstract screenshot(file: string): Promise<void>;
  abstract setOffline(offline: boolean): Promise<void>;
  protected abstract reloadDocument(): Promise<void>;
  protected abstract closeDocument(): Promise<void>;

  /** The current document's own record; an adapter whose driver hears it as it is written has none to read. */
  protected async readRecord(): Promise<string[]> {
    return this.scripts ? this.evaluate(readRecorded) : [];
  }

  async reload(): Promise<void> {
    this.fromEarlierDocuments.push(...(await this.readRecord()));
    await this.reloadDocument();
    if (this.scripts) await this.evaluate(settled);
  }

  private async everyProblem(): Promise<string[]> {
    return [
      ...this.reported,
      ...this.fromEarlierDocuments,
      ...(await this.readRecord()),
      ...this.server.cspReports
        .slice(this.reportsBefore)
        .map((r) => `reported to the server: ${r}`),
      ...this.server.failedResponses.slice(this.failuresBefore),
    ];
  }

  async problems(): Promise<string[]> {
    return (await this.everyProblem()).filter((p) => !this.expected.some((re) => re.test(p)));
  }

  async expectProblems(...patterns: RegExp[]): Promise<void> {
    const unmet = async () => {
      const seen = await this.everyProblem();
      return patterns.filter((re) => !seen.some((p) => re.test(p))).map(String);
    };
    await expect
      .poll(unmet, { message: `problems provoked on ${this.opened} that never came` })
      .toEqual([]);
    this.expected.push(...patterns);
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    let left: string[] = [];
    let unread: unknown;
    try {
      left = await this.problems();
    } catch (error) {
      unread = error;
    }
    await this.closeDocument();
    if (unread !== undefined)
      throw new Error(`${this.engine}: could not read the problems of ${this.opened}`, {
        cause: unread,
      });
    if (left.length > 0)
      throw new Error(
        `${this.engine}: ${this.opened} had ${left.length} problem(s) a reader would meet:\n  ${left.join('\n  ')}`,
      );
  }
}
