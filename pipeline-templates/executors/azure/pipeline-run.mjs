// Runs an Azure Pipelines pipeline on this machine after expanding its templates: stages and jobs in
// dependsOn order, job and step conditions with the real status functions, deployment jobs with
// `strategy: canary` through their lifecycle hooks as Microsoft documents them
// (https://learn.microsoft.com/en-us/azure/devops/pipelines/yaml-schema/jobs-deployment-strategy-canary):
// preDeploy once; then, for every increment, deploy, routeTraffic and postRouteTraffic, each hook its own
// agent job with $(strategy.increment); then on.failure or on.success. Bash@3, UseDotNet@2,
// PublishPipelineArtifact@1 and `checkout: self` have local equivalents; every other construct is refused.
import { randomUUID } from "node:crypto";
import { cpSync, existsSync, mkdirSync, statSync, writeFileSync } from "node:fs";
import path from "node:path";
import { execFileSync } from "node:child_process";
import { ExecutorError } from "../github/executor-error.mjs";
import { runProcess } from "./agent-process.mjs";
import { evaluateCondition } from "./expressions.mjs";
import { loadYaml, TemplateExpander } from "./template-expansion.mjs";
import { parseLoggingCommand } from "./logging-commands.mjs";

const rootKeys = ["trigger", "pr", "resources", "stages"];
const stageKeys = ["stage", "displayName", "dependsOn", "condition", "lockBehavior", "jobs"];
const jobKeys = ["job", "displayName", "dependsOn", "condition", "pool", "timeoutInMinutes", "steps"];
const deploymentKeys = ["deployment", "displayName", "dependsOn", "condition", "pool", "environment", "timeoutInMinutes", "strategy"];
const canaryKeys = ["increments", "preDeploy", "deploy", "routeTraffic", "postRouteTraffic", "on"];
const perIncrementHooks = ["deploy", "routeTraffic", "postRouteTraffic"];
const hookKeys = ["steps", "pool"];
const checkoutKeys = ["checkout", "persistCredentials", "displayName", "condition"];
const taskKeys = ["task", "displayName", "name", "inputs", "env", "condition", "continueOnError", "timeoutInMinutes"];
const taskInputs = {
  "Bash@3": ["targetType", "script", "workingDirectory"],
  "UseDotNet@2": ["packageType", "version"],
  "PublishPipelineArtifact@1": ["targetPath", "artifact"],
};
const ok = (result) => result === "succeeded" || result === "succeededWithIssues";

function refuseUnknownKeys(object, allowed, where) {
  if (typeof object !== "object" || object === null || Array.isArray(object)) throw new ExecutorError(`${where} must be a mapping`);
  for (const key of Object.keys(object)) {
    if (!allowed.includes(key)) throw new ExecutorError(`${where}: the executor does not implement '${key}'`);
  }
}

function list(value, where) {
  if (value === undefined || value === null) return [];
  if (typeof value === "string") return [value];
  if (!Array.isArray(value)) throw new ExecutorError(`${where} must be a name or a list of names`);
  return value.map(String);
}

/** Variables are case-insensitive; this keeps the first spelling of each name. */
class Variables {
  constructor(entries = {}) {
    this.values = new Map();
    for (const [name, value] of Object.entries(entries)) this.set(name, value);
  }

  set(name, value) {
    this.values.set(name.toLowerCase(), { name, value: String(value) });
  }

  get(name) {
    return this.values.get(name.toLowerCase())?.value;
  }

  /** $(name) macros replaced by defined variables; an undefined one stays as written, as on the agent. */
  expand(text) {
    if (typeof text !== "string") return text;
    return text.replace(/\$\(([A-Za-z0-9_.-]+)\)/g, (macro, name) => this.get(name) ?? macro);
  }

  /** Every variable as an environment variable: upper case, '.' as '_', as the agent maps them. */
  environment() {
    return Object.fromEntries([...this.values.values()].map(({ name, value }) => [name.toUpperCase().replace(/\./g, "_"), value]));
  }

