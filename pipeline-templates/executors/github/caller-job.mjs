// Runs one job of a caller's workflow that calls a reusable workflow (`jobs.<id>.uses: OWNER/NAME/PATH@REF`),
// as GitHub does: the caller's file is parsed whole by GitHub's parser, the job's `with:` and `secrets:` are
// evaluated in the caller's contexts by GitHub's expression engine, the reusable workflow is read from the
// --repository git directory of OWNER/NAME at REF (a tag, branch or commit SHA), and it runs with those inputs
// and secrets. Only that job runs: the caller's other jobs do not, and the job's `needs` count as succeeded
// with no outputs. `with-overrides` replaces named `with:` values, for what a local run must change.
// `evaluate-only` stops after the evaluation and returns the inputs the reusable workflow would get.
import { spawnSync } from "node:child_process";
import { mkdirSync } from "node:fs";
import path from "node:path";
import { convertWorkflowTemplate, parseWorkflow } from "@actions/workflow-parser";
import { ExecutorError } from "./executor-error.mjs";
import { evaluateCondition, evaluateString, evaluateToken } from "./expressions.mjs";
import { WorkflowRun, githubContext, mapping, parse, refuseUnknownKeys } from "./workflow-run.mjs";

const callerJobKeys = ["name", "needs", "if", "uses", "with", "secrets", "permissions", "concurrency"];
const remoteReference = /^(?<repository>[^/@\s]+\/[^/@\s]+)\/(?<path>\.github\/workflows\/[^@\s]+\.ya?ml)@(?<ref>\S+)$/;

function checkOut(repository, source, ref, target) {
  mkdirSync(path.dirname(target), { recursive: true });
  for (const args of [["clone", "--quiet", "--no-checkout", source, target], ["-C", target, "-c", "advice.detachedHead=false", "checkout", "--quiet", "--detach", ref]]) {
    const result = spawnSync("git", args, { encoding: "utf8" });
    if (result.status !== 0) throw new ExecutorError(`cannot check out ${repository}@${ref} from ${source}: ${result.stderr.trim() || result.error?.message}`);
  }
}

export class CallerJob {
  /**
   * options: callerFile, callerJob (the job id), secrets (the caller repository's), withOverrides, evaluateOnly, and the
   * WorkflowRun options the reusable workflow runs with (workspaceSource, repositories, runRoot, github,
   * cancelDuring, write).
   */
  constructor(options) {
    this.options = options;
    this.write = options.write ?? ((line) => process.stdout.write(line + "\n"));
  }

  async run() {
    const { callerFile, callerJob } = this.options;
    const file = path.resolve(callerFile);
    const parsed = parse(file, parseWorkflow, "workflow");
    const model = await convertWorkflowTemplate(parsed.context, parsed.value);
    if (model.errors?.length) throw new ExecutorError(`${file}: ${model.errors.map((e) => e.Message).join("; ")}`);
    const job = model.jobs.find((candidate) => candidate.id.value === callerJob);
    if (!job) throw new ExecutorError(`${file}: no job '${callerJob}' (jobs: ${model.jobs.map((j) => j.id.value).join(", ")})`);
    const where = `${file}: job ${callerJob}`;
    if (job.type !== "reusableWorkflowJob") throw new ExecutorError(`${where} does not call a reusable workflow (it has no 'uses:')`);
    const raw = mapping(mapping(parsed.value, file).get("jobs"), `${file}: jobs`).get(callerJob);
    refuseUnknownKeys(mapping(raw, where), callerJobKeys, where);
    if (job["inherit-secrets"]) throw new ExecutorError(`${where}: the executor does not implement 'secrets: inherit'; pass each secret by name`);

    const uses = job.ref.value;
    const reference = remoteReference.exec(uses)?.groups;
    if (!reference) throw new ExecutorError(`${where}: the executor calls only OWNER/NAME/.github/workflows/FILE@REF, not '${uses}'`);
    // The caller's contexts: the needs have succeeded (the caller's other jobs do not run here); no vars.
    const github = githubContext({ event_name: "push", ...this.options.github });
    const needs = Object.fromEntries((job.needs ?? []).map((need) => [need.value, { result: "success", outputs: {} }]));
    const status = { success: () => true, failure: () => false, cancelled: () => false, always: () => true };
    const scope = { github, needs, inputs: {}, vars: {} };
    if (!evaluateCondition(job.if.expression, { ...scope, status }, `${where}: if`)) {
      this.write(`=== ${callerJob}: skipped`);
      return { conclusion: "success", caller: { job: callerJob, uses, result: "skipped" }, jobs: {}, outputs: {}, summary: "" };
    }
    if (job.concurrency) evaluateToken(job.concurrency, scope, `${where}: concurrency`);

    const inputs = {};
    for (const pair of job["input-values"] ?? []) inputs[pair.key.value] = evaluateToken(pair.value, scope, `${where}: with.${pair.key.value}`);
    const overridden = Object.keys(this.options.withOverrides ?? {});
    for (const name of overridden) {
      this.write(`*** ${callerJob}: with.${name} overridden for this local run`);
      inputs[name] = this.options.withOverrides[name];
    }
    const secrets = {};
    for (const pair of job["secret-values"] ?? []) {
      secrets[pair.key.value] = evaluateString(pair.value, { ...scope, secrets: this.options.secrets ?? {} }, `${where}: secrets.${pair.key.value}`);
    }

    if (this.options.evaluateOnly) return { caller: { job: callerJob, uses, inputs, overridden } };
    const source = this.options.repositories?.[reference.repository];
    if (!source) throw new ExecutorError(`${where}: no local copy of ${reference.repository}: pass --repository ${reference.repository}=DIR`);

    const runRoot = path.resolve(this.options.runRoot);
    const checkout = path.join(runRoot, "called-workflow");
    checkOut(reference.repository, source, reference.ref, checkout);
    this.write(`=== ${callerJob}: calls ${uses}`);
    const result = await new WorkflowRun({
      ...this.options, workflowFile: path.join(checkout, reference.path), inputs, secrets, runRoot, github,
    }).run();
    const results = Object.values(result.jobs).map((j) => j.result);
    const jobResult = result.conclusion === "cancelled" ? "cancelled" : results.includes("failure") ? "failure" : "success";
    return { ...result, caller: { job: callerJob, uses, result: jobResult, inputs, overridden } };
  }
}
