/* jsdom lacks TextEncoder and TextDecoder, which the share-safe rewriter uses (as a browser has them). Import first. */
import { TextDecoder, TextEncoder } from "node:util";

Object.assign(globalThis, { TextDecoder, TextEncoder });
