import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { chromium, type Browser, type Page } from "playwright-core";
import { E2E_DIST } from "./paths";
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { staticHandler } = require("../../../scripts/static-server.cjs") as {
  staticHandler: (root: string) => (request: unknown, response: unknown) => void;
};

/** Flags from the toolchain notes: headless, and no background traffic to the internet. */
const CHROMIUM_FLAGS = [
  "--headless",
  "--no-sandbox",
  "--disable-gpu",
  "--disable-quic",
  "--no-first-run",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
];

export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";

/** Serves the preview build on a free port of 127.0.0.1; returns its base URL and the server. */
export async function startServer(root = E2E_DIST): Promise<{ server: Server; baseUrl: string }> {
  const server = createServer(staticHandler(root) as Parameters<typeof createServer>[1]);
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return { server, baseUrl: `http://127.0.0.1:${port}/` };
}

export async function stopServer(server: Server): Promise<void> {
  server.closeAllConnections();
  await new Promise<void>((resolve) => server.close(() => resolve()));
}

export async function launchBrowser(): Promise<Browser> {
  return chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_FLAGS, headless: true });
}

/** A page that records console errors, page errors and every request that would leave the machine (it is blocked). */
export interface WatchedPage {
  readonly page: Page;
  readonly consoleErrors: string[];
  readonly externalRequests: string[];
}

export async function openWatchedPage(
  browser: Browser,
  url: string,
  options: { width?: number; height?: number; colorScheme?: "light" | "dark"; locale?: string } = {},
): Promise<WatchedPage> {
  const context = await browser.newContext({
    viewport: { width: options.width ?? 1280, height: options.height ?? 800 },
    colorScheme: options.colorScheme ?? "light",
    locale: options.locale ?? "en-US",
  });
  const page = await context.newPage();
  const consoleErrors: string[] = [];
  const externalRequests: string[] = [];
  page.on("console", (message) => {
    if (message.type() === "error") consoleErrors.push(message.text());
  });
  page.on("pageerror", (error) => consoleErrors.push(String(error)));
  await context.route("**/*", (route) => {
    const requestUrl = new URL(route.request().url());
    const local = ["127.0.0.1", "localhost", "[::1]"].includes(requestUrl.hostname) || requestUrl.protocol === "data:";
    if (local) {
      return route.continue();
    }
    externalRequests.push(requestUrl.href);
    return route.abort();
  });
  await page.goto(url);
  return { page, consoleErrors, externalRequests };
}

/** The server and browser one test file shares; filled in by its beforeAll. */
export interface BrowserSession {
  baseUrl: string;
  browser: Browser;
}

/**
 * Registers the beforeAll/afterAll that start the static server and Chromium for one test file
 * and stop them after it; returns the session the tests read once it has started.
 */
export function useBrowserSession(): BrowserSession {
  const session = {} as BrowserSession;
  let server: Server | undefined;
  beforeAll(async () => {
    ({ server, baseUrl: session.baseUrl } = await startServer());
    session.browser = await launchBrowser();
  });
  afterAll(async () => {
    await session.browser?.close();
    if (server) await stopServer(server);
  });
  return session;
}
