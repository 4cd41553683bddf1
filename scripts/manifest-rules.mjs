// The structural rules AICOST's manifest must keep: the shared-runtime wiring that lets the
// custom functions and the task pane share one page, the fixed id and namespace that saved
// workbooks depend on, resources that resolve, https everywhere, and icons that exist.
// Used by scripts/validate-manifest.mjs (npm run validate:offline) and test/manifest.test.ts.
import { DOMParser } from "@xmldom/xmldom";
import { existsSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";

export const ADDIN_ID = "da2dd761-6921-454d-a789-9478f462fda6";
export const FUNCTIONS_NAMESPACE = "AICOST";

const NS_APP = "http://schemas.microsoft.com/office/appforoffice/1.1";
const NS_OVERRIDES = "http://schemas.microsoft.com/office/taskpaneappversionoverrides";
const NS_BT = "http://schemas.microsoft.com/office/officeappbasictypes/1.0";
const NS_XSI = "http://www.w3.org/2001/XMLSchema-instance";

const DEFAULT_ASSETS_DIR = resolve(dirname(fileURLToPath(import.meta.url)), "..", "assets");

/** Elements (in the app namespace) whose DefaultValue is a URL, and those that are icons. */
const APP_URL_ELEMENTS = ["IconUrl", "HighResolutionIconUrl", "SupportUrl", "SourceLocation"];
const APP_ICON_ELEMENTS = ["IconUrl", "HighResolutionIconUrl"];

function elements(parent, namespace, localName) {
  return Array.from(parent.getElementsByTagNameNS(namespace, localName));
}

function childElements(parent, namespace, localName) {
  return Array.from(parent.childNodes).filter(
    (node) => node.nodeType === 1 && node.namespaceURI === namespace && node.localName === localName,
  );
}

function xsiType(element) {
  return element.getAttributeNS(NS_XSI, "type");
}

function parse(xmlText) {
  const errors = [];
  const record = (level, message) => {
    if (level !== "warning") {
      errors.push(String(message).split("\n")[0]);
    }
  };
  let document;
  try {
    document = new DOMParser({ onError: record }).parseFromString(xmlText, "text/xml");
  } catch (error) {
    errors.push(String(error.message ?? error).split("\n")[0]);
  }
  return { document, errors };
}

/**
 * Checks a manifest's text against AICOST's rules and returns the problems found, in plain words;
 * an empty list means the manifest is fine. `assetsDir` is where icon files must exist.
 *
 * @param {string} xmlText
 * @param {{ assetsDir?: string }} [options]
 * @returns {string[]}
 */
export function checkManifest(xmlText, { assetsDir = DEFAULT_ASSETS_DIR } = {}) {
  const { document, errors } = parse(xmlText);
  const root = document?.documentElement;
  if (errors.length > 0 || !root) {
    return [`The manifest is not well-formed XML: ${errors[0] ?? "it has no root element"}.`];
  }
  if (root.namespaceURI !== NS_APP || root.localName !== "OfficeApp") {
    return [`The root element must be OfficeApp in the namespace ${NS_APP}; got ${root.tagName}.`];
  }
  const problems = [];

  // The add-in id: saved workbooks' formulas are bound to it.
  const ids = childElements(root, NS_APP, "Id");
  const id = ids[0]?.textContent.trim();
  if (ids.length !== 1 || id !== ADDIN_ID) {
    problems.push(`The add-in <Id> must be exactly ${ADDIN_ID} (formulas in saved workbooks depend on it); got ${id ?? "none"}.`);
  }

  // Shared runtime requirement.
  const sharedRuntime = elements(root, NS_APP, "Set").find((set) => set.getAttribute("Name") === "SharedRuntime");
  if (!sharedRuntime || sharedRuntime.parentNode?.parentNode?.localName !== "Requirements") {
    problems.push('<Requirements> must contain <Set Name="SharedRuntime" MinVersion="1.1" />: the functions and the task pane share one runtime.');
  } else if (sharedRuntime.getAttribute("MinVersion") !== "1.1") {
    problems.push(`The SharedRuntime requirement must have MinVersion="1.1"; got "${sharedRuntime.getAttribute("MinVersion")}".`);
  }

  // Resources: what every resid must resolve to.
  const resources = elements(root, NS_OVERRIDES, "Resources")[0];
  const definedIds = new Map();
  if (resources) {
    for (const element of Array.from(resources.getElementsByTagName("*"))) {
      if (element.namespaceURI === NS_BT && element.hasAttribute("id")) {
        definedIds.set(element.getAttribute("id"), element);
      }
    }
  } else {
    problems.push("The manifest has no <Resources> in its VersionOverrides.");
  }

  // Exactly one long-lived runtime, shared by the functions page and the task pane button.
  const runtimes = elements(root, NS_OVERRIDES, "Runtime");
  const runtimeResid = runtimes[0]?.getAttribute("resid");
  if (runtimes.length !== 1) {
    problems.push(`The manifest must declare exactly one <Runtime> (the shared runtime); it declares ${runtimes.length}.`);
  } else if (runtimes[0].getAttribute("lifetime") !== "long") {
    problems.push(`The <Runtime> must have lifetime="long" so the functions keep running with the task pane closed; got "${runtimes[0].getAttribute("lifetime")}".`);
  }

  // The CustomFunctions extension point.
  const customFunctions = elements(root, NS_OVERRIDES, "ExtensionPoint").filter((point) => xsiType(point) === "CustomFunctions");
  if (customFunctions.length !== 1) {
    problems.push(`The manifest must have exactly one <ExtensionPoint xsi:type="CustomFunctions">; it has ${customFunctions.length}.`);
  } else {
    const point = customFunctions[0];
    for (const part of ["Script", "Page", "Metadata"]) {
      const location = childElements(point, NS_OVERRIDES, part).flatMap((child) => childElements(child, NS_OVERRIDES, "SourceLocation"))[0];
      if (!location?.getAttribute("resid")) {
        problems.push(`The CustomFunctions extension point needs <${part}><SourceLocation resid="..."/></${part}>.`);
      }
    }
    const pageResid = childElements(point, NS_OVERRIDES, "Page")
      .flatMap((page) => childElements(page, NS_OVERRIDES, "SourceLocation"))[0]
      ?.getAttribute("resid");
    if (runtimes.length === 1 && pageResid && pageResid !== runtimeResid) {
      problems.push(`The CustomFunctions <Page> must load the shared runtime: its resid "${pageResid}" differs from the <Runtime> resid "${runtimeResid}".`);
    }
    const namespace = childElements(point, NS_OVERRIDES, "Namespace")[0];
    const namespaceResid = namespace?.getAttribute("resid");
    if (!namespaceResid) {
      problems.push('The CustomFunctions extension point needs <Namespace resid="..."/>.');
    } else if (definedIds.has(namespaceResid)) {
      const value = definedIds.get(namespaceResid).getAttribute("DefaultValue");
      if (value !== FUNCTIONS_NAMESPACE) {
        problems.push(`The functions' namespace (resid "${namespaceResid}") must be "${FUNCTIONS_NAMESPACE}" (formulas in saved workbooks depend on it); got "${value}".`);
      }
    }
  }

  // The ribbon button that opens the task pane must load the shared runtime too.
  const showTaskpane = elements(root, NS_OVERRIDES, "Action").filter((action) => xsiType(action) === "ShowTaskpane");
  if (showTaskpane.length === 0) {
    problems.push('The manifest has no ribbon button that opens the task pane (<Action xsi:type="ShowTaskpane">).');
  }
  for (const action of showTaskpane) {
    const buttonResid = childElements(action, NS_OVERRIDES, "SourceLocation")[0]?.getAttribute("resid");
    if (runtimes.length === 1 && buttonResid !== runtimeResid) {
      problems.push(`The task pane button must open the shared runtime: its SourceLocation resid "${buttonResid}" differs from the <Runtime> resid "${runtimeResid}".`);
    }
  }

  // Every resid resolves.
  const referenced = new Set();
  for (const element of Array.from(root.getElementsByTagName("*"))) {
    if (element.hasAttribute("resid")) {
      referenced.add(element.getAttribute("resid"));
    }
  }
  for (const resid of referenced) {
    if (!definedIds.has(resid)) {
      problems.push(`resid "${resid}" is referenced but not defined in <Resources>.`);
    }
  }

  // Every URL is https, and every icon exists in assets/.
  const urls = []; // [where, url, isIcon]
  for (const name of APP_URL_ELEMENTS) {
    for (const element of elements(root, NS_APP, name)) {
      if (element.hasAttribute("DefaultValue")) {
        urls.push([`<${name}>`, element.getAttribute("DefaultValue"), APP_ICON_ELEMENTS.includes(name)]);
      }
    }
  }
  for (const element of elements(root, NS_APP, "AppDomain")) {
    urls.push(["<AppDomain>", element.textContent.trim(), false]);
  }
  for (const [resid, element] of definedIds) {
    if (element.localName === "Url" || element.localName === "Image") {
      urls.push([`resource "${resid}"`, element.getAttribute("DefaultValue") ?? "", element.localName === "Image"]);
    }
  }
  for (const [where, url, isIcon] of urls) {
    if (!url.startsWith("https://")) {
      problems.push(`${where} must be an https:// URL; got "${url}".`);
      continue;
    }
    if (isIcon) {
      const file = new URL(url).pathname.match(/\/assets\/([^/]+)$/)?.[1];
      if (!file) {
        problems.push(`${where} must point into assets/; got "${url}".`);
      } else if (!existsSync(join(assetsDir, file))) {
        problems.push(`${where} points at assets/${file}, which does not exist.`);
      }
    }
  }
  return problems;
}
