// Runs a reusable GitHub Actions workflow on this machine: jobs in `needs` order, the matrix in order, job
// and step conditions with the real status functions, bash `run:` steps exactly as written, composite
// actions expanded, and local stand-ins for checkout, setup-dotnet and the artifact actions.
// Parsing is GitHub's (@actions/workflow-parser) and so is every expression (@actions/expressions).
import { spawn } from "node:child_process";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { convertWorkflowTemplate, NoOperationTraceWriter, parseWorkflow, isMapping, isString } from "@actions/workflow-parser";
import { convertActionTemplate, parseAction } from "@actions/workflow-parser/actions/index";
import { ExecutorError } from "./executor-error.mjs";
import { evaluateCondition, evaluateString, evaluateToken } from "./expressions.mjs";
import { readKeyValueFile, readPathFile } from "./file-commands.mjs";
import { standInFor } from "./stand-ins.mjs";

const workflowKeys = ["name", "on", "permissions", "jobs", "env"];
const jobKeys = ["name", "needs", "if", "runs-on", "timeout-minutes", "environment", "permissions", "concurrency", "strategy", "outputs", "steps", "env"];
const stepKeys = ["id", "name", "if", "uses", "run", "env", "with", "shell", "continue-on-error", "timeout-minutes", "working-directory"];
const strategyKeys = ["matrix", "fail-fast", "max-parallel"];
// The runner sends SIGINT to a cancelled step, then SIGTERM 7.5 seconds later.
const cancelGraceMilliseconds = 7500;

export function mapping(token, where) {
  if (!isMapping(token)) throw new ExecutorError(`${where} must be a mapping (line ${token?.line})`);
  const result = new Map();
  for (const pair of token) {
    if (!isString(pair.key)) throw new ExecutorError(`${where}: the executor does not implement computed keys (line ${pair.key.line})`);
    result.set(pair.key.value, pair.value);
  }
  return result;
}

export function refuseUnknownKeys(map, allowed, where) {
  for (const key of map.keys()) {
    if (!allowed.includes(key)) throw new ExecutorError(`${where}: the executor does not implement '${key}'`);
  }
}

export function parse(file, parser, kind) {
  const result = parser({ name: file, content: readFileSync(file, "utf8") }, new NoOperationTraceWriter());
  const errors = result.context.errors.getErrors();
  if (errors.length > 0 || !result.value) {
    throw new ExecutorError(`${file}: not a valid ${kind}:\n${errors.map((e) => `  ${e.message}`).join("\n")}`);
  }
  return result;
}

function shellCommand(shell, composite, where) {
  if (shell === undefined) {
    if (composite) throw new ExecutorError(`${where}: a composite action's run step needs 'shell'`);
    return ["bash", "-e"];
  }
  if (shell === "bash") return ["bash", "--noprofile", "--norc", "-eo", "pipefail"];
  throw new ExecutorError(`${where}: the executor runs only bash, not shell '${shell}'`);
}

function expandMatrix(matrix, where) {
  if (matrix === undefined) return [undefined];
  if (typeof matrix !== "object" || matrix === null || Array.isArray(matrix)) throw new ExecutorError(`${where}: matrix must be a mapping`);
  let legs = [{}];
  for (const [key, values] of Object.entries(matrix)) {
    if (key === "include" || key === "exclude") throw new ExecutorError(`${where}: the executor does not implement matrix ${key}`);
    if (!Array.isArray(values) || values.length === 0) throw new ExecutorError(`${where}: matrix.${key} must be a non-empty list, got ${JSON.stringify(values)}`);
    legs = legs.flatMap((leg) => values.map((value) => ({ ...leg, [key]: value })));
  }
  return legs;
}

function coerceInput(name, definition, value) {
  const type = definition.type ?? "string";
  if (type === "number") {
    const number = typeof value === "number" ? value : Number(value);
    if (value === "" || Number.isNaN(number)) throw new ExecutorError(`input '${name}' is a number, got ${JSON.stringify(value)}`);
    return number;
  }
  if (type === "boolean") {
    if (value === true || value === "true") return true;
    if (value === false || value === "false") return false;
    throw new ExecutorError(`input '${name}' is a boolean, got ${JSON.stringify(value)}`);
  }
  if (type === "string") return typeof value === "string" ? value : String(value);
  throw new ExecutorError(`input '${name}' has type '${type}', which the executor does not implement`);
}

