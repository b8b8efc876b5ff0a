// Evaluates template tokens from @actions/workflow-parser with GitHub's own expression engine
// (@actions/expressions). Only the status functions, which depend on the run, are supplied here.
import { Evaluator, Lexer, Parser, data } from "@actions/expressions";
import { isBasicExpression, isBoolean, isMapping, isNumber, isSequence, isString } from "@actions/workflow-parser";
import { ExecutorError } from "./executor-error.mjs";

const contextNames = ["github", "env", "inputs", "secrets", "matrix", "needs", "steps", "job", "jobs", "runner", "strategy", "vars"];
const statusFunctionNames = ["success", "failure", "cancelled", "always"];

/** Converts plain JSON values into the expression engine's data types. */
export function toExpressionData(value) {
  return JSON.parse(JSON.stringify(value ?? null), data.reviver);
}

function toPlain(value) {
  return JSON.parse(JSON.stringify(value, data.replacer));
}

/**
 * Evaluates one expression (without ${{ }}). `scope` holds plain JSON contexts and `status`, an object with
 * success/failure/cancelled/always functions returning booleans.
 */
export function evaluateExpression(expression, scope, where) {
  const functions = new Map();
  const functionInfos = [];
  for (const name of statusFunctionNames) {
    const info = { name, minArgs: 0, maxArgs: 0 };
    functionInfos.push(info);
    functions.set(name, {
      ...info,
      call: () => {
        if (!scope.status) throw new ExecutorError(`${where}: ${name}() is not allowed here`);
        return new data.BooleanData(scope.status[name]());
      },
    });
  }
  const dictionary = new data.Dictionary();
  for (const name of contextNames) {
    if (scope[name] !== undefined) dictionary.add(name, toExpressionData(scope[name]));
  }
  const available = contextNames.filter((name) => scope[name] !== undefined);
  let tree;
  try {
    tree = new Parser(new Lexer(expression).lex().tokens, available, functionInfos).parse();
  } catch (error) {
    throw new ExecutorError(`${where}: cannot evaluate \${{ ${expression} }} here: ${error.message}`);
  }
  try {
    return new Evaluator(tree, dictionary, functions).evaluate();
  } catch (error) {
    if (error instanceof ExecutorError) throw error;
    throw new ExecutorError(`${where}: evaluating \${{ ${expression} }} failed: ${error.message}`);
  }
}

/** Evaluates a condition the way the runner does: the result is truthy or falsy. */
export function evaluateCondition(expression, scope, where) {
  const result = evaluateExpression(expression, scope, where);
  return !(result.kind === data.Kind.Null ||
    (result.kind === data.Kind.Boolean && !result.value) ||
    (result.kind === data.Kind.Number && (result.value === 0 || Number.isNaN(result.value))) ||
    (result.kind === data.Kind.String && result.value === ""));
}

/** Evaluates a token tree into plain JSON (mappings, sequences, strings, numbers, booleans, null). */
export function evaluateToken(token, scope, where) {
  if (token === undefined) return undefined;
  if (isBasicExpression(token)) return toPlain(evaluateExpression(token.expression, scope, where));
  if (isString(token) || isNumber(token) || isBoolean(token)) return token.value;
  if (isSequence(token)) return [...token].map((item, index) => evaluateToken(item, scope, `${where}[${index}]`));
  if (isMapping(token)) {
    const result = {};
    for (const pair of token) {
      const key = evaluateToken(pair.key, scope, where);
      result[key] = evaluateToken(pair.value, scope, `${where}.${key}`);
    }
    return result;
  }
  if (token.templateTokenType === 7 /* TokenType.Null */) return null;
  throw new ExecutorError(`${where}: the executor does not implement ${token.typeName?.() ?? "this"} tokens (line ${token.line})`);
}

/** Evaluates a token to the string the runner would hand to a process: numbers and booleans as text, null as empty. */
export function evaluateString(token, scope, where) {
  const value = evaluateToken(token, scope, where);
  if (value === null || value === undefined) return "";
  if (typeof value === "object") throw new ExecutorError(`${where}: expected a string, got ${JSON.stringify(value)}`);
  if (typeof value === "number" && isBasicExpression(token)) {
    return toExpressionData(value).coerceString();
  }
  return String(value);
}
