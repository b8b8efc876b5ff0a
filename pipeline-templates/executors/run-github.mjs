// Runs a reusable GitHub Actions workflow locally, or the job of a caller's workflow that calls one, and
// writes what happened as JSON.
//
// usage: node --import ./register-json-loader.mjs run-github.mjs --workflow FILE --workspace DIR --run-root DIR
//          [--inputs JSON] [--secrets JSON] [--github JSON] [--repository OWNER/NAME=GITDIR]...
//          [--cancel-during "STEP NAME"] [--result FILE]
//   or:  ... run-github.mjs --caller FILE --caller-job ID [--with-overrides JSON] [--evaluate-only]
//          --workspace DIR --run-root DIR [--secrets JSON (the caller's secrets)] [same options]
//
// Exit code: 0 when the workflow ran (whatever its conclusion: read --result), 2 when the executor cannot run
// it (a construct it does not implement, an invalid workflow, a bad input) with the reason on stderr.
import { writeFileSync } from "node:fs";
import { ExecutorError } from "./github/executor-error.mjs";
import { CallerJob } from "./github/caller-job.mjs";
import { WorkflowRun } from "./github/workflow-run.mjs";

function fail(message) {
  process.stderr.write(`error: ${message}\n`);
  process.exit(2);
}

const options = { repositories: {} };
let resultFile;
const args = process.argv.slice(2);
const value = (i) => (i < args.length ? args[i] : fail(`${args[i - 1]} needs a value`));
const json = (text, name) => {
  try {
    return JSON.parse(text);
  } catch (error) {
    return fail(`${name} is not JSON: ${error.message}`);
  }
};
for (let i = 0; i < args.length; i++) {
  switch (args[i]) {
    case "--workflow": options.workflowFile = value(++i); break;
    case "--caller": options.callerFile = value(++i); break;
    case "--caller-job": options.callerJob = value(++i); break;
    case "--with-overrides": options.withOverrides = json(value(++i), "--with-overrides"); break;
    case "--evaluate-only": options.evaluateOnly = true; break;
    case "--workspace": options.workspaceSource = value(++i); break;
    case "--run-root": options.runRoot = value(++i); break;
    case "--inputs": options.inputs = json(value(++i), "--inputs"); break;
    case "--secrets": options.secrets = json(value(++i), "--secrets"); break;
    case "--github": options.github = json(value(++i), "--github"); break;
    case "--cancel-during": options.cancelDuring = value(++i); break;
    case "--result": resultFile = value(++i); break;
    case "--repository": {
      const [name, dir] = value(++i).split(/=(.*)/s);
      if (!dir) fail(`--repository takes OWNER/NAME=GITDIR, got '${args[i]}'`);
      options.repositories[name] = dir;
      break;
    }
    default: fail(`unknown argument '${args[i]}'`);
  }
}
const caller = options.callerFile !== undefined;
if (caller === (options.workflowFile !== undefined)) fail("give either --workflow or --caller");
if (caller !== (options.callerJob !== undefined)) fail("--caller and --caller-job go together");
if (caller && options.inputs) fail("--inputs is for --workflow; a caller job's inputs are its with: (change them with --with-overrides)");
if (!caller && (options.withOverrides || options.evaluateOnly)) fail("--with-overrides and --evaluate-only are for --caller");
for (const [name, option] of [["workspaceSource", "--workspace"], ["runRoot", "--run-root"]]) {
  if (!options[name]) fail(`${option} is required`);
}

try {
  const result = await (caller ? new CallerJob(options) : new WorkflowRun(options)).run();
  if (resultFile) writeFileSync(resultFile, JSON.stringify(result, null, 2));
} catch (error) {
  if (error instanceof ExecutorError) fail(error.message);
  throw error;
}