/** The github context of a local run: fixed values unless `overrides` (--github) replace them. */
export function githubContext(overrides) {
  return {
    sha: "0000000000000000000000000000000000000000",
    server_url: "https://github.com",
    repository: "local/caller",
    run_id: "1",
    run_attempt: "1",
    event_name: "workflow_call",
    ref: "refs/heads/main",
    actor: "guardrails-executor",
    ...overrides,
  };
}

export class WorkflowRun {
  /**
   * options: workflowFile, inputs, secrets, workspaceSource (the caller's files), repositories
   * ({ "owner/name": git dir }), runRoot (scratch folder), github (context overrides),
   * cancelDuring (a step display name: the run is cancelled one second after that step starts), write (log sink).
   */
  constructor(options) {
    this.options = options;
    this.workspaceSource = path.resolve(options.workspaceSource);
    this.repositories = options.repositories ?? {};
    this.runRoot = path.resolve(options.runRoot);
    this.artifacts = path.join(this.runRoot, "artifacts");
    this.write = options.write ?? ((line) => process.stdout.write(line + "\n"));
    this.cancelled = false;
    this.running = undefined;
    this.summary = "";
    this.jobs = {};
  }

  cancel(reason) {
    if (this.cancelled) return;
    this.cancelled = true;
    this.write(`*** run cancelled: ${reason}`);
    // Only the job running now is cancelled; a job that starts later because its condition allows it (always())
    // runs its steps normally, as on GitHub.
    if (this.currentLeg) this.currentLeg.cancelled = true;
    this.running?.cancel();
  }

  async run() {
    const file = path.resolve(this.options.workflowFile);
    const parsed = parse(file, parseWorkflow, "workflow");
    const root = mapping(parsed.value, file);
    refuseUnknownKeys(root, workflowKeys, file);
    const on = mapping(root.get("on"), `${file}: on`);
    refuseUnknownKeys(on, ["workflow_call"], `${file}: on`);
    const call = mapping(on.get("workflow_call"), `${file}: on.workflow_call`);
    refuseUnknownKeys(call, ["inputs", "secrets", "outputs"], `${file}: on.workflow_call`);
    const model = await convertWorkflowTemplate(parsed.context, parsed.value);
    if (model.errors?.length) throw new ExecutorError(`${file}: ${model.errors.map((e) => e.Message).join("; ")}`);

    this.inputs = this.resolveInputs(call.has("inputs") ? mapping(call.get("inputs"), "inputs") : new Map());
    this.secrets = this.resolveSecrets(call.has("secrets") ? mapping(call.get("secrets"), "secrets") : new Map());
    this.github = githubContext(this.options.github);
    const scope = { github: this.github, inputs: this.inputs, secrets: this.secrets };
    this.workflowEnv = root.has("env") ? this.evaluateEnv(root.get("env"), scope, `${file}: env`) : {};

    const rawJobs = mapping(root.get("jobs"), `${file}: jobs`);
    const jobs = model.jobs.map((job) => ({ id: job.id.value, model: job, raw: mapping(rawJobs.get(job.id.value), `job ${job.id.value}`) }));
    const pending = [...jobs];
    while (pending.length > 0) {
      const index = pending.findIndex((job) => (job.model.needs ?? []).every((need) => this.jobs[need.value]));
      if (index < 0) throw new ExecutorError(`${file}: the jobs ${pending.map((j) => j.id).join(", ")} wait for each other`);
      const [job] = pending.splice(index, 1);
      this.jobs[job.id] = await this.runJob(job);
    }

    const outputs = {};
    if (call.has("outputs")) {
      const jobsContext = Object.fromEntries(Object.entries(this.jobs).map(([id, job]) => [id, { result: job.result, outputs: job.outputs }]));
      for (const [name, definition] of mapping(call.get("outputs"), "outputs")) {
        outputs[name] = evaluateString(mapping(definition, `outputs.${name}`).get("value"), { ...scope, jobs: jobsContext }, `outputs.${name}`);
      }
    }
    const results = Object.values(this.jobs).map((job) => job.result);
    const conclusion = this.cancelled ? "cancelled" : results.includes("failure") ? "failure" : "success";
    this.write(`*** workflow ${conclusion}`);
    return { conclusion, jobs: this.jobs, outputs, summary: this.summary };
  }

