// Behaviour of the Azure Pipelines executor on small pipelines written for each rule it models.
import { test } from "node:test";
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { mkdtempSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { PipelineRun } from "../azure/pipeline-run.mjs";
import { ExecutorError } from "../github/executor-error.mjs";

/** Runs a pipeline whose files are given by relative path; `$LOG` in them is the calls log. */
async function run(files, options = {}) {
  const root = mkdtempSync(path.join(tmpdir(), "az-executor-"));
  const workspace = path.join(root, "caller");
  const log = path.join(root, "calls.log");
  writeFileSync(log, "");
  for (const [name, text] of Object.entries(files)) {
    const file = path.join(workspace, name);
    mkdirSync(path.dirname(file), { recursive: true });
    writeFileSync(file, text.replaceAll("$LOG", log));
  }
  const lines = [];
  const result = await new PipelineRun({
    pipelineFile: path.join(workspace, "azure-pipelines.yml"), workspaceSource: workspace, runRoot: path.join(root, "run"),
    write: (line) => lines.push(line), ...options,
  }).run();
  return { result, calls: readFileSync(log, "utf8").trim().split("\n").filter(Boolean), lines };
}

// Steps as a YAML flow sequence (JSON), so the pipelines below need no indentation bookkeeping.
const bash = (script, extra = {}) => ({ task: "Bash@3", ...extra, inputs: { targetType: "inline", script } });
const steps = (...items) => ` ${JSON.stringify(items)}`;

function canary({ increments = "[10, 50, 100]", failAt = "", slowRoute = false } = {}) {
  const step = (name) => bash(`echo "${name} $(strategy.increment)" >> $LOG; ${name === "route" && slowRoute ? "sleep 30;" : ""} if [ "$(strategy.increment)" = "${failAt}" ] && [ "${name}" = "postRoute" ]; then exit 1; fi`);
  return `stages:
  - stage: Release
    jobs:
      - deployment: Canary
        environment: staging
        strategy:
          canary:
            increments: ${increments}
            preDeploy:
              steps:${steps(bash("echo preDeploy $(strategy.name) >> $LOG"))}
            deploy:
              steps:${steps(step("deploy"))}
            routeTraffic:
              steps:${steps(step("route"))}
            postRouteTraffic:
              steps:${steps(step("postRoute"))}
            on:
              failure:
                steps:${steps(bash("echo failure >> $LOG"))}
              success:
                steps:${steps(bash("echo success >> $LOG"))}
`;
}

test("the canary strategy runs preDeploy once, then deploy, routeTraffic and postRouteTraffic per increment, then on.success", async () => {
  const { result, calls } = await run({ "azure-pipelines.yml": canary() });

  assert.deepEqual(calls, ["preDeploy canary", "deploy 10", "route 10", "postRoute 10", "deploy 50", "route 50", "postRoute 50", "deploy 100", "route 100", "postRoute 100", "success"]);
  const job = result.stages.Release.jobs.Canary;
  assert.equal(job.result, "succeeded");
  assert.deepEqual(job.runs.map((r) => r.name.replace("Canary ", "")), ["preDeploy", "deploy_10", "routeTraffic_10", "postRouteTraffic_10", "deploy_50", "routeTraffic_50", "postRouteTraffic_50", "deploy_100", "routeTraffic_100", "postRouteTraffic_100", "on.success"]);
});

test("a failed hook stops the increments and runs on.failure once; the deployment job fails", async () => {
  const { result, calls } = await run({ "azure-pipelines.yml": canary({ failAt: "50" }) });

  assert.deepEqual(calls, ["preDeploy canary", "deploy 10", "route 10", "postRoute 10", "deploy 50", "route 50", "postRoute 50", "failure"]);
  assert.equal(result.stages.Release.jobs.Canary.result, "failed");
  assert.equal(result.result, "failed");
});

test("a cancelled run stops the hooks, skips on.failure and runs a job whose condition is canceled()", async () => {
  const pipeline = canary({ slowRoute: true }) + `      - job: AfterCancel
        dependsOn: Canary
        condition: canceled()
        steps:${steps(bash("echo after-cancel >> $LOG"))}
      - job: AfterSuccess
        dependsOn: Canary
        steps:${steps(bash("echo after-success >> $LOG"))}
`;
  const started = Date.now();
  const { result, calls } = await run({ "azure-pipelines.yml": pipeline }, { cancelDuring: "Bash" });

  assert.deepEqual(calls, ["preDeploy canary", "deploy 10", "route 10", "after-cancel"]);
  assert.ok(Date.now() - started < 20_000, "the sleeping step was interrupted");
  assert.equal(result.result, "canceled");
  assert.equal(result.stages.Release.jobs.Canary.result, "canceled");
  assert.equal(result.stages.Release.jobs.AfterSuccess.result, "skipped");
});

test("template parameters are typed and checked; if and each insert into sequences and mappings", async () => {
  const files = {
    "azure-pipelines.yml": `stages:
  - template: stage.yml
    parameters:
      names: [a, b]
      mode: loud
      count: 3
`,
    "stage.yml": `parameters:
  - name: names
    type: object
  - name: mode
    type: string
    values: [quiet, loud]
  - name: count
    type: number
    default: 1
  - name: unused
    type: string
    default: kept
stages:
  - stage: S
    jobs:
      - job: J
        \${{ if eq(parameters.mode, 'loud') }}:
          displayName: Loud \${{ parameters.count }}
        steps:
          - \${{ each name in parameters.names }}:
            - template: steps/say.yml
              parameters:
                word: \${{ name }}-\${{ parameters.unused }}
          - \${{ if eq(parameters.mode, 'quiet') }}:${steps(bash("echo quiet >> $LOG"))}
`,
    "steps/say.yml": `parameters:
  - name: word
    type: string
steps:
  - task: Bash@3
    displayName: Say \${{ parameters.word }}
    inputs:
      targetType: inline
      script: echo "\${{ parameters.word }} $(System.StageName)" >> $LOG
`,
  };
  const { calls, lines } = await run(files);
  assert.deepEqual(calls, ["a-kept S", "b-kept S"]);
  assert.ok(lines.includes("--- J | Say a-kept"), lines.join("\n"));

  const invalid = { ...files, "azure-pipelines.yml": files["azure-pipelines.yml"].replace("loud", "shouting") };
  await assert.rejects(run(invalid), (error) => error instanceof ExecutorError && /the 'mode' parameter value 'shouting' is not a valid value; use one of quiet, loud/.test(error.message) && /azure-pipelines.yml:2:5/.test(error.message));
  await assert.rejects(run({ ...files, "azure-pipelines.yml": files["azure-pipelines.yml"].replace("count: 3", "count: many") }), /'count' parameter value 'many' is not a valid number/);
  await assert.rejects(run({ ...files, "azure-pipelines.yml": files["azure-pipelines.yml"].replace("count: 3", "colour: red") }), /unexpected parameter 'colour'/);
  await assert.rejects(run({ ...files, "azure-pipelines.yml": files["azure-pipelines.yml"].replace("      names: [a, b]\n", "") }), /a value for the 'names' parameter .* must be provided/);
});

test("output variables set with task.setvariable isOutput are the job's outputs for dependent jobs' conditions; plain ones are later steps' variables and environment", async () => {
  const { result, calls } = await run({
    "azure-pipelines.yml": `stages:
  - stage: S
    jobs:
      - job: J
        steps:${steps(bash("echo '##vso[task.setvariable variable=colour]blue'; echo '##vso[task.setvariable variable=decision;isOutput=true]promote'", { name: "gate" }), bash("echo \"$(colour) $COLOUR $(gate.decision)\" '$(undefined.macro)' >> $LOG"))}
      - job: K
        dependsOn: J
        condition: and(succeeded(), eq(dependencies.J.outputs['gate.decision'], 'PROMOTE'))
        steps:${steps(bash("echo K after promote >> $LOG"))}
      - job: L
        dependsOn: J
        condition: eq(dependencies.J.outputs['gate.decision'], 'rollback')
        steps:${steps(bash("echo L >> $LOG"))}
`,
  });
  assert.deepEqual(calls, ["blue blue promote $(undefined.macro)", "K after promote"]);
  assert.deepEqual(result.stages.S.jobs.J.outputs, { "gate.decision": "promote" });
  assert.equal(result.stages.S.jobs.L.result, "skipped");
});

test("step conditions use the job's status: succeededOrFailed runs after a failure, the default skips", async () => {
  const { result, calls } = await run({
    "azure-pipelines.yml": `stages:
  - stage: S
    jobs:
      - job: J
        steps:${steps(bash("exit 3"), bash("echo skipped >> $LOG"), bash("echo after-failure >> $LOG", { condition: "succeededOrFailed()" }), bash("echo failed >> $LOG", { condition: "failed()" }))}
      - job: K
        dependsOn: J
        condition: failed()
        steps:${steps(bash("echo k >> $LOG"))}
`,
  });
  assert.deepEqual(calls, ["after-failure", "failed", "k"]);
  assert.deepEqual(result.stages.S.jobs.J.runs[0].steps.map((s) => s.result), ["failed", "skipped", "succeeded", "succeeded"]);
});

test("constructs the executor does not implement are refused with the place", async () => {
  const stage = (list) => ({ "azure-pipelines.yml": `stages:\n  - stage: S\n    jobs:\n      - job: J\n        steps:\n${list}` });
  await assert.rejects(run(stage("          - script: echo hi\n")), /the executor does not implement the step kind 'script'/);
  await assert.rejects(run(stage("          - task: AzureCLI@2\n")), /no local equivalent of the task 'AzureCLI@2'/);
  await assert.rejects(run(stage("          - ${{ else }}:\n            - checkout: self\n")), /does not implement '\$\{\{ else \}\}'/);
  await assert.rejects(run(stage(`         ${steps(bash("echo ${{ format('{0}', 1) }}"))}\n`)), /does not implement the function 'format'/);
  await assert.rejects(run(stage(`         ${steps(bash("echo hi", { condition: "eq(variables.a, 1) && true" }))}\n`)), /does not implement '&'/);
  await assert.rejects(run(stage(`         ${steps(bash("echo '##vso[task.uploadfile]x'"))}\n`)), /does not implement the logging command task.uploadfile/);
  await assert.rejects(run({ "azure-pipelines.yml": "extends:\n  template: x.yml\n" }), /azure-pipelines.yml:1:1: the executor does not implement 'extends'/);
  await assert.rejects(
    run({ "azure-pipelines.yml": "stages:\n  - template: t.yml\n", "t.yml": "parameters:\n  - name: more\n    type: stepList\n    default: []\nstages: []\n" }),
    /t.yml:2:5: parameter 'more' has type 'stepList', which the executor does not implement/);
});

test("a repository resource is checked out at its ref, and path@alias templates come from it", async () => {
  const templates = mkdtempSync(path.join(tmpdir(), "az-templates-"));
  const git = (...args) => execFileSync("git", args, { cwd: templates, stdio: "pipe" });
  git("init", "--quiet", "--initial-branch=main");
  mkdirSync(path.join(templates, "steps"));
  writeFileSync(path.join(templates, "steps", "say.yml"), "steps:\n  - task: Bash@3\n    inputs:\n      targetType: inline\n      script: echo released >> \"$CALLS\"\n");
  git("add", "--all");
  git("-c", "user.name=t", "-c", "user.email=t@t.invalid", "commit", "--quiet", "-m", "one");
  git("tag", "v1.0.0");
  writeFileSync(path.join(templates, "steps", "say.yml"), "steps:\n  - task: Bash@3\n    inputs:\n      targetType: inline\n      script: echo unreleased >> \"$CALLS\"\n");
  git("-c", "user.name=t", "-c", "user.email=t@t.invalid", "commit", "--quiet", "--all", "-m", "two");

  const pipeline = `resources:
  repositories:
    - repository: tools
      type: github
      name: owner/tools
      ref: refs/tags/v1.0.0
stages:
  - stage: S
    jobs:
      - job: J
        steps:
          - template: steps/say.yml@tools
`;
  const root = mkdtempSync(path.join(tmpdir(), "az-caller-"));
  const log = path.join(root, "calls.log");
  writeFileSync(log, "");
  process.env.CALLS = log;
  writeFileSync(path.join(root, "azure-pipelines.yml"), pipeline);
  const lines = [];
  await new PipelineRun({ pipelineFile: path.join(root, "azure-pipelines.yml"), workspaceSource: root, runRoot: path.join(root, "run"), repositories: { "owner/tools": templates }, write: (line) => lines.push(line) }).run();
  delete process.env.CALLS;
  assert.deepEqual(readFileSync(log, "utf8").trim().split("\n"), ["released"]);
  assert.ok(lines.some((line) => line.startsWith("checked out owner/tools@refs/tags/v1.0.0")), lines.join("\n"));
});
