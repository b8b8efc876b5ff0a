// Azure Pipelines expressions, the subset the emitted templates use: literals ('text', numbers, True/False,
// Null), property access (parameters.x, variables['x'], dependencies.job.outputs['step.name']) and function
// calls. Microsoft publishes no JavaScript parser for them (azure-pipelines-language-service only validates
// YAML against the schema), so this file implements the documented grammar and refuses everything else:
// https://learn.microsoft.com/en-us/azure/devops/pipelines/process/expressions
import { ExecutorError } from "../github/executor-error.mjs";

function tokenize(text, where) {
  const tokens = [];
  let i = 0;
  while (i < text.length) {
    const c = text[i];
    if (/\s/.test(c)) { i++; continue; }
    if ("(),.[]".includes(c)) { tokens.push({ kind: c, at: i }); i++; continue; }
    if (c === "'") {
      let value = "";
      i++;
      for (;;) {
        if (i >= text.length) throw new ExecutorError(`${where}: unterminated string in expression '${text}'`);
        if (text[i] === "'") {
          if (text[i + 1] === "'") { value += "'"; i += 2; continue; }
          i++;
          break;
        }
        value += text[i++];
      }
      tokens.push({ kind: "string", value });
      continue;
    }
    const number = /^-?(\d+\.?\d*|\.\d+)/.exec(text.slice(i));
    if (number && (c === "-" || /\d|\./.test(c)) && !(c === "." && tokens.length && tokens.at(-1).kind === "name")) {
      tokens.push({ kind: "number", value: Number(number[0]) });
      i += number[0].length;
      continue;
    }
    const name = /^[A-Za-z_][A-Za-z0-9_-]*/.exec(text.slice(i));
    if (name) { tokens.push({ kind: "name", value: name[0] }); i += name[0].length; continue; }
    throw new ExecutorError(`${where}: the executor does not implement '${c}' in expression '${text}' (Azure expressions use functions such as and(), eq(), not operators)`);
  }
  return tokens;
}

/** Parses one expression into a tree: { literal } | { name, path: [..] } | { call, args: [..] }. */
export function parseExpression(text, where) {
  const tokens = tokenize(text, where);
  let position = 0;
  const peek = () => tokens[position];
  const expect = (kind) => {
    const token = tokens[position++];
    if (token?.kind !== kind) throw new ExecutorError(`${where}: expected '${kind}' in expression '${text}'`);
    return token;
  };
  const primary = () => {
    const token = tokens[position++];
    if (!token) throw new ExecutorError(`${where}: expression '${text}' ends too early`);
    if (token.kind === "string" || token.kind === "number") return { literal: token.value };
    if (token.kind !== "name") throw new ExecutorError(`${where}: unexpected '${token.kind}' in expression '${text}'`);
    const lower = token.value.toLowerCase();
    if (lower === "true") return { literal: true };
    if (lower === "false") return { literal: false };
    if (lower === "null") return { literal: null };
    if (peek()?.kind === "(") {
      position++;
      const args = [];
      if (peek()?.kind !== ")") {
        args.push(primary());
        while (peek()?.kind === ",") { position++; args.push(primary()); }
      }
      expect(")");
      return { call: token.value, args };
    }
    const node = { name: token.value, path: [] };
    while (peek()?.kind === "." || peek()?.kind === "[") {
      if (tokens[position++].kind === ".") node.path.push({ literal: expect("name").value });
      else { node.path.push(primary()); expect("]"); }
    }
    return node;
  };
  const tree = primary();
  if (position !== tokens.length) throw new ExecutorError(`${where}: unexpected text after the expression '${text}'`);
  return tree;
}

const isObject = (value) => typeof value === "object" && value !== null;

/** The documented type coercions: eq and its kin convert the right side to the left side's type. */
function coerce(value, like) {
  if (typeof like === "number") return typeof value === "number" ? value : value === "" ? 0 : Number(value);
  if (typeof like === "boolean") return typeof value === "boolean" ? value : toBoolean(value);
  if (typeof like === "string") return typeof value === "string" ? value : toText(value);
  return value;
}