  object() {
    return Object.fromEntries([...this.values.values()].map(({ name, value }) => [name, value]));
  }
}

export class PipelineRun {
  /**
   * options: pipelineFile, workspaceSource (the caller's repository, copied by `checkout: self`),
   * repositories ({ "owner/name": git dir } for resources.repositories), runRoot (scratch folder),
   * cancelDuring (a step display name: the run is cancelled one second after that step starts), write (log sink).
   */
  constructor(options) {
    this.options = options;
    this.workspaceSource = path.resolve(options.workspaceSource);
    this.runRoot = path.resolve(options.runRoot);
    this.write = options.write ?? ((line) => process.stdout.write(line + "\n"));
    this.cancelled = false;
    this.running = undefined;
    this.artifacts = [];
    this.issues = [];
    this.jobCounter = 0;
  }

  cancel(reason) {
    if (this.cancelled) return;
    this.cancelled = true;
    this.write(`*** run cancelled: ${reason}`);
    // Only the job running now is cancelled; a job that starts later because its condition allows it
    // (canceled(), always()) runs its steps normally.
    if (this.currentJob) this.currentJob.cancelled = true;
    this.running?.cancel();
  }

  async run() {
    const file = path.resolve(this.options.pipelineFile);
    const { root } = loadYaml(file);
    if (root.kind !== "map") throw new ExecutorError(`${file}: a pipeline must be a mapping`);
    for (const pair of root.pairs) {
      if (!rootKeys.includes(pair.key)) throw new ExecutorError(`${pair.where}: the executor does not implement '${pair.key}' (it runs ${rootKeys.join(", ")})`);
    }
    const resources = root.pairs.find((pair) => pair.key === "resources");
    const aliases = resources ? this.checkOutResources(new TemplateExpander().expand(resources.value, { parameters: {} }, file, undefined), resources.where) : {};
    const pipeline = new TemplateExpander(aliases).expandPipeline(root, file);
    const stages = pipeline.stages ?? [];
    stages.forEach((stage, index) => this.validateStage(stage, `stage ${stage.stage ?? index + 1}`));

    const results = {};
    let previous;
    for (const stage of stages) {
      const dependsOn = "dependsOn" in stage ? list(stage.dependsOn, `stage ${stage.stage}: dependsOn`) : previous ? [previous] : [];
      for (const name of dependsOn) {
        if (!results[name]) throw new ExecutorError(`stage ${stage.stage}: dependsOn '${name}', which is not an earlier stage`);
      }
      const dependencies = Object.fromEntries(dependsOn.map((name) => [name, { result: results[name].result }]));
      const status = this.dependencyStatus(Object.values(dependencies));
      if (!evaluateCondition(stage.condition ?? "succeeded()", { variables: {}, dependencies }, status, `stage ${stage.stage}: condition`)) {
        this.write(`=== stage ${stage.stage}: skipped`);
        results[stage.stage] = { result: "skipped", jobs: {} };
      } else {
        results[stage.stage] = await this.runStage(stage);
      }
      previous = stage.stage;
    }
    const all = Object.values(results).flatMap((stage) => Object.values(stage.jobs).map((job) => job.result));
    const result = this.cancelled ? "canceled" : all.includes("failed") ? "failed" : "succeeded";
    this.write(`*** pipeline ${result}`);
    return { result, stages: results, artifacts: this.artifacts, issues: this.issues };
  }