  resolveInputs(definitions) {
    const given = this.options.inputs ?? {};
    for (const name of Object.keys(given)) {
      if (!definitions.has(name)) throw new ExecutorError(`invalid input, ${name} is not defined in the referenced workflow`);
    }
    const inputs = {};
    for (const [name, token] of definitions) {
      const definition = evaluateToken(token, { github: this.options.github ?? {} }, `inputs.${name}`);
      if (name in given) inputs[name] = coerceInput(name, definition, given[name]);
      else if (definition.required) throw new ExecutorError(`input required and not supplied: ${name}`);
      else inputs[name] = definition.default === undefined ? (definition.type === "number" ? 0 : definition.type === "boolean" ? false : "") : coerceInput(name, definition, definition.default);
    }
    return inputs;
  }

  resolveSecrets(definitions) {
    const given = this.options.secrets ?? {};
    for (const name of Object.keys(given)) {
      if (!definitions.has(name)) throw new ExecutorError(`invalid secret, ${name} is not defined in the referenced workflow`);
    }
    const secrets = {};
    for (const [name, token] of definitions) {
      const definition = evaluateToken(token, {}, `secrets.${name}`) ?? {};
      if (name in given) secrets[name] = String(given[name]);
      else if (definition.required) throw new ExecutorError(`secret required and not supplied: ${name}`);
    }
    return secrets;
  }

  evaluateEnv(token, scope, where) {
    const env = {};
    for (const [name, value] of mapping(token, where)) env[name] = evaluateString(value, scope, `${where}.${name}`);
    return env;
  }

  ancestorsOf(id, seen = new Set()) {
    for (const need of this.needsOf[id] ?? []) {
      if (!seen.has(need)) {
        seen.add(need);
        this.ancestorsOf(need, seen);
      }
    }
    return seen;
  }

  async runJob(job) {
    const where = `job ${job.id}`;
    refuseUnknownKeys(job.raw, jobKeys, where);
    this.needsOf ??= {};
    this.needsOf[job.id] = (job.model.needs ?? []).map((need) => need.value);
    const needs = Object.fromEntries(this.needsOf[job.id].map((id) => [id, { result: this.jobs[id].result, outputs: this.jobs[id].outputs }]));
    const status = {
      success: () => !this.cancelled && Object.values(needs).every((need) => need.result === "success"),
      failure: () => [...this.ancestorsOf(job.id)].some((id) => this.jobs[id].result === "failure"),
      cancelled: () => this.cancelled,
      always: () => true,
    };
    const scope = { github: this.github, inputs: this.inputs, secrets: this.secrets, needs };
    if (!evaluateCondition(job.model.if.expression, { ...scope, status }, `${where}: if`)) {
      this.write(`=== ${job.id}: skipped`);
      return { result: "skipped", outputs: {}, legs: [] };
    }

    let strategy = {};
    if (job.raw.has("strategy")) {
      refuseUnknownKeys(mapping(job.raw.get("strategy"), `${where}: strategy`), strategyKeys, `${where}: strategy`);
      strategy = evaluateToken(job.raw.get("strategy"), scope, `${where}: strategy`);
    }
    const failFast = strategy["fail-fast"] ?? true;
    const maxParallel = strategy["max-parallel"];
    const combinations = expandMatrix(strategy.matrix, `${where}: strategy`);
    if (combinations.length > 1 && maxParallel !== 1) {
      throw new ExecutorError(`${where}: the executor runs matrix legs one at a time; set max-parallel: 1 so GitHub does too`);
    }

    const legs = [];
    let stop = false;
    // Legs still queued when the run is cancelled never start; a job that starts after the cancellation (its
    // condition allowed it) runs all of them.
    const cancelledBefore = this.cancelled;
    for (const [index, matrix] of combinations.entries()) {
      const label = matrix === undefined ? job.id : `${job.id} (${Object.values(matrix).join(", ")})`;
      if (stop || (this.cancelled && !cancelledBefore)) {
        this.write(`=== ${label}: cancelled before it started`);
        legs.push({ matrix, result: "cancelled", outputs: {}, steps: [] });
        continue;
      }
      const leg = await this.runLeg(job, matrix, { "fail-fast": failFast, "max-parallel": maxParallel ?? combinations.length, "job-index": index, "job-total": combinations.length }, needs, label);
      legs.push(leg);
      if (leg.result === "failure" && failFast) stop = true;
    }
    const results = legs.map((leg) => leg.result);
    const result = results.includes("failure") ? "failure" : results.includes("cancelled") ? "cancelled" : "success";
    const outputs = Object.assign({}, ...legs.map((leg) => leg.outputs));
    this.write(`=== ${job.id}: ${result}`);
    return { result, outputs, legs };
  }

