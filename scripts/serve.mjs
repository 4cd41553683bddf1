#!/usr/bin/env node
// Serves the built add-in (dist/) on http://localhost:PORT/ (PORT defaults to 3000) until Ctrl-C.
// With --https it serves https://localhost:PORT/ with the Office dev certificate, as Excel needs
// for sideloading (npm run start:excel / start:web).
import { createServer as createHttpServer } from "node:http";
import { createServer as createHttpsServer } from "node:https";
import { existsSync, readFileSync } from "node:fs";
import { homedir } from "node:os";
import { join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import staticServer from "./static-server.cjs";

const root = resolve(fileURLToPath(new URL("..", import.meta.url)), process.env.AICOST_DIST ?? "dist");
const port = Number(process.env.PORT ?? 3000);
const https = process.argv.includes("--https");

if (!existsSync(join(root, "taskpane.html"))) {
  console.error(`Nothing to serve in ${root}: run npm run build:dev first (npm start does both).`);
  process.exit(1);
}
/**
 * The Office dev certificate for https://localhost. office-addin-dev-certs generates it and then
 * asks the system to trust its CA; where that is not possible (Linux without sudo) the generated
 * files are still usable once the CA is trusted by hand.
 */
async function httpsOptions() {
  const devCerts = (await import("office-addin-dev-certs")).default;
  try {
    return await devCerts.getHttpsServerOptions();
  } catch (error) {
    const folder = join(homedir(), ".office-addin-dev-certs");
    if (!existsSync(join(folder, "localhost.crt"))) throw error;
    console.warn(`${error.message}\nServing with the certificate in ${folder}; trust ${join(folder, "ca.crt")} in your browser or system.`);
    return {
      ca: readFileSync(join(folder, "ca.crt")),
      cert: readFileSync(join(folder, "localhost.crt")),
      key: readFileSync(join(folder, "localhost.key")),
    };
  }
}

const handler = staticServer.staticHandler(root);
let server;
if (https) {
  server = createHttpsServer(await httpsOptions(), handler);
} else {
  server = createHttpServer(handler);
}
server.on("error", (error) => {
  console.error(error.code === "EADDRINUSE" ? `Port ${port} is in use: set PORT to another port.` : error.message);
  process.exit(1);
});
server.listen(port, "localhost", () => {
  const page = existsSync(join(root, "index.html")) ? "" : "taskpane.html";
  console.log(`AICOST is served at ${https ? "https" : "http"}://localhost:${port}/${page} (Ctrl-C to stop)`);
});
const stop = () => server.close(() => process.exit(0));
process.on("SIGINT", stop);
process.on("SIGTERM", stop);
