// Template expansion as Azure Pipelines does it when a run is queued: `${{ }}` template expressions (whole
// values keep their type, embedded ones become text), `${{ if }}` and `${{ each }}` insertions in mappings and
// sequences, and `- template:` references to step, job and stage templates (local paths resolve from the
// referencing file, `path@alias` from a repository resource) with typed, checked parameters.
// `${{ else }}`, `${{ elseif }}`, `extends`, runtime `$[ ]` expressions and anything else are refused.
import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { isMap, isScalar, isSeq, LineCounter, parseDocument } from "yaml";
import { ExecutorError } from "../github/executor-error.mjs";
import { evaluateText, toBoolean, toText } from "./expressions.mjs";

const wholeExpression = /^\$\{\{(.*)\}\}$/s;
const embeddedExpression = /\$\{\{(.*?)\}\}/gs;

/** A YAML file read into nodes that remember their file, line and column. */
export function loadYaml(file) {
  if (!existsSync(file)) throw new ExecutorError(`${file}: no such file`);
  const lineCounter = new LineCounter();
  const document = parseDocument(readFileSync(file, "utf8"), { lineCounter, uniqueKeys: true });
  if (document.errors.length > 0) {
    throw new ExecutorError(document.errors.map((error) => `${file}:${error.linePos?.[0]?.line}:${error.linePos?.[0]?.col}: ${error.message}`).join("\n"));
  }
  const where = (node) => {
    const position = node?.range ? lineCounter.linePos(node.range[0]) : undefined;
    return position ? `${file}:${position.line}:${position.col}` : file;
  };
  const convert = (node) => {
    if (isMap(node)) return { kind: "map", where: where(node), pairs: node.items.map((pair) => ({ key: String(pair.key.value), where: where(pair.key), value: convert(pair.value) })) };
    if (isSeq(node)) return { kind: "seq", where: where(node), items: node.items.map(convert) };
    if (isScalar(node)) return { kind: "scalar", where: where(node), value: node.value };
    if (node === null || node === undefined) return { kind: "scalar", where: file, value: null };
    throw new ExecutorError(`${where(node)}: the executor does not implement this YAML node (aliases and tags)`);
  };
  return { file, root: convert(document.contents) };
}

export class TemplateExpander {
  /** repositories: { alias: directory holding that repository resource at its ref }. */
  constructor(repositories = {}) {
    this.repositories = repositories;
  }

  /** Expands a pipeline file's root node: its stages, with the templates they reference. */
  expandPipeline(root, file) {
    return this.expand(root, { parameters: {} }, file, undefined);
  }

  evaluate(text, scope, where) {
    return evaluateText(text.trim(), scope, undefined, where);
  }

  /** Expands a node to a plain value. listKind names the sequence being expanded (steps, jobs, stages). */
  expand(node, scope, file, listKind) {
    if (node.kind === "scalar") return this.expandScalar(node, scope);
    if (node.kind === "seq") return this.expandSequence(node, scope, file, listKind);
    const result = {};
    for (const pair of node.pairs) {
      const directive = wholeExpression.exec(pair.key);
      if (directive) {
        const inserted = this.directive(directive[1], pair, scope, file, "map");
        for (const item of inserted) {
          if (item.kind !== "map") throw new ExecutorError(`${pair.where}: '${pair.key}' in a mapping must hold a mapping`);
          Object.assign(result, this.expand(item, item.scope ?? scope, file, listKind));
        }
        continue;
      }
      if (pair.key.includes("${{")) throw new ExecutorError(`${pair.where}: the executor does not implement expressions inside keys ('${pair.key}')`);
      if (pair.key in result) throw new ExecutorError(`${pair.where}: '${pair.key}' is set twice`);
      result[pair.key] = this.expand(pair.value, scope, file, ["steps", "jobs", "stages"].includes(pair.key) ? pair.key : undefined);
    }
    return result;
  }

  expandScalar(node, scope) {
    if (typeof node.value !== "string") return node.value;
    if (node.value.includes("$[")) throw new ExecutorError(`${node.where}: the executor does not implement runtime expressions $[ ] ('${node.value}')`);
    const whole = wholeExpression.exec(node.value);
    if (whole && !whole[1].includes("}}")) return this.evaluate(whole[1], scope, node.where);
    return node.value.replace(embeddedExpression, (_, text) => {
      const value = this.evaluate(text, scope, node.where);
      const inserted = toText(value);
      if (inserted === undefined) throw new ExecutorError(`${node.where}: '${text.trim()}' is a list or mapping; it cannot be inserted into text`);
      return inserted;
    });
  }

  expandSequence(node, scope, file, listKind) {
    const result = [];
    for (const item of node.items) {
      if (item.kind === "map" && item.pairs.length === 1 && wholeExpression.test(item.pairs[0].key)) {
        const pair = item.pairs[0];
        for (const inserted of this.directive(wholeExpression.exec(pair.key)[1], pair, scope, file, "seq")) {
          if (inserted.kind !== "seq") throw new ExecutorError(`${pair.where}: '${pair.key}' in a sequence must hold a sequence`);
          result.push(...this.expandSequence(inserted, inserted.scope ?? scope, file, listKind));
        }
        continue;
      }
      if (item.kind === "map" && item.pairs.some((pair) => pair.key === "template") && listKind) {
        result.push(...this.include(item, scope, file, listKind));
        continue;
      }
      result.push(this.expand(item, scope, file, undefined));
    }
    return result;
  }