  async runLeg(job, matrix, strategy, needs, label) {
    const where = `job ${label}`;
    const folder = path.join(this.runRoot, "jobs", label.replace(/[^A-Za-z0-9_.-]+/g, "-"));
    const leg = new JobLeg(this, folder, label);
    this.currentLeg = leg;
    const scope = {
      github: { ...this.github, job: job.id, workspace: leg.workspace },
      inputs: this.inputs, secrets: this.secrets, needs, strategy,
      matrix: matrix ?? {},
      runner: { os: "Linux", arch: "X64", temp: leg.temp, name: "guardrails-executor" },
      job: { status: "success" },
    };
    // Evaluated so that a wrong expression in them fails here as it would on GitHub; not enforced locally.
    for (const key of ["name", "runs-on", "environment", "concurrency", "permissions"]) {
      if (job.raw.has(key)) evaluateToken(job.raw.get(key), scope, `${where}: ${key}`);
    }
    const timeout = job.raw.has("timeout-minutes") ? Number(evaluateToken(job.raw.get("timeout-minutes"), scope, `${where}: timeout-minutes`)) : 360;
    leg.env = { ...this.workflowEnv, ...(job.raw.has("env") ? this.evaluateEnv(job.raw.get("env"), scope, `${where}: env`) : {}) };
    this.write(`=== ${label}: started`);
    const timer = setTimeout(() => leg.timeOut(timeout), timeout * 60_000);
    try {
      const rawSteps = [...job.raw.get("steps")];
      const outcome = await leg.runSteps(job.model.steps, rawSteps, scope, where, false);
      const result = leg.timedOut ? "failure" : leg.cancelled ? "cancelled" : outcome;
      const outputs = {};
      if (job.raw.has("outputs")) {
        for (const [name, token] of mapping(job.raw.get("outputs"), `${where}: outputs`)) {
          outputs[name] = evaluateString(token, { ...scope, steps: leg.stepsContext }, `${where}: outputs.${name}`);
        }
      }
      return { matrix, result, outputs, steps: leg.records };
    } finally {
      clearTimeout(timer);
      this.currentLeg = undefined;
    }
  }
}

/** One job (or one matrix leg of it) on a fresh workspace, as a hosted runner gives every job a new machine. */
class JobLeg {
  constructor(run, folder, label) {
    this.run = run;
    this.label = label;
    this.workspace = path.join(folder, "workspace");
    this.temp = path.join(folder, "temp");
    this.files = path.join(folder, "files");
    for (const dir of [this.workspace, this.temp, this.files]) mkdirSync(dir, { recursive: true });
    this.fileEnv = {};
    this.extraPath = [];
    this.stepsContext = {};
    this.records = [];
    this.counter = 0;
    this.timedOut = false;
    this.cancelled = false;
    this.log = (line) => run.write(`    ${line}`);
  }

  timeOut(minutes) {
    this.timedOut = true;
    this.run.write(`*** ${this.label}: the job has exceeded its timeout of ${minutes} minutes`);
    this.run.running?.cancel();
  }

  /** The environment of a process this job starts: the host's, the runner's variables, then the step's. */
  processEnv(stepEnv = {}) {
    const env = { ...process.env, ...this.env, ...this.fileEnv, ...stepEnv };
    env.PATH = [...this.extraPath].reverse().concat(process.env.PATH ?? "").join(path.delimiter);
    Object.assign(env, {
      CI: "true", GITHUB_ACTIONS: "true", GITHUB_WORKSPACE: this.workspace, RUNNER_TEMP: this.temp,
      RUNNER_OS: "Linux", GITHUB_SHA: this.run.github.sha, GITHUB_REPOSITORY: this.run.github.repository,
      GITHUB_RUN_ID: this.run.github.run_id, GITHUB_SERVER_URL: this.run.github.server_url,
    });
    return env;
  }