  /** Clones every repository resource at its ref from the --repository directory given for its name. */
  checkOutResources(resources, where) {
    refuseUnknownKeys(resources, ["repositories"], `${where}: resources`);
    const aliases = {};
    for (const [index, repository] of (resources.repositories ?? []).entries()) {
      const at = `${where}: resources.repositories[${index}]`;
      refuseUnknownKeys(repository, ["repository", "type", "name", "ref", "endpoint"], at);
      const source = this.options.repositories?.[repository.name];
      if (!source) throw new ExecutorError(`${at}: no --repository ${repository.name}=GITDIR was given to stand in for it`);
      const directory = path.join(this.runRoot, "resources", repository.repository);
      mkdirSync(path.dirname(directory), { recursive: true });
      const git = (args, cwd) => execFileSync("git", args, { cwd, encoding: "utf8", stdio: ["ignore", "pipe", "pipe"] });
      try {
        git(["clone", "--quiet", source, directory]);
        if (repository.ref) git(["-c", "advice.detachedHead=false", "checkout", "--quiet", repository.ref], directory);
      } catch (error) {
        throw new ExecutorError(`${at}: cannot check out ${repository.name} at '${repository.ref ?? "its default branch"}': ${error.stderr || error.message}`);
      }
      const commit = git(["rev-parse", "HEAD"], directory).trim();
      this.write(`checked out ${repository.name}@${repository.ref ?? "HEAD"} (${commit}) as ${repository.repository}`);
      aliases[repository.repository] = directory;
    }
    return aliases;
  }

  validateStage(stage, where) {
    refuseUnknownKeys(stage, stageKeys, where);
    for (const job of stage.jobs ?? []) {
      const name = job.job ?? job.deployment;
      const at = `${where}: job ${name}`;
      if ("deployment" in job) {
        refuseUnknownKeys(job, deploymentKeys, at);
        refuseUnknownKeys(job.strategy, ["canary"], `${at}: strategy`);
        const canary = job.strategy.canary;
        refuseUnknownKeys(canary, canaryKeys, `${at}: strategy.canary`);
        if (!Array.isArray(canary.increments) || canary.increments.length === 0) throw new ExecutorError(`${at}: strategy.canary.increments must be a non-empty list`);
        for (const hook of ["preDeploy", ...perIncrementHooks]) {
          if (canary[hook]) this.validateHook(canary[hook], `${at}: ${hook}`);
        }
        refuseUnknownKeys(canary.on ?? {}, ["failure", "success"], `${at}: on`);
        for (const [outcome, hook] of Object.entries(canary.on ?? {})) this.validateHook(hook, `${at}: on.${outcome}`);
      } else {
        refuseUnknownKeys(job, jobKeys, at);
        this.validateSteps(job.steps, at);
      }
    }
  }

  validateHook(hook, where) {
    refuseUnknownKeys(hook, hookKeys, where);
    this.validateSteps(hook.steps, where);
  }

  validateSteps(steps, where) {
    if (!Array.isArray(steps)) throw new ExecutorError(`${where}: steps must be a list`);
    steps.forEach((step, index) => {
      const at = `${where}: step ${index + 1}`;
      if ("checkout" in step) {
        refuseUnknownKeys(step, checkoutKeys, at);
        if (step.checkout !== "self") throw new ExecutorError(`${at}: the executor checks out only self, not '${step.checkout}'`);
      } else if ("task" in step) {
        refuseUnknownKeys(step, taskKeys, at);
        const inputs = taskInputs[step.task];
        if (!inputs) throw new ExecutorError(`${at}: the executor has no local equivalent of the task '${step.task}' (it has ${Object.keys(taskInputs).join(", ")})`);
        refuseUnknownKeys(step.inputs ?? {}, inputs, `${at}: ${step.task} inputs`);
        if (step.task === "Bash@3" && step.inputs?.targetType !== "inline") throw new ExecutorError(`${at}: the executor runs Bash@3 only with targetType: inline`);
      } else {
        throw new ExecutorError(`${at}: the executor does not implement the step kind '${Object.keys(step)[0]}' (it runs task and checkout steps)`);
      }
    });
  }

  dependencyStatus(dependencies) {
    return {
      always: () => true,
      canceled: () => this.cancelled,
      succeeded: () => !this.cancelled && dependencies.every((dependency) => ok(dependency.result)),
      failed: () => dependencies.some((dependency) => dependency.result === "failed"),
      succeededOrFailed: () => !this.cancelled,
    };
  }