export function toBoolean(value) {
  if (value === null || value === undefined) return false;
  if (typeof value === "boolean") return value;
  if (typeof value === "number") return value !== 0 && !Number.isNaN(value);
  if (typeof value === "string") return value.length > 0;
  return true;
}

export function toText(value) {
  if (value === null || value === undefined) return "";
  if (typeof value === "boolean") return value ? "True" : "False";
  if (typeof value === "number" || typeof value === "string") return String(value);
  return undefined;
}

function equal(left, right) {
  const converted = coerce(right, left);
  if (typeof left === "string" && typeof converted === "string") return left.toLowerCase() === converted.toLowerCase();
  return left === converted;
}

const templateFunctions = {
  eq: (a, b) => equal(a, b),
  ne: (a, b) => !equal(a, b),
  not: (a) => !toBoolean(a),
  and: (...args) => args.every(toBoolean),
  or: (...args) => args.some(toBoolean),
  in: (a, ...args) => args.some((b) => equal(a, b)),
  notIn: (a, ...args) => !args.some((b) => equal(a, b)),
  length: (a) => (Array.isArray(a) ? a.length : isObject(a) ? Object.keys(a).length : (toText(a) ?? "").length),
  join: (separator, list) => (Array.isArray(list) ? list.map((item) => toText(item) ?? "").join(toText(separator)) : toText(list) ?? ""),
  contains: (a, b) => (toText(a) ?? "").toLowerCase().includes((toText(b) ?? "").toLowerCase()),
  startsWith: (a, b) => (toText(a) ?? "").toLowerCase().startsWith((toText(b) ?? "").toLowerCase()),
  endsWith: (a, b) => (toText(a) ?? "").toLowerCase().endsWith((toText(b) ?? "").toLowerCase()),
  coalesce: (...args) => args.find((a) => a !== null && a !== undefined && a !== "") ?? null,
};

const statusNames = ["always", "succeeded", "failed", "canceled", "succeededOrFailed"];

function lookup(object, key) {
  if (!isObject(object)) return null;
  if (Array.isArray(object)) return typeof key === "number" ? object[key] ?? null : null;
  const wanted = String(key).toLowerCase();
  const found = Object.keys(object).find((name) => name.toLowerCase() === wanted);
  return found === undefined ? null : object[found];
}

/**
 * Evaluates a parsed expression. scope: named values ({ parameters, variables, dependencies, ... });
 * status: the status functions of where the expression runs, or undefined at template expansion time.
 */
export function evaluate(tree, scope, status, where) {
  if ("literal" in tree) return tree.literal;
  if ("name" in tree) {
    const root = Object.keys(scope).find((name) => name.toLowerCase() === tree.name.toLowerCase());
    if (root === undefined) throw new ExecutorError(`${where}: the executor does not implement '${tree.name}' here (known: ${Object.keys(scope).join(", ")})`);
    let value = scope[root];
    for (const part of tree.path) value = lookup(value, evaluate(part, scope, status, where));
    return value ?? null;
  }
  const name = Object.keys(templateFunctions).concat(statusNames).find((known) => known.toLowerCase() === tree.call.toLowerCase());
  if (name === undefined) throw new ExecutorError(`${where}: the executor does not implement the function '${tree.call}'`);
  if (statusNames.includes(name)) {
    if (!status) throw new ExecutorError(`${where}: ${name}() is a runtime function; it cannot appear in a template expression`);
    if (tree.args.length > 0) throw new ExecutorError(`${where}: the executor does not implement ${name}() with job names`);
    return status[name]();
  }
  // and/or short-circuit as documented.
  if (name === "and") return tree.args.every((arg) => toBoolean(evaluate(arg, scope, status, where)));
  if (name === "or") return tree.args.some((arg) => toBoolean(evaluate(arg, scope, status, where)));
  return templateFunctions[name](...tree.args.map((arg) => evaluate(arg, scope, status, where)));
}

export function evaluateText(text, scope, status, where) {
  return evaluate(parseExpression(text, where), scope, status, where);
}

/** A runtime condition: true when it evaluates to a truthy value. */
export function evaluateCondition(text, scope, status, where) {
  return toBoolean(evaluateText(text, scope, status, where));
}
