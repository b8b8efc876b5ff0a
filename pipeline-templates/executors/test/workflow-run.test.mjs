// Behaviour of the GitHub executor on small workflows written for each rule it models.
import { test } from "node:test";
import assert from "node:assert/strict";
import { mkdtempSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { WorkflowRun } from "../github/workflow-run.mjs";
import { ExecutorError } from "../github/executor-error.mjs";

async function run(workflow, options = {}) {
  const root = mkdtempSync(path.join(tmpdir(), "gh-executor-"));
  const workspace = path.join(root, "caller");
  mkdirSync(workspace);
  const log = path.join(root, "calls.log");
  writeFileSync(log, "");
  const file = path.join(root, "workflow.yml");
  writeFileSync(file, workflow);
  const lines = [];
  const result = await new WorkflowRun({
    workflowFile: file, workspaceSource: workspace, runRoot: path.join(root, "run"),
    inputs: { log, ...(options.inputs ?? {}) }, write: (line) => lines.push(line), ...options,
    ...(options.inputs ? { inputs: { log, ...options.inputs } } : {}),
  }).run();
  return { result, calls: readFileSync(log, "utf8").trim().split("\n").filter(Boolean), lines };
}

const header = `on:
  workflow_call:
    inputs:
      log: { type: string, required: true }
      fail-at: { type: number, required: false, default: 0 }
    outputs:
      summary:
        value: \${{ jobs.last.outputs.summary }}
jobs:
`;

test("jobs run in needs order and pass outputs through GITHUB_OUTPUT, GITHUB_ENV and needs", async () => {
  const { result, calls } = await run(header + `
  last:
    needs: [first]
    runs-on: ubuntu-latest
    outputs:
      summary: \${{ steps.read.outputs.text }}
    steps:
      - id: read
        env:
          FROM_FIRST: \${{ needs.first.outputs.value }}
          LOG: \${{ inputs.log }}
        run: |
          echo "last $FROM_FIRST" >> "$LOG"
          echo "text=got $FROM_FIRST" >> "$GITHUB_OUTPUT"
  first:
    runs-on: ubuntu-latest
    outputs:
      value: \${{ steps.make.outputs.value }}
    steps:
      - run: echo "GREETING=hello" >> "$GITHUB_ENV"
      - id: make
        env:
          LOG: \${{ inputs.log }}
        run: |
          echo "first $GREETING" >> "$LOG"
          echo "value=$GREETING-world" >> "$GITHUB_OUTPUT"
`);
  assert.deepEqual(calls, ["first hello", "last hello-world"]);
  assert.equal(result.outputs.summary, "got hello-world");
  assert.equal(result.conclusion, "success");
});

test("a failed matrix leg with fail-fast cancels the legs after it; failure() and needs results decide later jobs", async () => {
  const { result, calls } = await run(header + `
  steps:
    strategy:
      fail-fast: true
      max-parallel: 1
      matrix:
        percent: [10, 25, 50]
    runs-on: ubuntu-latest
    steps:
      - env:
          LOG: \${{ inputs.log }}
          PERCENT: \${{ matrix.percent }}
          FAIL_AT: \${{ inputs.fail-at }}
        run: |
          echo "step $PERCENT" >> "$LOG"
          [ "$PERCENT" != "$FAIL_AT" ]
      - if: failure()
        env:
          LOG: \${{ inputs.log }}
        run: echo "cleanup in job" >> "$LOG"
  promote:
    needs: [steps]
    runs-on: ubuntu-latest
    steps:
      - run: echo promote >> "\${LOG}"
        env:
          LOG: \${{ inputs.log }}
  last:
    needs: [steps, promote]
    if: always() && contains(needs.*.result, 'failure')
    runs-on: ubuntu-latest
    steps:
      - env:
          LOG: \${{ inputs.log }}
          RESULTS: \${{ needs.steps.result }}/\${{ needs.promote.result }}
        run: echo "rollback $RESULTS" >> "$LOG"
`, { inputs: { "fail-at": 25 } });
  assert.deepEqual(calls, ["step 10", "step 25", "cleanup in job", "rollback failure/skipped"]);
  assert.deepEqual(result.jobs.steps.legs.map((leg) => leg.result), ["success", "failure", "cancelled"]);
  assert.equal(result.conclusion, "failure");
});

test("cancelling the run stops the running step and runs only the always() and cancelled() conditions", async () => {
  const { result, calls, lines } = await run(header + `
  bake:
    runs-on: ubuntu-latest
    steps:
      - name: Bake
        run: sleep 30
      - if: cancelled()
        env:
          LOG: \${{ inputs.log }}
        run: echo "step saw cancel" >> "$LOG"
  next:
    needs: [bake]
    runs-on: ubuntu-latest
    steps:
      - run: echo never >> "\${LOG}"
        env:
          LOG: \${{ inputs.log }}
  last:
    needs: [bake, next]
    if: always()
    runs-on: ubuntu-latest
    steps:
      - env:
          LOG: \${{ inputs.log }}
          RESULTS: \${{ needs.bake.result }}/\${{ needs.next.result }}
        run: echo "always $RESULTS" >> "$LOG"
`, { cancelDuring: "Bake" });
  assert.deepEqual(calls, ["step saw cancel", "always cancelled/skipped"], lines.join("\n"));
  assert.equal(result.conclusion, "cancelled");
});

test("constructs the executor does not implement fail the run with the place and the reason", async () => {
  await assert.rejects(run(header + `
  one:
    runs-on: ubuntu-latest
    container: node:20
    steps:
      - run: true
`), (error) => error instanceof ExecutorError && /job one: the executor does not implement 'container'/.test(error.message));
  await assert.rejects(run(header + `
  one:
    runs-on: ubuntu-latest
    steps:
      - uses: someone/unknown-action@v1
`), (error) => error instanceof ExecutorError && /no local equivalent of 'someone\/unknown-action@v1'/.test(error.message));
  await assert.rejects(run(header + `
  one:
    runs-on: ubuntu-latest
    steps:
      - run: echo \${{ hashFiles('x') }}
`), (error) => error instanceof ExecutorError && /cannot evaluate/.test(error.message));
});

test("inputs are checked as GitHub checks a workflow call", async () => {
  await assert.rejects(run(header + `
  one:
    runs-on: ubuntu-latest
    steps:
      - run: true
`, { inputs: { unknown: "x" } }), /invalid input, unknown is not defined/);
  await assert.rejects(run(header + `
  one:
    runs-on: ubuntu-latest
    steps:
      - run: true
`, { inputs: { "fail-at": "ten" } }), /input 'fail-at' is a number/);
});

test("heredoc outputs, continue-on-error, artifacts and a composite action with its inputs, outputs and the step's env", async () => {
  const root = mkdtempSync(path.join(tmpdir(), "gh-executor-composite-"));
  const workspace = path.join(root, "caller");
  mkdirSync(path.join(workspace, "actions", "greet"), { recursive: true });
  writeFileSync(path.join(workspace, "actions", "greet", "action.yml"), `name: Greet
description: Says hello
inputs:
  who:
    description: Who
    required: false
    default: world
outputs:
  said:
    description: What was said
    value: \${{ steps.say.outputs.said }}
runs:
  using: composite
  steps:
    - id: say
      shell: bash
      env:
        WHO: \${{ inputs.who }}
      run: |
        echo "said=hello $WHO from $FROM_STEP" >> "$GITHUB_OUTPUT"
`);
  const log = path.join(root, "calls.log");
  writeFileSync(log, "");
  const file = path.join(root, "workflow.yml");
  writeFileSync(file, header + `
  first:
    runs-on: ubuntu-latest
    steps:
      - uses: actions/checkout@11bd71901bbe5b1630ceea73d27597364c9af683
      - id: greet
        uses: ./actions/greet
        env:
          FROM_STEP: the step env
      - id: text
        env:
          SAID: \${{ steps.greet.outputs.said }}
        run: |
          {
            echo "text<<END"
            echo "$SAID"
            echo "second line"
            echo "END"
          } >> "$GITHUB_OUTPUT"
          printf '%s\\n' "$SAID" > record.json
      - uses: actions/upload-artifact@ea165f8d65b6e75b540449e92b4886f43607fa02
        with:
          name: record
          path: record.json
      - id: broken
        continue-on-error: true
        run: exit 3
      - env:
          LOG: \${{ inputs.log }}
          TEXT: \${{ steps.text.outputs.text }}
          BROKEN: \${{ steps.broken.outcome }}/\${{ steps.broken.conclusion }}
        run: |
          printf '%s\\n' "$TEXT" >> "$LOG"
          echo "broken $BROKEN" >> "$LOG"
  last:
    needs: [first]
    runs-on: ubuntu-latest
    steps:
      - uses: actions/download-artifact@d3f86a106a0bac45b974a628896c90dbdf5c8093
        with:
          pattern: rec*
          path: got
          merge-multiple: true
      - env:
          LOG: \${{ inputs.log }}
        run: cat got/record.json >> "$LOG"
`);
  const result = await new WorkflowRun({ workflowFile: file, workspaceSource: workspace, runRoot: path.join(root, "run"), inputs: { log }, write: () => {} }).run();
  assert.deepEqual(readFileSync(log, "utf8").trim().split("\n"), [
    "hello world from the step env", "second line", "broken failure/success", "hello world from the step env",
  ]);
  assert.equal(result.conclusion, "success");
});

// A caller's workflow job that `uses:` a reusable workflow kept in a local git repository, as the docs' example does.
async function runCaller(jobs, options = {}) {
  const { spawnSync } = await import("node:child_process");
  const { CallerJob } = await import("../github/caller-job.mjs");
  const root = mkdtempSync(path.join(tmpdir(), "gh-caller-"));
  const templates = path.join(root, "templates");
  mkdirSync(path.join(templates, ".github", "workflows"), { recursive: true });
  const git = (...args) => assert.equal(spawnSync("git", ["-C", templates, ...args], { encoding: "utf8" }).status, 0, args.join(" "));
  const reusable = (greeting) => `on:
  workflow_call:
    inputs:
      greeting: { type: string, required: true }
      count: { type: number, required: false, default: 1 }
      log: { type: string, required: true }
    secrets:
      TOKEN: { required: false }
    outputs:
      said:
        value: \${{ jobs.say.outputs.said }}
jobs:
  say:
    runs-on: ubuntu-latest
    outputs:
      said: \${{ steps.say.outputs.said }}
    steps:
      - id: say
        env:
          GREETING: \${{ inputs.greeting }}
          COUNT: \${{ inputs.count }}
          TOKEN: \${{ secrets.TOKEN }}
          LOG: \${{ inputs.log }}
        run: |
          echo "${greeting} $GREETING x$COUNT token=$TOKEN" >> "$LOG"
          echo "said=$GREETING" >> "$GITHUB_OUTPUT"
`;
  git("init", "--quiet", "--initial-branch=main");
  writeFileSync(path.join(templates, ".github", "workflows", "reusable.yml"), reusable("v1"));
  git("add", "--all");
  git("-c", "user.name=t", "-c", "user.email=t@t.invalid", "commit", "--quiet", "-m", "v1");
  git("tag", "v1");
  // main moves on after the tag: the caller's @v1 must still run the tagged file.
  writeFileSync(path.join(templates, ".github", "workflows", "reusable.yml"), reusable("main"));
  git("-c", "user.name=t", "-c", "user.email=t@t.invalid", "commit", "--quiet", "--all", "-m", "later");
  const workspace = path.join(root, "caller");
  mkdirSync(workspace);
  const log = path.join(root, "calls.log");
  writeFileSync(log, "");
  const file = path.join(root, "release.yml");
  writeFileSync(file, `name: Release
on:
  push:
    branches: [main]
jobs:
  build:
    runs-on: ubuntu-latest
    steps:
      - run: exit 1
${jobs.replaceAll("LOG_FILE", log)}`);
  const lines = [];
  const result = await new CallerJob({
    callerFile: file, callerJob: "release", workspaceSource: workspace, runRoot: path.join(root, "run"),
    repositories: { "acme/templates": templates }, write: (line) => lines.push(line), ...options,
  }).run();
  return { result, calls: readFileSync(log, "utf8").trim().split("\n").filter(Boolean), lines };
}

test("a caller job runs the reusable workflow at its ref with its with: and its secrets: evaluated in the caller", async () => {
  const { result, calls, lines } = await runCaller(`  release:
    needs: build
    concurrency:
      group: release-\${{ github.ref }}
      cancel-in-progress: false
    uses: acme/templates/.github/workflows/reusable.yml@v1
    with:
      greeting: hello
      count: 3
      log: LOG_FILE
    secrets:
      TOKEN: \${{ secrets.CALLER_TOKEN }}
`, { secrets: { CALLER_TOKEN: "s3cret" }, withOverrides: { greeting: "hi" } });
  assert.deepEqual(calls, ["v1 hi x3 token=s3cret"], "the tagged file ran, not main's; the build job did not run");
  assert.equal(result.caller.result, "success");
  assert.deepEqual(result.caller.overridden, ["greeting"]);
  assert.equal(result.outputs.said, "hi");
  assert.ok(lines.includes("*** release: with.greeting overridden for this local run"));
  assert.deepEqual(Object.keys(result.caller.inputs).sort(), ["count", "greeting", "log"], "the inputs, never the secrets");
});

test("evaluate-only returns the inputs the caller's with: gives, expressions evaluated, without running anything", async () => {
  const { result, calls } = await runCaller(`  release:
    uses: acme/templates/.github/workflows/reusable.yml@v1
    with:
      greeting: \${{ github.sha }}
      count: 3
      log: LOG_FILE
`, { evaluateOnly: true, github: { sha: "abc123" } });
  assert.deepEqual(calls, []);
  assert.equal(result.caller.inputs.greeting, "abc123");
  assert.equal(result.caller.inputs.count, 3);
  assert.equal(result.jobs, undefined);
});

test("a caller's secret that is not set reaches the reusable workflow empty, as on GitHub", async () => {
  const { calls } = await runCaller(`  release:
    uses: acme/templates/.github/workflows/reusable.yml@v1
    with:
      greeting: hello
      log: LOG_FILE
    secrets:
      TOKEN: \${{ secrets.MISSING }}
`);
  assert.deepEqual(calls, ["v1 hello x1 token="]);
});

test("a caller job the executor cannot run as written is refused with the reason", async () => {
  const refusals = [
    [`  release:
    uses: acme/templates/.github/workflows/reusable.yml@v1
    with: { greeting: hello, log: LOG_FILE }
    secrets: inherit
`, /does not implement 'secrets: inherit'/],
    [`  release:
    uses: acme/other/.github/workflows/reusable.yml@v1
    with: { greeting: hello, log: LOG_FILE }
`, /no local copy of acme\/other: pass --repository acme\/other=DIR/],
    [`  release:
    uses: acme/templates/.github/workflows/reusable.yml@v9
    with: { greeting: hello, log: LOG_FILE }
`, /cannot check out acme\/templates@v9/],
    [`  release:
    uses: acme/templates/.github/workflows/reusable.yml@v1
    with: { greeting: hello, log: LOG_FILE, colour: red }
`, /invalid input, colour is not defined in the referenced workflow/],
    [`  release:
    strategy:
      matrix:
        region: [eu, us]
    uses: acme/templates/.github/workflows/reusable.yml@v1
    with: { greeting: hello, log: LOG_FILE }
`, /does not implement 'strategy'/],
  ];
  for (const [job, message] of refusals) {
    await assert.rejects(runCaller(job), (error) => error instanceof ExecutorError && message.test(error.message), message.source);
  }
});