  async runStage(stage) {
    this.write(`=== stage ${stage.stage}: started`);
    this.stageName = stage.stage;
    const jobs = {};
    const pending = [...(stage.jobs ?? [])];
    // The executor runs one job at a time; Azure runs jobs without a dependency between them in parallel.
    while (pending.length > 0) {
      const index = pending.findIndex((job) => list(job.dependsOn, "dependsOn").every((name) => jobs[name]));
      if (index < 0) throw new ExecutorError(`stage ${stage.stage}: the jobs ${pending.map((job) => job.job ?? job.deployment).join(", ")} wait for each other or for a job that does not exist`);
      const [job] = pending.splice(index, 1);
      const name = job.job ?? job.deployment;
      const dependencies = Object.fromEntries(list(job.dependsOn, "dependsOn").map((need) => [need, { result: jobs[need].result, outputs: jobs[need].outputs }]));
      const status = this.dependencyStatus(Object.values(dependencies));
      if (!evaluateCondition(job.condition ?? "succeeded()", { variables: {}, dependencies }, status, `job ${name}: condition`)) {
        this.write(`=== job ${name}: skipped`);
        jobs[name] = { result: "skipped", outputs: {}, runs: [] };
        continue;
      }
      jobs[name] = "deployment" in job ? await this.runCanary(job, name) : await this.runJob(job, name);
      this.write(`=== job ${name}: ${jobs[name].result}`);
    }
    const results = Object.values(jobs).map((job) => job.result);
    const result = this.cancelled ? "canceled" : results.includes("failed") ? "failed" : "succeeded";
    this.write(`=== stage ${stage.stage}: ${result}`);
    return { result, jobs };
  }

  async runJob(job, name) {
    const run = await this.runAgentJob(name, job.steps, {}, job.timeoutInMinutes);
    return { result: run.result, outputs: run.outputs, runs: [run] };
  }

  /** The canary strategy's lifecycle: preDeploy once, the per-increment hooks in order, then on.failure or on.success. */
  async runCanary(job, name) {
    const canary = job.strategy.canary;
    const variables = { "Environment.Name": String(job.environment ?? ""), "strategy.name": "canary" };
    const runs = [];
    const outputs = {};
    // Runs one lifecycle hook as its own agent job; a hook the template leaves out counts as succeeded.
    const hook = async (hookName, definition, increment) => {
      if (!definition) return true;
      const label = increment === undefined ? hookName : `${hookName}_${increment}`;
      const extra = increment === undefined ? variables : { ...variables, "strategy.increment": increment };
      const run = await this.runAgentJob(`${name} ${label}`, definition.steps, extra, job.timeoutInMinutes);
      runs.push({ hook: hookName, increment, ...run });
      for (const [key, value] of Object.entries(run.outputs)) outputs[`${label}.${key}`] = value;
      return ok(run.result);
    };
    let failed = !(await hook("preDeploy", canary.preDeploy));
    for (const increment of canary.increments) {
      if (failed || this.cancelled) break;
      for (const hookName of perIncrementHooks) {
        if (this.cancelled || !(await hook(hookName, canary[hookName], increment))) {
          failed = true;
          break;
        }
      }
    }
    let result;
    if (this.cancelled) {
      // A cancelled run stops the deployment: neither on.failure nor on.success runs.
      result = "canceled";
    } else if (failed) {
      await hook("on.failure", canary.on?.failure);
      result = "failed";
    } else {
      result = (await hook("on.success", canary.on?.success)) ? "succeeded" : "failed";
    }
    return { result, outputs, runs };
  }

