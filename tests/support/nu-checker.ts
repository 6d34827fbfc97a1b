import { execFile } from 'node:child_process';
import { createRequire } from 'node:module';
import { promisify } from 'node:util';

// The Nu Html Checker (the W3C's validator) is the jar in npm's vnu-jar, run with Debian's Java
// (scripts/ensure-browsers.sh installs default-jre-headless). The package's install script, which
// would download a Java runtime, never runs; nothing is downloaded.

export const javaPath = process.env.JAVA_PATH ?? '/usr/bin/java';
export const vnuJar = createRequire(import.meta.url).resolve('vnu-jar/build/dist/vnu.jar');

/** One message of the checker's JSON output. */
export interface NuMessage {
  /** `error`, `info` (with `subType: 'warning'` for a warning), or `non-document-error`: the page could not be read. */
  type: 'error' | 'info' | 'non-document-error';
  subType?: string;
  url: string;
  message: string;
  extract?: string;
  /** Absent when the message starts on `lastLine`. */
  firstLine?: number;
  lastLine?: number;
  firstColumn?: number;
  lastColumn?: number;
}

/**
 * Checks pages by their URLs, in one run of the checker (its start-up takes seconds). Pages on
 * 127.0.0.1 are refused as a "forbidden host" unless the checker is told to allow them.
 */
export async function checkWithNu(urls: string[]): Promise<NuMessage[]> {
  const { stdout } = await promisify(execFile)(
    javaPath,
    [
      '-Dnu.validator.servlet.allow-forbidden-hosts=true',
      '-jar',
      vnuJar,
      '--format',
      'json',
      '--stdout',
      '--exit-zero-always',
      ...urls,
    ],
    { maxBuffer: 64 * 1024 * 1024 },
  );
  return (JSON.parse(stdout) as { messages: NuMessage[] }).messages;
}

export const isError = (m: NuMessage) => m.type === 'error' || m.type === 'non-document-error';
export const isWarning = (m: NuMessage) => m.type === 'info' && m.subType === 'warning';

/** `url:line:column: message`, the way a reader of the test's output looks a message up. */
export function describeMessage(m: NuMessage): string {
  return `${m.url}:${m.lastLine ?? '?'}:${m.firstColumn ?? m.lastColumn ?? '?'}: ${m.message}`;
}

/** The offset in `text` of the character a message's (line, column) points at; both count from 1. */
export function offsetAt(text: string, line: number, column: number): number {
  let offset = 0;
  for (let i = 1; i < line; i++) offset = text.indexOf('\n', offset) + 1;
  return offset + column - 1;
}