  /** Runs steps in order; returns "success" or "failure" for the whole list. */
  async runSteps(models, raws, scope, where, composite, stepsContext = this.stepsContext) {
    let status = "success";
    for (const [index, model] of models.entries()) {
      const raw = mapping(raws[index], `${where}: step ${index + 1}`);
      const stepWhere = `${where}: step ${index + 1} (line ${raws[index].line})`;
      refuseUnknownKeys(raw, stepKeys, stepWhere);
      const env = { ...this.env, ...this.fileEnv, ...(scope.outerEnv ?? {}) };
      const stepScope = {
        ...scope, env, steps: stepsContext, job: { status },
        status: {
          success: () => !this.cancelled && status === "success",
          failure: () => status === "failure",
          cancelled: () => this.cancelled,
          always: () => true,
        },
      };
      const name = raw.has("name") ? evaluateString(raw.get("name"), stepScope, `${stepWhere}: name`)
        : raw.has("run") ? `Run ${evaluateString(raw.get("run"), stepScope, stepWhere).split("\n")[0]}` : `Run ${raw.get("uses").value}`;
      const id = raw.has("id") ? raw.get("id").value : undefined;
      let outcome;
      let outputs = {};
      if (!evaluateCondition(model.if.expression, stepScope, `${stepWhere}: if`)) {
        outcome = "skipped";
        this.run.write(`--- ${this.label} | ${name}: skipped`);
      } else {
        this.run.write(`--- ${this.label} | ${name}`);
        const ownEnv = raw.has("env") ? this.run.evaluateEnv(raw.get("env"), stepScope, `${stepWhere}: env`) : {};
        const stepEnv = { ...env, ...ownEnv };
        const cancelTimer = this.run.options.cancelDuring === name
          ? setTimeout(() => this.run.cancel(`requested during '${name}'`), 1000) : undefined;
        try {
          ({ outcome, outputs } = raw.has("run")
            ? await this.runScript(raw, stepScope, stepEnv, stepWhere, composite)
            : await this.runAction(raw, stepScope, stepEnv, { ...(scope.outerEnv ?? {}), ...ownEnv }, stepWhere));
        } finally {
          clearTimeout(cancelTimer);
        }
        this.run.write(`--- ${this.label} | ${name}: ${outcome}`);
      }
      let conclusion = outcome;
      if (outcome === "failure" && raw.has("continue-on-error") && evaluateToken(raw.get("continue-on-error"), stepScope, stepWhere)) conclusion = "success";
      if (id) stepsContext[id] = { outputs, outcome, conclusion };
      if (!composite) this.records.push({ name, outcome, conclusion });
      if (conclusion === "failure") status = "failure";
      if (conclusion === "cancelled") status = "failure";
    }
    return status;
  }

  async runScript(raw, scope, env, where, composite) {
    const script = evaluateString(raw.get("run"), scope, `${where}: run`);
    const shell = raw.has("shell") ? evaluateString(raw.get("shell"), scope, `${where}: shell`) : undefined;
    const command = shellCommand(shell, composite, where);
    const step = path.join(this.files, `step-${++this.counter}`);
    mkdirSync(step, { recursive: true });
    const scriptFile = path.join(step, "script.sh");
    writeFileSync(scriptFile, script);
    const files = {
      GITHUB_OUTPUT: path.join(step, "output"), GITHUB_ENV: path.join(step, "env"),
      GITHUB_PATH: path.join(step, "path"), GITHUB_STEP_SUMMARY: path.join(step, "summary"),
    };
    for (const file of Object.values(files)) writeFileSync(file, "");
    const cwd = raw.has("working-directory") ? path.resolve(this.workspace, evaluateString(raw.get("working-directory"), scope, where)) : this.workspace;
    const timeout = raw.has("timeout-minutes") ? Number(evaluateToken(raw.get("timeout-minutes"), scope, where)) : undefined;
    const exitCode = await this.spawn(command[0], [...command.slice(1), scriptFile], { ...this.processEnv(env), ...files }, cwd, timeout);
    Object.assign(this.fileEnv, readKeyValueFile(files.GITHUB_ENV, `${where}: GITHUB_ENV`));
    this.extraPath.push(...readPathFile(files.GITHUB_PATH));
    const summary = readFileSync(files.GITHUB_STEP_SUMMARY, "utf8");
    if (summary) this.run.summary += summary;
    const outputs = readKeyValueFile(files.GITHUB_OUTPUT, `${where}: GITHUB_OUTPUT`);
    const outcome = exitCode === "cancelled" ? "cancelled" : exitCode === 0 ? "success" : "failure";
    if (typeof exitCode === "number" && exitCode !== 0) this.log(`Process completed with exit code ${exitCode}.`);
    return { outcome, outputs };
  }

