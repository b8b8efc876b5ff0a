// Small local equivalents of the third-party actions the templates use. Each accepts only the inputs it
// implements and refuses any other, so a template that starts to rely on more fails here first.
// docs/templates.md ("How the executors differ from hosted runners") describes each.
import { cpSync, existsSync, mkdirSync, readdirSync, rmSync, statSync } from "node:fs";
import path from "node:path";
import { spawnSync } from "node:child_process";
import { ExecutorError } from "./executor-error.mjs";

function checkInputs(action, inputs, allowed, where) {
  for (const name of Object.keys(inputs)) {
    if (!allowed.includes(name)) {
      throw new ExecutorError(`${where}: the local ${action} does not implement the input '${name}' (it implements ${allowed.join(", ")})`);
    }
  }
}

function git(args, log) {
  const result = spawnSync("git", args, { encoding: "utf8" });
  if (result.status !== 0) {
    log(`git ${args.join(" ")} failed: ${result.stderr.trim()}`);
    return false;
  }
  return true;
}

/**
 * actions/checkout: copies the caller's folder (with its .git, so the whole history, as fetch-depth: 0 asks) and,
 * given `ref`, checks that commit out in the copy; or clones a repository registered with --repository at `ref`.
 */
function checkout(inputs, job, where) {
  checkInputs("actions/checkout", inputs, ["repository", "ref", "path", "persist-credentials", "fetch-depth"], where);
  const target = path.resolve(job.workspace, inputs.path ?? ".");
  if (!target.startsWith(job.workspace)) throw new ExecutorError(`${where}: path '${inputs.path}' leaves the workspace`);
  if (inputs["fetch-depth"] !== undefined && String(inputs["fetch-depth"]) !== "0") {
    throw new ExecutorError(`${where}: the local checkout always has the whole history; it implements only fetch-depth: 0`);
  }
  if (!inputs.repository) {
    mkdirSync(target, { recursive: true });
    cpSync(job.run.workspaceSource, target, { recursive: true });
    job.log(`checked out the caller's files from ${job.run.workspaceSource}`);
    if (inputs.ref) {
      if (!existsSync(path.join(target, ".git"))) throw new ExecutorError(`${where}: ref '${inputs.ref}' needs --workspace to be a git repository`);
      if (!git(["-C", target, "-c", "advice.detachedHead=false", "checkout", "--quiet", "--detach", inputs.ref], job.log)) return "failure";
      job.log(`checked out ${inputs.ref}`);
    }
    return "success";
  }
  const source = job.run.repositories[inputs.repository];
  if (!source) throw new ExecutorError(`${where}: no local copy of ${inputs.repository}: pass --repository ${inputs.repository}=DIR`);
  rmSync(target, { recursive: true, force: true });
  if (!git(["clone", "--quiet", "--no-checkout", source, target], job.log)) return "failure";
  const ref = inputs.ref || "HEAD";
  // A tag or branch name, or a commit SHA, as actions/checkout resolves them.
  if (!git(["-C", target, "-c", "advice.detachedHead=false", "checkout", "--quiet", "--detach", ref], job.log)) return "failure";
  job.log(`checked out ${inputs.repository}@${ref} into ${path.relative(job.workspace, target) || "."}`);
  return "success";
}

/** actions/setup-dotnet: installs nothing; the host's dotnet runs (the gate tool rolls forward to it). */
function setupDotnet(inputs, job, where) {
  checkInputs("actions/setup-dotnet", inputs, ["dotnet-version"], where);
  const result = spawnSync("dotnet", ["--version"], { encoding: "utf8", env: job.processEnv() });
  if (result.status !== 0) {
    job.log(`dotnet is not installed on this machine: ${result.error?.message ?? result.stderr}`);
    return "failure";
  }
  job.log(`dotnet-version ${inputs["dotnet-version"]} requested; using the installed SDK ${result.stdout.trim()}`);
  return "success";
}

/** actions/upload-artifact: copies one file or folder into the run's artifact store under its name. */
function uploadArtifact(inputs, job, where) {
  checkInputs("actions/upload-artifact", inputs, ["name", "path", "if-no-files-found", "overwrite"], where);
  const name = inputs.name || "artifact";
  if (!inputs.path || inputs.path.includes("\n") || /[*?]/.test(inputs.path)) {
    throw new ExecutorError(`${where}: the local upload-artifact takes one file or folder path, not '${inputs.path}'`);
  }
  const source = path.resolve(job.workspace, inputs.path);
  const store = path.join(job.run.artifacts, name);
  if (!existsSync(source)) {
    const policy = inputs["if-no-files-found"] || "warn";
    if (!["warn", "error", "ignore"].includes(policy)) throw new ExecutorError(`${where}: if-no-files-found '${policy}' is not warn, error or ignore`);
    job.log(`${policy === "error" ? "error" : "warning"}: no files were found with the provided path: ${inputs.path}. No artifacts will be uploaded.`);
    return policy === "error" ? "failure" : "success";
  }
  if (existsSync(store)) {
    if (inputs.overwrite !== "true") {
      job.log(`error: an artifact named ${name} already exists in this run`);
      return "failure";
    }
    rmSync(store, { recursive: true, force: true });
  }
  mkdirSync(store, { recursive: true });
  if (statSync(source).isDirectory()) cpSync(source, store, { recursive: true });
  else cpSync(source, path.join(store, path.basename(source)));
  job.log(`uploaded artifact ${name}`);
  return "success";
}

function globToRegExp(pattern) {
  return new RegExp(`^${pattern.replace(/[.+^${}()|[\]\\]/g, "\\$&").replace(/\*/g, ".*").replace(/\?/g, ".")}$`);
}

/** actions/download-artifact: copies artifacts of this run by name, or every one matching a pattern. */
function downloadArtifact(inputs, job, where) {
  checkInputs("actions/download-artifact", inputs, ["name", "pattern", "path", "merge-multiple"], where);
  const target = path.resolve(job.workspace, inputs.path || ".");
  const stored = existsSync(job.run.artifacts) ? readdirSync(job.run.artifacts).sort() : [];
  if (inputs.name) {
    if (!stored.includes(inputs.name)) {
      job.log(`error: Artifact not found for name: ${inputs.name}`);
      return "failure";
    }
    mkdirSync(target, { recursive: true });
    cpSync(path.join(job.run.artifacts, inputs.name), target, { recursive: true });
    job.log(`downloaded artifact ${inputs.name}`);
    return "success";
  }
  const matcher = globToRegExp(inputs.pattern || "*");
  const names = stored.filter((name) => matcher.test(name));
  for (const name of names) {
    const destination = inputs["merge-multiple"] === "true" ? target : path.join(target, name);
    mkdirSync(destination, { recursive: true });
    cpSync(path.join(job.run.artifacts, name), destination, { recursive: true });
  }
  job.log(`downloaded ${names.length} artifact(s)${names.length ? ": " + names.join(", ") : ""}`);
  return "success";
}

const standIns = {
  "actions/checkout": checkout,
  "actions/setup-dotnet": setupDotnet,
  "actions/upload-artifact": uploadArtifact,
  "actions/download-artifact": downloadArtifact,
};

/** Returns the local equivalent of `owner/name@ref`, or undefined when there is none. */
export function standInFor(uses) {
  const match = /^([^/@]+\/[^/@]+)@([0-9a-f]{40}|v[0-9.]+)$/.exec(uses);
  return match ? standIns[match[1]] : undefined;
}
