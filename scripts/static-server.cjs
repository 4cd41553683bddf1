// A static file server for the built add-in: used by `npm start` (scripts/serve.mjs) and by the
// end-to-end tests. It serves files under `root` only and answers 404 for anything else.
const { createReadStream, statSync } = require("node:fs");
const { extname, join, normalize, sep } = require("node:path");

const contentTypes = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".json": "application/json; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".png": "image/png",
  ".svg": "image/svg+xml",
  ".xml": "application/xml; charset=utf-8",
  ".map": "application/json; charset=utf-8",
  ".ico": "image/x-icon",
  ".txt": "text/plain; charset=utf-8",
};

/** A request handler for node:http or node:https that serves the files under `root`. */
function staticHandler(root) {
  return (request, response) => {
    let path;
    try {
      path = decodeURIComponent(new URL(request.url || "/", "http://localhost").pathname);
    } catch {
      response.writeHead(400).end();
      return;
    }
    const file = join(root, normalize(path.endsWith("/") ? path + "index.html" : path));
    if (file !== root && !file.startsWith(root + sep)) {
      response.writeHead(403).end();
      return;
    }
    let size;
    try {
      const stat = statSync(file);
      if (!stat.isFile()) throw new Error("not a file");
      size = stat.size;
    } catch {
      response.writeHead(404, { "Content-Type": "text/plain; charset=utf-8" }).end(`Not found: ${path}\n`);
      return;
    }
    response.writeHead(200, {
      "Content-Type": contentTypes[extname(file)] || "application/octet-stream",
      "Content-Length": size,
      "Cache-Control": "no-cache",
      // Excel on the web loads the add-in's pages from another origin.
      "Access-Control-Allow-Origin": "*",
    });
    createReadStream(file).pipe(response);
  };
}

module.exports = { staticHandler };
