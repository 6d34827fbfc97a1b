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
  screenshot(file: string): Promise<void>;
  /**
   * Everything that went wrong since the page was opened: uncaught errors, failed loads and CSP
   * violations, as the page recorded them, as the engine's console reported them where its driver
   * has one, and as the browser reported them to the server.
   */
  problems(): Promise<string[]>;
  close(): Promise<void>;
}

export interface Engine {
  readonly name: EngineName;
  open(path: string, options: OpenOptions): Promise<ReaderPage>;
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

/** What every adapter shares: the in-page record (kept across reloads) and the server's. */
export abstract class ObservedPage implements ReaderPage {
  abstract readonly engine: EngineName;
  protected readonly fromConsole: string[] = [];
  private readonly fromEarlierDocuments: string[] = [];
  private readonly reportsBefore: number;
  private readonly failuresBefore: number;

  constructor(protected readonly server: ObservedServer) {
    this.reportsBefore = server.cspReports.length;
    this.failuresBefore = server.failedResponses.length;
  }

  abstract evaluate<R, A = undefined>(fn: (arg: A) => R | Promise<R>, arg?: A): Promise<R>;
  abstract click(selector: string): Promise<void>;
  abstract hover(selector: string): Promise<void>;
  abstract press(key: KeyName): Promise<void>;
  abstract type(text: string): Promise<void>;
  abstract screenshot(file: string): Promise<void>;
  abstract close(): Promise<void>;
  protected abstract reloadDocument(): Promise<void>;

  async reload(): Promise<void> {
    this.fromEarlierDocuments.push(...(await this.evaluate(readRecorded)));
    await this.reloadDocument();
    await this.evaluate(settled);
  }

  async problems(): Promise<string[]> {
    return [
      ...this.fromConsole,
      ...this.fromEarlierDocuments,
      ...(await this.evaluate(readRecorded)),
      ...this.server.cspReports
        .slice(this.reportsBefore)
        .map((r) => `reported to the server: ${r}`),
      ...this.server.failedResponses.slice(this.failuresBefore),
    ];
  }
}
