// Node 20 refuses `import data from "./x.json"` without an import attribute
// (ERR_IMPORT_ASSERTION_TYPE_MISSING); @actions/* packages import their schemas that way.
// This hook serves such JSON files as ES modules that export the parsed value.
import { readFile } from "node:fs/promises";

export async function load(url, context, nextLoad) {
  if (url.startsWith("file:") && url.endsWith(".json") && !context.importAttributes?.type) {
    const text = await readFile(new URL(url), "utf8");
    return { format: "module", source: `export default ${text};`, shortCircuit: true };
  }
  return nextLoad(url, context);
}