  /** `${{ if c }}` or `${{ each x in y }}`: the nodes to insert, each with the scope to expand it in. */
  directive(text, pair, scope, file, container) {
    const body = text.trim();
    const condition = /^if\s+(.*)$/s.exec(body);
    if (condition) return toBoolean(this.evaluate(condition[1], scope, pair.where)) ? [pair.value] : [];
    const each = /^each\s+([A-Za-z_][A-Za-z0-9_]*)\s+in\s+(.*)$/s.exec(body);
    if (each) {
      const collection = this.evaluate(each[2], scope, pair.where);
      const items = Array.isArray(collection) ? collection
        : typeof collection === "object" && collection !== null ? Object.entries(collection).map(([key, value]) => ({ key, value }))
          : (() => { throw new ExecutorError(`${pair.where}: '${each[2].trim()}' is not a list or mapping to iterate over`); })();
      return items.map((item) => ({ ...pair.value, scope: { ...scope, [each[1]]: item } }));
    }
    throw new ExecutorError(`${pair.where}: the executor does not implement '\${{ ${body} }}' in a ${container === "map" ? "mapping" : "sequence"} (it implements if and each)`);
  }

  /** A `- template: path[@alias]` item: the referenced file's steps, jobs or stages, expanded with its parameters. */
  include(item, scope, file, listKind) {
    const reference = this.expand(item, scope, file, undefined);
    const unknown = Object.keys(reference).filter((key) => key !== "template" && key !== "parameters");
    if (unknown.length > 0) throw new ExecutorError(`${item.where}: a template reference takes only template and parameters, not ${unknown.join(", ")}`);
    const target = this.resolve(String(reference.template), file, item.where);
    const { root } = loadYaml(target);
    if (root.kind !== "map") throw new ExecutorError(`${target}: a template must be a mapping`);
    const keys = root.pairs.map((pair) => pair.key);
    const extra = keys.filter((key) => key !== "parameters" && key !== listKind);
    if (extra.length > 0) throw new ExecutorError(`${target}: a ${listKind} template may hold only parameters and ${listKind}, not ${extra.join(", ")}`);
    const parameters = this.bindParameters(root.pairs.find((pair) => pair.key === "parameters")?.value, reference.parameters ?? {}, target, item.where);
    const list = root.pairs.find((pair) => pair.key === listKind);
    if (!list) throw new ExecutorError(`${target}: referenced from ${listKind} at ${item.where}, it has no ${listKind}`);
    return this.expandSequence(list.value, { parameters }, target, listKind);
  }

  resolve(reference, file, where) {
    const [relative, alias] = reference.split("@");
    if (alias === undefined) return path.resolve(path.dirname(file), relative);
    if (alias === "self") throw new ExecutorError(`${where}: the executor does not implement @self references`);
    const directory = this.repositories[alias];
    if (!directory) throw new ExecutorError(`${where}: '${reference}' names the repository resource '${alias}', which resources.repositories does not declare`);
    return path.resolve(directory, relative.replace(/^\//, ""));
  }

  /** A template's declared parameters bound to the given values, checked as Azure checks them at queue time. */
  bindParameters(declarations, given, target, where) {
    if (typeof given !== "object" || given === null || Array.isArray(given)) throw new ExecutorError(`${where}: parameters must be a mapping`);
    if (declarations === undefined) {
      if (Object.keys(given).length > 0) throw new ExecutorError(`${where}: ${target} declares no parameters`);
      return {};
    }
    if (declarations.kind !== "seq") throw new ExecutorError(`${declarations.where}: the executor implements only the list form of parameters`);
    const bound = {};
    const names = [];
    for (const declarationNode of declarations.items) {
      const declaration = this.expand(declarationNode, { parameters: {} }, target, undefined);
      const unknown = Object.keys(declaration).filter((key) => !["name", "displayName", "type", "default", "values"].includes(key));
      if (unknown.length > 0) throw new ExecutorError(`${declarationNode.where}: the executor does not implement parameter keys ${unknown.join(", ")}`);
      const { name, type = "string" } = declaration;
      names.push(name);
      const has = Object.keys(given).includes(name);
      if (!has && !("default" in declaration)) throw new ExecutorError(`${where}: a value for the '${name}' parameter of ${target} must be provided`);
      const value = this.coerceParameter(name, type, has ? given[name] : declaration.default, target, where, declarationNode.where);
      if (declaration.values && !declaration.values.some((allowed) => String(allowed) === String(value))) {
        throw new ExecutorError(`${where}: the '${name}' parameter value '${toText(value) ?? JSON.stringify(value)}' is not a valid value; use one of ${declaration.values.join(", ")}`);
      }
      bound[name] = value;
    }
    for (const name of Object.keys(given)) {
      if (!names.includes(name)) throw new ExecutorError(`${where}: unexpected parameter '${name}' for ${target} (its parameters: ${names.join(", ")})`);
    }
    return bound;
  }

  coerceParameter(name, type, value, target, where, declaredAt) {
    switch (type) {
      case "string":
        if (typeof value === "object" && value !== null) throw new ExecutorError(`${where}: the '${name}' parameter of ${target} is a string, not a list or mapping`);
        return toText(value);
      case "number": {
        const number = typeof value === "number" ? value : Number(value);
        if (value === "" || value === null || typeof value === "object" || Number.isNaN(number)) throw new ExecutorError(`${where}: the '${name}' parameter value '${toText(value) ?? JSON.stringify(value)}' is not a valid number`);
        return number;
      }
      case "boolean":
        if (value === true || String(value).toLowerCase() === "true") return true;
        if (value === false || String(value).toLowerCase() === "false") return false;
        throw new ExecutorError(`${where}: the '${name}' parameter value '${value}' is not a valid boolean`);
      case "object":
        return value;
      default:
        throw new ExecutorError(`${declaredAt}: parameter '${name}' has type '${type}', which the executor does not implement (it implements string, number, boolean, object)`);
    }
  }
}
