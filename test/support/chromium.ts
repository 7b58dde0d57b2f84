import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Readable, Writable } from 'node:stream';

/** The Debian package's browser. A test that needs it fails when it is missing: nothing is skipped silently. */
export const CHROMIUM = process.env.PARAPET_CHROMIUM ?? 'chromium';

export function chromiumVersion(): string {
  const result = spawnSync(CHROMIUM, ['--version'], { encoding: 'utf8' });
  if (result.status !== 0) throw new Error(`${CHROMIUM} is not installed (apt-get install chromium): ${result.error?.message ?? result.stderr}`);
  return result.stdout.trim();
}

interface Pending {
  resolve(value: Record<string, unknown>): void;
  reject(error: Error): void;
}

export interface PageEvent {
  method: string;
  params: Record<string, unknown>;
}

/**
 * A real headless Chromium driven over the DevTools protocol on a pipe (`--remote-debugging-pipe`: requests on fd 3,
 * answers on fd 4, each a JSON text ended by a NUL byte). No browser download, no npm package: the system's chromium.
 */
export class Chromium {
  private readonly process: ChildProcess;
  private readonly input: Writable;
  private readonly pending = new Map<number, Pending>();
  private readonly listeners: ((event: PageEvent & { sessionId?: string }) => void)[] = [];
  private nextId = 1;
  private buffered = '';

  private constructor(private readonly profile: string) {
    this.process = spawn(CHROMIUM, ['--headless=new', '--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-dev-shm-usage', '--remote-debugging-pipe', `--user-data-dir=${profile}`, 'about:blank'], {
      stdio: ['ignore', 'ignore', 'ignore', 'pipe', 'pipe'],
    });
    this.input = this.process.stdio[3] as Writable;
    const output = this.process.stdio[4] as Readable;
    output.setEncoding('utf8');
    output.on('data', (chunk: string) => this.receive(chunk));
    this.process.on('exit', () => {
      for (const { reject } of this.pending.values()) reject(new Error('chromium exited'));
      this.pending.clear();
    });
  }

  static async launch(): Promise<Chromium> {
    chromiumVersion();
    const browser = new Chromium(mkdtempSync(join(tmpdir(), 'parapet-chromium-')));
    await browser.send('Browser.getVersion');
    return browser;
  }

  send(method: string, params: Record<string, unknown> = {}, sessionId?: string): Promise<Record<string, unknown>> {
    const id = this.nextId++;
    return new Promise((resolve, reject) => {
      this.pending.set(id, { resolve, reject });
      this.input.write(`${JSON.stringify({ id, method, params, ...(sessionId ? { sessionId } : {}) })}\0`);
    });
  }

  /** A new tab of the given size (a phone: `mobile`, which makes the page's viewport meta count). */
  async open(width: number, height: number, mobile = false): Promise<Page> {
    const { targetId } = await this.send('Target.createTarget', { url: 'about:blank' });
    const { sessionId } = (await this.send('Target.attachToTarget', { targetId, flatten: true })) as { sessionId: string };
    const page = new Page(this, sessionId);
    await page.send('Page.enable');
    await page.send('Network.enable');
    await page.send('Log.enable');
    await page.send('Emulation.setDeviceMetricsOverride', { width, height, deviceScaleFactor: 1, mobile });
    return page;
  }

  onEvent(listener: (event: PageEvent & { sessionId?: string }) => void): void {
    this.listeners.push(listener);
  }

  async close(): Promise<void> {
    const exited = new Promise((resolve) => this.process.once('exit', resolve));
    this.send('Browser.close').catch(() => {});
    const timer = setTimeout(() => this.process.kill('SIGKILL'), 5000);
    await exited;
    clearTimeout(timer);
    rmSync(this.profile, { recursive: true, force: true });
  }

  private receive(chunk: string): void {
    this.buffered += chunk;
    let end: number;
    while ((end = this.buffered.indexOf('\0')) >= 0) {
      const message = JSON.parse(this.buffered.slice(0, end));
      this.buffered = this.buffered.slice(end + 1);
      if (message.id !== undefined) {
        const waiting = this.pending.get(message.id);
        this.pending.delete(message.id);
        if (message.error) waiting?.reject(new Error(`${message.error.message}`));
        else waiting?.resolve(message.result);
      } else {
        for (const listener of this.listeners) listener(message);
      }
    }
  }
}

export class Page {
  /** Every event of this tab: requests (Network.requestWillBeSent), console and CSP messages (Log.entryAdded). */
  readonly events: PageEvent[] = [];

  constructor(
    private readonly browser: Chromium,
    private readonly sessionId: string,
  ) {
    browser.onEvent((event) => {
      if (event.sessionId === sessionId) this.events.push({ method: event.method, params: event.params });
    });
  }

  send(method: string, params: Record<string, unknown> = {}): Promise<Record<string, unknown>> {
    return this.browser.send(method, params, this.sessionId);
  }

  async goto(url: string): Promise<void> {
    const loaded = this.events.length;
    await this.send('Page.navigate', { url });
    const deadline = Date.now() + 30_000;
    while (!this.events.slice(loaded).some((event) => event.method === 'Page.loadEventFired')) {
      if (Date.now() > deadline) throw new Error(`${url} did not load`);
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
  }

  /** The value of a JavaScript expression in the page; throws with the page's exception. */
  async evaluate<T>(expression: string): Promise<T> {
    const { result, exceptionDetails } = (await this.send('Runtime.evaluate', { expression, returnByValue: true, awaitPromise: true })) as {
      result: { value: T };
      exceptionDetails?: { exception?: { description?: string }; text: string };
    };
    if (exceptionDetails) throw new Error(exceptionDetails.exception?.description ?? exceptionDetails.text);
    return result.value;
  }

  /** A PNG of the whole page, or of a part of it (CSS pixels from the top left of the page). */
  async screenshot(clip?: { x: number; y: number; width: number; height: number }): Promise<Buffer> {
    const { data } = (await this.send('Page.captureScreenshot', { format: 'png', captureBeyondViewport: true, ...(clip ? { clip: { ...clip, scale: 1 } } : {}) })) as { data: string };
    return Buffer.from(data, 'base64');
  }
}