  /** One agent job on a fresh folder, as a hosted agent gives every job (and every lifecycle hook) a new machine. */
  async runAgentJob(label, steps, extraVariables, timeoutMinutes) {
    const folder = path.join(this.runRoot, "jobs", `${++this.jobCounter}-${label.replace(/[^A-Za-z0-9_.-]+/g, "-")}`);
    const sources = path.join(folder, "s");
    const temp = path.join(folder, "_temp");
    for (const directory of [sources, temp]) mkdirSync(directory, { recursive: true });
    const job = {
      label,
      sources,
      status: "succeeded",
      cancelled: false,
      timedOut: false,
      outputs: {},
      records: [],
      pathPrepends: [],
      variables: new Variables({
        "System.JobId": randomUUID(), "System.JobName": label, "System.StageName": this.stageName ?? "",
        "Agent.TempDirectory": temp, "Agent.OS": "Linux", "Agent.JobName": label, "Pipeline.Workspace": folder,
        "Build.SourcesDirectory": sources, "System.DefaultWorkingDirectory": sources, ...extraVariables,
      }),
    };
    this.write(`=== ${label}: started`);
    this.currentJob = job;
    const timer = timeoutMinutes ? setTimeout(() => {
      job.timedOut = true;
      this.write(`*** ${label}: the job ran longer than its timeout of ${timeoutMinutes} minutes`);
      this.running?.cancel();
    }, Number(timeoutMinutes) * 60_000) : undefined;
    try {
      for (const step of steps) await this.runStep(step, job);
    } finally {
      clearTimeout(timer);
      this.currentJob = undefined;
    }
    const result = job.timedOut ? "failed" : job.cancelled ? "canceled" : job.status;
    this.write(`=== ${label}: ${result}`);
    return { name: label, result, outputs: job.outputs, steps: job.records };
  }

  async runStep(step, job) {
    const isCheckout = "checkout" in step;
    const name = job.variables.expand(step.displayName ?? (isCheckout ? "Checkout self" : step.task.split("@")[0]));
    const status = {
      always: () => true,
      canceled: () => job.cancelled,
      succeeded: () => !job.cancelled && !job.timedOut && ok(job.status),
      failed: () => !job.cancelled && job.status === "failed",
      succeededOrFailed: () => !job.cancelled && !job.timedOut,
    };
    if (!evaluateCondition(step.condition ?? "succeeded()", { variables: job.variables.object() }, status, `${job.label}: ${name}: condition`)) {
      this.write(`--- ${job.label} | ${name}: skipped`);
      job.records.push({ name, result: "skipped" });
      return;
    }
    this.write(`--- ${job.label} | ${name}`);
    const cancelTimer = this.options.cancelDuring === name ? setTimeout(() => this.cancel(`requested during '${name}'`), 1000) : undefined;
    let result;
    try {
      result = isCheckout ? this.checkout(job) : await this.runTask(step, name, job);
    } finally {
      clearTimeout(cancelTimer);
    }
    if (result === "failed" && step.continueOnError === true) result = "succeededWithIssues";
    if (result === "failed") job.status = "failed";
    if (result === "succeededWithIssues" && job.status === "succeeded") job.status = "succeededWithIssues";
    this.write(`--- ${job.label} | ${name}: ${result}`);
    job.records.push({ name, result });
  }

  checkout(job) {
    cpSync(this.workspaceSource, job.sources, { recursive: true });
    return "succeeded";
  }

  processEnvironment(job, stepEnv) {
    const env = { ...process.env, ...job.variables.environment(), ...stepEnv, TF_BUILD: "True" };
    env.PATH = [...job.pathPrepends].reverse().concat(process.env.PATH ?? "").join(path.delimiter);
    return env;
  }

  async runTask(step, name, job) {
    const inputs = Object.fromEntries(Object.entries(step.inputs ?? {}).map(([key, value]) => [key, job.variables.expand(String(value))]));
    const env = Object.fromEntries(Object.entries(step.env ?? {}).map(([key, value]) => [key, job.variables.expand(value === null ? "" : String(value))]));
    switch (step.task) {
      case "Bash@3": return this.runBash(step, inputs, env, job);
      case "UseDotNet@2": return this.useDotNet(inputs, job);
      case "PublishPipelineArtifact@1": return this.publishArtifact(inputs, name, job);
      default: throw new ExecutorError(`${job.label}: ${name}: no local equivalent of ${step.task}`);
    }
  }

