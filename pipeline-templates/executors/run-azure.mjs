// Runs an Azure Pipelines pipeline locally (its templates expanded, a canary deployment job run through its
// lifecycle hooks) and writes what happened as JSON.
//
// usage: node run-azure.mjs --pipeline FILE --workspace DIR --run-root DIR
//          [--repository OWNER/NAME=GITDIR]... [--cancel-during "STEP NAME"] [--result FILE]
//
// Exit code: 0 when the pipeline ran (whatever its result: read --result), 2 when the executor cannot run it
// (a construct it does not implement, an invalid template, a bad parameter) with the reason on stderr.
import { writeFileSync } from "node:fs";
import { ExecutorError } from "./github/executor-error.mjs";
import { PipelineRun } from "./azure/pipeline-run.mjs";

function fail(message) {
  process.stderr.write(`error: ${message}\n`);
  process.exit(2);
}

const options = { repositories: {} };
let resultFile;
const args = process.argv.slice(2);
const value = (i) => (i < args.length ? args[i] : fail(`${args[i - 1]} needs a value`));
for (let i = 0; i < args.length; i++) {
  switch (args[i]) {
    case "--pipeline": options.pipelineFile = value(++i); break;
    case "--workspace": options.workspaceSource = value(++i); break;
    case "--run-root": options.runRoot = value(++i); break;
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
for (const [name, option] of [["pipelineFile", "--pipeline"], ["workspaceSource", "--workspace"], ["runRoot", "--run-root"]]) {
  if (!options[name]) fail(`${option} is required`);
}

try {
  const result = await new PipelineRun(options).run();
  if (resultFile) writeFileSync(resultFile, JSON.stringify(result, null, 2));
} catch (error) {
  if (error instanceof ExecutorError) fail(error.message);
  throw error;
}