  spawn(file, args, env, cwd, timeoutMinutes) {
    return new Promise((resolve) => {
      const child = spawn(file, args, { env, cwd, detached: true, stdio: ["ignore", "pipe", "pipe"] });
      let cancelled = false;
      let graceTimer;
      const signal = (name) => {
        try { process.kill(-child.pid, name); } catch { /* already gone */ }
      };
      const handle = {
        cancel: () => {
          cancelled = true;
          signal("SIGINT");
          graceTimer = setTimeout(() => signal("SIGTERM"), cancelGraceMilliseconds);
        },
      };
      this.run.running = handle;
      const stepTimer = timeoutMinutes ? setTimeout(() => { this.log(`the step has exceeded its timeout of ${timeoutMinutes} minutes`); handle.cancel(); cancelled = false; }, timeoutMinutes * 60_000) : undefined;
      const relay = (stream) => {
        let rest = "";
        stream.on("data", (chunk) => {
          const lines = (rest + chunk.toString()).split("\n");
          rest = lines.pop();
          for (const line of lines) this.log(line);
        });
        stream.on("end", () => rest && this.log(rest));
      };
      relay(child.stdout);
      relay(child.stderr);
      child.on("error", (error) => {
        this.log(`cannot start ${file}: ${error.message}`);
      });
      child.on("close", (code) => {
        clearTimeout(graceTimer);
        clearTimeout(stepTimer);
        if (this.run.running === handle) this.run.running = undefined;
        resolve(cancelled ? "cancelled" : code ?? 1);
      });
    });
  }

  async runAction(raw, scope, env, ownEnv, where) {
    const uses = evaluateString(raw.get("uses"), scope, `${where}: uses`);
    const inputs = raw.has("with") ? Object.fromEntries([...mapping(raw.get("with"), `${where}: with`)].map(([name, token]) => [name, evaluateString(token, scope, `${where}: with.${name}`)])) : {};
    if (uses.startsWith("./")) return this.runCompositeAction(uses, inputs, scope, ownEnv, where);
    const standIn = standInFor(uses);
    if (!standIn) throw new ExecutorError(`${where}: the executor has no local equivalent of '${uses}'`);
    const savedEnv = this.env;
    this.env = { ...this.env, ...env };
    try {
      return { outcome: standIn(inputs, this, where), outputs: {} };
    } finally {
      this.env = savedEnv;
    }
  }

  async runCompositeAction(uses, given, scope, env, where) {
    const folder = path.resolve(this.workspace, uses);
    const file = ["action.yml", "action.yaml"].map((name) => path.join(folder, name)).find(existsSync);
    if (!file) throw new ExecutorError(`${where}: no action.yml in ${uses} (was it checked out?)`);
    const parsed = parse(file, parseAction, "action");
    const root = mapping(parsed.value, file);
    const model = convertActionTemplate(parsed.context, parsed.value);
    if (model.runs.using !== "composite") throw new ExecutorError(`${file}: the executor runs only composite actions, not '${model.runs.using}'`);
    const definitions = root.has("inputs") ? mapping(root.get("inputs"), `${file}: inputs`) : new Map();
    for (const name of Object.keys(given)) {
      if (!definitions.has(name)) throw new ExecutorError(`${where}: unexpected input '${name}' for ${uses} (valid inputs: ${[...definitions.keys()].join(", ")})`);
    }
    const inputs = {};
    for (const [name, token] of definitions) {
      const definition = mapping(token, `${file}: inputs.${name}`);
      inputs[name] = name in given ? given[name] : definition.has("default") ? evaluateString(definition.get("default"), { github: scope.github }, `${file}: inputs.${name}.default`) : "";
    }
    const runs = mapping(root.get("runs"), `${file}: runs`);
    const compositeScope = { github: scope.github, inputs, runner: scope.runner, job: scope.job, strategy: scope.strategy, matrix: scope.matrix, outerEnv: env };
    const steps = {};
    const savedRecords = this.records;
    this.records = [];
    const outcome = await this.runSteps(model.runs.steps, [...runs.get("steps")], compositeScope, file, true, steps).finally(() => {
      this.records = savedRecords;
    });
    const outputs = {};
    if (root.has("outputs")) {
      for (const [name, token] of mapping(root.get("outputs"), `${file}: outputs`)) {
        outputs[name] = evaluateString(mapping(token, `${file}: outputs.${name}`).get("value"), { ...compositeScope, steps }, `${file}: outputs.${name}`);
      }
    }
    return { outcome: this.cancelled && outcome !== "success" ? "cancelled" : outcome, outputs };
  }
}