  async runBash(step, inputs, env, job) {
    const script = path.join(job.variables.get("Agent.TempDirectory"), `${randomUUID()}.sh`);
    writeFileSync(script, inputs.script ?? "");
    const cwd = inputs.workingDirectory ? path.resolve(job.sources, inputs.workingDirectory) : job.sources;
    const commands = [];
    const code = await runProcess("bash", ["--noprofile", "--norc", script], {
      env: this.processEnvironment(job, env),
      cwd,
      timeoutMinutes: step.timeoutInMinutes,
      onStart: (handle) => { this.running = handle; },
      onLine: (line) => {
        const command = parseLoggingCommand(line, `${job.label}: ${step.displayName ?? step.task}`);
        if (command) commands.push(command);
        else this.write(`    ${line}`);
      },
    });
    this.running = undefined;
    let result = code === "cancelled" ? "canceled" : code === 0 ? "succeeded" : "failed";
    if (typeof code === "number" && code !== 0) this.write(`    ##[error]Bash exited with code '${code}'.`);
    if (code === "timed-out") this.write(`    ##[error]the step ran longer than its timeout of ${step.timeoutInMinutes} minutes`);
    for (const command of commands) result = this.apply(command, step, job, result);
    return result;
  }

  /** The effect of a ##vso logging command a step printed. */
  apply(command, step, job, result) {
    switch (command.name) {
      case "task.setvariable": {
        const variable = command.properties.variable;
        if (command.properties.isoutput?.toLowerCase() === "true") {
          if (!step.name) throw new ExecutorError(`${job.label}: an output variable '${variable}' needs the step to have a name`);
          job.variables.set(`${step.name}.${variable}`, command.value);
          job.outputs[`${step.name}.${variable}`] = command.value;
        } else {
          job.variables.set(variable, command.value);
        }
        return result;
      }
      case "task.prependpath":
        job.pathPrepends.push(command.value);
        return result;
      case "task.logissue":
        this.write(`    ##[${command.properties.type}]${command.value}`);
        this.issues.push({ job: job.label, type: command.properties.type, message: command.value });
        return result;
      default:
        throw new ExecutorError(`${job.label}: the executor does not implement the logging command ${command.name}`);
    }
  }

  useDotNet(inputs, job) {
    try {
      const version = execFileSync("dotnet", ["--version"], { encoding: "utf8", env: this.processEnvironment(job, {}) }).trim();
      this.write(`    dotnet ${version} is on PATH (asked for ${inputs.packageType ?? "sdk"} ${inputs.version ?? "any"}; the executor installs nothing)`);
      return "succeeded";
    } catch (error) {
      this.write(`    ##[error]dotnet does not run: ${error.message}`);
      return "failed";
    }
  }

  publishArtifact(inputs, name, job) {
    const source = path.resolve(job.sources, inputs.targetPath ?? "");
    const artifact = inputs.artifact;
    const destination = path.join(this.runRoot, "artifacts", artifact);
    if (!existsSync(source)) {
      this.write(`    ##[error]Path does not exist: ${source}`);
      return "failed";
    }
    if (existsSync(destination)) {
      this.write(`    ##[error]An artifact named ${artifact} already exists in this run.`);
      return "failed";
    }
    mkdirSync(destination, { recursive: true });
    cpSync(source, statSync(source).isDirectory() ? destination : path.join(destination, path.basename(source)), { recursive: true });
    this.artifacts.push({ name: artifact, job: job.label, path: destination });
    this.write(`    published ${source} as the artifact ${artifact}`);
    return "succeeded";
  }
}
